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
    /// Reports a problem that does not stop the statement (an input that failed to load, a
    /// file already loaded).
    func warn(_ message: String)
    /// Sends results to `path`, or back to standard output for nil. Returns an error message on failure.
    func redirectOutput(to path: String?) -> String?
    /// Reports how long a statement took, when `.timer on`.
    func reportTiming(_ duration: Duration)
    /// The width text such as `.help` is wrapped to; nil for no wrapping.
    var textWidth: Int? { get }
    /// Whether output goes to a terminal, where control characters from documents are
    /// shown escaped (ControlCharacters) rather than sent to act.
    var escapesControlCharacters: Bool { get }
    /// Called after every statement, when all it prints has been given: the host writes it
    /// out, and an `.output` file keeps it when `completed` or takes it back when the
    /// statement failed. Returns the whole message when the output could not be written
    /// ("cannot write to 'PATH': reason"); the statement then fails with it, as an I/O error.
    func endStatement(completed: Bool) -> String?
}

extension SessionHost {
    public var textWidth: Int? { nil }
    public var escapesControlCharacters: Bool { false }
    public func endStatement(completed: Bool) -> String? { nil }
}

/// The state of one user's work: loaded documents, named results, the previous result and
/// output settings. Runs statements from `-e`, scripts, standard input or the REPL alike.
public final class Session {
    public var corpus: Corpus
    public private(set) var bindings: [String: QueryResult] = [:]
    public private(set) var previous: QueryResult?
    public var format: OutputFormat
    /// The format was chosen (`--format`, `.format`), not defaulted: a lone value is then
    /// written in it too (see ResultFormatter.printsBare).
    public var formatIsExplicit: Bool
    public var header: Bool
    public var timer = false
    /// `.pager on|off`: whether the prompt pages results longer than the window. Only the
    /// interactive frontend reads it; scripts and `-e` never page.
    public var pagerEnabled = true
    /// `.pager COMMAND`: the pager to use instead of `$PAGER` or `less -FRX`.
    public var pagerCommand: String?
    /// Polled during evaluation; the REPL points it at its Ctrl-C flag.
    public var isInterrupted: InterruptCheck = { false }
    /// The files behind `corpus`, so `load` does not load one a second time.
    public private(set) var loadedFiles: LoadedFiles
    /// What `load` reads with: its size limit (`--max-size`) and how deep it walks folders.
    public var loader = DocumentLoader()
    /// Where `.output` sends results, while it does: no file there may be loaded.
    private var outputPath: String?

    /// `.read` may nest scripts, but not endlessly.
    static let maximumReadDepth = 16
    private var readDepth = 0

    /// `loadedFiles` are the files `corpus` was loaded from (`DocumentLoader.Result.loadedFiles`).
    public init(corpus: Corpus, format: OutputFormat, formatIsExplicit: Bool = false, header: Bool = false, loadedFiles: LoadedFiles = LoadedFiles()) {
        self.corpus = corpus
        self.format = format
        self.formatIsExplicit = formatIsExplicit
        self.header = header
        self.loadedFiles = loadedFiles
    }

    public struct Outcome: Sendable {
        /// Statements that failed because the query was wrong.
        public var queryErrors = 0
        /// Statements that failed because a file could not be read or written.
        public var ioErrors = 0
        /// Inputs `load` could not read while it loaded the others (reported as warnings;
        /// the statement itself succeeded).
        public var inputsNotLoaded = 0
        /// `.quit` was given.
        public var quit = false
        /// The last result printed, for `--exit-status`.
        public var lastResult: QueryResult?

        /// Statements that failed, of either category.
        public var errors: Int { queryErrors + ioErrors }

        mutating func count(_ diagnostic: Diagnostic) {
            switch diagnostic.category {
            case .query: queryErrors += 1
            case .io: ioErrors += 1
            }
        }

