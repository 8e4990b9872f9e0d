import Testing
@testable import SpeechQuery

@Suite("Outline of a team-written speech")
struct OutlineParserTests {
    let doc: Document

    init() throws {
        doc = try loadDocument(Fixture.path("river-county.txt"))
    }

    var outline: Outline { doc.outline }

    @Test func frontMatterAndMetadata() throws {
        let front = outline.frontMatter
        #expect(front.title.map { doc.text($0.range) } == "在全县春季农业生产工作会议上的讲话")
        #expect(front.subtitles.map { doc.text($0.range) } == ["抓住农时　稳住基本盘"])
        #expect(front.occasion?.line == 3)
        #expect(front.speaker?.line == 4)
        #expect(doc.metadata.date == "2024-03-12")
        #expect(doc.metadata.year == 2024)
        #expect(doc.metadata.speaker == "林文远")
        #expect(doc.metadata.role == "县长")
        #expect(doc.metadata.occasion == "2024年3月12日在全县春季农业生产工作会议上")
    }

    @Test func openingIsEverythingBeforeTheFirstSection() {
        let opening = outline.paragraphs.filter { $0.part == .preamble }
        #expect(opening.map(\.line) == [5, 6])
        #expect(opening.reduce(0) { $0 + $1.sentences.count } == 4)
    }

    @Test func sectionsWithHeadingsAndCounts() {
        #expect(outline.sections.map { doc.text($0.heading) } == [
            "认清形势，增强做好春耕生产的紧迫感", "突出重点，扎实推进各项工作", "加强领导，确保各项任务落到实处",
        ])
        #expect(outline.sections.map(\.line) == [7, 13, 17])
        #expect(outline.sections.map(\.paragraphs.count) == [5, 2, 1])
        #expect(outline.sections.map(\.points.count) == [3, 3, 3])
        #expect(outline.sections.map(\.sentences.count) == [11, 6, 5])
    }

    @Test func runInAndHeadingOnlySubsections() {
        #expect(outline.subsections.map { doc.text($0.heading) } == ["抓好粮食生产。", "抓好特色产业"])
        #expect(outline.subsections.map(\.section) == [1, 1])
        let runInBody = outline.paragraphs[outline.subsections[0].paragraphs.lowerBound]
        #expect(doc.text(runInBody.range) == "粮食生产是头等大事。各乡镇要层层压实责任。")
        #expect(runInBody.line == 14)
        // A subsection heading is not a body sentence.
        #expect(!doc.sentenceTexts.contains("抓好粮食生产。"))
    }

    @Test func pointsOfEveryStyleAsSpans() {
        let points = outline.points
        #expect(points.map(\.style) == [.shi, .shi, .shi, .sequence, .sequence, .sequence, .diyi, .diyi, .diyi])
        #expect(points.map(\.ordinal) == [1, 2, 3, 1, 2, 3, 1, 2, 3])
        #expect(points.map(\.leadsParagraph) == [true, true, true, false, false, false, true, false, false])
        #expect(points.map(\.sentences.count) == [2, 2, 3, 1, 1, 1, 2, 2, 1])
        #expect(points[3].subsection == 1)
        // The lead sentence is the heading and also a body sentence.
        #expect(doc.text(points[0].heading) == "一是稳定面积不放松。")
        #expect(doc.sentenceTexts.contains("一是稳定面积不放松。"))
        // The unmarked paragraph after the points belongs to the section, not to point 3.
        let last = outline.paragraphs.first { $0.line == 12 }!
        #expect(outline.sentences[last.sentences.lowerBound].point == nil)
    }

    @Test func closingAndResidue() {
        let closing = outline.paragraphs.filter { $0.part == .closing }
        #expect(closing.map(\.line) == [19])
        #expect(outline.residue.map { doc.text($0.range) } == ["责任编辑：周岚"])
        #expect(outline.residue.first?.line == 20)
        #expect(!doc.sentenceTexts.contains { $0.contains("责任编辑") })
    }

    @Test func totals() {
        #expect(outline.paragraphs.count == 11)
        #expect(outline.sentences.count == 28)
        #expect(outline.sentences.allSatisfy { doc.characterCount($0.range) > 0 })
    }

    @Test func everyNodeRecordsItsSourceLine() {
        let lines = doc.text(0..<doc.bytes.count).split(separator: "\n", omittingEmptySubsequences: false)
        for sentence in outline.sentences {
            #expect(lines[sentence.line - 1].contains(doc.text(sentence.range)))
        }
    }
}

@Suite("Outline edge cases")
struct OutlineEdgeCaseTests {
    @Test func emptyAndBlankDocumentsHaveEmptyOutlines() {
        for text in ["", "\n\n", "　　\n"] {
            let outline = document(text).outline
            #expect(outline.sections.isEmpty && outline.sentences.isEmpty && outline.frontMatter.isEmpty)
        }
    }

    @Test func aMissingSectionHeadingLeavesAGapNotALostSection() {
        let doc = document("标题\n一、第一部分\n内容。\n二、第二部分\n内容。\n四、第四部分\n内容。\n")
        #expect(doc.outline.sections.map(\.number) == [1, 2, 4])
        #expect(doc.outline.sections.map(\.ordinal) == [1, 2, 3])
    }

    @Test func aNumberedListInsideASectionIsNotASection() {
        let doc = document("""
        标题
        一、总的要求
        主要措施如下。
        一、固定资产投资总规模要控制。
        二、大中型项目一律由国家审批。
        二、具体安排
        内容。
        """)
        #expect(doc.outline.sections.map { doc.text($0.heading) } == ["总的要求", "具体安排"])
        #expect(doc.outline.sections[0].paragraphs.count == 3)
    }

    @Test func runInSectionHeadingsWhenNoneStandsAlone() {
        let doc = document("""
        标题
        一、依靠政策和科学，加快农业的发展。农业是基础。我们要抓好。
        二、把消费品工业放到重要地位。轻工业要加快发展。
        """)
        #expect(doc.outline.sections.map { doc.text($0.heading) } == ["依靠政策和科学，加快农业的发展。", "把消费品工业放到重要地位。"])
        #expect(doc.sentenceTexts == ["农业是基础。", "我们要抓好。", "轻工业要加快发展。"])
    }

    @Test func aVocativeBeforeTheLastSectionsContentIsNotTheClosing() {
        let doc = document("标题\n一、部分\n同志们，这一段是正文。\n")
        #expect(doc.outline.paragraphs.allSatisfy { $0.part == .section })
    }

    @Test func pointMarkersInsideAPointOfAnotherStyleDoNotSplitIt() {
        let doc = document("标题\n一、部分\n一要抓好生产。一是抓粮食。二是抓油料。\n二要抓好流通。\n")
        #expect(doc.outline.points.map(\.style) == [.yao, .yao])
        #expect(doc.outline.points[0].sentences.count == 3)
    }

    @Test func crlfAndCRLineEndingsKeepLineNumbers() throws {
        for ending in ["\r\n", "\r"] {
            let text = ["标题", "", "一、部分", "内容。"].joined(separator: ending)
            let result = DocumentLoader().load(paths: ["-"], readStandardInput: { Array(text.utf8) })
            let doc = Document(try #require(result.sources.first))
            #expect(doc.outline.sections.first?.line == 3)
            #expect(doc.outline.sentences.first?.line == 4)
        }
    }
}
