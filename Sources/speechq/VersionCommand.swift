import ArgumentParser
import SpeechQuery

/// `speechq version`: the word people type as often as `--version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Show the version (as --version does)."
    )

    func run() throws {
        try Terminal.write(SpeechQueryVersion.current + "\n")
    }
}
