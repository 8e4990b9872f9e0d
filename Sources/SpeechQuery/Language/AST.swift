/// What a pipeline can select: the nodes of the outline, plus directives (sentences that
/// are directives) and headings.
public enum QueryKind: String, Sendable, CaseIterable {
    case docs, sections, subsections, points, paragraphs, sentences, directives, headings

    /// Accepts plural and singular spellings: `section`, `sections`, `doc`, `documents`.
    public init?(word: String) {
        let lowered = word.lowercased()
        if let kind = QueryKind(rawValue: lowered) { self = kind; return }
        switch lowered {
        case "doc", "document", "documents": self = .docs
        case "section": self = .sections
        case "subsection": self = .subsections
        case "point": self = .points
        case "paragraph": self = .paragraphs
        case "sentence": self = .sentences
        case "directive": self = .directives
        case "heading": self = .headings
        default: return nil
        }
    }
}

/// Which children to keep when selecting: `2`, `2..3`, `1,3`, `last`.
public struct Selector: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case single(Int)
        case range(Int, Int)
        case last
    }

    public var items: [Item]

    /// Whether the child at 1-based `position` of `total` is selected.
    public func selects(_ position: Int, of total: Int) -> Bool {
        items.contains { item in
            switch item {
            case .single(let n): position == n
            case .range(let a, let b): position >= a && position <= b
            case .last: position == total
            }
        }
    }
}

public enum Literal: Sendable, Equatable {
    case number(Int)
    case text(String)
}

public indirect enum Predicate: Sendable, Equatable {
    /// The node's text contains the term.
    case term(String)
    /// The node's text matches the regular expression (ICU syntax, NSRegularExpression).
    case regex(pattern: String, caseInsensitive: Bool)
    case and(Predicate, Predicate)
    case or(Predicate, Predicate)
    case not(Predicate)
    case comparison(String, ComparisonOperator, Literal)
    /// A boolean field on its own: `filter directive`.
    case truthy(String)

    /// `operands` joined by a binary `join` as a balanced tree, the larger half on the left:
    /// `a or b or c` is `(a or b) or c`, as read from left to right, and 10,000 terms nest
    /// 14 deep, not 10,000.
    static func joined(_ operands: ArraySlice<Predicate>, by join: (Predicate, Predicate) -> Predicate) -> Predicate {
        guard operands.count > 1 else { return operands[operands.startIndex] }
        let middle = operands.startIndex + (operands.count + 1) / 2
        return join(joined(operands[..<middle], by: join), joined(operands[middle...], by: join))
    }

    /// The plain terms a match should highlight.
    var highlightTerms: [String] {
        switch self {
        case .term(let t): [t]
        case .and(let a, let b), .or(let a, let b): a.highlightTerms + b.highlightTerms
        case .regex, .not, .comparison, .truthy: []
        }
    }
}

public struct SortKey: Sendable, Equatable {
    public var field: String
    public var descending: Bool
}

public enum StageKind: Sendable, Equatable {
    case select(QueryKind, Selector?)
    /// A named result (`let` binding) or `_`, the previous result; only first in a pipeline.
    case name(String)
    case filter(Predicate)
    case count(QueryKind?)
    /// `count hits TERM [by FIELD]`, `count KIND by FIELD`.
    case tally(Tally)
    case show
    case sort([SortKey])
    case limit(Int)
    case fields([String])
    case groupBy([String])
    /// A stage of the catalogue (tasks, formulations, …): turns its input into a table.
    case table(StageCall)
}

public struct Stage: Sendable, Equatable {
    public var kind: StageKind
    /// Where the stage is written, for evaluation errors.
    public var range: Range<Int>
}

public struct Pipeline: Sendable, Equatable {
    public var stages: [Stage]
}

public enum OutputFormat: String, Sendable, CaseIterable {
    /// `line`: one `name: value` line per field, a blank line between records.
    case table, line, tsv, csv, json, jsonl
}

public enum MetaCommand: Sendable, Equatable {
    case help(String?)
    case docs
    case format(OutputFormat)
    case header(Bool)
    /// `.output FILE`, or `.output` alone for standard output.
    case output(String?)
    case read(String)
    case timer(Bool)
    /// `.lexicon FILE`: add a lexicon file's words to the analysis.
    case lexicon(String)
    /// `.pager on|off|COMMAND`: page results longer than the window at the prompt.
    case pager(PagerChoice)
    /// `.export PATH [FORMAT]`: write the loaded corpus to a database or directory.
    case export(path: String, format: ExportFormat)
    case quit

    public static let names = ["help", "docs", "format", "header", "output", "read", "timer", "lexicon", "pager", "export", "quit"]
}

/// What `.pager` asks for: paging on (with `$PAGER`, else `less -FRX`), off, or on with a
/// command of the user's own (run by the shell, so it may carry options: `less -S`).
public enum PagerChoice: Sendable, Equatable {
    case on, off
    case command(String)
}

public enum StatementKind: Sendable, Equatable {
    case pipeline(Pipeline)
    case binding(name: String, Pipeline)
    case load(path: String, alias: String?)
    /// `outline [DOC]`: the outline tree of the loaded documents, or of one.
    case outline(document: String?)
    case meta(MetaCommand)
}

public struct Statement: Sendable, Equatable {
    public var kind: StatementKind
    public var range: Range<Int>
}

public struct Script: Sendable, Equatable {
    public var source: QuerySource
    public var statements: [Statement]
}
