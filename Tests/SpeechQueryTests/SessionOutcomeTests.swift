import Foundation
import Testing
@testable import SpeechQuery

@Suite("What a session's statements come to")
struct SessionOutcomeTests {
    let session: Session

    init() throws {
        let loaded = DocumentLoader().load(paths: [Fixture.path("river-county.txt")])
        session = Session(corpus: Corpus(documents: loaded.sources.map { Document($0) }), format: .tsv, loadedFiles: loaded.loadedFiles)
    }

    func script(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-outcome-\(UUID().uuidString).sq")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func filesThatCannotBeReadOrWrittenAreIOErrors() {
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: ".read /nonexistent/x.sq\n.output /forbidden\nload /nonexistent/y.txt\n.lexicon /nonexistent/z.txt"), host: host, keepGoing: true)
        #expect(outcome.ioErrors == 4)
        #expect(outcome.queryErrors == 0)
        #expect(host.diagnostics.map(\.category) == [.io, .io, .io, .io])
        #expect(host.diagnostics.map(\.message) == [
            "cannot read '/nonexistent/x.sq': no such file or directory",
            "cannot write to '/forbidden': permission denied",
            "cannot load '/nonexistent/y.txt': no such file or directory",
            "cannot use lexicon '/nonexistent/z.txt': no such file or directory",
        ])
        // The place is kept: the statement's line.
        #expect(host.diagnostics.map(\.location.line) == [1, 2, 3, 4])
        // The missing file is said once, in the error, not also as a warning.
        #expect(host.warnings.isEmpty)
    }

    @Test func queryMistakesAreQueryErrors() {
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: "select sections | cuont"), host: host)
        #expect(outcome.queryErrors == 1)
        #expect(outcome.ioErrors == 0)
        #expect(host.diagnostics.first?.category == .query)
    }

    @Test func anErrorInsideAReadScriptIsReportedOnceAtItsOwnPlace() throws {
        let inner = try script("count points\nselect sections | cuont\ncount\n")
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: ".read \(inner)\nselect docs | count"), host: host)
        #expect(host.diagnostics.count == 1)
        #expect(host.diagnostics.first?.source.name == inner)
        #expect(host.diagnostics.first.map { $0.location == (2, 19) } == true)
        #expect(outcome.queryErrors == 1)
        // The outer script stops at the failed `.read`, as at any failed statement.
        #expect(host.output == "9\n")
    }

    @Test func anIOErrorInsideAReadScriptKeepsItsCategory() throws {
        let inner = try script(".output /forbidden\n")
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: ".read \(inner)"), host: host)
        #expect(outcome.ioErrors == 1)
        #expect(outcome.queryErrors == 0)
        #expect(host.diagnostics.count == 1)
    }

    @Test func loadingALoadedFileAgainReusesItsDocument() {
        let host = CapturingHost()
        let path = Fixture.path("river-county.txt")
        let outcome = session.run(QuerySource(name: "<test>", text: "load \(path) as again\nagain | fields doc\nselect docs | count"), host: host)
        #expect(outcome.errors == 0)
        #expect(host.output == "river-county\n1\n")
        #expect(host.warnings == ["\(path): already loaded as river-county"])
    }

    @Test func aPartlyLoadedInputIsCountedButDoesNotStopTheScript() {
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: "load \(Fixture.path("report.jsonl"))\nselect docs | count"), host: host)
        #expect(outcome.errors == 0)
        #expect(outcome.inputsNotLoaded == 2)
        #expect(host.output == "3\n")
    }
}
