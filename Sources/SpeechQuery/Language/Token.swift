/// Comparison operators in field predicates.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

public enum TokenKind: Equatable, Sendable {
    /// An ASCII identifier: a keyword, kind, field or name.
    case word(String)
    /// A bare word with non-ASCII letters (疫情, 第（三）条) or a number written with a
    /// decimal point or a unit (6.7%, 3.5万): a search term, as written.
    case term(String)
    /// Digits, ASCII or full-width (２０ is 20).
    case number(Int)
    /// `"…"`, `'…'` or `“…”`.
    case string(String)
    /// `/…/`, with `i` after it for case-insensitive matching.
    case regex(pattern: String, caseInsensitive: Bool)
    case pipe, semicolon, newline, leftParen, rightParen, comma, dotDot
    case comparison(ComparisonOperator)
    /// A dot-command line: `.format json`.
    case meta(name: String, arguments: String)
    case end

    /// How the token is named in messages.
    var description: String {
        switch self {
        case .word(let w): "'\(w)'"
        case .term(let t): "'\(t)'"
        case .number(let n): "'\(n)'"
        case .string(let s): "string \"\(s)\""
        case .regex(let p, _): "regex /\(p)/"
        case .pipe: "'|'"
        case .semicolon: "';'"
        case .newline: "end of line"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .comma: "','"
        case .dotDot: "'..'"
        case .comparison(let op): "'\(op.rawValue)'"
        case .meta(let name, _): "'.\(name)'"
        case .end: "end of input"
        }
    }
}

public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// UTF-8 byte range in the query source.
    public var range: Range<Int>
}
