import Foundation
import Testing

/// A file named twice is loaded once and the repeat is reported; the exit status is unchanged.
@Suite("The same file twice")
struct RepeatedInputTests {
    let speech = SpeechQRun.safetySpeech
    let plainEnvironment = SpeechQRun.plainEnvironment

    @Test func namedTwiceOnTheCommandLine() throws {
        let run = try SpeechQRun(["-e", "select docs | fields doc", speech, speech], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "safety-production\n")
        #expect(run.stderr == "speechq: \(speech): already loaded as safety-production\n")
    }

    @Test func aDirectoryHoldingALoadedFile() throws {
        let run = try SpeechQRun(["-e", "select docs | count", speech, "examples/speeches"], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "4\n")
        #expect(run.stderr == "speechq: examples/speeches/safety-production.txt: already loaded as safety-production\n")
    }

    @Test func loadOfALoadedFile() throws {
        let run = try SpeechQRun(["-e", "load \(speech) as again", "-e", "again | fields doc", "-e", "select docs | count", speech], environment: plainEnvironment)
        #expect(run.status == 0)
        #expect(run.stdout == "safety-production\n1\n")
        #expect(run.stderr == "speechq: \(speech): already loaded as safety-production\n")
    }

    @Test func theOutlineShowsItOnce() throws {
        let run = try SpeechQRun(["outline", speech, speech])
        #expect(run.status == 0)
        #expect(run.stdout.components(separatedBy: "在全镇安全生产工作会议上的讲话").count == 3)  // the document line and the title line
        #expect(run.stderr == "speechq: \(speech): already loaded as safety-production\n")
    }
}