        /// Takes in what a script run by `.read` came to: its errors are this run's errors
        /// (already reported, with the script's own locations).
        mutating func absorb(_ inner: Outcome) {
            queryErrors += inner.queryErrors
            ioErrors += inner.ioErrors
            inputsNotLoaded += inner.inputsNotLoaded
            quit = inner.quit
            if let last = inner.lastResult { lastResult = last }
        }
    }

    /// Runs every statement of `source`. Stops at the first error unless `keepGoing`.
    @discardableResult
    public func run(_ source: QuerySource, host: SessionHost, keepGoing: Bool = false) -> Outcome {
        var outcome = Outcome()
        var parser = Parser(source, isBound: { self.bindings[$0] != nil })
        while let next = parser.nextStatement() {
            let started = ContinuousClock.now
            let failedBefore = outcome.errors
            do throws(Diagnostic) {
                let statement = try next.get()
                var failure: Diagnostic?
                do throws(Diagnostic) {
                    try execute(statement, source: source, host: host, outcome: &outcome)
                } catch {
                    failure = error
                }
                // Output that could not be written fails the statement, at the statement.
                if let message = host.endStatement(completed: failure == nil) {
                    if let failure {
                        host.report(failure)
                        outcome.count(failure)
                    }
                    failure = Diagnostic(message, at: statement.range, in: source, category: .io)
                }
                if let failure { throw failure }
            } catch {
                host.report(error)
                outcome.count(error)
            }
            // A `.read` fails without throwing: its script reported its own error.
            if outcome.errors > failedBefore, !keepGoing { return outcome }
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
            try load(path, alias: alias, statement: statement, source: source, host: host, outcome: &outcome)
        case .outline(let name):
            var documents = corpus.documents
            if let name {
                documents = documents.filter { $0.name == name }
                guard !documents.isEmpty else {
                    let names = corpus.documents.map(\.name)
                    let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" } ?? "loaded: \(names.joined(separator: ", "))"
                    throw Diagnostic("no document named '\(name)' is loaded", at: statement.range, in: source, hint: hint)
                }
            }
            host.emitText(OutlineTreePrinter(width: host.textWidth, escapesControlCharacters: host.escapesControlCharacters).render(documents))
        case .meta(let command):
            try meta(command, statement: statement, source: source, host: host, outcome: &outcome)
        }
    }

