import Testing
@testable import SpeechQuery

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { SentenceSplitter.split(0..<bytes.count, in: $0, into: &ranges) }
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func splitsAtFullAndHalfWidthTerminators() {
        #expect(split("一是抓项目。二是抓民生！三是抓党建？") == ["一是抓项目。", "二是抓民生！", "三是抓党建？"])
        #expect(split("要抓好春耕;要抓好防汛!能做到吗?能") == ["要抓好春耕;", "要抓好防汛!", "能做到吗?", "能"])
        #expect(split("气象局要发布预警；水利局要检修设施。") == ["气象局要发布预警；", "水利局要检修设施。"])
    }

    @Test func neverSplitsInsideNumbers() {
        #expect(split("增长6.5%左右。比上年提高0.3个百分点。") == ["增长6.5%左右。", "比上年提高0.3个百分点。"])
    }

    @Test func keepsClosingQuotesAndBracketsWithTheirSentence() {
        #expect(split("他说：“要抓紧。”我们照办。") == ["他说：“要抓紧。”", "我们照办。"])
        #expect(split("（详见附件。）下一项。") == ["（详见附件。）", "下一项。"])
        #expect(split("真的吗？！”对。") == ["真的吗？！”", "对。"])
    }

    @Test func pairsStraightQuotesByParity() {
        // The first " after 。 closes the quote opened before it; the second opens a new one.
        #expect(split("落实\"两个责任。\"抓住\"三个支撑点\"。") == ["落实\"两个责任。\"", "抓住\"三个支撑点\"。"])
        #expect(split("抓好\"两个关键\"。\"六稳\"工作。") == ["抓好\"两个关键\"。", "\"六稳\"工作。"])
    }

    @Test func splitsAfterADoubleEllipsisOnly() {
        #expect(split("等等……下面讲第二点。") == ["等等……", "下面讲第二点。"])
        #expect(split("一…二") == ["一…二"])
    }

    @Test func dropsEmptyPiecesAndTrimsWhitespace() {
        #expect(split("　　第一句。　 第二句。。") == ["第一句。", "第二句。。"])
        #expect(split("") == [])
        #expect(split("　　") == [])
    }
}
