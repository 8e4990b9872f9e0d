import ArgumentParser
import CTerminal
import Foundation
import SpeechQuery

/// `speechq export`: the loaded corpus as a SQLite database, or as a directory of JSON Lines
/// or CSV files, for SQL, DuckDB, Spark or pandas to take over where the language stops.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write documents, outline, directives, tasks and findings into a database or files.",
        discussion: """
        One table per kind of node (documents, sections, subsections, points, paragraphs, \
        sentences, headings) with every field of the kind, one per catalogue stage (tasks, \
        formulations, placeholders, findings) over every document, and speechq_meta. The \
        SQLite database also has sentences_fts, a full-text index of sentence text that finds \
        any substring of three or more characters. FILE is read as by speechq itself.

        Examples:
          speechq export -o corpus.db reports/
          sqlite3 corpus.db "select ref from sentences_fts where text match '安全生产'"
          speechq export --format jsonl -o corpus/ reports/
        """
    )

    @Option(help: "sqlite (one database file), or jsonl or csv (a directory of one file per table).")
    var format: ExportFormat = .sqlite

    @Flag(help: "Replace an existing database, or the table files in an existing directory.")
    var force = false

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The database file, or the directory for jsonl and csv.", valueName: "PATH"))
    var output: String

    @Option(help: ArgumentHelp("Add the words of a lexicon file to the analysis (repeatable).", valueName: "FILE"))
    var lexicon: [String] = []

    @Option(help: SizeOption.help, transform: SizeOption.parse)
    var maxSize: ByteSize = .defaultFileLimit

    @Argument(help: "Files, directories, or - for standard input.")
    var files: [String] = []

    func validate() throws {
        if output == "-" { throw ValidationError("export writes files: name a database file or a directory with -o, not standard output") }
    }

    func run() throws {
        let loaded = DocumentLoader(maximumFileSize: maxSize).load(paths: try InputSelection.paths(files))
        Terminal.printMessages(of: loaded)
        let sources = loaded.sources
        // Half a corpus under the name asked for would then be refused on the retry: nothing
        // is written unless every input was read.
        guard loaded.failures.isEmpty, !sources.isEmpty else {
            Terminal.printError("nothing exported: " + (sources.isEmpty ? "no documents were loaded" : "an input could not be read"))
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        // --force would replace a speech with the database made from it.
        if let refusal = loaded.loadedFiles.overwriteRefusal(of: output) {
            Terminal.printError("cannot export over \(output): \(refusal); name another file")
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        let corpus = Corpus(documents: Document.parse(sources), lexicon: try LexiconFiles.lexicon(adding: lexicon))
        sq_install_termination_handler()
        var export = CorpusExport(corpus: corpus, format: format, replacing: force)
        export.isInterrupted = { sq_interrupt_pending() != 0 }
        do throws(ExportFailure) {
            try export.write(to: output)
        } catch {
            Terminal.printError("cannot export: \(error)" + (error.isRefusalToReplace ? " (--force replaces it)" : ""))
            throw ExitCode(sq_interrupt_pending() != 0 ? ExitStatus.interrupted : ExitStatus.usageOrIOError)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
