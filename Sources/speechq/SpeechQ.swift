import ArgumentParser
import Foundation
import SpeechQuery

@main
struct SpeechQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speechq",
        abstract: "Ask questions about the structure of official speeches and reports.",
        discussion: """
        Exit codes: 0 success; 2 usage or I/O error (including any input that could not \
        be loaded; the other inputs are still processed).
        """,
        version: SpeechQueryVersion.current,
        subcommands: [OutlineCommand.self]
    )

    /// Runs the command line with speechq's documented exit codes: ArgumentParser reports
    /// usage errors with 64 (EX_USAGE); speechq uses 2 for them, like grep and jq.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usageOrIOError)
            }
            exit(withError: error)
        }
    }
}
