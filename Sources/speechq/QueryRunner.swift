import ArgumentParser
import CTerminal
import Foundation
import SpeechQuery

/// Runs the `-e` and `-f` statements in command-line order, then statements from standard
/// input or the prompt, over the loaded documents, and maps the outcome to an exit status.
struct QueryRunner {
    let options: SpeechQ
    /// `-e` and `-f`, in the order given.
    let statements: [StatementInput]

    /// The prompt opens on a terminal when there is nothing else to run, or after -e and -f with -i.
    var opensPrompt: Bool {
        isatty(STDIN_FILENO) != 0 && (statements.isEmpty || options.interactive)
    }

    /// Without a prompt, standard input holds statements in the same cases: when there is
    /// nothing else to run, and after -e and -f with -i (as `python -i` reads it).
    var readsStatementsFromStandardInput: Bool {
        !opensPrompt && (statements.isEmpty || options.interactive)
    }

    func run() throws {
        // Every script is read before anything runs: a missing one is a usage error, not a
        // failure halfway through.
        let sources = try commandLineSources()
        if opensPrompt { return try runInteractive(then: sources) }

        let scriptReadsStandardInput = statements.contains(.script("-")) || readsStatementsFromStandardInput
        let stdinSources = readsStatementsFromStandardInput ? [QuerySource(name: "<stdin>", text: try readStandardInputText())] : []
        var summary = RunSummary()
        let interactive = Terminal.stdoutIsTerminal
        let format = try options.outputFormat() ?? (interactive ? .table : .tsv)
        let color: Bool
        switch options.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = interactive && Terminal.colorAllowed
        }
        let host = OutputHost(color: color, errorColor: options.color == .always || (Terminal.stderrIsTerminal && Terminal.colorAllowed && options.color == .auto),
                              width: options.width, byteOrderMark: options.bom)
        // Ctrl-C, SIGTERM and SIGHUP end the run as before, but leave no temporary or cut
        // `.output` file behind.
        sq_install_output_cleanup(1)
        let paths = documentInputs(standardInputIsTaken: scriptReadsStandardInput)
        // A lexicon that cannot be read is reported after the documents' messages, as the
        // whole run reports it (a batched run needs it before the first batch).
        let readableLexicon = try? lexicon()
        func session(_ corpus: Corpus, header: Bool, loadedFiles: LoadedFiles) -> Session {
            let session = Session(corpus: corpus, format: format, formatIsExplicit: options.format != nil, header: header, loadedFiles: loadedFiles)
            session.loader = loader
            return session
        }

        // One query that reads each document on its own runs a batch of documents at a time.
        if stdinSources.isEmpty, let lexicon = readableLexicon, let batched = BatchedRun(sources: sources, format: format) {
            let loadedAny = batched.run(loader: loader, paths: paths, lexicon: lexicon, host: host, summary: &summary,
                                              quietAboutEmptyStandardInput: options.files.isEmpty) { corpus, first, loadedFiles in
                session(corpus, header: options.header && first, loadedFiles: loadedFiles)
            }
            return try finish(host: host, summary: &summary, loadedNothing: !loadedAny)
        }

