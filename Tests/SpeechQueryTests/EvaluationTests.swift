import Foundation
import Testing
@testable import SpeechQuery

/// Collects what a session prints, as TSV with headers.
final class CapturingHost: SessionHost {
    var output = ""
    var diagnostics: [Diagnostic] = []
    var warnings: [String] = []
    var redirections: [String?] = []

    func emit(_ result: QueryResult, session: Session) {
        output += ResultFormatter.render(result, corpus: session.corpus, settings: OutputSettings(format: session.format, header: session.header))
    }
    func emitText(_ text: String) { output += text }
    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    func warn(_ message: String) { warnings.append(message) }
    func redirectOutput(to path: String?) -> String? {
        redirections.append(path)
        return path == "/forbidden" ? "permission denied" : nil
    }
    func reportTiming(_ duration: Duration) {}
}

@Suite("Evaluating queries")
struct EvaluationTests {
    let session: Session

    init() throws {
        session = Session(corpus: Corpus(documents: [try loadDocument(Fixture.path("river-county.txt"))]), format: .tsv)
    }

    /// Runs `text` and returns what it printed; fails the test on a query error.
    func run(_ text: String, keepGoing: Bool = false) -> String {
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: text), host: host, keepGoing: keepGoing)
        #expect(host.diagnostics.isEmpty, "\(host.diagnostics.map(\.message))")
        return host.output
    }

    func lines(_ text: String) -> [String] { run(text).split(separator: "\n").map(String.init) }

    @Test func countsAtTheStartAreTotals() {
        #expect(run("count points") == "9\n")
        #expect(run("select sections | count") == "3\n")
        #expect(lines("select sections | count points").map { $0.split(separator: "\t").last! } == ["3", "3", "3"])
    }

    @Test func selectorsApplyWithinEachParent() {
        #expect(lines("select sections | select points 1 | fields ref") == [
            "river-county:sec1.pt1", "river-county:sec2.sub2.pt1", "river-county:sec3.pt1",
        ])
        #expect(lines("select sections 2..3 | select point last | fields ref") == ["river-county:sec2.sub2.pt3", "river-county:sec3.pt3"])
        #expect(lines("select section 1,3 | fields section") == ["1", "3"])
    }

    @Test func selectingUpwardsClimbsOncePerParent() {
        #expect(lines("sentences | filter 要 | select sections | fields ref") == ["river-county:sec1", "river-county:sec2", "river-county:sec3"])
        #expect(lines("sentences | filter 品牌 | select subsections | fields heading") == ["抓好特色产业"])
        // Sentences of the opening have no section to climb to.
        #expect(run("sentences | filter 今天 | select sections | count") == "0\n")
    }

    @Test func termsSearchTheWholeSpanOfANode() {
        // A section's span includes its heading; a sentence's does not reach into the next.
        #expect(run("sections | filter 认清形势 | count") == "1\n")
        #expect(run("sentences | filter 认清形势 | count") == "0\n")
        #expect(run("points | filter \"县委、县政府\" | fields ref") == "river-county:sec3.pt1\n")
    }

    @Test func groupSortAndLimit() {
        #expect(lines("select points | group by style | count") == ["shi\t3", "sequence\t3", "diyi\t3"])
        // 32, 31, then a tie at 23 broken by the second key.
        #expect(lines("select points | sort chars desc, ref desc | limit 4 | fields ref") == [
            "river-county:sec1.pt3", "river-county:sec1.pt1", "river-county:sec3.pt1", "river-county:sec1.pt2",
        ])
        // Empty values sort last in both directions.
        #expect(lines("select sentences | sort section desc | limit 1 | fields section") == ["3"])
        #expect(lines("select sentences | sort section | fields section, ref").last == "\triver-county:closing.para1.sen2")
    }

    @Test func filtersWorkOnTablesToo() {
        #expect(lines("select sections | count points | filter count >= 3 | fields ref") == ["river-county:sec1", "river-county:sec2", "river-county:sec3"])
        #expect(run("select sections | count sentences | filter count > 6 | count") == "1\n")
    }

    @Test func namesAndThePreviousResult() {
        #expect(run("let s2 = select section 2\ns2 | count sentences | fields count") == "6\n")
        #expect(run("select section 3\n_ | select points | count") == "river-county\triver-county:sec3\tsection\t3\t17\t加强领导，确保各项任务落到实处\t三、加强领导，确保各项任务落到实处\n第一，压实责任。县委、县政府主要领导要亲自抓。第二，强化保障。财政局要足额安排资金。第三，严格督查。\n3\n".replacingOccurrences(of: "\n第一", with: "\\n第一"))
    }

    @Test func loadAddsDocumentsAndNamesThem() throws {
        let jsonl = Fixture.path("report.jsonl")
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: "load \(jsonl) as more\nmore | fields doc\nselect docs | count"), host: host)
        #expect(host.output == "全镇工作报告\nreport#2\n3\n")
        #expect(host.warnings.count == 2)  // the two bad lines of the fixture
        #expect(host.diagnostics.isEmpty)
    }

    @Test func runtimeErrorsNameTheStage() throws {
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: "select sections | count | select points\nnope | count\nload /nonexistent/x.txt"), host: host, keepGoing: true)
        #expect(outcome.errors == 3)
        #expect(host.diagnostics.map(\.message) == [
            "'select' needs nodes, but its input is a table", "unknown name 'nope'", "cannot load '/nonexistent/x.txt': no such file or directory",
        ])
        #expect(host.diagnostics[0].location == (1, 27))
    }

    @Test func scriptsThatReadThemselvesStop() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-loop-\(UUID().uuidString).sq")
        try ".read \(url.path)\n".write(to: url, atomically: true, encoding: .utf8)
        let host = CapturingHost()
        let outcome = session.run(QuerySource(name: "<test>", text: ".read \(url.path)"), host: host)
        #expect(outcome.errors == 1)
        #expect(host.diagnostics.contains { $0.message.contains("nested more than 16 deep") })
    }

    @Test func metaCommandsChangeSettingsAndOutput() {
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: ".format csv\n.header on\nselect section 1 | fields ref, heading\n.output /tmp/x.csv\n.output\n.quit\nselect docs"), host: host)
        #expect(host.output == "ref,heading\nriver-county:sec1,认清形势，增强做好春耕生产的紧迫感\n")
        #expect(host.redirections == ["/tmp/x.csv", nil])
        let refused = CapturingHost()
        session.run(QuerySource(name: "<test>", text: ".output /forbidden"), host: refused)
        #expect(refused.diagnostics.first?.message == "cannot write to '/forbidden': permission denied")
    }

    @Test func emptyOrZeroResults() throws {
        let corpus = session.corpus
        let evaluator = Evaluator(corpus: corpus, bindings: [:], previous: nil, source: QuerySource(name: "t", text: ""))
        let zero = try evaluator.evaluate(Pipeline(stages: [Stage(kind: .count(.subsections), range: 0..<1)]))
        #expect(!zero.isEmptyOrZero)  // two subsections
        let none = try evaluator.evaluate(Pipeline(stages: [Stage(kind: .select(.sections, nil), range: 0..<1), Stage(kind: .filter(.term("不存在")), range: 0..<1)]))
        #expect(none.isEmptyOrZero)
    }
}

