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

    @Test func aRunInHeadingMayContinueAfterTheLastHeadingOnlyOne() {
        let doc = document("标题\n一、第一部分\n内容。\n内容。\n二、第二部分\n内容。\n内容。\n三、压紧压实责任，确保各项措施落到实处。各单位要落实责任。\n内容。\n")
        #expect(doc.outline.sections.map(\.number) == [1, 2, 3])
        // Not when it skips a number: a run-in 五、 after 二、 is a paragraph.
        let skipping = document("标题\n一、第一部分\n内容。\n二、第二部分\n内容。\n五、压紧压实责任。各单位要落实责任。\n")
        #expect(skipping.outline.sections.map(\.number) == [1, 2])
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

/// Members out of order or repeated stay in the outline, numbered as written, for `check` to
/// report.
@Suite("Misordered and repeated members")
struct MisorderedMemberTests {
    @Test func aSubsectionBeforeALowerOneStaysASubsection() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（二）乙\n内容。\n（四）丁\n内容。\n（三）丙\n内容。\n")
        #expect(doc.outline.subsections.map(\.number) == [1, 2, 4, 3])
        #expect(doc.outline.subsections.map(\.ordinal) == [1, 2, 3, 4])
        #expect(doc.outline.sections[0].subsections.count == 4)
    }

    @Test func aRepeatedSubsectionStaysASubsection() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（二）乙\n内容。\n（二）丙\n内容。\n")
        #expect(doc.outline.subsections.map(\.number) == [1, 2, 2])
    }

    @Test func aSubsectionListThatRestartsAtOneStaysParagraphs() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（二）乙\n措施如下。\n（一）第一条措施。\n（二）第二条措施。\n（三）第三条措施。\n（三）丙\n内容。\n")
        #expect(doc.outline.subsections.map(\.number) == [1, 2, 3])
        #expect(doc.outline.subsections.map(\.line) == [3, 5, 10])
        #expect(doc.outline.subsections[1].paragraphs.count == 4)
    }

    @Test func pointsOutOfOrderStayPoints() {
        let doc = document("标题\n一、部分\n第一，压实属地责任。第三，压实企业责任。第二，压实部门责任。\n")
        #expect(doc.outline.points.map(\.number) == [1, 3, 2])
        #expect(doc.outline.points.map(\.ordinal) == [1, 2, 3])
    }

    @Test func aRepeatedPointStaysAPoint() {
        let doc = document("标题\n一、部分\n一是抓粮食。二是抓油料。二是抓生猪。三是抓蔬菜。\n")
        #expect(doc.outline.points.map(\.number) == [1, 2, 2, 3])
        let leading = document("标题\n一、部分\n一是抓粮食。\n二是抓油料。\n二是抓生猪。\n")
        #expect(leading.outline.points.map(\.number) == [1, 2, 2])
        #expect(leading.outline.points.map(\.ordinal) == [1, 2, 3])
    }

    @Test func pointsThatRestartAtOneKeepTodaysHandling() {
        let doc = document("标题\n一、部分\n一是抓粮食。二是抓油料。\n一是抓生猪。二是抓蔬菜。\n")
        #expect(doc.outline.points.map(\.number) == [1, 2, 1, 2])
    }

    @Test func anEnumerationWhoseFirstMemberFollowsAColonIsNotTakenIntoTheOpenRun() {
        // 一是 after a colon is not at a sentence start; the 二是 and 三是 after it belong to
        // that enumeration, not to the run of the paragraph before.
        let doc = document("标题\n一、部分\n一是抓粮食。二是抓油料。三是抓生猪。\n重点抓好两件事：一是抓水利。二是抓农机。\n")
        #expect(doc.outline.points.map(\.number) == [1, 2, 3])
    }
}

@Suite("Numbering checks")
struct NumberingCheckTests {
    func numbering(_ doc: Document) -> [String] {
        DocumentChecks.numbering(doc).map { "\(doc.reference(at: $0.offset)) \($0.message)" }
    }

    @Test func subsectionsOutOfOrder() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（二）乙\n内容。\n（四）丁\n内容。\n（三）丙\n内容。\n", name: "draft")
        #expect(numbering(doc) == ["draft:sec1.sub4 subsection （三） is out of order: it comes after subsection （四）"])
    }

    @Test func pointsOutOfOrderAndRepeated() {
        let doc = document("标题\n一、部分\n第一，压实属地责任。第三，压实企业责任。第二，压实部门责任。\n二、部分\n一是抓粮食。二是抓油料。二是抓生猪。\n", name: "draft")
        #expect(numbering(doc) == [
            "draft:sec1.para1.sen3 point 第二 is out of order: it comes after point 第三",
            "draft:sec2.para1.sen3 point 二是 is repeated: it comes right after another point 二是",
        ])
        #expect(DocumentChecks.numbering(doc).allSatisfy { $0.level == .warning })
    }

    @Test func aRepeatedSubsectionAndAGap() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（一）甲\n内容。\n（三）丙\n内容。\n", name: "draft")
        // A subsection list restarting at （一） stays a paragraph, so the repeat is of （二）.
        let repeated = document("标题\n一、部分\n（一）甲\n内容。\n（二）乙\n内容。\n（二）乙\n内容。\n", name: "draft")
        #expect(numbering(repeated) == ["draft:sec1.sub3 subsection （二） is repeated: it comes right after another subsection （二）"])
        #expect(numbering(doc) == ["draft:sec1.sub2 subsection （三） comes after subsection （一）: subsection （二） is missing"])
    }

    @Test func aNumeralGoneWrongIsReportedAsAJump() {
        let doc = document("标题\n一、部分\n一是抓粮食。九九九九九九九九是抓油料。\n", name: "draft")
        #expect(numbering(doc) == ["draft:sec1.para1.sen2 point 99999999是 comes after point 一是: point 二是 to point 99999998是 are missing"])
    }

    @Test func aNumberThatTurnsUpLaterIsNotMissing() {
        let doc = document("标题\n一、部分\n（一）甲\n内容。\n（三）丙\n内容。\n（二）乙\n内容。\n（五）戊\n内容。\n", name: "draft")
        #expect(numbering(doc) == [
            "draft:sec1.sub3 subsection （二） is out of order: it comes after subsection （三）",
            "draft:sec1.sub4 subsection （五） comes after subsection （二）: subsection （四） is missing",
        ])
    }
}
