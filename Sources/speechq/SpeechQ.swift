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
}
