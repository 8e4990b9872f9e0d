import Foundation
import Testing

/// Queries a generator or a hostile user writes: very long chains, deep nesting, a regular
/// expression that backtracks without end. Each runs or stops with a located error; none
/// crashes or hangs (issue 13).
@Suite("Query limits")
struct QueryLimitTests {
    let speech = SpeechQRun.safetySpeech

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The number a one-value query prints.
    func count(_ query: String) throws -> String {
        let run = try SpeechQRun([speech, "-e", query], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// ~9,500 `or`s and ~10,000 `and`s crashed with a stack overflow; they run now and
    /// agree with the short query.
    @Test func longChainsRun() throws {
        let expected = try count("sentences | filter 隐患 | count")
        #expect(expected == "3")
        let ors = (0..<9_500).map { "词\($0)" }.joined(separator: " or ")
        #expect(try count("sentences | filter \(ors) or 隐患 | count") == expected)
        let ands = Array(repeating: "隐患", count: 10_000).joined(separator: " and ")
        #expect(try count("sentences | filter \(ands) | count") == expected)
        // Both at once, mixed.
        let mixed = (0..<5_000).map { _ in "隐患 and not 词" }.joined(separator: " or ")
        #expect(try count("sentences | filter \(mixed) | count") == expected)
    }

    /// ~5,600 `not`s and thousands of nested parentheses are a located error, exit status 3.
    @Test func deepNestingIsALocatedError() throws {
        let nots = "sentences | filter " + String(repeating: "not ", count: 5_600) + "隐患 | count"
        let notRun = try SpeechQRun([speech, "-e", nots], environment: SpeechQRun.plainEnvironment)
        #expect(notRun.status == 3)
        #expect(notRun.stdout.isEmpty)
        let lines = notRun.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        // The 65th `not` is where the limit is passed: column 20 + 64 × 4.
        #expect(lines.first == "<-e>:1:\(20 + 64 * 4): error: conditions nested more than 64 deep")
        #expect(notRun.stderr.contains("hint: write fewer parentheses or 'not's"))

        let parens = "sentences | filter " + String(repeating: "(", count: 5_000) + "隐患" + String(repeating: ")", count: 5_000)
        let parenRun = try SpeechQRun([speech, "-e", parens], environment: SpeechQRun.plainEnvironment)
        #expect(parenRun.status == 3)
        #expect(parenRun.stderr.hasPrefix("<-e>:1:\(20 + 64): error: conditions nested more than 64 deep\n"))
    }

    /// `/(a+)+$/` on a long line never returned; it gives up after its budget with a
    /// located error and exit status 3, in `filter` and in the stages that search.
    @Test func aRunawayRegexGivesUp() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("runaway.txt")
        try "关于安全生产工作的讲话\n同志们：\n\(String(repeating: "a", count: 3_000))b。\n".write(to: file, atomically: true, encoding: .utf8)
        for query in ["sentences | filter /(a+)+$/ | count", "kwic /(a+)+$/", "count hits /(a+)+$/"] {
            let started = Date()
            let run = try SpeechQRun([file.path, "-e", query], environment: SpeechQRun.plainEnvironment)
            #expect(Date().timeIntervalSince(started) < 20, "\(query)")
            #expect(run.status == 3, "\(query)")
            let column = query.hasPrefix("sentences") ? 13 : 1
            #expect(run.stderr.hasPrefix("<-e>:1:\(column): error: /(a+)+$/ gave up after 2 s on one text: the pattern backtracks without end\n"), "\(run.stderr)")
            #expect(run.stderr.contains("hint: nested repetition such as (a+)+ tries every way to split the text; write it without the nesting, as a+"))
        }
        // A sane pattern over the same text still runs.
        let sane = try SpeechQRun([file.path, "-e", "sentences | filter /a+b/ | count"], environment: SpeechQRun.plainEnvironment)
        #expect(sane.status == 0)
        #expect(sane.stdout == "1\n")
    }

    /// Starts the prompt on `input`, types `query`, presses Ctrl-C `after` microseconds later
    /// and waits for "interrupted": the session, and how long the stop took.
    func interruptAtThePrompt(on input: URL, in directory: URL, query: String, after: useconds_t) throws -> (TerminalSession, TimeInterval) {
        let environment = ["TERM": "xterm", "LANG": "C.UTF-8", "XDG_STATE_HOME": directory.path, "HOME": directory.path, "PATH": "/usr/bin:/bin"]
        let repl = try TerminalSession(arguments: [input.path], environment: environment)
        try repl.expect("speechq> ", timeout: 60)
        repl.type(query + "\r")
        usleep(after)
        let interruptedAt = Date()
        repl.type("\u{03}")
        try repl.expect("interrupted", timeout: 30)
        let took = Date().timeIntervalSince(interruptedAt)
        try repl.expect("speechq> ")
        return (repl, took)
    }

    /// At the prompt, Ctrl-C stops a long regular-expression search within a second and the
    /// prompt carries on. Each of 200 lines takes the pattern a fraction of a second, under
    /// its budget, so only the interrupt can stop the query early.
    @Test func ctrlCStopsALongSearchAtThePrompt() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("slow.txt")
        let lines = (0..<200).map { _ in String(repeating: "a", count: 22) + "b。" }
        try (["关于安全生产工作的讲话", "同志们："] + lines).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (repl, took) = try interruptAtThePrompt(on: file, in: directory, query: "sentences | filter /(a+)+$/ | count", after: 1_000_000)
        #expect(took < 1.5)
        repl.type("sentences | filter /a+b/ | count\r")
        try repl.expect("\r\n200\r\n")
    }

    /// The directive analysis of a large corpus stops on Ctrl-C too (it ran to the end, tens
    /// of seconds in a debug build, before answering): the workers ask before each document.
    @Test func ctrlCStopsTheAnalysisOfALargeCorpus() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let speech = try Data(contentsOf: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech))
        for k in 0..<3_000 { try speech.write(to: corpus.appendingPathComponent("s\(k).txt")) }
        let (repl, took) = try interruptAtThePrompt(on: corpus, in: directory, query: "count directives", after: 500_000)
        #expect(took < 1.5)
        repl.type("count docs\r")
        try repl.expect("\r\n3000\r\n")
    }
}
