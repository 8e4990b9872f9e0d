import Foundation
import SpeechQuery
import Testing

/// Every `$ speechq …` example in the README and docs/language.md runs, and what it prints
/// (standard output, then standard error) must be what the page shows. So the documentation
/// cannot drift from the behaviour. `SPEECHQ_UPDATE_GOLDEN=1` rewrites the shown output.
struct DocumentationExample: CustomTestStringConvertible, Sendable {
    let file: String
    let line: Int
    let command: String
    let expected: String

    var testDescription: String { "\(file):\(line) \(command)" }

    static let pages = ["README.md", "docs/language.md", "docs/analysis.md"]

    /// The examples of one page: in ```console blocks, a `$ ` line and the lines after it.
    /// Only `speechq …` and `cat FILE | speechq …` commands are run; others are illustration.
    static func examples(in page: String) -> [DocumentationExample] {
        let url = SpeechQRun.packageRoot.appendingPathComponent(page)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [DocumentationExample] = []
        var inConsole = false
        var current: (line: Int, command: String, output: [String])?
        func finish() {
            if let c = current, c.command.hasPrefix("speechq ") || c.command.hasPrefix("cat ") && c.command.contains("| speechq ") {
                if !c.command.contains("| jq") {
                    examples.append(DocumentationExample(file: page, line: c.line, command: c.command, expected: c.output.map { $0 + "\n" }.joined()))
                }
            }
            current = nil
        }
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if inConsole { finish() }
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                finish()
                current = (number + 1, String(line.dropFirst(2)), [])
            } else {
                current?.output.append(line)
            }
        }
        return examples
    }

    static func all() -> [DocumentationExample] { pages.flatMap(examples(in:)) }

    func run() throws {
        // Dot-command words and these shell commands quote alike.
        var arguments = MetaArguments.split(command)
        var stdin: String?
        if arguments.first == "cat", let pipe = arguments.firstIndex(of: "|") {
            stdin = try String(contentsOf: SpeechQRun.packageRoot.appendingPathComponent(arguments[1]), encoding: .utf8)
            arguments = Array(arguments[(pipe + 1)...])
        }
        #expect(arguments.first == "speechq")
        let result = try SpeechQRun(Array(arguments.dropFirst()), stdin: stdin ?? "", environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
        let actual = result.stdout + result.stderr
        if ProcessInfo.processInfo.environment["SPEECHQ_UPDATE_GOLDEN"] == "1" {
            Self.record(self, actual)
            return
        }
        #expect(actual == expected, "\(file):\(line): `\(command)` printed something else")
    }

    /// Rewrites the output lines shown under this example's command.
    static func record(_ example: DocumentationExample, _ actual: String) {
        let url = SpeechQRun.packageRoot.appendingPathComponent(example.file)
        guard var lines = try? String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n") else { return }
        // Find the command again: earlier rewrites in the same run may have moved it.
        guard let commandLine = lines.firstIndex(of: "$ " + example.command) else { return }
        let start = commandLine + 1
        var end = start
        while end < lines.count, !lines[end].hasPrefix("$ "), !lines[end].hasPrefix("```") { end += 1 }
        var shown = actual.components(separatedBy: "\n")
        if shown.last == "" { shown.removeLast() }
        lines.replaceSubrange(start..<end, with: shown)
        try? lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}

@Suite("Documentation examples", .serialized)
struct DocumentationTests {
    @Test(arguments: DocumentationExample.all())
    func runsAsShown(_ example: DocumentationExample) throws {
        try example.run()
    }

    @Test func everyPageHasExamples() {
        for page in DocumentationExample.pages {
            #expect(!DocumentationExample.examples(in: page).isEmpty, "\(page) has no runnable examples")
        }
        #expect(DocumentationExample.examples(in: "docs/language.md").count >= 20)
    }
}
