import ArgumentParser
import Foundation
import SpeechQuery

@main
struct SpeechQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speechq",
        abstract: "Ask questions about the structure of official speeches and reports.",
        usage: """
        speechq [FILE ...]                 (the interactive prompt, on a terminal)
        speechq [-e QUERY | -f SCRIPT.sq] ... [-i] [FILE ...]
        command | speechq -e QUERY
        speechq outline [FILE ...]
        """,
        discussion: """
        FILE may be a .txt file, a .md or .markdown file (read as Markdown), a .jsonl file, a \
        directory (searched recursively for those), or - for standard input. Under -e or -f \
        with no FILE, the document is read from standard input when it is not a terminal. With \
        neither -e nor -f, a terminal on standard input opens the interactive prompt; otherwise \
        statements are read from standard input. A file is loaded once: naming it again, or a \
        directory that holds it, is reported as "PATH: already loaded as NAME" (the exit status \
        is unchanged).

        -e and -f may be repeated and mixed; they run in the order given, in one session, so \
        names and settings carry over. A failing statement stops the run unless --keep-going. \
        With -i the prompt opens after them (when standard input is not a terminal, statements \
        are read from it instead).

        The prompt first runs $XDG_CONFIG_HOME/speechq/init.sq (default \
        ~/.config/speechq/init.sq) unless --no-init; errors in it are shown with its path and \
        the prompt still opens. It keeps its history in $XDG_STATE_HOME/speechq/history \
        (default ~/.local/state/speechq/history).

        Examples:
          speechq -e 'select sections | count' speech.txt
          speechq -e 'sections | fields ref, heading' reports/
          cat speech.txt | speechq -e 'count directives'
          speechq -f setup.sq -e 'tasks | count' -i speech.txt

        Exit codes:
          0  success
          1  with --exit-status: the last result is empty or zero
          2  usage error, or a file that could not be read or written
          3  query error (the message shows SOURCE:LINE:COL and the spot)
        The files of 2 are documents, scripts (-f, .read), .output and .lexicon files; a run \
        with errors of both kinds exits with 3.
        """,
        version: SpeechQueryVersion.current
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run QUERY (repeatable; mixed with -f in the order given).", valueName: "QUERY"))
    var expressions: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in SCRIPT (repeatable; - for standard input).", valueName: "SCRIPT"))
    var scripts: [String] = []

    @Flag(name: [.customShort("i"), .long], help: "Open the prompt after the -e and -f statements.")
    var interactive = false

    @Option(help: "Output format: table, tsv, csv, json, jsonl (default: table on a terminal, tsv otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Add the words of a lexicon file to the analysis (repeatable; see docs/analysis.md).", valueName: "FILE"))
    var lexicon: [String] = []

    @Flag(help: "Add a header line to tsv and csv output.")
    var header = false

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Exit with 1 when the last result is empty or zero.")
    var exitStatus = false

    @Flag(help: "Carry on after a failing statement (the exit status still says it failed).")
    var keepGoing = false

    @Flag(name: [.customShort("q"), .long], help: "Start the interactive prompt without the banner.")
    var quiet = false

    @Flag(help: "Do not read or write the prompt's history (also: SPEECHQ_NO_HISTORY=1).")
    var noHistory = false

    @Flag(help: "Do not run the prompt's startup file (init.sq).")
    var noInit = false

    @Argument(help: "Files, directories, or - for standard input.")
    var files: [String] = []

    /// The query output format asked for, if any.
    func outputFormat() throws -> OutputFormat? {
        format
    }

    func validate() throws {
        if scripts.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read as a script only once") }
        if scripts.contains("-"), files.contains("-") { throw ValidationError("standard input cannot be both the script and a document") }
        if scripts.contains("-"), interactive { throw ValidationError("standard input cannot be both the script (-f -) and the prompt (-i)") }
    }

    func run() throws {
        let arguments = ArgumentScan(Array(CommandLine.arguments.dropFirst()))
        guard let statements = arguments.statementInputs(expressions: expressions, scripts: scripts) else {
            throw ValidationError("cannot tell the order of -e and -f; give each as a word of its own (-e QUERY, -f SCRIPT)")
        }
        try QueryRunner(options: self, statements: statements).run()
    }

    /// Runs the command line with speechq's documented exit codes: ArgumentParser reports
    /// usage errors with 64 (EX_USAGE); speechq uses 2 for them, like grep and jq.
    ///
    /// `outline` is dispatched by hand: a root command that takes FILE arguments would
    /// otherwise read the word `outline` as a file.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "outline" {
            run(OutlineCommand.self, Array(arguments.dropFirst()))
        } else {
            run(SpeechQ.self, arguments)
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
        } catch {
            if type.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usageOrIOError)
            }
            type.exit(withError: error)
        }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}
