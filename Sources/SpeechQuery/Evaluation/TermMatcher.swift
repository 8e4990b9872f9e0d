import Foundation

/// Counts and finds a search term in a document's text: text as UTF-8 bytes with memmem,
/// a regular expression compiled once. Matches do not overlap, as a reader counts them
/// (改革改革 holds 改革 twice, 改革 once in 改革开放); a term is found anywhere in a span,
/// as `filter` finds it, so a document's count includes its title and occasion lines.
struct TermMatcher {
    private enum Pattern {
        case bytes([UInt8])
        case regex(BoundedRegex)
    }

    private let pattern: Pattern

    /// `isInterrupted` stops a regular expression's search (Ctrl-C at the prompt).
    init(_ term: SearchTerm, isInterrupted: @escaping InterruptCheck) throws(StageFailure) {
        switch term {
        case .text(let text):
            guard !text.isEmpty else { throw StageFailure("an empty search term matches everything", hint: "put text between the quotes") }
            pattern = .bytes(Array(text.utf8))
        case .regex(let source, let caseInsensitive):
            // ^ and $ match at every line, so a span of several paragraphs counts what its
            // paragraphs would.
            let regex = try BoundedRegex(source, caseInsensitive: caseInsensitive, anchorsMatchLines: true, isInterrupted: isInterrupted)
            // A match of no characters would be counted at every position.
            guard try !regex.matches("") else {
                throw StageFailure("/\(source)/ can match empty text", hint: "use a pattern that matches at least one character, such as /改革+/")
            }
            pattern = .regex(regex)
        }
    }

    /// How many times the term occurs in `span` of the document's text.
    func count(in document: Document, _ span: Range<Int>) throws(StageFailure) -> Int {
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
            return try ranges(in: document, span).count
        }
    }

    /// The byte offsets where the term's occurrences in `span` start, in text order.
    func offsets(in document: Document, _ span: Range<Int>) throws(StageFailure) -> [Int] {
        switch pattern {
        case .bytes(let needle):
            return document.bytes.withUnsafeBufferPointer { ByteSearch.all(needle, in: $0, range: span) }
        case .regex:
            return try ranges(in: document, span).map(\.lowerBound)
        }
    }

    /// The byte ranges of the term's occurrences in `span`, in text order.
    func ranges(in document: Document, _ span: Range<Int>) throws(StageFailure) -> [Range<Int>] {
        switch pattern {
        case .bytes(let needle):
            return try offsets(in: document, span).map { $0..<$0 + needle.count }
        case .regex(let regex):
            let text = document.text(span)
            return try regex.ranges(in: text).compactMap { found in
                guard let range = Range(found, in: text), !range.isEmpty else { return nil }
                let start = span.lowerBound + text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                return start..<start + text[range].utf8.count
            }
        }
    }
}
