import Testing
@testable import SpeechQuery

@Suite("kwic")
struct KwicStageTests {
    let session = Session(corpus: Corpus(documents: [document("""
    一、抓好安全生产
    安全生产是底线，安全生产是红线。各单位要把安全放在首位。
    二、抓好环境保护
    要守住生态安全。
    """, name: "t")]), format: .tsv)

    func rows(_ query: String) -> [[String]] {
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: query), host: host)
        #expect(host.diagnostics.isEmpty, "\(host.diagnostics.map(\.message))")
        return host.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func everyOccurrenceWithItsContextInsideTheSentence() {
        let found = rows("kwic 安全")
        #expect(found.map { $0[1] } == ["t:sec1.para1.sen1", "t:sec1.para1.sen1", "t:sec1.para1.sen2", "t:sec2.para1.sen1"])
        #expect(found[0].suffix(3) == ["", "安全", "生产是底线，安全生产"])
        #expect(found[1].suffix(3) == ["安全生产是底线，", "安全", "生产是红线。"])
        #expect(found[3].suffix(3) == ["要守住生态", "安全", "。"])
        #expect(found.map { $0[2] } == ["2", "2", "2", "4"])
    }

    @Test func widthAndRegexAndSelection() {
        #expect(rows("kwic 安全 width 2").map { Array($0.suffix(3)) }[1] == ["线，", "安全", "生产"])
        #expect(rows("kwic /安全生产是.线/").map { $0[4] } == ["安全生产是底线", "安全生产是红线"])
        #expect(rows("select section 2 | kwic 安全").count == 1)
        #expect(rows("kwic 不存在").isEmpty)
    }

    @Test func argumentsAreCheckedWhereTheyAreWritten() {
        for (query, message) in [("kwic", "'kwic' needs TERM"), ("kwic 安全 width 0", "N must be at least 1"), ("kwic 安全 width 2 width 3", "'width' is given twice")] {
            let host = CapturingHost()
            session.run(QuerySource(name: "<test>", text: query), host: host)
            #expect(host.diagnostics.first?.message.hasPrefix(message) == true, "\(query): \(host.diagnostics.map(\.message))")
        }
    }
}
