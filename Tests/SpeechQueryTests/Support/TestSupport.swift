import Foundation
import Testing
@testable import SpeechQuery

/// Fixtures shipped in `Tests/SpeechQueryTests/Fixtures`.
enum Fixture {
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// The package's own files, such as the speeches in `examples/`.
enum PackageFiles {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SpeechQueryTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// `../shared` beside the package: the reference speech, its gold annotation and the
/// government work reports. Tests that need it are skipped, with that reason shown, when
/// it is absent (a bare clone).
enum SharedCorpus {
    static let root: URL = PackageFiles.root
        .deletingLastPathComponent()  // the package's parent
        .appendingPathComponent("shared")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: referenceSpeech.path)
    }

    static let skipReason: Comment = "../shared is absent: the reference corpus tests need ../shared/corpus and ../shared/gold"

    static var referenceSpeech: URL { root.appendingPathComponent("corpus/county-speech.txt") }
    static var gold: URL { root.appendingPathComponent("gold/county-speech.tsv") }
    static var reports: URL { root.appendingPathComponent("corpus/gov-reports") }
}

/// The speeches in `examples/speeches`, which ship with the package.
enum Example {
    static let speeches: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SpeechQueryTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("examples/speeches")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: speeches.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Parses `text` as a document named `name`.
func document(_ text: String, name: String = "test") -> Document {
    Document(SourceText(name: name, origin: name, bytes: Array(text.utf8)))
}

/// Loads one file through the real loader and parses it.
func loadDocument(_ path: String) throws -> Document {
    let result = DocumentLoader().load(paths: [path])
    if let failure = result.failures.first { throw failure }
    guard let source = result.sources.first else { throw LoadFailure(source: path, reason: "nothing loaded") }
    return Document(source)
}

extension Document {
    var sentenceTexts: [String] { outline.sentences.map { text($0.range) } }
}

/// The shipped classifier's verdict on one sentence.
func verdict(_ sentence: String, leadsPoint: Bool = false, inReview: Bool = false) -> DirectiveVerdict {
    standardClassifier.classify(sentence, leadsPoint: leadsPoint, inReview: inReview)
}

private let standardClassifier = DirectiveClassifier()

extension Session {
    /// Runs `query` and returns what it printed as TSV cells, a row per line; a query
    /// error fails the test.
    func tsvRows(_ query: String) -> [[String]] {
        let host = CapturingHost()
        run(QuerySource(name: "<test>", text: query), host: host)
        #expect(host.diagnostics.isEmpty, "\(query): \(host.diagnostics.map(\.message))")
        return host.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
