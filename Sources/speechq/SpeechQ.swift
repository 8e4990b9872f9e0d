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
        speechq -e QUERY [-e QUERY ...] [FILE ...]
        speechq -f SCRIPT.sq [FILE ...]
        command | speechq -e QUERY
        speechq outline [FILE ...]
        speechq export [--format sqlite|jsonl|csv] [--force] -o PATH [FILE ...]
        """,
        discussion: """
        FILE may be a .txt file, a .md or .markdown file (read as Markdown), a .jsonl file, a \
        directory (searched recursively for those), or - for standard input. Under -e or -f \
        with no FILE, the document is read from standard input when it is not a terminal. With \
        neither -e nor -f, a terminal on standard input opens the interactive prompt; otherwise \
        statements are read from standard input.

        The prompt keeps its history in $XDG_STATE_HOME/speechq/history (default \
        ~/.local/state/speechq/history).

        Examples:
          speechq -e 'select sections | count' speech.txt
          speechq -e 'sections | filter 疫情 | fields ref, heading' reports/
          cat speech.txt | speechq -e 'count directives'

        Exit codes:
          0  success
          1  with --exit-status: the last result is empty or zero
          2  usage error, or an input that could not be loaded or written
          3  query error (the message shows SOURCE:LINE:COL and the spot)
        """,
        version: SpeechQueryVersion.current
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run QUERY (repeatable).", valueName: "QUERY"))
    var expressions: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in SCRIPT (- for standard input).", valueName: "SCRIPT"))
    var script: String?

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

    @Flag(help: "Carry on after a failing statement (the exit status is still 3).")
    var keepGoing = false

    @Flag(name: [.customShort("q"), .long], help: "Start the interactive prompt without the banner.")
    var quiet = false

    @Flag(help: "Do not read or write the prompt's history (also: SPEECHQ_NO_HISTORY=1).")
    var noHistory = false

    @Argument(help: "Files, directories, or - for standard input.")
    var files: [String] = []

    func validate() throws {
        if script != nil, !expressions.isEmpty { throw ValidationError("use -e or -f, not both") }
        if script == "-", files.contains("-") { throw ValidationError("standard input cannot be both the script and a document") }
    }

    func run() throws {
        try QueryRunner(options: self).run()
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
        } else if arguments.first == "export" {
            run(ExportCommand.self, Array(arguments.dropFirst()))
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
