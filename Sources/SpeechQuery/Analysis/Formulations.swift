/// Numbered slogans (提法): 两个责任, 三个支撑点, 三严三保, 两防五到位, 六稳, 三农.
///
/// A quoted phrase is a formulation when it is shaped like one: a numeral and 个 and a noun
/// (四个意识), or numerals each followed by one or two characters, at least two of them
/// (三严三保, 两防五到位), or a numeral and one character (六稳, 三农). 一 does not start
/// one (一盘棋, 一企一策 are idioms), and a phrase whose numeral only counts a thing
/// (最后一张纸) does not start with a numeral at all. Unquoted, the formulations in the
/// lexicon's [formulations] list are found too. Every occurrence, quoted or not, is counted.
public struct Formulation: Sendable, Equatable {
    public var text: String
    /// Byte offsets of each occurrence in the document.
    public var occurrences: [Int]
}

public enum FormulationFinder {
    static let counting: Set<UInt32> = [0x4E24, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341]  // 两二三四五六七八九十

    public static func find(in document: Document, lexicon: AnalysisLexicon) -> [Formulation] {
        var texts: [String] = []
        for quoted in quotedPhrases(document.text(0..<document.bytes.count)) where isFormulation(quoted) && !texts.contains(quoted) {
            texts.append(quoted)
        }
        for known in lexicon.formulations where !texts.contains(known) {
            texts.append(known)
        }
        return document.bytes.withUnsafeBufferPointer { buffer in
            texts.compactMap { text in
                let offsets = ByteSearch.all(Array(text.utf8), in: buffer, range: 0..<buffer.count)
                return offsets.isEmpty ? nil : Formulation(text: text, occurrences: offsets)
            }
        }
        .sorted { $0.occurrences[0] < $1.occurrences[0] }
    }

    /// The shape test for a quoted phrase.
    public static func isFormulation(_ phrase: String) -> Bool {
        let s = Array(phrase.unicodeScalars)
        guard let first = s.first, counting.contains(first.value), s.count <= 8,
              s.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
        else { return false }
        // 四个意识, 两个维护, 三个支撑点.
        if s.count >= 4, s[1] == "个", (2...4).contains(s.count - 2) { return true }
        // Numeral groups: 三严三保, 两防五到位, 六稳, 三农.
        var groups = 0
        var i = 0
        while i < s.count {
            guard counting.contains(s[i].value) else { return false }
            var j = i + 1
            while j < s.count, !counting.contains(s[j].value) { j += 1 }
            let body = j - i - 1
            guard (1...2).contains(body) else { return false }
            groups += 1
            i = j
        }
        // A single numeral and one character: 六稳, 三农 — but not a count (三个, 两项, 五年).
        return groups >= 2 || (s.count == 2 && !measureWords.contains(s[1]))
    }

    static let measureWords: Set<Unicode.Scalar> = ["个", "项", "条", "次", "年", "月", "日", "天", "点", "人", "位", "件", "种", "类", "批"]

    /// Text between paired quotes: “…”, 「…」, "…".
    static func quotedPhrases(_ text: String) -> [String] {
        var phrases: [String] = []
        var current: String.UnicodeScalarView?
        var straightOpen = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "“", "「":
                current = String.UnicodeScalarView()
            case "”", "」":
                if let c = current { phrases.append(String(c)) }
                current = nil
            case "\"":
                if straightOpen, let c = current { phrases.append(String(c)) }
                straightOpen.toggle()
                current = straightOpen ? String.UnicodeScalarView() : nil
            case "\n":
                current = nil
                straightOpen = false
            default:
                current?.append(scalar)
                if (current?.count ?? 0) > 20 { current = nil }
            }
        }
        return phrases
    }
}
