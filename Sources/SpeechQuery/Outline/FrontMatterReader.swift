import Foundation

/// Reads the front matter from the top of a document: title, subtitle lines, the occasion
/// line, the speaker line and a table of contents. Stops at the first line that is body
/// text: one with a sentence terminator, a vocative, or a numbered heading.
struct FrontMatterReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: MarkerLexicon
    var frontMatter = FrontMatter()

    /// Longest line taken as a title or subtitle, in characters.
    static let maximumTitleLength = 100

    init(bytes: UnsafeBufferPointer<UInt8>, lexicon: MarkerLexicon) {
        self.bytes = bytes
        self.lexicon = lexicon
    }

    /// Fills `frontMatter` from the first of `lines`; returns the index of the first body line.
    mutating func read(_ lines: [SourceLine]) -> Int {
        var index = 0
        var inContents = false
        while index < lines.count {
            let line = lines[index]
            let vocative = VocativeMatcher.opensWithVocative(line.range, in: bytes, vocatives: lexicon.vocatives)
            if inContents {
                // Entries of a table of contents are headings: short, unterminated.
                guard isHeadingLike(line.range), !vocative else { break }
                frontMatter.contents.append(line)
            } else if frontMatter.contents.isEmpty, isContentsLabel(line.range) {
                frontMatter.contents.append(line)
                inContents = true
            } else if frontMatter.occasion == nil, isOccasion(line.range) {
                frontMatter.occasion = line
            } else if frontMatter.speaker == nil, SpeakerLine.parse(text(line.range), roles: lexicon.speakerRoles) != nil {
                frontMatter.speaker = line
            } else if vocative || !isHeadingLike(line.range) || HeadingMarkers.parse(line.range, in: bytes) != nil {
                break
            } else if frontMatter.title == nil {
                frontMatter.title = line
            } else if frontMatter.occasion == nil, frontMatter.speaker == nil {
                frontMatter.subtitles.append(line)
            } else {
                break
            }
            index += 1
        }
        return index
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Short and without a sentence terminator.
    func isHeadingLike(_ range: Range<Int>) -> Bool {
        UTF8Scanning.nonWhitespaceCount(range, in: bytes) <= Self.maximumTitleLength
            && !SentenceSplitter.containsTerminator(range, in: bytes)
    }

    func isContentsLabel(_ range: Range<Int>) -> Bool {
        lexicon.contentsLabels.contains { $0.count == range.count && UTF8Scanning.matches($0, in: bytes, at: range.lowerBound, end: range.upperBound) }
    }

    /// `——2017年3月5日在…会议上`, `--在县委(扩大)会议上的讲话`, or the whole line in
    /// brackets: `（2017年3月5日在…会议上）`.
    func isOccasion(_ range: Range<Int>) -> Bool {
        guard isHeadingLike(range) else { return false }
        let (first, _) = UTF8Scanning.scalar(in: bytes, at: range.lowerBound)
        if OccasionLine.isDash(first) { return true }
        let line = text(range)
        if (line.hasPrefix("（") && line.hasSuffix("）")) || (line.hasPrefix("(") && line.hasSuffix(")")) {
            return line.contains("会议") || line.contains("讲话") || line.contains("年")
        }
        return false
    }
}

/// The occasion line's text and the date in it.
enum OccasionLine {
    static func isDash(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2014, 0x2015, 0x2500, 0x2D, 0xFF0D, 0x2010, 0x2013, 0xFF5E, 0x7E:  // — ― ─ - － ‐ – ～ ~
            return true
        default:
            return false
        }
    }

    /// The line without its leading dashes or surrounding brackets.
    static func occasion(from line: String) -> String {
        var scalars = Substring(line).unicodeScalars[...]
        while let first = scalars.first, isDash(first.value) || first.properties.isWhitespace { scalars = scalars.dropFirst() }
        var text = String(String.UnicodeScalarView(scalars))
        if (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")")) {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The first date written `YYYY年M月D日` (digits full- or half-width, spaces ignored),
    /// as ISO `YYYY-MM-DD`; `YYYY年M月` gives `YYYY-MM`.
    static func isoDate(in text: String) -> String? {
        var digits: [UInt32] = []  // the text with full-width digits folded and spaces dropped
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0xFF10 && v <= 0xFF19 { digits.append(v - 0xFF10 + 0x30) } else if !scalar.properties.isWhitespace { digits.append(v) }
        }
        let year = 0x5E74, month = 0x6708, day = 0x65E5  // 年 月 日
        func number(at start: Int, maxLength: Int) -> (Int, Int)? {
            var i = start, value = 0
            while i < digits.count, i - start < maxLength, digits[i] >= 0x30, digits[i] <= 0x39 {
                value = value * 10 + Int(digits[i] - 0x30)
                i += 1
            }
            return i > start ? (value, i) : nil
        }
        var i = 0
        while i < digits.count {
            if let (y, afterYear) = number(at: i, maxLength: 4), afterYear - i == 4, afterYear < digits.count, digits[afterYear] == year,
               let (m, afterMonth) = number(at: afterYear + 1, maxLength: 2), afterMonth < digits.count, digits[afterMonth] == month, (1...12).contains(m) {
                if let (d, afterDay) = number(at: afterMonth + 1, maxLength: 2), afterDay < digits.count, digits[afterDay] == day, (1...31).contains(d) {
                    return padded(y, to: 4) + "-" + padded(m, to: 2) + "-" + padded(d, to: 2)
                }
                return padded(y, to: 4) + "-" + padded(m, to: 2)
            }
            i += 1
        }
        return nil
    }

    /// A four-digit year at the start of a title: `2006政府工作报告`, `1954年政府工作报告`.
    static func leadingYear(in text: String) -> Int? {
        let digits = text.unicodeScalars.prefix { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0xFF10 && $0.value <= 0xFF19) }
        guard digits.count == 4 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1.value >= 0xFF10 ? $1.value - 0xFF10 : $1.value - 0x30) }
    }
}

/// `国务院总理　李克强`, `国务院总理周恩来`, `国务院副总理兼国家计划委员会主任李富春`:
/// a role ending in a known title, then a name of two to four characters.
enum SpeakerLine {
    static let maximumLength = 40

    static func parse(_ line: String, roles: [String]) -> (role: String, name: String)? {
        let compact = line.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard !compact.isEmpty, compact.count <= maximumLength,
              compact.allSatisfy({ $0.properties.isIdeographic || $0 == "·" || $0 == "・" })
        else { return nil }
        let words = line.split { $0.isWhitespace }
        if words.count >= 2, let name = words.last, (2...4).contains(name.count) {
            let role = words.dropLast().joined()
            if roles.contains(where: { role.hasSuffix($0) }) { return (role, String(name)) }
        }
        let text = String(String.UnicodeScalarView(compact))
        for role in roles {
            // The role ends before a two-to-four character name.
            guard let found = text.range(of: role, options: .backwards) else { continue }
            let name = text[found.upperBound...]
            if (2...4).contains(name.count) {
                return (String(text[..<found.upperBound]), String(name))
            }
        }
        return nil
    }
}

/// Zero-padded decimal: `padded(3, to: 2)` is `03`.
private func padded(_ value: Int, to width: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
