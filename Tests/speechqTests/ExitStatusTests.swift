import Foundation
import Testing

/// Writes `text` to a fresh file in the temporary directory and returns its path.
func temporaryFile(_ text: String, named name: String = "script.sq") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

@Suite("Exit statuses: 0 ok, 1 empty under --exit-status, 2 usage or I/O, 3 query")
struct ExitStatusTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    @Test func aMissingScriptIsAnIOErrorFromFAndFromRead() throws {
        let fromF = try SpeechQRun(["-f", "missing.sq", speech], environment: plainEnvironment)
        #expect(fromF.status == 2)
        #expect(fromF.stderr == "speechq: missing.sq: no such file or directory\n")
        let fromE = try SpeechQRun(["-e", ".read missing.sq", speech], environment: plainEnvironment)
        #expect(fromE.status == 2)
        #expect(fromE.stderr == "<-e>:1:1: error: cannot read 'missing.sq': no such file or directory\n.read missing.sq\n^~~~~\n")
        let outer = try temporaryFile("count points\n.read missing.sq\n")
        let fromScript = try SpeechQRun(["-f", outer, speech], environment: plainEnvironment)
        #expect(fromScript.status == 2)
        #expect(fromScript.stdout == "9\n")
        #expect(fromScript.stderr.hasPrefix("\(outer):2:1: error: cannot read 'missing.sq'"))
    }

    @Test func anUnwritableOutputIsAnIOError() throws {
        let run = try SpeechQRun(["-e", ".output /nonexistent/x", speech], environment: plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr == "<-e>:1:1: error: cannot write to '/nonexistent/x': no such file or directory\n.output /nonexistent/x\n^~~~~~~\n")
    }

    @Test func anErrorInAReadScriptIsReportedOnceWhereItIs() throws {
        let inner = try temporaryFile("count points\nselect sections | cuont\ncount points\n", named: "inner.sq")
        let run = try SpeechQRun(["-e", ".read \(inner)", "-e", "select sections | count", speech], environment: plainEnvironment)
        #expect(run.status == 3)
        #expect(run.stdout == "9\n")
        #expect(run.stderr == "\(inner):2:19: error: unknown stage 'cuont'\nselect sections | cuont\n                  ^~~~~\nhint: did you mean 'count'?\n")
    }

    @Test func aQueryErrorWinsOverAnIOError() throws {
        let run = try SpeechQRun(["--keep-going", "-e", ".output /nonexistent/x", "-e", "select sections | cuont", speech], environment: plainEnvironment)
        #expect(run.status == 3)
        #expect(run.stderr.components(separatedBy: "error:").count == 3)
    }

    @Test func anInputThatLoadOnlyPartlyReadsIsAnIOError() throws {
        let report = SpeechQRun.fixture("report.jsonl")
        let run = try SpeechQRun(["-e", "load \(report)", "-e", "select docs | count", speech], environment: plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stdout == "3\n")
        #expect(run.stderr.split(separator: "\n").count == 2)  // its two bad lines, once each
    }

    /// Named inputs that give no document at all fail the run, each saying why; one that
    /// loads beside them keeps the status 0. (More cases: HostileInputTests.)
    @Test func namedInputsThatLoadNothingAreAnIOError() throws {
        let empty = try temporaryFile("", named: "x.pdf")
        let folder = (empty as NSString).deletingLastPathComponent
        let warning = "speechq: \(folder): no documents: no .txt, .md, .markdown or .jsonl files in it\n"
        let nothing = try SpeechQRun(["-e", "count docs", folder], environment: plainEnvironment)
        #expect(nothing.status == 2)
        #expect(nothing.stderr == warning)
        let something = try SpeechQRun(["-e", "count docs", folder, speech], environment: plainEnvironment)
        #expect(something.status == 0)
        #expect(something.stderr == warning)
    }

    @Test func aMissingLoadIsReportedOnce() throws {
        let run = try SpeechQRun(["-e", "load /nonexistent/x.txt", speech], environment: plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr == "<-e>:1:1: error: cannot load '/nonexistent/x.txt': no such file or directory\nload /nonexistent/x.txt\n^~~~~~~~~~~~~~~~~~~~~~~\n")
    }
}