        var loaded = loader.load(paths: paths)
        // Standard input read because no FILE was named may well be empty (`speechq -e
        // .help < /dev/null`): that is no document, and nothing to say.
        if options.files.isEmpty { loaded.skipped.removeAll { $0.reason == .emptyStandardInput } }
        summary.report(loaded)
        let session = session(Corpus(documents: Document.parse(loaded.sources), lexicon: try readableLexicon ?? lexicon()), header: options.header,
                              loadedFiles: loaded.loadedFiles)
        for source in sources + stdinSources {
            let outcome = session.run(source, host: host, keepGoing: options.keepGoing)
            summary.add(outcome)
            if outcome.quit || (outcome.errors > 0 && !options.keepGoing) { break }
        }
        try finish(host: host, summary: &summary, loadedNothing: session.corpus.documents.isEmpty)
    }

    /// Writes out what is left, and exits with the status the run came to.
    private func finish(host: OutputHost, summary: inout RunSummary, loadedNothing: Bool) throws {
        let failures = host.finish()
        if !options.files.isEmpty, loadedNothing { summary.nothingLoaded() }
        for failure in failures {
            Terminal.printError(failure)
            summary.ioErrors += 1
        }
        let status = summary.exitStatus(checkingLastResult: options.exitStatus)
        if status != 0 { throw ExitCode(status) }
    }

    /// The `-e` strings and `-f` scripts as query text, in command-line order.
    func commandLineSources() throws -> [QuerySource] {
        try statements.map { input in
            switch input {
            case .expression(let text):
                return QuerySource(name: "<-e>", text: text)
            case .script("-"):
                return QuerySource(name: "<stdin>", text: try readStandardInputText())
            case .script(let path):
                switch QuerySource.script(at: path) {
                case .success(let source): return source
                case .failure(let failure):
                    Terminal.printError(failure.description)
                    throw ExitCode(ExitStatus.usageOrIOError)
                }
            }
        }
    }

    /// What documents are read with: `--max-size`.
    var loader: DocumentLoader {
        DocumentLoader(maximumFileSize: options.maxSize)
    }

    /// The standard lexicon with the `--lexicon` files added.
    func lexicon() throws -> AnalysisLexicon {
        try LexiconFiles.lexicon(adding: options.lexicon)
    }

    /// The prompt, after the startup file and the command line's statements. Leaving it
    /// exits with 0: its errors were shown as they happened. Only an `.output` file that
    /// cannot be put in place when the prompt closes, or standard output that cannot take
    /// the last of the output, is reported then and exits with 2.
    func runInteractive(then statements: [QuerySource]) throws {
        let loaded = loader.load(paths: options.files)
        Terminal.printMessages(of: loaded)
        let corpus = Corpus(documents: Document.parse(loaded.sources), lexicon: try lexicon())
        let session = Session(corpus: corpus, format: try options.outputFormat() ?? .table, formatIsExplicit: options.format != nil,
                              header: options.header, loadedFiles: loaded.loadedFiles)
        session.loader = loader
        guard let output = fdopen(STDOUT_FILENO, "w") else { throw ExitCode(ExitStatus.usageOrIOError) }
        let color = options.color == .always || (options.color == .auto && Terminal.stdoutIsTerminal && Terminal.colorAllowed)
        let host = OutputHost(color: color, errorColor: color, width: options.width, byteOrderMark: options.bom)
        // The prompt handles Ctrl-C itself; SIGTERM and SIGHUP leave no `.output` file cut.
        sq_install_output_cleanup(0)
        guard let editor = LineEditor(output: output, completer: {
            Completer(names: Array(session.bindings.keys).sorted(), documents: session.corpus.documents.map(\.name), listDirectory: Self.listDirectory)
        }) else {
            Terminal.printError("cannot start the line editor")
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        let history = HistoryFile.resolve(disabled: options.noHistory)
        let startup = ReplStartup(initFile: InitFile.resolve(disabled: options.noInit), statements: statements, keepGoing: options.keepGoing)
        Repl(session: session, host: host, editor: editor, history: history, quiet: options.quiet, startup: startup).run()
        let failures = host.finish()
        for failure in failures { Terminal.printError(failure) }
        if !failures.isEmpty { throw ExitCode(ExitStatus.usageOrIOError) }
    }

    static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.map { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, exists && isDirectory.boolValue)
        }
    }

    /// Documents: the FILE arguments; with none, standard input when statements do not come
    /// from it and it is not a terminal.
    func documentInputs(standardInputIsTaken: Bool) -> [String] {
        if !options.files.isEmpty { return options.files }
        if !standardInputIsTaken, isatty(STDIN_FILENO) == 0 { return ["-"] }
        return []
    }

    /// Statements on standard input, read under the same size limit and binary check as a
    /// document: `speechq < /dev/zero` is refused at once, not read until memory runs out.
    func readStandardInputText() throws -> String {
        switch FileReading.readStandardInput(limit: options.maxSize) {
        case .success(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        case .failure(let failure):
            Terminal.printError(failure.description)
            throw ExitCode(ExitStatus.usageOrIOError)
        }
    }
}