    /// Loads `path`. A file already loaded is reported and not loaded again; its documents
    /// still count as what `path` names, so `load a.txt as a` works either way. When nothing
    /// at all is loaded, that is the statement's one error: a single reason is said in it,
    /// several are warned one by one first.
    private func load(_ path: String, alias: String?, statement: Statement, source: QuerySource, host: SessionHost, outcome: inout Outcome) throws(Diagnostic) {
        let taken = Set(corpus.documents.map(\.name))
        let loaded = loader.load(paths: [path], takenNames: taken, loadedFiles: loadedFiles)
        // `.output FILE` then `load FILE`: the results would replace the document at the end
        // of the statement, as `.output` over a loaded input would.
        if let outputPath, loadedFiles.documentNames(ofFileAt: outputPath) == nil, loaded.loadedFiles.documentNames(ofFileAt: outputPath) != nil {
            throw Diagnostic("cannot load '\(path)': results are being written over '\(outputPath)' (.output)", at: statement.range, in: source,
                             hint: "'.output' to another file first, or '.output' alone for standard output", category: .io)
        }
        loadedFiles = loaded.loadedFiles
        for repeated in loaded.alreadyLoaded { host.warn(repeated.description) }
        let earlier = Set(loaded.alreadyLoaded.flatMap(\.documentNames))
        let earlierIndices = corpus.documents.indices.filter { earlier.contains(corpus.documents[$0].name) }
        guard !loaded.sources.isEmpty || !earlierIndices.isEmpty else {
            // That `path` gave no documents is what the error itself says.
            let named = path == "-" ? "<stdin>" : path
            let isOwnNotice = { (skipped: SkippedInput) in skipped.reason.meansNoDocuments && skipped.path == named }
            let problems = loaded.failures.map { (message: $0.description, reason: $0.reason, concernsPath: $0.source == path && $0.line == nil) }
                + loaded.skipped.filter { !isOwnNotice($0) }.map { (message: $0.description, reason: $0.reason.text, concernsPath: $0.path == named) }
            let reason: String
            switch problems.count {
            case 0:
                reason = loaded.skipped.first(where: isOwnNotice)?.reason.text ?? "no documents"
            case 1:
                reason = problems[0].concernsPath ? problems[0].reason : problems[0].message
            default:
                for problem in problems { host.warn(problem.message) }
                reason = "nothing in it could be loaded (\(problems.count) problems above)"
            }
            throw Diagnostic("cannot load '\(path)': \(reason)", at: statement.range, in: source, category: .io)
        }
        for failure in loaded.failures { host.warn(failure.description) }
        for skipped in loaded.skipped { host.warn(skipped.description) }
        outcome.inputsNotLoaded += loaded.failures.count
        let first = corpus.documents.count
        corpus.append(Document.parse(loaded.sources))
        let nodes = (earlierIndices + Array(first..<corpus.documents.count)).map { Node(document: $0, kind: .document, index: 0) }
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
            formatIsExplicit = true
        case .header(let on):
            header = on
        case .timer(let on):
            timer = on
        case .output(let path):
            // The results would replace the speech they came from.
            if let path, let refusal = loadedFiles.overwriteRefusal(of: path) {
                throw Diagnostic("cannot write to '\(path)': \(refusal)", at: statement.range, in: source,
                                 hint: "name another file; the results would replace the document", category: .io)
            }
            // The old file is closed whether or not the new one opens.
            outputPath = nil
            if let message = host.redirectOutput(to: path) {
                throw Diagnostic("cannot write to '\(path ?? "")': \(message)", at: statement.range, in: source, category: .io)
            }
            outputPath = path
        case .read(let path):
            guard readDepth < Self.maximumReadDepth else {
                throw Diagnostic(".read nested more than \(Self.maximumReadDepth) deep", at: statement.range, in: source, hint: "does the script read itself?")
            }
            let script: QuerySource
            switch QuerySource.script(at: path) {
            case .success(let read): script = read
            case .failure(let failure):
                throw Diagnostic("cannot read '\(path)': \(failure.reason)", at: statement.range, in: source, category: .io)
            }
            readDepth += 1
            defer { readDepth -= 1 }
            // The script's error is reported once, at its own SOURCE:LINE:COL; `run` sees
            // it in the outcome and stops here too.
            outcome.absorb(run(script, host: host, keepGoing: false))
        case .lexicon(let path):
            do throws(LoadFailure) {
                let lexicon = try AnalysisLexicon.loading(path, onto: corpus.classifier.lexicon)
                // Results kept as nodes with their fields still to be made must be made with
                // the lexicon they were asked under.
                previous = previous?.materialized(in: corpus)
                bindings = bindings.mapValues { $0.materialized(in: corpus) }
                corpus.setLexicon(lexicon)
            } catch {
                throw Diagnostic("cannot use lexicon '\(path)': \(error.reason)", at: statement.range, in: source, category: .io)
            }
        case .pager(let choice):
            switch choice {
            case .on: pagerEnabled = true
            case .off: pagerEnabled = false
            case .command(let command):
                pagerEnabled = true
                pagerCommand = command
            }
        case .export(let path, let format):
            var export = CorpusExport(corpus: corpus, format: format)
            export.isInterrupted = isInterrupted
            do throws(ExportFailure) {
                try export.write(to: path)
            } catch {
                throw Diagnostic("cannot export: \(error)", at: statement.range, in: source,
                                 hint: error.isRefusalToReplace ? "choose another name, or remove it first" : nil, category: .io)
            }
        case .quit:
            outcome.quit = true
        }
    }
}

/// Whether the user asked to stop (Ctrl-C at the prompt): asked by long-running stages between
/// steps, and by the workers that analyse documents on every core, hence `@Sendable`.
public typealias InterruptCheck = @Sendable () -> Bool
