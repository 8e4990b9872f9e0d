import Testing
@testable import SpeechQuery

/// A speech with `line` placed after its closing, as a web page's footer would be.
private func speechFollowedBy(_ line: String) -> Document {
    document("在全县工作会议上的讲话\n县长　林文远\n同志们：\n一、部分\n内容。\n同志们，大家辛苦了！\n\(line)\n")
}

@Suite("Residue of web pages")
struct WebResidueTests {
    @Test(arguments: [
        // Licence, navigation and editor lines.
        "责任编辑：王芳", "来源：新华社", "（来源：人民日报）", "本文来源：县政府网",
        // Share and print lines.
        "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】", "【我要打印】 【关闭】", "打印", "收藏", "打印 | 收藏 | 关闭",
        // Copyright and site lines.
        "版权所有：青山县人民政府", "Copyright © 2019 www.qingshan.gov.cn All Rights Reserved", "© 2019 青山县人民政府",
        "主办单位：青山县人民政府办公室　承办单位：县大数据中心", "网站地图 | 联系我们 | 网站声明", "联系我们", "扫一扫在手机打开当前页",
        "京ICP备05070218号",
        // Breadcrumbs and page metadata.
        "首页 > 新闻 > 领导讲话", "首页 » 要闻 » 正文", "当前位置：首页 > 讲话", "发布时间：2019-03-05 08:00", "浏览次数：1234",
        "字号：大 中 小", "【字体：大 中 小】", "编辑：李明　审核：张华", "作者：王芳",
        // Wiki lines.
        "本页面最后修订于2019年3月5日 (星期二) 08:12。", "取自“https://zh.wikisource.org/w/index.php?title=政府工作报告&oldid=1”",
        "本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。", "维基文库，自由的图书馆",
        "分类：政府工作报告", "[编辑]",
    ])
    func footerLineIsResidue(_ line: String) {
        let doc = speechFollowedBy(line)
        #expect(doc.outline.residue.map { doc.text($0.range) } == [line])
        #expect(doc.outline.paragraphs.filter { $0.part == .closing }.map(\.line) == [6])
        #expect(!doc.sentenceTexts.contains { $0.contains(line) })
    }

    @Test(arguments: [
        // Sentences of speech that hold a residue phrase.
        "要联系我们县的实际，抓好落实。", "促进知识共享。", "各单位要打印、收藏好这份文件。",
        "同志们，版权所有者的权益要保护好！", "主办单位要切实负起安全责任。", "版权所有者的合法权益要依法保护。",
        // A long paragraph that holds a phrase is speech, terminator or not.
        "这些数据的来源：" + String(repeating: "统计部门的年报和各乡镇的月报", count: 6),
        // A numbered heading that holds a phrase.
        "二、发展3D打印和收藏品产业 首页 > 产业 > 规划",
    ])
    func speechWithAResiduePhraseIsKept(_ line: String) {
        let doc = speechFollowedBy(line)
        #expect(doc.outline.residue.isEmpty)
    }

    @Test func aTitleOrHeadingWithAResidueWordIsKept() {
        let doc = document("在全县收藏家协会成立大会上的讲话\n同志们：\n一、发展打印产业\n内容。\n")
        #expect(doc.outline.residue.isEmpty)
        #expect(doc.outline.frontMatter.title.map { doc.text($0.range) } == "在全县收藏家协会成立大会上的讲话")
        #expect(doc.outline.sections.map { doc.text($0.heading) } == ["发展打印产业"])
    }
}

@Suite("Front matter of web copies")
struct WebFrontMatterTests {
    @Test func aSpeakerSplitOverTwoLines() {
        for name in ["张　明", "张　明　华", "张明华"] {
            let doc = document("在县委全会上的讲话\n县委书记\n\(name)\n同志们：\n今天开会。\n")
            let front = doc.outline.frontMatter
            #expect(front.speaker?.line == 2)
            #expect(front.speakerName?.line == 3)
            #expect(doc.metadata.role == "县委书记")
            #expect(doc.metadata.speaker == name.replacingOccurrences(of: "　", with: ""))
            #expect(doc.outline.paragraphs.first?.line == 4)
            #expect(doc.reference(at: front.speakerName!.range.lowerBound).description == "test:speaker")
        }
    }

