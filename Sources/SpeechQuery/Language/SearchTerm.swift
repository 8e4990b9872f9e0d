/// What is searched for, as `filter` takes it: text as written (a bare Chinese term or a
/// quoted string), or a regular expression in ICU syntax.
public enum SearchTerm: Sendable, Equatable {
    case text(String)
    case regex(pattern: String, caseInsensitive: Bool)
}

extension StageArgument {
    /// A search term given for a `.term` parameter.
    init(_ term: SearchTerm) {
        switch term {
        case .text(let text): self = .term(text)
        case .regex(let pattern, let caseInsensitive): self = .regex(pattern: pattern, caseInsensitive: caseInsensitive)
        }
    }

    /// The term a catalogue stage was given for a `.term` parameter.
    var searchTerm: SearchTerm? {
        switch self {
        case .term(let text): .text(text)
        case .regex(let pattern, let caseInsensitive): .regex(pattern: pattern, caseInsensitive: caseInsensitive)
        case .number, .word, .operand: nil
        }
    }
}
