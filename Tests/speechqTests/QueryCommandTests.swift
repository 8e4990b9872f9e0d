import Foundation
import Testing

@Suite("speechq -e / -f / standard input")
struct QueryCommandTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    @Test func oneShotQueryPrintsTSVWhenPiped() throws {
        let run = try SpeechQRun(["-e", "select sections | fields ref, section", speech], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "safety-production:sec1\t1\nsafety-production:sec2\t2\nsafety-production:sec3\t3\n")
    }

    @Test func repeatedQueriesShareTheSession() throws {
        let run = try SpeechQRun(["-e", "let s = select section 3", "-e", "s | count points", "--format", "tsv", speech], environment: plainEnvironment)
        #expect(run.stdout.hasSuffix("\t3\n"))
    }

    @Test func theDocumentComesFromStandardInput() throws {
        let text = try String(contentsOfFile: SpeechQRun.packageRoot.appendingPathComponent(speech).path, encoding: .utf8)
        let run = try SpeechQRun(["-e", "select sections | count"], stdin: text, environment: plainEnvironment)
        #expect(run.stdout == "3\n")
        #expect(run.status == 0)
    }

    @Test func statementsComeFromStandardInputWithoutEOrF() throws {
        let run = try SpeechQRun([speech], stdin: "select sections | count\nselect points | count\n", environment: plainEnvironment)
        #expect(run.stdout == "3\n9\n")
        let dash = try SpeechQRun(["-f", "-", speech], stdin: "count directives", environment: plainEnvironment)
        #expect(Int(dash.stdout.trimmingCharacters(in: .newlines)) != nil)
    }

    @Test func exitStatusReflectsTheLastResult() throws {
        let found = try SpeechQRun(["--exit-status", "-e", "sentences | filter 隐患 | count", speech], environment: plainEnvironment)
        #expect(found.status == 0)
        let zero = try SpeechQRun(["--exit-status", "-e", "sentences | filter 台风 | count", speech], environment: plainEnvironment)
        #expect(zero.status == 1)
        #expect(zero.stdout == "0\n")
        let empty = try SpeechQRun(["--exit-status", "-e", "sentences | filter 台风", speech], environment: plainEnvironment)
        #expect(empty.status == 1)
        let withoutFlag = try SpeechQRun(["-e", "sentences | filter 台风 | count", speech], environment: plainEnvironment)
        #expect(withoutFlag.status == 0)
    }

    @Test func queryErrorsExitWithThreeAndShowTheSpot() throws {
        let run = try SpeechQRun(["-e", "select sections | cuont", speech], environment: plainEnvironment)
        #expect(run.status == 3)
        #expect(run.stderr == "<-e>:1:19: error: unknown stage 'cuont'\nselect sections | cuont\n                  ^~~~~\nhint: did you mean 'count'?\n")
    }

    @Test func usageAndInputErrorsExitWithTwo() throws {
        let twoStandardInputs = try SpeechQRun(["-f", "-", "-f", "-", speech], environment: plainEnvironment)
        #expect(twoStandardInputs.status == 2)
        #expect(twoStandardInputs.stderr.contains("standard input can be read as a script only once"))
        let missingScript = try SpeechQRun(["-f", "no-such-script.sq", speech], environment: plainEnvironment)
        #expect(missingScript.status == 2)
        #expect(missingScript.stderr == "speechq: no-such-script.sq: no such file or directory\n")
        let missingDocument = try SpeechQRun(["-e", "select docs | count", "no-such.txt", speech], environment: plainEnvironment)
        #expect(missingDocument.status == 2)
        #expect(missingDocument.stdout == "1\n")
        let badFormat = try SpeechQRun(["--format", "xml", "-e", "count points", speech], environment: plainEnvironment)
        #expect(badFormat.status == 2)
    }

    @Test func outputToAFileAndBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-out-\(UUID().uuidString).tsv").path
        let run = try SpeechQRun(["-e", ".output \(path)\nselect sections | count\n.output\nselect points | count", speech], environment: plainEnvironment)
        #expect(run.stdout == "9\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "3\n")
        let refused = try SpeechQRun(["-e", ".output /nonexistent/dir/out.tsv", speech], environment: plainEnvironment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cannot write to '/nonexistent/dir/out.tsv': no such file or directory"))
    }

    @Test func colourHighlightsMatchesOnlyWhenAsked() throws {
        let coloured = try SpeechQRun(["--color", "always", "--format", "table", "-e", "sentences | filter 隐患 | limit 1 | fields ref, text", speech], environment: plainEnvironment)
        #expect(coloured.stdout.contains("\u{1B}[1;31m隐患\u{1B}[0m"))
        let plain = try SpeechQRun(["--format", "table", "-e", "sentences | filter 隐患 | limit 1 | fields ref, text", speech], environment: plainEnvironment)
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // Read one line of a long output, then close the pipe, as `| head -1` does.
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        // Far more than a pipe buffer (64 KiB) holds, so the writer meets the closed pipe.
        let query = Array(repeating: ["-e", "select sentences | fields text"], count: 100).flatMap { $0 }
        process.arguments = query + [SpeechQRun.packageRoot.appendingPathComponent("examples/speeches").path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        _ = out.fileHandleForReading.availableData
        try out.fileHandleForReading.close()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.isEmpty)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
    }

    @Test func helpListsTheExitCodes() throws {
        let run = try SpeechQRun(["--help"], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout.contains("3  query error"))
        #expect(run.stdout.contains("1  with --exit-status"))
    }
}

