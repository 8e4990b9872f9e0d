/// What `count` counts when it is more than the input or a kind inside each node:
/// `count hits TERM` (occurrences of a term, one number), `count hits TERM by FIELD` and
/// `count KIND by FIELD` (one row per value of FIELD, with the characters counted in and the
/// rate per 10,000 of them). Plain `count` and `count KIND` stay `StageKind.count`.
public struct Tally: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// Occurrences of the term in the input's text, not overlapping.
        case hits(SearchTerm)
        /// Nodes of the kind inside the input.
        case nodes(QueryKind)

        /// What follows `count` in messages: `hits 改革`, `hits /改革|开放/`, `directives`.
        var written: String {
            switch self {
            case .hits(.text(let text)): "hits \(text)"
            case .hits(.regex(let pattern, let caseInsensitive)): "hits /\(pattern)/\(caseInsensitive ? "i" : "")"
            case .nodes(let kind): kind.rawValue
            }
        }
    }

    public var target: Target
    /// `by FIELD`: a field of the input nodes to group them by.
    public var field: String?

    public init(_ target: Target, by field: String? = nil) {
        self.target = target
        self.field = field
    }
}
