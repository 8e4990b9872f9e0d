import Foundation

/// Parses query text statement by statement, so a script runs up to its first error and
/// `--keep-going` can skip a bad statement and carry on.
///
///     script     := (statement? (';' | NEWLINE))*
///     statement  := META | 'let' NAME '=' pipeline | 'load' PATH ['as' NAME] | pipeline
///     pipeline   := stage ('|' stage)*
///     stage      := ['select'] KIND [selector] | NAME | '_' | 'filter' predicate | 'count' [counted]
///                 | 'show' | 'sort' key (',' key)* | 'limit' N | 'fields' FIELD (',' FIELD)*
///                 | 'group' 'by' FIELD | CATALOGUE-STAGE argument*   (StageCatalogue)
///     counted    := KIND ['by' FIELD] | 'hits' (TERM | STRING | REGEX) ['by' FIELD]
///     selector   := item (',' item)*       item := N ['..' N] | 'last'
///     predicate  := and ('or' and)*        and := unary ('and' unary)*
///     unary      := 'not' unary | '(' predicate ')' | TERM | STRING | REGEX
///                 | FIELD OP value | FIELD
public struct Parser {
    private var lexer: Lexer
    private var token: Token
    private var pendingError: Diagnostic?
    public let source: QuerySource
    /// Whether a name was bound before this text (by the session running it).
    private let isBoundBefore: (String) -> Bool
    /// Names this text has bound so far with `let` or `load … as`.
    private var boundHere: Set<String> = []

    /// The words that start a stage: the core's and the catalogue's.
    static var stageWords: [String] { Catalogue.stageWords }
    static let keywords: Set<String> = Set(Catalogue.stageWords + StageCatalogue.all.flatMap(\.aliases)
        + ["let", "load", "as", "and", "or", "not", "by", "asc", "desc", "last"])

    /// `isBound` says which names already hold a result, so that a bound Chinese name can
    /// start a pipeline (疫情段 | count) where an unbound one is read as a misplaced search.
    public init(_ source: QuerySource, isBound: @escaping (String) -> Bool = { _ in false }) {
        self.source = source
        isBoundBefore = isBound
        lexer = Lexer(source)
        token = Token(kind: .newline, range: 0..<0)
        advance()
    }

    /// Parses the whole text, failing at the first error.
    public static func parse(_ source: QuerySource) throws(Diagnostic) -> Script {
        var parser = Parser(source)
        var statements: [Statement] = []
        while let next = parser.nextStatement() {
            statements.append(try next.get())
        }
        return Script(source: source, statements: statements)
    }

    /// The next statement, an error (after which parsing resumes at the next statement), or
    /// nil at the end of the text.
    public mutating func nextStatement() -> Result<Statement, Diagnostic>? {
        if let error = takePendingError() { return .failure(error) }
        while isSeparator(token.kind) {
            advance()
            if let error = takePendingError() { return .failure(error) }
        }
        if token.kind == .end { return nil }
        do throws(Diagnostic) {
            let statement = try parseStatement()
            // A lexical error right after the statement belongs to it.
            if let error = takePendingError() { return .failure(error) }
            guard isSeparator(token.kind) || token.kind == .end else {
                throw unexpected(expecting: "'|', ';' or a new line")
            }
            return .success(statement)
        } catch {
            skipStatement()
            return .failure(error)
        }
    }

    /// The lexical error waiting to be reported, if any; the rest of its statement is skipped.
    private mutating func takePendingError() -> Diagnostic? {
        guard let error = pendingError else { return nil }
        pendingError = nil
        skipStatement()
        return error
    }

    // MARK: Tokens

    private mutating func advance() {
        do {
            token = try lexer.next()
        } catch {
            // Report the lexical error when the parser next looks; stand in an end of
            // statement, and drop the rest of the line so it does not read as a statement.
            if pendingError == nil { pendingError = error }
            lexer.skipRestOfLine()
            token = Token(kind: .newline, range: error.range)
        }
    }

    private func isSeparator(_ kind: TokenKind) -> Bool {
        kind == .newline || kind == .semicolon
    }

    private mutating func skipStatement() {
        while !isSeparator(token.kind), token.kind != .end { advance() }
        pendingError = nil
    }

