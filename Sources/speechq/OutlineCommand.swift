import ArgumentParser
import Foundation
import SpeechQuery

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Show the outline of documents: front matter, sections, subsections, points.",
        discussion: """
        FILE may be a .txt file, a .md or .markdown file (read as Markdown), a .jsonl file, a \
        directory (searched recursively for those), or - for standard input. With no FILE, \
        standard input is read when it is not a terminal. A file named twice (or inside a \
        directory also named) is shown once.

        Options may come before or after the word outline: speechq --format json outline \
        FILE is speechq outline --format json FILE. The options of queries (-e, --header and \
        the others) do not apply to an outline and are refused.
        """
    )

    @Option(help: ArgumentHelp("Output format: \(FormatChoice.list(FormatChoice.outlineNames)).", valueName: "format"),
            completion: .list(FormatChoice.outlineNames))
    var format: String = OutlineFormat.tree.rawValue

    @Option(help: "Fit the tree to this many columns (default: the terminal's width; no limit when piped).")
    var width: Int?

    @Option(help: SizeOption.help, transform: SizeOption.parse)
    var maxSize: ByteSize = .defaultFileLimit

    @Argument(help: "Files, directories, or - for standard input.", completion: .file())
    var files: [String] = []

    func validate() throws {
        _ = try FormatChoice.outline(format)
        if let width, width < 20 { throw ValidationError("--width must be at least 20 columns.") }
    }

    func run() throws {
        let inputs = try InputSelection.paths(files)
        let loaded = DocumentLoader(maximumFileSize: maxSize).load(paths: inputs)
        Terminal.printMessages(of: loaded)
        let documents = Document.parse(loaded.sources)
        switch try FormatChoice.outline(format) {
        case .json:
            try Terminal.write(OutlineJSON.value(for: documents).serialized(pretty: true) + "\n")
        case .tree:
            try Terminal.write(OutlineTreePrinter(width: width ?? Terminal.outputWidth(), escapesControlCharacters: Terminal.stdoutIsTerminal).render(documents))
        }
        if !loaded.failures.isEmpty || documents.isEmpty { throw ExitCode(ExitStatus.usageOrIOError) }
    }
}
