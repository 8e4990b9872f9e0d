/// A paragraph that opens with `一、` (or is a bare numeral), with what the chain score
/// needs to know about it.
struct SectionCandidate {
    var paragraph: Int
    var number: Int
    var shape: HeadingMarkers.Shape
    /// An exclamation or question (a slogan: `一、二、三，齐步走！`) or the end of a quotation
    /// (a closing quote with no opening one: `一、坚持以人民为中心”。`): text that happens to
    /// open with a numeral, neither a heading nor a list member.
    var isAside: Bool
    /// Not an aside and no longer than headings usually are.
    var readsLikeHeading: Bool

    /// Headings longer than this are unusual (the reports' longest is 47 characters).
    static let usualHeadingLength = 50

    init(paragraph: Int, mark: HeadingMarkers.Marked, in bytes: UnsafeBufferPointer<UInt8>) {
        self.paragraph = paragraph
        number = mark.number
        shape = mark.shape
        var opens = 0, closes = 0, length = 0, last: UInt32 = 0
        var i = mark.heading.lowerBound
        while i < mark.heading.upperBound {
            let (scalar, size) = UTF8Scanning.scalar(in: bytes, at: i)
            switch scalar {
            case 0x201C, 0x300C, 0x300E: opens += 1   // “ 「 『
            case 0x201D, 0x300D, 0x300F: closes += 1  // ” 」 』
            default: break
            }
            if !UTF8Scanning.isWhitespace(scalar) {
                length += 1
                // The last mark that is not a closing one: `！”` exclaims, `”。` ends a sentence.
                if !SentenceSplitter.isClosingMark(scalar) { last = scalar }
            }
            i += size
        }
        let exclaims = last == 0xFF01 || last == 0xFF1F || last == 0x21 || last == 0x3F  // ！？!?
        isAside = exclaims || closes > opens
        readsLikeHeading = !isAside && length <= Self.usualHeadingLength
    }
}