@Suite("Analysis on every core")
struct ParallelAnalysisTests {
    /// Documents analysed side by side give the verdicts each gives alone.
    @Test func sameVerdictsAsOneByOne() throws {
        let speeches = try ["safety-production.txt", "economic-work.txt"].map { try loadDocument(PackageFiles.path("examples/speeches/\($0)")) }
        let parallel = Corpus(documents: speeches + speeches.map { document($0.text(0..<$0.bytes.count), name: $0.name + "-copy") })
        parallel.prepareAnalyses(of: parallel.documentNodes)
        let serial = Corpus(documents: parallel.documents)
        for doc in parallel.documents.indices {
            #expect(parallel.analysis(of: doc).verdicts == serial.analysis(of: doc).verdicts)
        }
    }

    /// Which stages have the analysis made first: those that read it, and no others.
    @Test func stagesThatReadTheAnalysis() throws {
        func stage(_ text: String) throws -> Stage {
            guard case .pipeline(let pipeline) = try Parser.parse(QuerySource(name: "<test>", text: text)).statements[0].kind else {
                throw Diagnostic("not a pipeline", at: 0..<0, in: QuerySource(name: "<test>", text: text))
            }
            return pipeline.stages.last!
        }
        #expect(try stage("count directives").readsAnalysis)
        #expect(try stage("sentences | filter actor != \"\"").readsAnalysis)
        #expect(try stage("tasks").readsAnalysis)
        #expect(try !stage("sentences | filter 安全").readsAnalysis)
        #expect(try !stage("kwic 安全").readsAnalysis)
    }
}
