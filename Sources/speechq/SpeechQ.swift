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
        speechq outline [--format tree|json] [FILE ...]
        speechq help [outline] | speechq version
        speechq export [--format sqlite|jsonl|csv] [--force] -o PATH [FILE ...]
        """,
        discussion: """
        FILE may be a .txt file, a .md or .markdown file (read as Markdown), a .jsonl file, a \
        directory (searched recursively for those), or - for standard input. Under -e or -f \
        with no FILE, the document is read from standard input when it is not a terminal. With \
        neither -e nor -f, a terminal on standard input opens the interactive prompt; otherwise \
        statements are read from standard input. A file is loaded once: naming it again, or a \
        directory that holds it, is reported as "PATH: already loaded as NAME" (the exit status \
        is unchanged).

        A directory walk opens regular files only: a named pipe, socket or device in it is \
        reported and skipped. An input larger than --max-size (default 2G) is refused, a \
        regular file by its size before it is read, a pipe or device when it passes the limit; \
        binary data is refused on its first 64 KB. An input that gives no document (an empty \
        folder) is a warning, and exit status 2 when the FILEs named give none at all.

        -e and -f may be repeated and mixed; they run in the order given, in one session, so \
        names and settings carry over. A failing statement stops the run unless --keep-going. \
        With -i the prompt opens after them (when standard input is not a terminal, statements \
        are read from it instead).

        The prompt first runs $XDG_CONFIG_HOME/speechq/init.sq (default \
        ~/.config/speechq/init.sq) unless --no-init; errors in it are shown with its path and \
        the prompt still opens. It keeps its history in $XDG_STATE_HOME/speechq/history \
        (default ~/.local/state/speechq/history).

        Options may come before or after a subcommand: speechq --format json outline FILE.

        Examples:
          speechq -e 'select sections | count' speech.txt
          speechq -e 'sections | fields ref, heading' reports/
          cat speech.txt | speechq -e 'count directives'
          speechq -f setup.sq -e 'tasks | count' -i speech.txt

        Exit codes:
          0  success
          1  with --exit-status: the last result is empty or zero
          2  usage error, a file that could not be read or written, or no document loaded
          3  query error (the message shows SOURCE:LINE:COL and the spot)
          130  speechq export, or an -e/-f run, stopped by Ctrl-C (nothing is left behind)
        The files of 2 are documents, scripts (-f, .read), .output, .lexicon, export \
        destinations and standard output; a run with errors of both kinds exits with 3. \
        Output that cannot be written (a full disk, a closed standard output) fails the \
        statement that held it, with the path and the reason. -e and -f runs stopped by \
        Ctrl-C, SIGTERM or SIGHUP end by that signal (the shell reports 130, 143, 129).

        The results of .output FILE are written beside FILE and renamed into place as \
        statements complete, so FILE never holds a cut result; a loaded document is refused. On a terminal, control \
        characters in documents are shown escaped rather than sent (docs/language.md); pipes \
        and files get the text as it is. TERM=dumb, like NO_COLOR, turns colour off.
        """,
        version: SpeechQueryVersion.current,
        // Declared for `speechq --help`, the manual page and shell completions; `main()`
        // dispatches them, since FILE arguments would otherwise take the word for a file.
        subcommands: [OutlineCommand.self, ExportCommand.self, VersionCommand.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run QUERY (repeatable; mixed with -f in the order given).", valueName: "QUERY"))
    var expressions: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in SCRIPT (repeatable; - for standard input).", valueName: "SCRIPT"),
            completion: .file())
    var scripts: [String] = []

    @Flag(name: [.customShort("i"), .long], help: "Open the prompt after the -e and -f statements.")
    var interactive = false

    @Option(help: ArgumentHelp("Output format: \(FormatChoice.list(FormatChoice.queryNames)) (default: table on a terminal, tsv otherwise).", valueName: "format"),
            completion: .custom(CommandLineCompletion.formats))
    var format: String?

    @Option(help: ArgumentHelp("Fit tables to N columns, also when piped (default: COLUMNS or the terminal's width; no limit when piped).", valueName: "N"))
    var width: Int?

    @Flag(help: "Start the output, and each .output file, with a UTF-8 byte-order mark (for spreadsheets reading CSV).")
    var bom = false

    @Option(help: ArgumentHelp("Add the words of a lexicon file to the analysis (repeatable; see docs/analysis.md).", valueName: "FILE"),
            completion: .file())
    var lexicon: [String] = []

    @Option(help: SizeOption.help, transform: SizeOption.parse)
    var maxSize: ByteSize = .defaultFileLimit

    @Flag(help: "Add a header line to tsv and csv output.")
    var header = false

    @Option(help: "Colour: auto (a terminal without NO_COLOR, TERM not dumb), always, never.")
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

    @Argument(help: "Files, directories, or - for standard input.", completion: .custom(CommandLineCompletion.files))
    var files: [String] = []

    /// The words `main()` takes for a subcommand: the declared ones and ArgumentParser's `help`.
    static let subcommandNames = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]

    /// The query output format asked for, if any.
    func outputFormat() throws -> OutputFormat? {
        guard let format else { return nil }
        return try FormatChoice.query(format)
    }

    func validate() throws {
        _ = try outputFormat()
        if let width, width < 20 { throw ValidationError("--width must be at least 20 columns.") }
        if scripts.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read as a script only once") }
        if scripts.contains("-"), files.contains("-") { throw ValidationError("standard input cannot be both the script and a document") }
        if scripts.contains("-"), interactive { throw ValidationError("standard input cannot be both the script (-f -) and the prompt (-i)") }
        // `speechq outlin FILE`: a misspelt subcommand, not a missing file.
        if let first = files.first, first != "-", !FileManager.default.fileExists(atPath: first),
           let meant = Suggestion.closest(to: first, among: Self.subcommandNames) {
            throw ValidationError("no file or directory '\(first)'; did you mean 'speechq \(meant)'?")
        }
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
    /// A subcommand is found wherever options put it (`speechq --format json outline`) and
    /// parsed by `SubcommandLine`; everything else is the query command.
    static func main() {
        Terminal.reserveStandardDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A completion script asking for candidates names the subcommand itself.
        if arguments.first == "---completion" { return run(SpeechQ.self, arguments) }
        switch ArgumentScan(arguments).subcommand(among: subcommandNames) {
        case nil:
            run(SpeechQ.self, arguments)
        case ("help", let rest)?:
            showHelp(rest.filter { !$0.hasPrefix("-") })
        case (let name, let rest)?:
            run(SubcommandLine.self, [name] + rest)
        }
    }

    /// `speechq help` and `speechq help SUBCOMMAND`, as `--help` would print them.
    static func showHelp(_ topics: [String]) {
        guard let topic = topics.first, topic != "help" else {
            finish(SpeechQ.self, with: CleanExit.helpRequest(SpeechQ.self))
        }
        if let command = configuration.subcommands.first(where: { $0.configuration.commandName == topic }) {
            // Through the root that parses subcommands, so this is what `outline --help` prints.
            finish(SubcommandLine.self, with: CleanExit.helpRequest(command))
        }
        let meant = Suggestion.closest(to: topic, among: subcommandNames).map { "; did you mean 'speechq help \($0)'?" } ?? ""
        Terminal.printError("no help on '\(topic)'\(meant)")
        Foundation.exit(ExitStatus.usageOrIOError)
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
        } catch {
            finish(type, with: error)
        }
    }

    /// What ArgumentParser's `exit(withError:)` does — help and other clean exits on standard
    /// output, errors on standard error — written with write(2), so a full or closed output
    /// is reported (standard output) or passed over (standard error) instead of trapping,
    /// and usage errors exit with 2.
    static func finish<Command: ParsableCommand>(_ type: Command.Type, with error: Error) -> Never {
        let code = type.exitCode(for: error)
        let message = type.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty {
                do throws(ExitCode) { try Terminal.write(message + "\n") } catch { Foundation.exit(error.rawValue) }
            }
            Foundation.exit(0)
        }
        if !message.isEmpty { Terminal.writeError(message + "\n") }
        Foundation.exit(code == .validationFailure ? ExitStatus.usageOrIOError : code.rawValue)
    }
}

/// The command line of a subcommand, with the subcommand word moved to the front: it parses
/// `speechq outline …` and `speechq version` so that their messages and `--help` name the
/// whole command.
struct SubcommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speechq", subcommands: SpeechQ.configuration.subcommands)
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
