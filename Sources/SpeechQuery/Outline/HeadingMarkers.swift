/// Recognises the numbered markers that open a paragraph: `一、` (section), `（一）` or
/// `(一)` (subsection), and splits a marked paragraph into its heading and run-in body.
enum HeadingMarkers {
    enum Level { case section, subsection }

    /// How a marked paragraph is shaped.
    enum Shape: Equatable {
        /// The whole paragraph is a short heading: `一、过去五年工作回顾`.
        case headingOnly
        /// A short heading followed by body text on the same line: `（一）坚持…。这些年…`.
        case runIn
        /// Too long to be a heading: a numbered list item.
        case listItem
    }

    struct Marked {
        var level: Level
        var number: Int
        /// The whole heading: marker and text up to the end of the first sentence.
        var headingLine: Range<Int>
        /// The heading text without its marker.
        var heading: Range<Int>
        /// Body text after a run-in heading; empty for a heading-only paragraph.
        var rest: Range<Int>
        var shape: Shape
    }

    /// The longest heading a heading-only paragraph may have, in characters. Longer
    /// single-sentence paragraphs are list items. The longest section heading in the 49
    /// reports is 34 characters; the reference speech's is 48.
    static let maximumHeadingOnlyLength = 80
    /// The longest run-in heading. Run-in headings in the reports are 15–29 characters;
    /// list items that open with a longer first sentence are not headings.
    static let maximumRunInLength = 60

    private static let ideographicComma: UInt32 = 0x3001  // 、
    private static let openParens: Set<UInt32> = [0xFF08, 0x28]   // （ (
    private static let closeParens: Set<UInt32> = [0xFF09, 0x29]  // ） )

    /// The marker at the start of `range`, or nil when the paragraph is not marked.
    static func parse(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Marked? {
        let end = range.upperBound
        var i = range.lowerBound
        guard i < end else { return nil }
        let level: Level
        let number: Int
        let (first, firstLength) = UTF8Scanning.scalar(in: bytes, at: i)
        if openParens.contains(first) {
            guard let (value, after) = ChineseNumeral.parse(in: bytes, at: i + firstLength, end: end), after < end else { return nil }
            let (close, closeLength) = UTF8Scanning.scalar(in: bytes, at: after)
            guard closeParens.contains(close) else { return nil }
            level = .subsection
            number = value
            i = after + closeLength
        } else if let (value, after) = ChineseNumeral.parse(in: bytes, at: i, end: end) {
            if after == end {
                // A bare numeral on its own line (`一`) numbers a section with no heading text.
                return Marked(level: .section, number: value, headingLine: range, heading: end..<end, rest: end..<end, shape: .headingOnly)
            }
            let (mark, markLength) = UTF8Scanning.scalar(in: bytes, at: after)
            guard mark == ideographicComma else { return nil }
            level = .section
            number = value
            i = after + markLength
        } else {
            return nil
        }
        guard number > 0 else { return nil }
        let textStart = UTF8Scanning.skipWhitespace(in: bytes, from: i, to: end)
        let (headingEnd, restStart) = headingBoundary(textStart..<end, in: bytes)
        let heading = textStart..<headingEnd
        let rest = UTF8Scanning.trimmed(restStart..<end, in: bytes)
        let length = UTF8Scanning.nonWhitespaceCount(heading, in: bytes)
        let shape: Shape
        if rest.isEmpty {
            shape = length <= maximumHeadingOnlyLength ? .headingOnly : .listItem
        } else {
            shape = length <= maximumRunInLength ? .runIn : .listItem
        }
        return Marked(level: level, number: number, headingLine: range.lowerBound..<headingEnd, heading: heading, rest: rest, shape: shape)
    }

    /// Where the heading in `range` ends and its run-in body starts: at the end of the first
    /// sentence, or at a gap of whitespace when body text with a terminator follows it
    /// (`三、深入改革经济体制和扩大对外开放 国民经济的长期稳定发展，…。`).
    static func headingBoundary(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (headingEnd: Int, restStart: Int) {
        let firstEnd = SentenceSplitter.firstSentenceEnd(range, in: bytes) ?? range.upperBound
        var i = range.lowerBound
        while i < firstEnd {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if UTF8Scanning.isWhitespace(scalar) {
                let after = UTF8Scanning.skipWhitespace(in: bytes, from: i, to: range.upperBound)
                if after < range.upperBound, SentenceSplitter.containsTerminator(after..<range.upperBound, in: bytes) {
                    return (i, after)
                }
            }
            i += length
        }
        return (firstEnd, firstEnd)
    }
}
