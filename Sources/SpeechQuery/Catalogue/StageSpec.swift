/// A parameter of a table-producing stage: what the parser reads after the stage's name.
public struct StageParameter: Sendable {
    public enum Value: Sendable, Equatable {
        /// A search term as `filter` takes it: a bare CJK word, a quoted string or a /regex/.
        case term
        /// A positive whole number.
        case number
        /// One of these words.
        case choice([String])
        /// What to compare: a document's name, a reference (`"county-speech:sec2"`) or a
        /// named result, as a word, term or quoted string; resolved to nodes when it runs.
        case operand
    }

    /// How the synopsis shows it: `TERM`, `N`.
    public let name: String
    /// The word that introduces it (`width 20`); nil for a positional parameter.
    public let keyword: String?
    public let value: Value
    public let isRequired: Bool
    public let summary: String

    public init(_ name: String, keyword: String? = nil, _ value: Value, required: Bool = false, _ summary: String) {
        self.name = name
        self.keyword = keyword
        self.value = value
        isRequired = required
        self.summary = summary
    }

    var synopsis: String {
        // A choice shows its words: `within sentence|paragraph`.
        var shown = name
        if case .choice(let words) = value { shown = words.joined(separator: "|") }
        let written = keyword.map { "\($0) \(shown)" } ?? shown
        return isRequired ? written : "[\(written)]"
    }
}

/// The value given for a stage parameter.
public enum StageArgument: Sendable, Equatable {
    case term(String)
    case regex(pattern: String, caseInsensitive: Bool)
    case number(Int)
    case word(String)
    /// An operand as written, resolved by `StageInput.resolveOperand`.
    case operand(String)
}

/// A table-producing stage as written in a pipeline: its name and arguments by parameter name.
public struct StageCall: Sendable, Equatable {
    public let name: String
    public let arguments: [String: StageArgument]

    public init(name: String, arguments: [String: StageArgument] = [:]) {
        self.name = name
        self.arguments = arguments
    }
}

/// What a stage works on: the nodes before it (every document at the start of a pipeline).
public struct StageInput {
    public let corpus: Corpus
    public let nodes: [Node]
    public let arguments: [String: StageArgument]
    /// Polled by long stages so Ctrl-C at the prompt stops them.
    public let isInterrupted: InterruptCheck
    /// The nodes an operand names (a named result, a document, a reference), from the
    /// evaluator, which knows the names bound so far.
    var resolveOperand: (String) throws(StageFailure) -> [Node] = { operand throws(StageFailure) in
        throw StageFailure("no document or named result '\(operand)'")
    }

    /// The documents the input touches, each once, in order of first appearance.
    public var documents: [Int] {
        var seen = Set<Int>()
        return nodes.map(\.document).filter { seen.insert($0).inserted }
    }

    /// The byte spans the input covers in each document, in order of first appearance.
    public var spansByDocument: [(document: Int, spans: [Range<Int>])] {
        var spans: [Int: [Range<Int>]] = [:]
        for node in nodes { spans[node.document, default: []].append(corpus.span(of: node)) }
        return documents.map { ($0, spans[$0]!) }
    }

    /// The sentences inside the input nodes, each once, in input order.
    public var sentences: [Node] {
        var seen = Set<Node>()
        return nodes.flatMap { corpus.children(of: $0, kind: .sentences) }.filter { seen.insert($0).inserted }
    }
}

/// Why a stage could not run on its arguments; reported at the stage with its hint.
public struct StageFailure: Error {
    public let message: String
    public let hint: String?
    /// The argument at fault, as written, to point at rather than at the whole stage.
    public var argument: String?

    public init(_ message: String, hint: String? = nil, argument: String? = nil) {
        self.message = message
        self.hint = hint
        self.argument = argument
    }
}

/// Everything there is to know about one table-producing stage — its name, synopsis,
/// parameters, the schema of its rows and how they are made — in one value. The parser,
/// the evaluator, completion, `.help`, docs/language.md and the export read it; adding a
/// stage is one file with one of these, listed in `StageCatalogue.all`.
public struct StageSpec: Sendable {
    public let name: String
    /// Other words accepted for it (`lint` for `check`).
    public let aliases: [String]
    public let summary: String
    public let parameters: [StageParameter]
    /// A pipeline that uses the stage, for `.help` and for the tests that run every stage.
    public let example: String
    /// Whether the stage reads the directive analysis of its input's documents, which the
    /// evaluator then has made on every core before it runs.
    public let readsAnalysis: Bool
    public let output: RowSchema
    let makeRows: @Sendable (StageInput) throws(StageFailure) -> [[FieldValue]]

    init(name: String, aliases: [String] = [], summary: String, parameters: [StageParameter] = [], example: String, readsAnalysis: Bool = false, output: RowSchema,
         rows: @escaping @Sendable (StageInput) throws(StageFailure) -> [[FieldValue]]) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.parameters = parameters
        self.example = example
        self.readsAnalysis = readsAnalysis
        self.output = output
        makeRows = rows
    }

    /// `kwic TERM [width N]`.
    public var synopsis: String {
        ([name] + parameters.map(\.synopsis)).joined(separator: " ")
    }

    /// The stage's table over `input`.
    public func table(_ input: StageInput) throws(StageFailure) -> Table {
        Table(schema: output, rows: try makeRows(input))
    }
}

/// The table-producing stages. A test checks that every `*Stage.swift` file in
/// Sources/SpeechQuery/Stages is listed here.
public enum StageCatalogue {
    public static let all: [StageSpec] = [
        TasksStage.spec, FormulationsStage.spec, PlaceholdersStage.spec, CheckStage.spec, KwicStage.spec, NumbersStage.spec, TargetsStage.spec, ChangesStage.spec,
        TrendStage.spec, DispersionStage.spec, PlotStage.spec, FreqStage.spec, CompareStage.spec,
    ]

    public static func named(_ word: String) -> StageSpec? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }
}
