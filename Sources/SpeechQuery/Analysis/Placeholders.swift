/// Template gaps left in a downloaded model speech: X, XX, ×××, 20XX年, **, 某某, ○○
/// (but not the circles of a year written in numerals, 二○○○年).
public struct Placeholder: Sendable, Equatable {
    public var text: String
    /// Byte range in the document.
    public var range: Range<Int>
}

public enum PlaceholderFinder {
    /// Scalars that fill a gap when repeated or standing alone between Chinese characters.
    static func isGapScalar(_ c: Unicode.Scalar) -> Bool {
        c == "X" || c == "Ｘ" || c == "×" || c == "○" || c == "*" || c == "＊"
    }

    public static func find(in document: Document) -> [Placeholder] {
        var found: [Placeholder] = []
        let scalars = Array(document.text(0..<document.bytes.count).unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        func isLatinLetter(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && scalars[i].isASCII && scalars[i].properties.isAlphabetic
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "某", i + 1 < scalars.count, scalars[i + 1] == "某" {
                found.append(Placeholder(text: "某某", range: offsets[i]..<offsets[i + 2]))
                i += 2
                continue
            }
            guard isGapScalar(c) else {
                i += 1
                continue
            }
            var j = i
            while j < scalars.count, scalars[j] == c { j += 1 }
            let run = j - i
            // A lone X between letters is a word (Xinhua, XML); an asterisk alone is a footnote mark.
            let standsAlone = !isLatinLetter(i - 1) && !isLatinLetter(j)
            let isGap: Bool
            switch c {
            case "○": isGap = run >= 2 && !isYearDigits(scalars, i..<j)
            case "*", "＊", "×": isGap = run >= 2 || (c == "×" && run >= 1 && !isDigit(scalars, i - 1) && !isDigit(scalars, j))
            default: isGap = standsAlone && run <= 4
            }
            if isGap {
                // 20XX年: the digits before the gap belong to it.
                var start = i
                while start > 0, isDigit(scalars, start - 1) { start -= 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<j]))
                found.append(Placeholder(text: text, range: offsets[start]..<offsets[j]))
            }
            i = j
        }
        return found
    }

    /// Whether the circles at `run` write zeros of a year (二○○○年): a Chinese numeral right
    /// before them and only numerals between them and 年. ○○年 or 20○○年 stay placeholders.
    private static func isYearDigits(_ scalars: [Unicode.Scalar], _ run: Range<Int>) -> Bool {
        guard run.lowerBound > 0, DateText.chineseDigit(scalars[run.lowerBound - 1].value) != nil else { return false }
        var k = run.upperBound
        while k < scalars.count, DateText.chineseDigit(scalars[k].value) != nil { k += 1 }
        return k < scalars.count && scalars[k] == "年"
    }

    private static func isDigit(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i])
    }
}