@Suite("speechq --lexicon")
struct LexiconOptionTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    func lexiconFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-lexicon-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aLexiconFileAddsWords() throws {
        // 这些 is no action verb: "这些问题如果不及时解决" does not instruct — until a lexicon says so.
        let query = "sentences | filter 酿成大祸 | fields directive"
        let before = try SpeechQRun(["-e", query, speech], environment: plainEnvironment)
        #expect(before.stdout == "false\n")
        let path = try lexiconFile("[action-verbs]\n这些\n")
        let after = try SpeechQRun(["--lexicon", path, "-e", query, speech], environment: plainEnvironment)
        #expect(after.stdout == "true\n")
        let dotCommand = try SpeechQRun(["-e", ".lexicon \(path)\n\(query)", speech], environment: plainEnvironment)
        #expect(dotCommand.stdout == "true\n")
    }

    @Test func aBadLexiconIsRefused() throws {
        let path = try lexiconFile("[verbs]\n抢抓\n")
        let run = try SpeechQRun(["--lexicon", path, "-e", "count directives", speech], environment: plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown list [verbs]"))
        let missing = try SpeechQRun(["-e", ".lexicon /nonexistent/words.txt", speech], environment: plainEnvironment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot use lexicon '/nonexistent/words.txt': no such file or directory"))
    }
}

@Suite("Dot-commands from the command line")
struct DotCommandTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    @Test func helpAndItsTopics() throws {
        let overview = try SpeechQRun(["-e", ".help", speech], environment: plainEnvironment)
        #expect(overview.stdout.contains("select sections | count"))
        let stages = try SpeechQRun(["-e", ".help stages", speech], environment: plainEnvironment)
        #expect(stages.stdout.contains("group by FIELD"))
        #expect(stages.stdout.contains("tasks"))
        let unknown = try SpeechQRun(["-e", ".help nonsense", speech], environment: plainEnvironment)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("no help on 'nonsense'"))
    }

    @Test func timerReportsOnStandardError() throws {
        let run = try SpeechQRun(["-e", ".timer on\nselect sections | count", speech], environment: plainEnvironment)
        #expect(run.stdout == "3\n")
        #expect(run.stderr.split(separator: "\n").contains { $0.hasPrefix("time: ") && $0.hasSuffix(" ms") })
    }

    @Test func quitStopsTheScript() throws {
        let run = try SpeechQRun(["-e", "select sections | count\n.quit\nselect points | count", speech], environment: plainEnvironment)
        #expect(run.stdout == "3\n")
        #expect(run.status == 0)
    }
}
