import Foundation
import Testing

/// A one-shot query that reads each document on its own runs a batch of documents at a time
/// (BatchedRun). What it prints, on standard output and standard error, and its exit status
/// must be what the same query gives over every document at once — which a second statement
/// (`.timer off`, which prints nothing) forces.
@Suite("Queries run a batch at a time")
struct BatchedRunTests {
    /// Batches of about two of the bundled speeches.
    static let smallBatches = SpeechQRun.plainEnvironment.merging(["SPEECHQ_BATCH_BYTES": "20000"]) { $1 }

    func compare(_ arguments: [String], _ note: Comment) throws {
        let batched = try SpeechQRun(arguments, environment: Self.smallBatches)
        let whole = try SpeechQRun(arguments + ["-e", ".timer off"], environment: Self.smallBatches)
        #expect(batched.stdout == whole.stdout, note)
        #expect(batched.stderr == whole.stderr, note)
        #expect(batched.status == whole.status, note)
    }

    @Test(arguments: [
        "sentences", "sentences | fields ref, text", "paragraphs | filter chars > 150 | fields ref, chars",
        "sentences | limit 40 | fields ref", "sentences | fields ref | limit 40", "headings | limit 3",
        "directives | fields ref, actor, due", "sentences | filter 安全 and not 生产",
        "count", "count sentences", "count directives", "sentences | filter 安全 | count", "docs",
        "sections | filter 隐患 | count points", "select sections | count points", "filter 安全 | count sentences",
        "sentences | fields ref, nosuch", "sentences | filter /(/", "sentences | filter 不存在的词 | fields ref, text",
    ])
    func printsWhatTheWholeRunPrints(_ query: String) throws {
        for format in ["tsv", "csv", "jsonl", "json"] {
            for header in [[], ["--header"]] {
                try compare(["examples/speeches", "-e", query, "--format", format] + header, "\(query) as \(format) \(header)")
            }
        }
        try compare(["examples/speeches", "--exit-status", "-e", query], "\(query) with --exit-status")
    }

    /// Names made unique across batches, a file named twice, a missing one, an empty folder.
    @Test func namesAndMessagesAcrossBatches() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-batches-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        try compare(["examples/speeches", "examples/speeches/safety-production.txt", "/nonexistent.txt", empty, "-e", "docs | fields doc, title"], "inputs")
        try compare([empty, "-e", "sentences | count"], "nothing loaded")
    }

    /// A final limit stops reading once it has its rows: what comes after is not read, so a
    /// file that would fail late in the order is never met (as `head` ends a pipe early).
    @Test func aLimitStopsTheReading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-batches-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path, toPath: "\(folder)/a.txt")
        try Data(repeating: 0, count: 30_000).write(to: URL(fileURLWithPath: "\(folder)/z.txt"))
        // A batch a file.
        let fileByFile = SpeechQRun.plainEnvironment.merging(["SPEECHQ_BATCH_BYTES": "1"]) { $1 }
        let limited = try SpeechQRun([folder, "-e", "sentences | limit 2 | fields ref"], environment: fileByFile)
        #expect(limited.status == 0)
        #expect(limited.stderr.isEmpty)
        #expect(limited.stdout == "a:opening.para1.sen1\na:opening.para2.sen1\n")
        let whole = try SpeechQRun([folder, "-e", "sentences | count"], environment: Self.smallBatches)
        #expect(whole.status == 2)
        #expect(whole.stderr.contains("z.txt: binary file"))
    }
}
