import Testing
@testable import SpeechQuery

@Suite("Numerals and markers")
struct MarkerTests {
    func numeral(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ChineseNumeral.parse(in: $0, at: 0, end: bytes.count)?.value }
    }

    func heading(_ text: String) -> HeadingMarkers.Marked? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { HeadingMarkers.parse(0..<bytes.count, in: $0) }
    }

    func point(_ text: String) -> PointMarkers.Marker? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { PointMarkers.marker(in: $0, at: 0, end: bytes.count) }
    }

    @Test(arguments: [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("九十九", 99), ("一百零一", 101)])
    func chineseNumerals(text: String, value: Int) {
        #expect(numeral(text) == value)
        #expect(ChineseNumeral.spell(value) == (value < 100 ? text : String(value)))
    }

    @Test func sectionAndSubsectionMarkers() throws {
        let section = try #require(heading("三、加强生态环境保护,建设高质量发展县城"))
        #expect(section.level == .section && section.number == 3 && section.shape == .headingOnly)
        let runIn = try #require(heading("（一）坚持稳中求进。这些年来，我们坚持……"))
        #expect(runIn.level == .subsection && runIn.number == 1 && runIn.shape == .runIn)
        #expect(try #require(heading("(十二)抓好特色产业")).number == 12)
        #expect(heading("一是坚持从严防控。") == nil)
        #expect(heading("一般来说，要这样。") == nil)
        #expect(heading("（注）说明") == nil)
    }

    @Test func aHeadingSeparatedFromItsBodyBySpaceIsRunIn() throws {
        let marked = try #require(heading("三、深入改革经济体制 国民经济的长期稳定发展，要靠改革。"))
        #expect(marked.shape == .runIn)
    }

    @Test func longNumberedSentencesAreListItems() throws {
        let long = "二、" + String(repeating: "各级政府都要加强领导", count: 9) + "。"
        #expect(try #require(heading(long)).shape == .listItem)
    }

    @Test func pointMarkers() {
        #expect(point("一是坚持从严防控") == .init(style: .shi, number: 1))
        #expect(point("十一要加强领导") == .init(style: .yao, number: 11))
        #expect(point("第二，强化保障") == .init(style: .diyi, number: 2))
        #expect(point("第二,强化保障") == .init(style: .diyi, number: 2))
        #expect(point("其次，要培育") == .init(style: .sequence, number: 2))
        #expect(point("最后，要打响品牌") == .init(style: .sequence, number: nil))
        #expect(point("第一可以从思想中寻找答案") == nil)
        #expect(point("一般要求") == nil)
    }

    @Test func aRunMustBeginAtItsFirstMember() {
        var runs = PointRuns()
        func accept(_ style: PointStyle, _ number: Int?, paragraph: Int = 0, leads: Bool = false) -> Int? {
            runs.accept(.init(style: style, number: number), paragraph: paragraph, leadsParagraph: leads)
        }
        #expect(accept(.sequence, nil) == nil)   // 最后 with no 首先
        #expect(accept(.shi, 2) == nil)          // 二是 with no 一是
        #expect(accept(.shi, 1) == 1)
        #expect(accept(.shi, 2) == 2)
        #expect(accept(.shi, 4) == 4)            // a gap is kept
        #expect(accept(.shi, 3) == 3)            // out of order, in the same paragraph: kept as written
        #expect(accept(.shi, 3) == 3)            // repeated: kept
        #expect(accept(.sequence, 1) == 1)
        #expect(accept(.sequence, nil) == 2)
        #expect(accept(.shi, 2, paragraph: 1) == nil)               // inside a later paragraph: another enumeration
        #expect(accept(.shi, 2, paragraph: 1, leads: true) == 2)    // leading a later paragraph: kept
        #expect(accept(.shi, 5, paragraph: 2) == 5)                 // higher than any before: continues
    }
}

@Suite("Word lookup by first scalar")
struct FirstScalarIndexTests {
    func check(_ index: FirstScalarIndex, _ text: String) -> (prefix: Bool, occurs: Bool) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { (index.isPrefix(of: 0..<bytes.count, in: $0), index.occurs(in: 0..<bytes.count, of: $0)) }
    }

    @Test func findsWordsAtTheStartAndInside() {
        let index = FirstScalarIndex(["来源：", "联系我们", "Copyright", "©"].map { Array($0.utf8) })
        #expect(check(index, "来源：新华社") == (true, true))
        #expect(check(index, "（来源：新华社）") == (false, true))
        #expect(check(index, "网站地图 | 联系我们") == (false, true))
        #expect(check(index, "2019 © 青山县") == (false, true))
        #expect(check(index, "来源不明") == (false, false))
        #expect(check(index, "联系") == (false, false))
        #expect(check(index, "") == (false, false))
    }

    @Test func scalarsThatShareABitAreToldApart() {
        // 一 (U+4E00) and 吀 (U+5400) fall on the same bit of the 1,024-bit map.
        let index = FirstScalarIndex([Array("一是".utf8)])
        #expect(check(index, "吀是") == (false, false))
        #expect(check(index, "一是") == (true, true))
    }
}
