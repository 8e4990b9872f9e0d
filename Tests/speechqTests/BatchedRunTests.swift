import Foundation
import Testing

/// A one-shot query that reads each document on its own runs a batch of documents at a time
/// (BatchedRun). What it prints, on standard output and standard error, and its exit status
/// must be what the same query gives over every document at once — which a second statement
/// (`.timer off`, which prints nothing) forces.
@Suite("Queries run a batch at a time")
struct BatchedRunTests {
    /// A batch a file: every comparison crosses batches (the bundled speeches are 11 KB in
    /// all, under any batch size worth having).
    static let smallBatches = SpeechQRun.plainEnvironment.merging(["SPEECHQ_BATCH_BYTES": "1"]) { $1 }

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
        // Found by a second reading: a document's ordinal is its place in the corpus; a lone
        // column would print a batch's one row bare; --exit-status over counts per document.
        "docs 2", "select docs 1-3 | count", "sections | docs 1", "sections 1 | fields text", "docs | count points",
        "sentences 1 | fields subsection, ref", "sentences | fields text | limit 2",
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

    /// A final limit stops the query once it has its rows, but the rest is still read (not
    /// parsed) for what it says about the inputs: a file that fails late in the order is
    /// reported, and the exit status is the whole run's.
    @Test func aLimitStillReportsTheInputsAfterIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-batches-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path, toPath: "\(folder)/a.txt")
        try Data(repeating: 0, count: 30_000).write(to: URL(fileURLWithPath: "\(folder)/z.txt"))
        let limited = try SpeechQRun([folder, "-e", "sentences | limit 2 | fields ref, chars"], environment: Self.smallBatches)
        #expect(limited.status == 2)
        #expect(limited.stderr == "speechq: \(folder)/z.txt: binary file (not UTF-8, UTF-16 with BOM or GB18030 text)\n")
        #expect(limited.stdout == "a:opening.para1.sen1\t4\na:opening.para2.sen1\t50\n")
        try compare([folder, "-e", "sentences | limit 2 | fields ref, chars"], "limit with a bad file after it")
        try compare([folder, "-e", "docs | fields heading, ref"], "an error in the first batch, a bad file after it")
    }
}
