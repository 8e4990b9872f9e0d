import Testing
@testable import SpeechQuery

/// Numbered paragraphs that are not the outline: the sections are the chain that explains
/// the whole document, not the first run seen.
@Suite("Numbering that is not an outline")
struct SectionChoiceTests {
    func headings(_ doc: Document) -> [String] {
        doc.outline.sections.map { doc.text($0.headingLine) }
    }

    @Test func anAgendaInTheOpeningIsNotTheSections() {
        let doc = document("""
        在全县工作会议上的讲话
        同志们：
        今天的会议有三项议程：
        一、传达上级会议精神
        二、总结去年工作
        三、部署今年任务
        下面，我讲三点意见。
        一、认清形势
        去年全县经济平稳运行。
        但困难不少。
        二、突出重点
        要抓项目。
        要抓民生。
        三、狠抓落实
        各部门要各负其责。
        要加强督查。
        同志们，让我们一起努力！
        """)
        #expect(headings(doc) == ["一、认清形势", "二、突出重点", "三、狠抓落实"])
        #expect(doc.outline.sections.map(\.line) == [8, 11, 14])
        let opening = doc.outline.paragraphs.filter { $0.part == .preamble }
        #expect(opening.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(doc.outline.paragraphs.filter { $0.part == .closing }.map(\.line) == [17])
    }

    @Test func anAgendaBeforeRunInSections() {
        let doc = document("""
        标题
        会议议程：
        一、传达精神
        二、部署任务
        一、认清形势。去年经济平稳运行。
        内容。
        二、突出重点。要抓项目。
        内容。
        三、狠抓落实。各部门要各负其责。
        """)
        #expect(doc.outline.sections.map(\.line) == [5, 7, 9])
        #expect(doc.outline.sections.map { doc.text($0.heading) } == ["认清形势。", "突出重点。", "狠抓落实。"])
    }

    @Test func aQuotedLineThatStartsWithANumeralIsNotASection() {
        let doc = document("""
        标题
        同志们：
        文件开宗明义：
        一、坚持以人民为中心”。
        这是我们的根本遵循。
        一、认清形势
        内容。
        二、突出重点
        内容。
        三、狠抓落实
        内容。
        """)
        #expect(headings(doc) == ["一、认清形势", "二、突出重点", "三、狠抓落实"])
        #expect(doc.outline.paragraphs.filter { $0.part == .preamble }.map(\.line) == [2, 3, 4, 5])
    }

    @Test func aSloganInsideASectionDoesNotShutOutTheNext() {
        let doc = document("""
        标题
        一、统一思想
        内容。
        一、二、三，齐步走！
        二、真抓实干
        内容。
        三、务求实效
        内容。
        """)
        #expect(headings(doc) == ["一、统一思想", "二、真抓实干", "三、务求实效"])
        #expect(doc.outline.sections[0].paragraphs.count == 2)
    }

    @Test func aSloganWithAHighNumeralDoesNotTakeOver() {
        let doc = document("""
        标题
        一、统一思想
        内容。
        十、百、千人才工程全面启动！
        二、真抓实干
        内容。
        三、务求实效
        内容。
        """)
        #expect(headings(doc) == ["一、统一思想", "二、真抓实干", "三、务求实效"])
    }

    @Test func aLongerListInsideASectionIsNotTheSections() {
        // Five numbered items, each with a comment, inside section 二 of three.
        let items = (1...5).map { "\(ChineseNumeral.spell($0))、第\($0)项措施要落实到位。\n说明。" }.joined(separator: "\n")
        let doc = document("标题\n开场。\n一、认清形势\n内容。\n内容。\n二、突出重点\n主要措施如下。\n\(items)\n三、狠抓落实\n内容。\n内容。\n")
        #expect(headings(doc) == ["一、认清形势", "二、突出重点", "三、狠抓落实"])
        #expect(doc.outline.sections[1].paragraphs.count == 11)
    }

    @Test func aRunInHeadingStillFillsAGapBetweenHeadingOnlyOnes() {
        let doc = document("标题\n一、第一部分\n内容。\n二、第二部分\n内容。\n三、第三部分 深化改革，要靠大家。\n内容。\n四、第四部分\n内容。\n")
        #expect(doc.outline.sections.map(\.number) == [1, 2, 3, 4])
    }

    @Test func manyCandidatesFallBackToTheFirstIncreasingRun() {
        // Hostile input: more candidates than the chain search takes. The greedy rule takes
        // the first run; parsing stays fast.
        let count = SectionSelection.maximumCandidatesForSearch + 1
        let lines = (0..<count).map { "\(ChineseNumeral.spell($0 % 99 + 1))、标题" }
        let clock = ContinuousClock()
        let start = clock.now
        let doc = document("标题\n" + lines.joined(separator: "\n") + "\n")
        #expect(clock.now - start < .seconds(5))
        #expect(doc.outline.sections.count == 99)
        #expect(doc.outline.sections.first?.line == 2)
    }
}
