import Foundation

/// What a session needs from its frontend: somewhere to print results, messages and
/// errors, and a way to switch output files. The executable implements it for terminals,
/// pipes and files; tests implement it to capture output.
public protocol SessionHost: AnyObject {
    /// Prints a statement's result with the session's current settings.
    func emit(_ result: QueryResult, session: Session)
    /// Prints informational text (`.help`).
    func emitText(_ text: String)
    /// Reports a query error.
    func report(_ diagnostic: Diagnostic)
    /// Reports a problem that does not stop the statement (an input that failed to load).
    func warn(_ message: String)
    /// Sends results to `path`, or back to standard output for nil. Returns an error message on failure.
    func redirectOutput(to path: String?) -> String?
    /// Reports how long a statement took, when `.timer on`.
    func reportTiming(_ duration: Duration)
    /// The width text such as `.help` is wrapped to; nil for no wrapping.
    var textWidth: Int? { get }
}

extension SessionHost {
    public var textWidth: Int? { nil }
}

/// The state of one user's work: loaded documents, named results, the previous result and
/// output settings. Runs statements from `-e`, scripts, standard input or the REPL alike.
public final class Session {
    public var corpus: Corpus
    public private(set) var bindings: [String: QueryResult] = [:]
    public private(set) var previous: QueryResult?
    public var format: OutputFormat
    public var header: Bool
    public var timer = false
    /// Polled during evaluation; the REPL points it at its Ctrl-C flag.
    public var isInterrupted: () -> Bool = { false }

    /// `.read` may nest scripts, but not endlessly.
    static let maximumReadDepth = 16
    private var readDepth = 0

    public init(corpus: Corpus, format: OutputFormat, header: Bool = false) {
        self.corpus = corpus
        self.format = format
        self.header = header
    }

    public struct Outcome: Sendable {
        /// Statements that failed.
        public var errors = 0
        /// `.quit` was given.
        public var quit = false
        /// The last result printed, for `--exit-status`.
        public var lastResult: QueryResult?
    }

    /// Runs every statement of `source`. Stops at the first error unless `keepGoing`.
    @discardableResult
    public func run(_ source: QuerySource, host: SessionHost, keepGoing: Bool = false) -> Outcome {
        var outcome = Outcome()
        var parser = Parser(source)
        while let next = parser.nextStatement() {
            let started = ContinuousClock.now
            do throws(Diagnostic) {
                let statement = try next.get()
                try execute(statement, source: source, host: host, outcome: &outcome)
            } catch {
                host.report(error)
                outcome.errors += 1
                if !keepGoing { return outcome }
            }
            if timer { host.reportTiming(ContinuousClock.now - started) }
            if outcome.quit { return outcome }
        }
        return outcome
    }

    private func execute(_ statement: Statement, source: QuerySource, host: SessionHost, outcome: inout Outcome) throws(Diagnostic) {
        let evaluator = { Evaluator(corpus: self.corpus, bindings: self.bindings, previous: self.previous, source: source, isInterrupted: self.isInterrupted) }
        switch statement.kind {
        case .pipeline(let pipeline):
            let result = try evaluator().evaluate(pipeline)
            host.emit(result, session: self)
            previous = result
            outcome.lastResult = result
        case .binding(let name, let pipeline):
            let result = try evaluator().evaluate(pipeline)
            bindings[name] = result
            previous = result
        case .load(let path, let alias):
            try load(path, alias: alias, statement: statement, source: source, host: host)
        case .meta(let command):
            try meta(command, statement: statement, source: source, host: host, outcome: &outcome)
        }
    }

    private func load(_ path: String, alias: String?, statement: Statement, source: QuerySource, host: SessionHost) throws(Diagnostic) {
        let taken = Set(corpus.documents.map(\.name))
        let loaded = DocumentLoader().load(paths: [path], takenNames: taken)
        for failure in loaded.failures { host.warn(failure.description) }
        guard !loaded.sources.isEmpty else {
            let reason = loaded.failures.first?.reason ?? "no .txt, .md, .markdown or .jsonl files found"
            throw Diagnostic("cannot load '\(path)': \(reason)", at: statement.range, in: source)
        }
        let first = corpus.documents.count
        corpus.append(loaded.sources.map { Document($0) })
        let nodes = (first..<corpus.documents.count).map { Node(document: $0, kind: .document, index: 0) }
        if let alias { bindings[alias] = QueryResult(.nodes(nodes, .document)) }
        previous = QueryResult(.nodes(nodes, .document))
    }

    private func meta(_ command: MetaCommand, statement: Statement, source: QuerySource, host: SessionHost, outcome: inout Outcome) throws(Diagnostic) {
        switch command {
        case .help(let topic):
            guard let text = HelpText.text(for: topic, width: host.textWidth) else {
                throw Diagnostic("no help on '\(topic ?? "")'", at: statement.range, in: source, hint: "topics: \(HelpText.topics.joined(separator: ", "))")
            }
            host.emitText(text)
        case .docs:
            let rows: [[FieldValue]] = corpus.documents.map { doc in
                [.text(doc.name), doc.metadata.title.map(FieldValue.text) ?? .null, doc.metadata.year.map(FieldValue.int) ?? .null,
                 .int(doc.outline.sections.count), .int(doc.outline.points.count), .int(doc.outline.sentences.count), .text(doc.origin)]
            }
            host.emit(QueryResult(.table(Table(schema: Catalogue.loadedDocuments, rows: rows))), session: self)
        case .format(let format):
            self.format = format
        case .header(let on):
            header = on
        case .timer(let on):
            timer = on
        case .output(let path):
            if let message = host.redirectOutput(to: path) {
                throw Diagnostic("cannot write to '\(path ?? "")': \(message)", at: statement.range, in: source)
            }
        case .read(let path):
            guard readDepth < Self.maximumReadDepth else {
                throw Diagnostic(".read nested more than \(Self.maximumReadDepth) deep", at: statement.range, in: source, hint: "does the script read itself?")
            }
            let text: String
            switch FileReading.read(path) {
            case .success(let bytes):
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    throw Diagnostic("cannot read '\(path)': not UTF-8 text", at: statement.range, in: source)
                }
                text = decoded
            case .failure(let failure):
                throw Diagnostic("cannot read '\(path)': \(failure.reason)", at: statement.range, in: source)
            }
            readDepth += 1
            defer { readDepth -= 1 }
            let inner = run(QuerySource(name: path, text: text), host: host, keepGoing: false)
            outcome.quit = inner.quit
            if let last = inner.lastResult { outcome.lastResult = last }
            if inner.errors > 0 {
                throw Diagnostic("'\(path)' stopped at an error", at: statement.range, in: source)
            }
        case .lexicon(let path):
            do throws(LoadFailure) {
                corpus.setLexicon(try AnalysisLexicon.loading(path, onto: corpus.classifier.lexicon))
            } catch {
                throw Diagnostic("cannot use lexicon '\(path)': \(error.reason)", at: statement.range, in: source)
            }
        case .export(let path, let format):
            var export = CorpusExport(corpus: corpus, format: format)
            export.isInterrupted = isInterrupted
            do throws(ExportFailure) {
                try export.write(to: path)
            } catch {
                throw Diagnostic("cannot export: \(error)", at: statement.range, in: source,
                                 hint: error.isRefusalToReplace ? "choose another name, or remove it first" : nil)
            }
        case .quit:
            outcome.quit = true
        }
    }
}
