import Foundation
import Testing
@testable import SpeechQuery

/// What a session does when its output cannot be written, or would be written over one of
/// its own inputs.
@Suite("Session output")
struct SessionOutputTests {
    /// A host whose writes fail as a full disk's do, for the statements chosen.
    final class FailingHost: SessionHost {
        var failing: Set<Int>
        var statement = 0
        var ends: [Bool] = []
        var diagnostics: [Diagnostic] = []
        var redirections: [String?] = []
        init(failing: Set<Int>) { self.failing = failing }
        func emit(_ result: QueryResult, session: Session) {}
        func emitText(_ text: String) {}
        func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
        func warn(_ message: String) {}
        func redirectOutput(to path: String?) -> String? {
            redirections.append(path)
            return nil
        }
        func reportTiming(_ duration: Duration) {}
        func endStatement(completed: Bool) -> String? {
            statement += 1
            ends.append(completed)
            return failing.contains(statement) ? "cannot write to 'out.tsv': no space left on device" : nil
        }
    }

    func session() -> Session {
        Session(corpus: Corpus(documents: [document("一、加强领导\n\n要抓好落实。\n", name: "s")]), format: .tsv)
    }

    /// A write that fails fails its statement as an I/O error located at the statement; the
    /// statements after it run with --keep-going (and at the prompt).
    @Test func aWriteFailureFailsItsStatement() {
        let host = FailingHost(failing: [2])
        let outcome = session().run(QuerySource(name: "<test>", text: "count docs\ncount sentences\ncount sections\n"), host: host, keepGoing: true)
        #expect(outcome.ioErrors == 1 && outcome.queryErrors == 0)
        #expect(host.ends == [true, true, true])
        #expect(host.diagnostics.count == 1)
        let failure = host.diagnostics[0]
        #expect(failure.message == "cannot write to 'out.tsv': no space left on device")
        #expect(failure.category == .io)
        #expect(failure.location == (line: 2, column: 1))
        #expect(DiagnosticFormatter.format(failure) == "<test>:2:1: error: cannot write to 'out.tsv': no space left on device\ncount sentences\n^~~~~~~~~~~~~~~\n")
        // Without --keep-going the run stops there.
        let stopping = FailingHost(failing: [1])
        #expect(session().run(QuerySource(name: "<test>", text: "count docs\ncount sentences\n"), host: stopping).ioErrors == 1)
        #expect(stopping.ends == [true])
    }

    /// The host hears that a failed statement did not complete, so an `.output` file can
    /// take back what it wrote.
    @Test func aFailedStatementEndsIncomplete() {
        let host = FailingHost(failing: [])
        let outcome = session().run(QuerySource(name: "<test>", text: "count docs\nsentences | nosuchstage\ncount docs\n"), host: host, keepGoing: true)
        #expect(outcome.queryErrors == 1)
        // The second statement does not parse, so it never ran and never ended.
        #expect(host.ends == [true, true])
        let evaluating = FailingHost(failing: [])
        session().run(QuerySource(name: "<test>", text: "outline nosuchdocument\n"), host: evaluating, keepGoing: true)
        #expect(evaluating.diagnostics.count == 1)
        #expect(evaluating.ends == [false])
    }

    /// `.output` over a file the session loaded would replace the speech with its results.
    @Test func outputOverALoadedInputIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-loaded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let speech = directory.appendingPathComponent("speech.txt").path
        try "一、加强领导\n\n要抓好落实。\n".write(toFile: speech, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.txt").path, withDestinationPath: speech)
        let loaded = DocumentLoader().load(paths: [speech])
        let session = Session(corpus: Corpus(documents: Document.parse(loaded.sources)), format: .tsv, loadedFiles: loaded.loadedFiles)
        for path in [speech, "\(directory.path)/link.txt", "\(directory.path)/../\(directory.lastPathComponent)/speech.txt"] {
            let host = FailingHost(failing: [])
            let outcome = session.run(QuerySource(name: "<test>", text: ".output \(path)"), host: host)
            #expect(outcome.ioErrors == 1)
            #expect(host.redirections.isEmpty, "the output was switched for \(path)")
            #expect(host.diagnostics.first?.message == "cannot write to '\(path)': it is a loaded input (document speech)")
            #expect(host.diagnostics.first?.hint == "name another file; the results would replace the document")
        }
        let other = FailingHost(failing: [])
        #expect(session.run(QuerySource(name: "<test>", text: ".output \(directory.path)/results.tsv"), host: other).errors == 0)
        #expect(other.redirections == ["\(directory.path)/results.tsv"])
    }
}
