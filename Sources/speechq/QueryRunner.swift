import ArgumentParser
import Foundation
import SpeechQuery

/// Runs `-e` queries, a `-f` script or statements from standard input over the loaded
/// documents, and maps the outcome to an exit code.
struct QueryRunner {
    let options: SpeechQ

    func run() throws {
        if options.expressions.isEmpty, options.script == nil, isatty(STDIN_FILENO) != 0 {
            return try runInteractive()
        }
        let scriptSources = try sources()
        let documentPaths = documentInputs(scriptFromStdin: scriptSources.readsStandardInput)
        var loadFailed = false
        let loaded = DocumentLoader().load(paths: documentPaths, readStandardInput: {
            DocumentLoader.readAllStandardInput()
        })
        for failure in loaded.failures {
            Terminal.printError(failure.description)
            loadFailed = true
        }
        // An empty standard input is no document, not an empty one.
        let sources = loaded.sources.filter { !($0.origin == "<stdin>" && $0.bytes.isEmpty) }
        let corpus = Corpus(documents: sources.map { Document($0) }, lexicon: try lexicon())

        let interactive = Terminal.stdoutIsTerminal
        let format = options.format ?? (interactive ? .table : .tsv)
        let session = Session(corpus: corpus, format: format, formatIsExplicit: options.format != nil, header: options.header)
        let color: Bool
        switch options.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = interactive && !Terminal.noColorRequested
        }
        let host = OutputHost(color: color, errorColor: options.color == .always || (Terminal.stderrIsTerminal && !Terminal.noColorRequested && options.color == .auto),
                              width: options.width, byteOrderMark: options.bom)

        var queryFailed = false
        var last: QueryResult?
        for source in scriptSources.list {
            let outcome = session.run(source, host: host, keepGoing: options.keepGoing)
            if outcome.errors > 0 { queryFailed = true }
            if let result = outcome.lastResult { last = result }
            if outcome.quit || (outcome.errors > 0 && !options.keepGoing) { break }
        }
        host.finish()
        if queryFailed { throw ExitCode(ExitStatus.queryError) }
        if loadFailed || host.writeFailed { throw ExitCode(ExitStatus.usageOrIOError) }
        if options.exitStatus, last?.isEmptyOrZero ?? true { throw ExitCode(ExitStatus.emptyResult) }
    }

    struct Sources {
        var list: [QuerySource]
        var readsStandardInput: Bool
    }

    /// The query text to run: `-e` strings, the `-f` script, or standard input.
    func sources() throws -> Sources {
        if !options.expressions.isEmpty {
            return Sources(list: options.expressions.map { QuerySource(name: "<-e>", text: $0) }, readsStandardInput: false)
        }
        if let path = options.script {
            if path == "-" {
                return Sources(list: [QuerySource(name: "<stdin>", text: readStandardInputText())], readsStandardInput: true)
            }
            let bytes: [UInt8]
            switch FileReading.read(path) {
            case .success(let read): bytes = read
            case .failure(let failure):
                Terminal.printError(failure.description)
                throw ExitCode(ExitStatus.usageOrIOError)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                Terminal.printError("\(path): the script is not UTF-8 text")
                throw ExitCode(ExitStatus.usageOrIOError)
            }
            return Sources(list: [QuerySource(name: path, text: text)], readsStandardInput: false)
        }
        return Sources(list: [QuerySource(name: "<stdin>", text: readStandardInputText())], readsStandardInput: true)
    }

    /// The standard lexicon with the `--lexicon` files added.
    func lexicon() throws -> AnalysisLexicon {
        var lexicon = AnalysisLexicon.standard
        for path in options.lexicon {
            do {
                lexicon = try AnalysisLexicon.loading(path, onto: lexicon)
            } catch {
                Terminal.printError(error.description)
                throw ExitCode(ExitStatus.usageOrIOError)
            }
        }
        return lexicon
    }

    /// The REPL, for a terminal on standard input with neither -e nor -f.
    func runInteractive() throws {
        let loaded = DocumentLoader().load(paths: options.files)
        for failure in loaded.failures { Terminal.printError(failure.description) }
        let session = Session(corpus: Corpus(documents: loaded.sources.map { Document($0) }, lexicon: try lexicon()), format: options.format ?? .table,
                              formatIsExplicit: options.format != nil, header: options.header)
        guard let output = fdopen(STDOUT_FILENO, "w") else { throw ExitCode(ExitStatus.usageOrIOError) }
        let color = options.color == .always || (options.color == .auto && Terminal.stdoutIsTerminal && !Terminal.noColorRequested)
        let host = OutputHost(color: color, errorColor: color, width: options.width, byteOrderMark: options.bom, standardOutput: output)
        guard let editor = LineEditor(output: output, completer: {
            Completer(names: Array(session.bindings.keys).sorted(), documents: session.corpus.documents.map(\.name), listDirectory: Self.listDirectory)
        }) else {
            Terminal.printError("cannot start the line editor")
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        let history = HistoryFile.resolve(disabled: options.noHistory)
        Repl(session: session, host: host, editor: editor, history: history, quiet: options.quiet).run()
        host.finish()
    }

    static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.map { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, exists && isDirectory.boolValue)
        }
    }

    /// Documents: the FILE arguments; with none, standard input when it is free and not a terminal.
    func documentInputs(scriptFromStdin: Bool) -> [String] {
        if !options.files.isEmpty { return options.files }
        if !scriptFromStdin, isatty(STDIN_FILENO) == 0 { return ["-"] }
        return []
    }

    func readStandardInputText() -> String {
        String(decoding: DocumentLoader.readAllStandardInput(), as: UTF8.self)
    }
}
