import Foundation
import Testing

/// The golden suite: every `examples/queries/*.sq` runs through the real binary and its
/// output must match the `.expected` file beside it. A script's leading comments say what
/// it runs on (`# files: …`, relative to the package root) and with which options
/// (`# args: …`). The expected file holds standard output, then `--- stderr` and
/// `--- exit N` sections when those are not empty or zero.
///
/// `SPEECHQ_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites the expected files; read
/// the diff before committing it.
struct GoldenScript: CustomTestStringConvertible, Sendable {
    let name: String
    let files: [String]
    let arguments: [String]

    var testDescription: String { name }

    static let directory = SpeechQRun.packageRoot.appendingPathComponent("examples/queries")

    static func all() -> [GoldenScript] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".sq") }.sorted().map { name in
            let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            var files: [String] = [], arguments: [String] = []
            for line in text.split(separator: "\n") {
                guard line.hasPrefix("#") else { break }
                if line.hasPrefix("# files:") { files = line.dropFirst(8).split(separator: " ").map(String.init) }
                if line.hasPrefix("# args:") { arguments = line.dropFirst(7).split(separator: " ").map(String.init) }
            }
            return GoldenScript(name: name, files: files, arguments: arguments)
        }
    }

    var needsSharedCorpus: Bool { files.contains { $0.hasPrefix("../shared") } }

    static var sharedCorpusAvailable: Bool {
        FileManager.default.fileExists(atPath: SpeechQRun.packageRoot.appendingPathComponent("../shared/corpus/county-speech.txt").path)
    }

    func run() throws {
        let result = try SpeechQRun(["-f", "examples/queries/\(name)"] + arguments + files, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
        var actual = result.stdout
        if !result.stderr.isEmpty { actual += "--- stderr\n" + result.stderr }
        if result.status != 0 { actual += "--- exit \(result.status)\n" }
        let expectedURL = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".sq", with: ".expected"))
        if ProcessInfo.processInfo.environment["SPEECHQ_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): output differs from \(expectedURL.lastPathComponent)")
    }
}

@Suite("Golden scripts")
struct GoldenScriptTests {
    @Test(arguments: GoldenScript.all().filter { !$0.needsSharedCorpus })
    func onTheExamples(_ script: GoldenScript) throws {
        try script.run()
    }

    @Test(.enabled(if: GoldenScript.sharedCorpusAvailable, "../shared is absent: golden scripts on the reference speech need ../shared/corpus"),
          arguments: GoldenScript.all().filter(\.needsSharedCorpus))
    func onTheReferenceSpeech(_ script: GoldenScript) throws {
        try script.run()
    }

    @Test func everyScriptHasExpectedOutput() {
        let scripts = GoldenScript.all()
        #expect(scripts.count >= 8)
        for script in scripts {
            let expected = GoldenScript.directory.appendingPathComponent(script.name.replacingOccurrences(of: ".sq", with: ".expected"))
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(script.name) has no .expected file")
            #expect(!script.files.isEmpty, "\(script.name) names no files")
        }
    }
}
