import Foundation

/// Counts and finds a search term in a document's text: text as UTF-8 bytes with memmem,
/// a regular expression compiled once. Matches do not overlap, as a reader counts them
/// (改革改革 holds 改革 twice, 改革 once in 改革开放); a term is found anywhere in a span,
/// as `filter` finds it, so a document's count includes its title and occasion lines.
struct TermMatcher {
    private enum Pattern {
        case bytes([UInt8])
        case regex(NSRegularExpression)
    }

    private let pattern: Pattern

    init(_ term: SearchTerm) throws(StageFailure) {
        switch term {
        case .text(let text):
            guard !text.isEmpty else { throw StageFailure("an empty search term matches everything", hint: "put text between the quotes") }
            pattern = .bytes(Array(text.utf8))
        case .regex(let source, let caseInsensitive):
            // ^ and $ match at every line, so a span of several paragraphs counts what its
            // paragraphs would.
            let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive, .anchorsMatchLines] : [.anchorsMatchLines]
            guard let regex = try? NSRegularExpression(pattern: source, options: options) else {
                throw StageFailure("invalid regular expression /\(source)/")
            }
            // A match of no characters would be counted at every position.
            guard regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) == nil else {
                throw StageFailure("/\(source)/ can match empty text", hint: "use a pattern that matches at least one character, such as /改革+/")
            }
            pattern = .regex(regex)
        }
    }

    /// How many times the term occurs in `span` of the document's text.
    func count(in document: Document, _ span: Range<Int>) -> Int {
        switch pattern {
        case .bytes(let needle):
            return document.bytes.withUnsafeBufferPointer { buffer in
                var count = 0
                var from = span.lowerBound
                while let start = ByteSearch.find(needle, in: buffer, range: from..<span.upperBound) {
                    count += 1
                    from = start + needle.count
                }
                return count
            }
        case .regex:
            // Only matches of at least one character count (a lookahead matches none), as
            // kwic and plot show them.
            return ranges(in: document, span).count
        }
    }

    /// The byte offsets where the term's occurrences in `span` start, in text order.
    func offsets(in document: Document, _ span: Range<Int>) -> [Int] {
        switch pattern {
        case .bytes(let needle):
            return document.bytes.withUnsafeBufferPointer { ByteSearch.all(needle, in: $0, range: span) }
        case .regex:
            return ranges(in: document, span).map(\.lowerBound)
        }
    }

    /// The byte ranges of the term's occurrences in `span`, in text order.
    func ranges(in document: Document, _ span: Range<Int>) -> [Range<Int>] {
        switch pattern {
        case .bytes(let needle):
            return offsets(in: document, span).map { $0..<$0 + needle.count }
        case .regex(let regex):
            let text = document.text(span)
            return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).compactMap { result in
                guard let range = Range(result.range, in: text), !range.isEmpty else { return nil }
                let start = span.lowerBound + text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                return start..<start + text[range].utf8.count
            }
        }
    }
}
