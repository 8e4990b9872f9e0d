import Foundation
import Testing
@testable import SpeechQuery

@Suite("group by, on every kind of row")
struct GroupingTests {
    static func run(_ query: String, _ documents: [Document]) -> [[String]] {
        Session(corpus: Corpus(documents: documents), format: .tsv).tsvRows(query)
    }

    static let speeches = [
        document("一、抓好安全\n各单位要落实安全责任。县应急局要牵头检查。\n二、抓好环境\n各乡镇要治理污水。县应急局要配合督查。\n", name: "a"),
        document("一、抓好招商\n县商务局要牵头招商。\n", name: "b"),
    ]

    @Test func tablesGroupByOneColumnOrSeveral() {
        let byActor = Self.run("tasks | group by actor | count | sort count desc, actor", Self.speeches)
        #expect(byActor.first == ["县应急局", "2"])
        #expect(byActor.count == 4)
        #expect(Self.run("tasks | group by doc, role | count", Self.speeches) == [["a", "responsible", "2"], ["a", "lead", "1"], ["a", "cooperate", "1"], ["b", "lead", "1"]])
    }

    @Test func sectionsShowTheirHeadingAndDocumentsTheirZeros() {
        #expect(Self.run("directives | filter doc = \"a\" | group by section | count", Self.speeches) == [["1", "抓好安全", "2"], ["2", "抓好环境", "2"]])
        // Section 1 heads differently in a and b: no one heading describes the group.
        #expect(Self.run("directives | group by section | count", Self.speeches).first == ["1", "", "3"])
        #expect(Self.run("sentences | filter 招商 | group by doc | count", Self.speeches) == [["a", "0"], ["b", "1"]])
    }

    @Test func referencesSortNaturally() {
        #expect(NaturalOrder.precedes("d:sec2", "d:sec10"))
        #expect(!NaturalOrder.precedes("d:sec10", "d:sec2"))
        #expect(NaturalOrder.precedes("2019年", "2020年"))
        #expect(NaturalOrder.precedes("para9.sen1", "para10.sen1"))
        #expect(NaturalOrder.precedes("a", "ab"))
        #expect(!NaturalOrder.precedes("x", "x"))
        #expect(NaturalOrder.precedes("sec02", "sec2") != NaturalOrder.precedes("sec2", "sec02"))
        let text = (1...12).map { "第\($0)段" }
        #expect(text.shuffled().sorted(by: NaturalOrder.precedes) == text)
    }

    /// Subsection 1 of two sections heads differently: no one heading describes the group.
    @Test func aGroupOfDifferentSubsectionsHasNoHeading() {
        let speech = document("一、抓好安全\n（一）排查隐患\n各单位要排查隐患。\n二、抓好环境\n（一）治理污水\n各乡镇要治理污水。\n", name: "a")
        #expect(Self.run("sentences | group by subsection | count", [speech]) == [["1", "", "2"]])
        #expect(Self.run("sentences | filter section = 2 | group by subsection | count", [speech]) == [["1", "治理污水", "1"]])
    }

    /// Every document listed with zero is still nothing found, for --exit-status.
    @Test func zeroFilledGroupsAreEmptyOrZero() throws {
        let session = Session(corpus: Corpus(documents: Self.speeches), format: .tsv)
        var parser = Parser(QuerySource(name: "<test>", text: "sentences | filter 不存在 | group by doc | count"))
        let next = parser.nextStatement()
        let statement = try #require(next).get()
        guard case .pipeline(let pipeline) = statement.kind else { Issue.record("not a pipeline"); return }
        let result = try Evaluator(corpus: session.corpus, bindings: [:], previous: nil, source: parser.source).evaluate(pipeline)
        #expect(result.rowCount == 2)
        #expect(result.isEmptyOrZero)
    }
}