    private mutating func skipNewlines() throws(Diagnostic) {
        while token.kind == .newline {
            advance()
            try throwPending()
        }
    }

    private mutating func throwPending() throws(Diagnostic) {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
    }

    private func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: token.range, in: source, hint: hint)
    }

    private func unexpected(expecting what: String) -> Diagnostic {
        if let pending = pendingError { return pending }
        return error("expected \(what), found \(token.kind.description)")
    }

    private var word: String? {
        if case .word(let w) = token.kind { return w }
        return nil
    }

    private mutating func expectWord(_ expected: String) throws(Diagnostic) {
        guard word == expected else { throw unexpected(expecting: "'\(expected)'") }
        advance()
    }

    // MARK: Statements

    private mutating func parseStatement() throws(Diagnostic) -> Statement {
        let start = token.range.lowerBound
        if case .meta(let name, let arguments) = token.kind {
            let command = try parseMeta(name: name, arguments: arguments)
            let range = token.range
            advance()
            return Statement(kind: .meta(command), range: range)
        }
        if word == "let" {
            advance()
            guard let name = word ?? termText.flatMap(Self.chineseName), !Self.keywords.contains(name), QueryKind(word: name) == nil, name != "_" else {
                throw unexpected(expecting: "a name for the result (letters, digits, _; not a keyword or kind)")
            }
            advance()
            guard token.kind == .comparison(.equal) else { throw unexpected(expecting: "'=' after the name") }
            advance()
            let pipeline = try parsePipeline()
            boundHere.insert(name)
            return Statement(kind: .binding(name: name, pipeline), range: start..<token.range.lowerBound)
        }
        if word == "outline", !isBound("outline") {
            // A document name as written, like a path after `load`: names have hyphens. A
            // comment after `outline` names nothing.
            let (written, _) = try lexer.rawArgument()
            let name = written.hasPrefix("#") ? "" : written
            if written.hasPrefix("#") { lexer.skipRestOfLine() }
            advance()
            if token.kind == .pipe {
                throw error("'outline' prints the tree and passes nothing on", hint: "to work on the outline's nodes, select them: sections | …")
            }
            return Statement(kind: .outline(document: name.isEmpty ? nil : name), range: start..<token.range.lowerBound)
        }
        if word == "load" {
            let (path, pathRange) = try lexer.rawArgument()
            guard !path.isEmpty else {
                throw Diagnostic("expected a file or directory after 'load'", at: pathRange.lowerBound..<pathRange.lowerBound + 1, in: source, hint: "load examples/speeches as demo")
            }
            advance()
            var alias: String?
            if word == "as" {
                advance()
                guard let name = word ?? termText else { throw unexpected(expecting: "a document name after 'as'") }
                alias = name
                boundHere.insert(name)
                advance()
            }
            return Statement(kind: .load(path: path, alias: alias), range: start..<token.range.lowerBound)
        }
        let pipeline = try parsePipeline()
        return Statement(kind: .pipeline(pipeline), range: start..<token.range.lowerBound)
    }

    private var termText: String? {
        if case .term(let t) = token.kind { return t }
        return nil
    }

    /// A term that can name a result (疫情段): letters and digits only, not text such as
    /// 第（三）条 or 6.7% that a term may also be.
    private static func chineseName(_ term: String) -> String? {
        term.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" } ? term : nil
    }

    private func isBound(_ name: String) -> Bool {
        boundHere.contains(name) || isBoundBefore(name)
    }

    private func parseMeta(name: String, arguments: String) throws(Diagnostic) -> MetaCommand {
        let words = MetaArguments.split(arguments)
        func onOff() throws(Diagnostic) -> Bool {
            switch words.first?.lowercased() {
            case "on"?: return true
            case "off"?: return false
            default: throw error("'.\(name)' takes 'on' or 'off'", hint: ".\(name) on")
            }
        }
        switch name {
        case "help": return .help(words.first)
        case "docs": return .docs
        case "format", "mode":
            guard let value = words.first, let format = OutputFormat(rawValue: value.lowercased()) else {
                let choices = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(words.isEmpty ? "'.format' needs a format" : "unknown format '\(words[0])'", hint: "one of \(choices)")
            }
            return .format(format)
        case "header", "headers": return .header(try onOff())
        case "timer": return .timer(try onOff())
        case "output": return .output(words.first)
        case "read":
            guard let path = words.first else { throw error("'.read' needs a script file", hint: ".read examples/queries/tour.sq") }
            return .read(path)
        case "lexicon":
            guard let path = words.first else { throw error("'.lexicon' needs a lexicon file", hint: ".lexicon my-words.txt") }
            return .lexicon(path)
        case "pager":
            switch words.first?.lowercased() {
            case nil: throw error("'.pager' takes 'on', 'off' or a pager command", hint: ".pager less -S")
            case "on"?: return .pager(.on)
            case "off"?: return .pager(.off)
            // The whole line, as typed: it is handed to the shell, which does its own quoting.
            default: return .pager(.command(arguments))
            }
        case "export":
            let choices = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            guard let path = words.first else { throw error("'.export' needs a file, or a directory for jsonl and csv", hint: ".export corpus.db") }
            guard let format = words.count > 1 ? ExportFormat(rawValue: words[1].lowercased()) : .sqlite else {
                throw error("unknown export format '\(words[1])'", hint: "one of \(choices)")
            }
            return .export(path: path, format: format)
        case "quit", "exit": return .quit
        default:
            let suggestion = Suggestion.closest(to: name, among: MetaCommand.names)
            throw error("unknown command '.\(name)'", hint: suggestion.map { "did you mean '.\($0)'?" } ?? "'.help' lists the commands")
        }
    }

    // MARK: Pipelines and stages

    private mutating func parsePipeline() throws(Diagnostic) -> Pipeline {
        var stages = [try parseStage(first: true)]
        while token.kind == .pipe {
            advance()
            try skipNewlines()
            stages.append(try parseStage(first: false))
        }
        return Pipeline(stages: stages)
    }

    private mutating func parseStage(first: Bool) throws(Diagnostic) -> Stage {
        let start = token.range.lowerBound
        let kind = try parseStageKind(first: first)
        return Stage(kind: kind, range: start..<max(start + 1, lastEnd))
    }

    /// The end of the most recently consumed token.
    private var lastEnd: Int = 0

    private mutating func consume() {
        lastEnd = token.range.upperBound
        advance()
    }

    private mutating func parseStageKind(first: Bool) throws(Diagnostic) -> StageKind {
        try throwPending()
        switch token.kind {
        case .word(let w):
            if let kind = QueryKind(word: w) {
                consume()
                return .select(kind, try parseSelector())
            }
            switch w {
            case "select":
                consume()
                guard let kindWord = word, let kind = QueryKind(word: kindWord) else {
                    let hint = word.flatMap { Suggestion.closest(to: $0, among: QueryKind.allCases.map(\.rawValue)) }.map { "did you mean '\($0)'?" }
                    throw error("expected what to select, found \(token.kind.description)", hint: hint ?? "one of \(QueryKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                consume()
                return .select(kind, try parseSelector())
            case "filter":
                consume()
                return .filter(try parsePredicate())
            case "count":
                consume()
                if word == "hits" {
                    consume()
                    let term = try parseSearchTerm(after: "hits")
                    return .tally(Tally(.hits(term), by: try parseCountBy()))
                }
                if word == "by" {
                    throw error("'count by' needs what to count", hint: "count hits 改革 by year, count directives by doc, or group by FIELD | count")
                }
                if let kindWord = word {
                    guard let kind = QueryKind(word: kindWord) else {
                        let hint = Suggestion.closest(to: kindWord, among: QueryKind.allCases.map(\.rawValue) + ["hits"])
                        throw error("cannot count '\(kindWord)'", hint: hint.map { "did you mean '\($0)'?" } ?? "count one of \(QueryKind.allCases.map(\.rawValue).joined(separator: ", ")), or hits TERM")
                    }
                    consume()
                    if let field = try parseCountBy() { return .tally(Tally(.nodes(kind), by: field)) }
                    return .count(kind)
                }
                return .count(nil)
            case "show":
                consume()
                return .show
            case "sort":
                consume()
                var keys: [SortKey] = []
                repeat {
                    if !keys.isEmpty { consume() }
                    let field = try parseField()
                    var descending = false
                    if word == "desc" || word == "asc" {
                        descending = word == "desc"
                        consume()
                    }
                    keys.append(SortKey(field: field, descending: descending))
                } while token.kind == .comma
                return .sort(keys)
            case "limit":
                consume()
                guard case .number(let n) = token.kind else { throw unexpected(expecting: "how many rows to keep (a number)") }
                consume()
                return .limit(n)
            case "fields":
                consume()
                var fields = [try parseField()]
                while token.kind == .comma {
                    consume()
                    let start = token.range
                    let field = try parseField()
                    // A table has one column of a name: JSON objects cannot hold two.
                    guard !fields.contains(field) else { throw Diagnostic("'\(field)' is named twice", at: start, in: source, hint: "name each field once") }
                    fields.append(field)
                }
                return .fields(fields)
            case "group":
                consume()
                try expectWord("by")
                lastEnd = token.range.lowerBound
                var fields = [try parseField()]
                while token.kind == .comma {
                    consume()
                    fields.append(try parseField())
                }
                return .groupBy(fields)
            default:
                if let spec = StageCatalogue.named(w) {
                    consume()
                    return .table(try parseStageCall(spec))
                }
                if !isBound(w), let hint = MisplacedCommand.hint(for: w) {
                    throw error("unknown stage '\(w)'", hint: hint)
                }
                let followedByMore: Bool
                switch peekKindAfterWord() {
                case .pipe, .newline, .semicolon, .end: followedByMore = false
                default: followedByMore = true
                }
                if first, !followedByMore, !Self.keywords.contains(w) {
                    consume()
                    return .name(w)
                }
                let candidates = Self.stageWords + QueryKind.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: w, among: candidates).map { "did you mean '\($0)'?" }
                throw error("unknown stage '\(w)'", hint: hint ?? "stages: \(Self.stageWords.joined(separator: ", ")); kinds: \(QueryKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .term(let t) where first && isBound(t):
            consume()
            return .name(t)
        case .term(let t), .string(let t):
            throw error("expected a stage, found \(token.kind.description)", hint: "to search for it, write: filter \(t)")
        default:
            throw unexpected(expecting: "a stage (select, filter, count, …)")
        }
    }

    /// What follows the current word, without consuming anything.
    private func peekKindAfterWord() -> TokenKind {
        var copy = lexer
        return (try? copy.next())?.kind ?? .end
    }

    private mutating func parseSelector() throws(Diagnostic) -> Selector? {
        var items: [Selector.Item] = []
        repeat {
            if !items.isEmpty { consume() }
            switch token.kind {
            case .number(let n):
                guard n > 0 else { throw error("positions start at 1", hint: "select section 1") }
                consume()
                if token.kind == .dotDot {
                    consume()
                    guard case .number(let m) = token.kind else { throw unexpected(expecting: "the end of the range") }
                    guard m >= n else { throw error("the range ends before it starts", hint: "write \(m)..\(n)") }
                    consume()
                    items.append(.range(n, m))
                } else {
                    items.append(.single(n))
                }
            case .word("last"):
                consume()
                items.append(.last)
            default:
                if items.isEmpty { return nil }
                throw unexpected(expecting: "a position (a number or 'last')")
            }
        } while token.kind == .comma
        return Selector(items: items)
    }

    private mutating func enterNesting() throws(Diagnostic) {
        guard nesting < Self.maximumNesting else {
            throw error("conditions nested more than \(Self.maximumNesting) deep", hint: "write fewer parentheses or 'not's")
        }
        nesting += 1
    }

    /// A field or column name; whether the input has it is checked when the pipeline runs.
    private mutating func parseField() throws(Diagnostic) -> String {
        guard let name = word else { throw unexpected(expecting: "a field name") }
        guard Catalogue.columnNames.contains(name.lowercased()) else {
            let hint = Suggestion.closest(to: name, among: Catalogue.columnNames)
            throw error("unknown field '\(name)'", hint: hint.map { "did you mean '\($0)'?" } ?? "'.help fields' lists them")
        }
        consume()
        return name.lowercased()
    }

    /// `by FIELD` after what `count` counts, or nil when it does not follow.
    private mutating func parseCountBy() throws(Diagnostic) -> String? {
        guard word == "by" else { return nil }
        consume()
        return try parseField()
    }

    /// A term, "quoted text" or /regex/ after `keyword`, as `filter` takes it.
    private mutating func parseSearchTerm(after keyword: String) throws(Diagnostic) -> SearchTerm {
        if let term = try searchTermIfPresent() { return term }
        switch token.kind {
        case .word(let w) where !Self.keywords.contains(w):
            throw error("expected a term after '\(keyword)', found the word '\(w)'", hint: "to search for it, quote it: \"\(w)\"")
        case .number:
            let written = String(decoding: source.text.utf8.dropFirst(token.range.lowerBound).prefix(token.range.count), as: UTF8.self)
            throw error("expected a term after '\(keyword)', found a number", hint: "quote it to search for it: \"\(written)\"")
        default:
            throw unexpected(expecting: "a term, \"quoted text\" or /regex/ after '\(keyword)'")
        }
    }

    /// The search term at the current token — a bare term, "quoted text" or a valid /regex/ —
    /// or nil when the token is none; `count hits`, `trend` and the catalogue's stages read
    /// their terms through here.
    private mutating func searchTermIfPresent() throws(Diagnostic) -> SearchTerm? {
        switch token.kind {
        case .term(let t), .string(let t):
            guard !t.isEmpty else { throw error("an empty search term matches everything", hint: "put text between the quotes") }
            consume()
            return .text(t)
        case .regex(let pattern, let caseInsensitive):
            try validateRegex(pattern, caseInsensitive: caseInsensitive)
            consume()
            return .regex(pattern: pattern, caseInsensitive: caseInsensitive)
        default:
            return nil
        }
    }

    /// The arguments of a catalogue stage, read as its parameters declare: positional ones
    /// in order, then keyword ones (`width 20`) in any order.
    private mutating func parseStageCall(_ spec: StageSpec) throws(Diagnostic) -> StageCall {
        let usage = "usage: \(spec.synopsis)"
        var arguments: [String: StageArgument] = [:]
        for parameter in spec.parameters where parameter.keyword == nil {
            // One of the stage's own keywords (`width`) means the positional one is missing.
            let atKeyword = word.map { w in spec.parameters.contains { $0.keyword == w } } ?? false
            guard !atKeyword, let value = try parseArgument(parameter) else {
                if parameter.isRequired { throw missing(parameter, of: spec) }
                break
            }
            arguments[parameter.name] = value
        }
        while let keyword = word, let parameter = spec.parameters.first(where: { $0.keyword == keyword }) {
            guard arguments[parameter.name] == nil else { throw error("'\(keyword)' is given twice", hint: usage) }
            consume()
            guard let value = try parseArgument(parameter) else { throw unexpected(expecting: "\(parameter.name) after '\(keyword)'") }
            arguments[parameter.name] = value
        }
        if let parameter = spec.parameters.first(where: { $0.isRequired && arguments[$0.name] == nil }) {
            throw missing(parameter, of: spec)
        }
        return StageCall(name: spec.name, arguments: arguments)
    }

    private func missing(_ parameter: StageParameter, of spec: StageSpec) -> Diagnostic {
        let written = parameter.keyword.map { "'\($0) \(parameter.name)'" } ?? parameter.name
        return error("'\(spec.name)' needs \(written) (\(parameter.summary)), found \(token.kind.description)", hint: "usage: \(spec.synopsis)")
    }

    /// The argument for `parameter` at the current token, or nil when the token is not one.
    private mutating func parseArgument(_ parameter: StageParameter) throws(Diagnostic) -> StageArgument? {
        if parameter.value == .term, let term = try searchTermIfPresent() { return StageArgument(term) }
        switch (parameter.value, token.kind) {
        case (.term, .word(let w)) where !Self.keywords.contains(w):
            throw error("expected \(parameter.name), found the word '\(w)'", hint: "to search for it, quote it: \"\(w)\"")
        case (.number, .number(let n)):
            guard n > 0 else { throw error("\(parameter.keyword ?? parameter.name) must be at least 1") }
            consume()
            return .number(n)
        case (.choice(let choices), .word(let w)) where choices.contains(w):
            consume()
            return .word(w)
        case (.operand, .word(let w)) where !Self.keywords.contains(w):
            consume()
            return .operand(w)
        case (.operand, .number):
            // A document named by a year (2017.txt): the digits as written.
            let written = String(decoding: Array(source.text.utf8)[token.range], as: UTF8.self)
            consume()
            return .operand(written)
        case (.operand, .term(let t)), (.operand, .string(let t)):
            consume()
            return .operand(t)
        default:
            return nil
        }
    }

    private func validateRegex(_ pattern: String, caseInsensitive: Bool) throws(Diagnostic) {
        do {
            _ = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw self.error("invalid regular expression /\(pattern)/", hint: "the syntax is ICU's, as in NSRegularExpression")
        }
    }

    // MARK: Predicates

    // A chain of `or`s or `and`s is read in a loop and joined as a balanced tree, so that
    // thousands of terms (a generated query) nest only as deep as the logarithm of their
    // number when the filter is compiled, run and freed.
    private mutating func parsePredicate() throws(Diagnostic) -> Predicate {
        var operands = [try parseAnd()]
        while word == "or" {
            consume()
            operands.append(try parseAnd())
        }
        return Predicate.joined(operands[...], by: Predicate.or)
    }

    private mutating func parseAnd() throws(Diagnostic) -> Predicate {
        var operands = [try parseUnary()]
        while word == "and" {
            consume()
            operands.append(try parseUnary())
        }
        return Predicate.joined(operands[...], by: Predicate.and)
    }

    /// How deep `not` and parentheses may nest: far beyond what anyone writes, and far below
    /// what would exhaust the stack.
    static let maximumNesting = 64
    private var nesting = 0

    private mutating func parseUnary() throws(Diagnostic) -> Predicate {
        try throwPending()
        if token.kind == .word("not") || token.kind == .leftParen { try enterNesting() }
        switch token.kind {
        case .word("not"):
            consume()
            defer { nesting -= 1 }
            return .not(try parseUnary())
        case .leftParen:
            defer { nesting -= 1 }
            consume()
            try skipNewlines()
            let inner = try parsePredicate()
            try skipNewlines()
            guard token.kind == .rightParen else { throw unexpected(expecting: "')'") }
            consume()
            return inner
        case .term(let t), .string(let t):
            guard !t.isEmpty else { throw error("an empty search term matches everything", hint: "remove the filter, or put text between the quotes") }
            consume()
            return .term(t)
        case .regex(let pattern, let caseInsensitive):
            try validateRegex(pattern, caseInsensitive: caseInsensitive)
            consume()
            return .regex(pattern: pattern, caseInsensitive: caseInsensitive)
        case .word(let w):
            let field = w.lowercased()
            guard Catalogue.columnNames.contains(field) else {
                let hint = Suggestion.closest(to: w, among: Catalogue.columnNames).map { "did you mean '\($0)'? To search for the word, quote it: \"\(w)\"" }
                throw error("unknown field '\(w)'", hint: hint ?? "to search for the word, quote it: \"\(w)\"")
            }
            let fieldRange = token.range
            consume()
            guard case .comparison(let op) = token.kind else {
                if Catalogue.isBoolean(field) { return .truthy(field) }
                let numeric = NodeFields.named(field)?.column.type == .integer || field == "count"
                throw Diagnostic("'\(w)' needs a comparison", at: fieldRange, in: source, hint: "for example: \(w) \(numeric ? "> 100" : "= \"…\"")")
            }
            consume()
            switch token.kind {
            case .number(let n):
                consume()
                return .comparison(field, op, .number(n))
            case .string(let s), .term(let s), .word(let s):
                consume()
                return .comparison(field, op, .text(s))
            default:
                throw unexpected(expecting: "a value to compare with")
            }
        case .number(let n):
            // Quote the digits as typed: full-width ２００ is searched as ２００, not 200.
            let written = String(decoding: source.text.utf8.dropFirst(token.range.lowerBound).prefix(token.range.count), as: UTF8.self)
            throw error("a bare number is not a condition", hint: "quote it to search for it: \"\(written)\", or compare a field: chars > \(n)")
        default:
            throw unexpected(expecting: "a condition (a term, \"text\", /regex/, field comparison, not, or '(')")
        }
    }
}

/// Splits dot-command arguments at spaces, honouring "double" and 'single' quotes.
public enum MetaArguments {
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