    @Test func aSpacedOutNameOnTheSpeakerLine() {
        let doc = document("在县委全会上的讲话\n县委书记　张　明　华\n同志们：\n今天开会。\n")
        #expect(doc.outline.frontMatter.speaker?.line == 2)
        #expect(doc.outline.frontMatter.speakerName == nil)
        #expect(doc.metadata.role == "县委书记")
        #expect(doc.metadata.speaker == "张明华")
    }

    @Test func aRoleLineWithoutANameLineIsNotASpeaker() {
        let doc = document("在县委全会上的讲话\n县委书记\n同志们：\n今天开会。\n")
        #expect(doc.outline.frontMatter.speaker == nil)
        #expect(doc.metadata.speaker == nil)
    }

    @Test func aBracketedDateAfterTheOccasionIsTheDate() throws {
        for dateLine in ["（2019年3月5日）", "(2019年3月5日)", "（二○一九年三月五日）", "2019年3月5日"] {
            let doc = document("在县委全会上的讲话\n——在县委十三届五次全会上\n\(dateLine)\n县委书记　张明\n同志们：\n今天开会。\n")
            let front = doc.outline.frontMatter
            #expect(front.occasion?.line == 2)
            #expect(front.date?.line == 3, "\(dateLine)")
            #expect(front.speaker?.line == 4)
            #expect(doc.metadata.date == "2019-03-05")
            #expect(doc.metadata.year == 2019)
            #expect(doc.outline.paragraphs.first?.line == 5)
            let date = try #require(front.date)
            #expect(doc.reference(at: date.range.lowerBound).description == "test:date")
        }
    }

    @Test func aBracketedDateBeforeTheOccasionIsTheDateToo() {
        let doc = document("在县委全会上的讲话\n（2019年3月5日）\n（在县委十三届五次全体会议上的讲话）\n同志们：\n今天开会。\n")
        #expect(doc.outline.frontMatter.date?.line == 2)
        #expect(doc.outline.frontMatter.occasion?.line == 3)
        #expect(doc.metadata.occasion == "在县委十三届五次全体会议上的讲话")
    }

    @Test func theDateLineIsPrintedWithTheFrontMatter() {
        let doc = document("在县委全会上的讲话\n（2019年3月5日）\n县委书记\n张　明\n同志们：\n今天开会。\n")
        let tree = OutlineTreePrinter(width: nil).render([doc])
        #expect(tree.contains("  date                               （2019年3月5日）\n"))
        #expect(tree.contains("  speaker                            县委书记　张　明\n"))
        let json = OutlineJSON.value(for: [doc]).serialized()
        #expect(json.contains("\"kind\":\"date\",\"ref\":\"test:date\",\"line\":2,\"text\":\"（2019年3月5日）\""))
        #expect(json.contains("\"kind\":\"speaker\",\"ref\":\"test:speaker\",\"line\":3,\"text\":\"县委书记　张　明\",\"chars\":6"))
    }

    @Test(arguments: [
        ("二○一九年三月五日", "2019-03-05"), ("二〇一九年三月五日", "2019-03-05"), ("二零一九年十二月三十一日", "2019-12-31"),
        ("二○○○年十月一日", "2000-10-01"), ("一九九八年三月", "1998-03"), ("——二○一九年三月二十日在全县大会上", "2019-03-20"),
        ("2019年3月5日", "2019-03-05"), ("１９５６年６月１５日", "1956-06-15"), ("1 9 9 8 年3 月5 日", "1998-03-05"),
    ])
    func datesInChineseNumerals(_ text: String, _ iso: String) {
        #expect(DateText.isoDate(in: text) == iso)
    }

    @Test func aYearAloneGivesTheYear() {
        #expect(DateText.isoDate(in: "二零一九年") == nil)
        #expect(DateText.year(in: "二零一九年") == 2019)
        #expect(DateText.leadingYear(in: "二〇〇六年政府工作报告") == 2006)
        #expect(DateText.leadingYear(in: "关于一九五八年度国民经济计划草案的报告") == nil)
        let doc = document("二零一九年县政府工作报告\n（二零一九年）\n各位代表：\n现在报告工作。\n")
        #expect(doc.outline.frontMatter.date?.line == 2)
        #expect(doc.metadata.date == nil)
        #expect(doc.metadata.year == 2019)
    }

    @Test func circlesInAYearAreNotPlaceholders() {
        let doc = document("标题\n一、部分\n从一九九一年到二○○○年，再到二○○九年。请○○同志到○○村，20○○年，○○年完成。\n")
        #expect(PlaceholderFinder.find(in: doc).map(\.text) == ["○○", "○○", "20○○", "○○"])
    }
}

/// The bundled speech as a web page would give it: a source line on top, the speaker split
/// over two lines with a spaced-out name, a bracketed date, and a footer.
@Suite("A web copy of the safety speech")
struct WebCopyOfTheSafetySpeechTests {
    static let footer = [
        "责任编辑：王芳", "【打印本页】【关闭窗口】", "首页 > 新闻中心 > 领导讲话",
        "版权所有：青山镇人民政府　主办单位：青山镇党政办", "网站地图 | 联系我们", "扫一扫在手机打开当前页",
    ]

    /// The outline as a list of comparable facts: every section, subsection and point with
    /// its number and heading, and every sentence with its part and place.
    func shape(_ doc: Document) -> [String] {
        let outline = doc.outline
        var facts = outline.sections.map { "section \($0.number) \(doc.text($0.headingLine)) paragraphs \($0.paragraphs.count)" }
        facts += outline.subsections.map { "subsection \($0.section ?? -1) \($0.number) \(doc.text($0.headingLine))" }
        facts += outline.points.map { "point \($0.section ?? -1)/\($0.subsection ?? -1) \($0.style) \($0.number) \(doc.text($0.heading)) \($0.sentences.count)" }
        facts += outline.sentences.map { "sentence \($0.part) \($0.section ?? -1)/\($0.subsection ?? -1)/\($0.point ?? -1) \(doc.text($0.range))" }
        return facts
    }

    @Test func outlineIsTheSameAsThePlainText() throws {
        let text = try Example.text("safety-production.txt")
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        // title, subtitle, occasion, 镇长　陈立新, body…
        #expect(lines[3] == "镇长　陈立新")
        let web = ["来源：青山镇人民政府网"] + lines[0..<3] + ["镇长", "陈　立　新", "（2023年4月18日）"] + lines[4...] + Self.footer
        let original = document(text, name: "safety-production")
        let copy = document(web.joined(separator: "\n") + "\n", name: "safety-production")

        #expect(shape(copy) == shape(original))
        #expect(!copy.outline.sections.isEmpty && !copy.outline.points.isEmpty)
        let closing = { (doc: Document) in doc.outline.paragraphs.filter { $0.part == .closing }.map { doc.text($0.range) } }
        #expect(closing(copy) == closing(original))
        #expect(closing(copy).count == 1)
        #expect(copy.outline.residue.map { copy.text($0.range) } == ["来源：青山镇人民政府网"] + Self.footer)

        #expect(copy.metadata.speaker == "陈立新" && copy.metadata.role == "镇长")
        #expect(copy.metadata.date == original.metadata.date)
        #expect(copy.metadata.title == original.metadata.title)
        #expect(copy.outline.frontMatter.date.map { copy.text($0.range) } == "（2023年4月18日）")
    }
}
