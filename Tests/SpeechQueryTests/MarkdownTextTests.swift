import Foundation
import Testing
@testable import SpeechQuery

/// The Markdown rules one at a time: what each construct becomes in the plain text the
/// outline parser reads, and which source line each plain line came from.
@Suite("Markdown to plain paragraphs")
struct MarkdownTextTests {
    /// The plain lines `markdown` becomes.
    func lines(_ markdown: String) -> [String] {
        let converted = MarkdownText(Array(markdown.utf8))
        return String(decoding: converted.text, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Each plain line with the source line it started on.
    func numbered(_ markdown: String) -> [String] {
        let converted = MarkdownText(Array(markdown.utf8))
        return zip(converted.sourceLines, lines(markdown)).map { "\($0) \($1)" }
    }

    // MARK: Headings

    @Test func atxHeadingsLoseTheirMarkers() {
        #expect(lines("# 标题\n\n## 一、加强领导\n\n###### 六级") == ["标题", "一、加强领导", "六级"])
        #expect(lines("## 一、加强领导 ##\n\n### （一）抓落实 ###") == ["一、加强领导", "（一）抓落实"])
        #expect(lines("##一、没有空格也是标题") == ["一、没有空格也是标题"])
        #expect(lines("####### 七个不是标题\n\n#tag 不是标题\n\n## C#") == ["####### 七个不是标题", "#tag 不是标题", "C#"])
    }

    @Test func setextHeadingsLoseTheirUnderlines() {
        #expect(lines("讲话标题\n====\n\n一、部分\n---\n正文。") == ["讲话标题", "一、部分", "正文。"])
    }

    @Test func headingsNeverJoinTheirNeighbours() {
        #expect(lines("开头一段，\n## 一、标题\n正文第一行，\n正文第二行。\n\n结尾。") == ["开头一段，", "一、标题", "正文第一行，正文第二行。", "结尾。"])
    }

    // MARK: Paragraphs

    @Test func hardWrappedParagraphsAreJoined() {
        #expect(lines("第一行，\n第二行。\n\n下一段。") == ["第一行，第二行。", "下一段。"])
        // Latin text joins with a space; a break beside CJK or full-width punctuation with none.
        #expect(lines("GDP grew\nby 5%\n\nAI\n应用\n\n“两个\n维护”") == ["GDP grew by 5%", "AI应用", "“两个维护”"])
        #expect(lines("　　缩进的\n　　续行。\n\n下段。") == ["缩进的续行。", "下段。"])
    }

    @Test func hardBreaksStillJoinTheParagraph() {
        #expect(lines("第一行  \n第二行\\\n第三行。\n\n下段。") == ["第一行第二行第三行。", "下段。"])
        #expect(lines("path C:\\\\\nnext\n\nend") == ["path C:\\ next", "end"])
    }

    @Test func aNumberedHeadingStartsAParagraphWithoutABlankLine() {
        #expect(lines("开场白。\n一、加强领导\n（一）抓落实。\n(二)抓督查\n**三、**收尾\n\n另段。") == [
            "开场白。", "一、加强领导", "（一）抓落实。", "(二)抓督查", "三、收尾", "另段。",
        ])
        // 一是 is a point, not a heading: it joins.
        #expect(lines("要求如下，\n一是抓落实。\n\n另段。") == ["要求如下，一是抓落实。", "另段。"])
    }

    @Test func plainTextRenamedMarkdownKeepsOneParagraphPerLine() {
        #expect(lines("标题\n第一段。\n第二段。\n") == ["标题", "第一段。", "第二段。"])
        // Blank lines only at the ends do not make it Markdown paragraphs.
        #expect(lines("\n\n标题\n第一段。\n\n") == ["标题", "第一段。"])
        #expect(lines("标题\n\n第一段\n续行。") == ["标题", "第一段续行。"])
    }

    // MARK: Emphasis

    @Test func pairedEmphasisMarkersAreRemoved() {
        #expect(lines("**一是加强领导。**各村要落实。") == ["一是加强领导。各村要落实。"])
        #expect(lines("__粗体__和*斜体*和_斜体_和***两者***") == ["粗体和斜体和斜体和两者"])
        #expect(lines("**跨行的\n粗体**文字。\n\n下段") == ["跨行的粗体文字。", "下段"])
        #expect(lines("**粗体里有*斜体*。**") == ["粗体里有斜体。"])
    }

    @Test func unpairedMarkersAndIntrawordUnderscoresStay() {
        #expect(lines("企业56家*，其中三家停产。") == ["企业56家*，其中三家停产。"])
        #expect(lines("只有**名同志") == ["只有**名同志"])
        #expect(lines("call snake_case_name and 2 * 3") == ["call snake_case_name and 2 * 3"])
        #expect(lines("\\*不是强调\\*，\\_也不是\\_") == ["*不是强调*，_也不是_"])
        // Unpaired markers in one paragraph do not pair with those of the next.
        #expect(lines("第一段*\n\n第二段*") == ["第一段*", "第二段*"])
    }

    @Test func thematicBreaksAreDropped() {
        #expect(lines("上文。\n\n***\n\n- - -\n\n___\n\n* * *\n\n下文。") == ["上文。", "下文。"])
        #expect(numbered("上文。\n\n---\n\n下文。") == ["1 上文。", "5 下文。"])
    }

    // MARK: Lists and quotes

    @Test func listItemsAreParagraphsWithoutTheirMarkers() {
        #expect(lines("前言。\n\n要做到：\n- 第一项；\n* 第二项；\n+ 第三项。") == ["前言。", "要做到：", "第一项；", "第二项；", "第三项。"])
        #expect(lines("1. 甲\n2) 乙\n10. 丙") == ["甲", "乙", "丙"])
        #expect(lines("- 长的一项，\n  缩进的续行。\n- 下一项\n  - 嵌套项\n\n尾。") == ["长的一项，缩进的续行。", "下一项", "嵌套项", "尾。"])
        #expect(lines("-不是列表\n\n2023.年\n\n-- 破折号") == ["-不是列表", "2023.年", "-- 破折号"])
    }

    @Test func blockQuotesLoseTheirMarkersAndJoin() {
        #expect(lines("> 宁可十防九空，\n> 不可失防万一。\n\n正文。") == ["宁可十防九空，不可失防万一。", "正文。"])
        #expect(lines("> > 嵌套引用\n>> 续行\n\n尾") == ["嵌套引用续行", "尾"])
        #expect(lines("> 第一段\n>\n> 第二段\n\n尾") == ["第一段", "第二段", "尾"])
        #expect(lines("正文，\n> 引文。\n\n尾") == ["正文，", "引文。", "尾"])
        #expect(lines("> ## 一、引用里的标题\n> 引文。") == ["一、引用里的标题", "引文。"])
    }

    // MARK: Inline markup

    @Test func linksKeepTheirTextAndImagesAreDropped() {
        #expect(lines("见[《通知》](https://example.org/a_(b).html)全文。") == ["见《通知》全文。"])
        #expect(lines("见[**重点**工作](u)。") == ["见重点工作。"])
        #expect(lines("前![现场照片](photo.jpg)后") == ["前后"])
        #expect(lines("[未闭合的括号 和 ![叹号") == ["[未闭合的括号 和 ![叹号"])
    }

    @Test func codeSpansKeepTheirTextVerbatim() {
        #expect(lines("运行 `speechq *.md` 即可") == ["运行 speechq *.md 即可"])
        #expect(lines("`` a`b `` 和 `未闭合") == ["a`b 和 `未闭合"])
    }

    @Test func fencedCodeBlocksKeepTheirLinesWithoutFences() {
        #expect(numbered("前文。\n\n```text\n**原样**\n第二行\n\n~~~\n```\n\n后文。") == [
            "1 前文。", "4 **原样**", "5 第二行", "7 ~~~", "10 后文。",
        ])
    }

    @Test func htmlCommentsAreDroppedAndBrBreaksALine() {
        #expect(lines("正文<!-- 批注 -->继续。\n\n<!--\n多行\n批注\n-->\n后文。") == ["正文继续。", "后文。"])
        #expect(lines("第一句，<!-- 批注 -->\n第二句。\n\n尾") == ["第一句，第二句。", "尾"])
        #expect(lines("甲<br>乙<BR/>丙<br />丁 and<br>then") == ["甲乙丙丁 and then"])
    }

    // MARK: Front matter and lines

    @Test func yamlFrontMatterIsMetadataNotText() {
        let converted = MarkdownText(Array("---\ntitle: \"防汛讲话\"\ndate: 2024-05-20\nyear: 2024\nauthor: 某\n---\n# 标题\n\n正文。\n".utf8))
        #expect(converted.given == GivenMetadata(title: "防汛讲话", year: 2024, date: "2024-05-20"))
        #expect(String(decoding: converted.text, as: UTF8.self) == "标题\n正文。\n")
        #expect(converted.sourceLines == [7, 9])
        // Without a closing `---` the first line is a thematic break and the rest is text.
        #expect(lines("---\ntitle: 不是元数据\n") == ["title: 不是元数据"])
    }

    @Test func givenMetadataWinsOverWhatIsInferred() {
        let doc = markdownDocument("---\ntitle: 元数据标题\ndate: 2024-05-20\n---\n\n# 正文标题\n\n——2023年1月1日在会议上\n\n同志们：\n")
        #expect(doc.metadata.title == "元数据标题")
        #expect(doc.metadata.date == "2024-05-20")
        #expect(doc.metadata.year == 2024)
        #expect(doc.outline.frontMatter.title.map { doc.text($0.range) } == "正文标题")
        // JSON Lines fields win over the file's own front matter.
        let record = Document(SourceText(name: "r", origin: "r.jsonl#1", bytes: Array("---\ntitle: 元数据\n---\n正文。".utf8),
                                         format: .markdown, given: GivenMetadata(title: "记录标题")))
        #expect(record.metadata.title == "记录标题")
    }

    @Test func everyPlainLineKnowsItsSourceLine() {
        #expect(numbered("# 标题\n\n第一段\n续行。\n\n> 引文\n> 续。\n\n- 一项\n- 二项\n") == [
            "1 标题", "3 第一段续行。", "6 引文续。", "9 一项", "10 二项",
        ])
    }

    @Test func outlineLinesAreMarkdownSourceLines() throws {
        let doc = markdownDocument("# 讲话\n\n同志们：\n\n## 一、加强领导\n\n**一是抓落实。**要求\n各村XX名干部到岗。\n\n## 二、严格督查\n\n另段。\n")
        #expect(doc.outline.frontMatter.title?.line == 1)
        #expect(doc.outline.sections.map(\.line) == [5, 10])
        #expect(doc.outline.points.map(\.line) == [7])
        #expect(doc.outline.sentences.map(\.line) == [3, 7, 7, 12])
        #expect(doc.outline.paragraphs.map(\.line) == [3, 7, 12])
        let placeholder = try #require(PlaceholderFinder.find(in: doc).first)
        #expect(placeholder.text == "XX")
        #expect(doc.line(at: placeholder.range.lowerBound) == 7)
        #expect(DocumentChecks.run(doc).filter { $0.check == "placeholder" }.map { doc.line(at: $0.offset) } == [7])
    }

    @Test func emphasisIsNeverAnUnfilledPlaceholder() {
        let doc = markdownDocument("**一是加强领导。**各村要落实。\n\n***\n\n__二是__严格督查，**到位**。\n")
        #expect(PlaceholderFinder.find(in: doc).isEmpty)
        #expect(doc.sentenceTexts == ["一是加强领导。", "各村要落实。", "二是严格督查，到位。"])
        // The same text read as plain text has `**` gaps.
        #expect(!PlaceholderFinder.find(in: document("**一是加强领导。**各村要落实。\n")).isEmpty)
        // An unpaired `**` in Markdown is a gap still.
        #expect(PlaceholderFinder.find(in: markdownDocument("请**同志发言。\n")).map(\.text) == ["**"])
    }

    @Test func plainTextIsParsedAsBefore() {
        let text = "**一是**加强领导。\n## 一、标题\n"
        let doc = document(text)
        #expect(doc.format == .plain)
        #expect(doc.sourceLines == nil)
        #expect(doc.bytes == Array(text.utf8))
        #expect(doc.line(at: text.utf8.count - 2) == 2)
    }
}

@Suite("Loading Markdown")
struct MarkdownLoadingTests {
    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-md-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theExtensionDecidesTheFormat() throws {
        let dir = try scratchDirectory()
        for name in ["a.md", "b.MD", "c.markdown", "d.Markdown", "e.txt", "f"] {
            try Data("## 一、标题\n".utf8).write(to: dir.appendingPathComponent(name))
        }
        let files = ["a.md", "b.MD", "c.markdown", "d.Markdown", "e.txt", "f"].map { dir.appendingPathComponent($0).path }
        let result = DocumentLoader().load(paths: files)
        #expect(result.sources.map(\.format) == [.markdown, .markdown, .markdown, .markdown, .plain, .plain])
        #expect(result.sources.map { Document($0).outline.sections.count } == [1, 1, 1, 1, 0, 0])
        // A directory walk finds .markdown files too.
        #expect(DocumentLoader().load(paths: [dir.path]).sources.map(\.name) == ["a", "b", "c", "d", "e"])
    }

    @Test func standardInputIsPlain() {
        let result = DocumentLoader().load(paths: ["-"]) { Array("## 一、标题\n".utf8) }
        #expect(result.sources.map(\.format) == [.plain])
    }

    @Test func jsonLinesRecordsMayBeMarkdown() throws {
        let file = try scratchDirectory().appendingPathComponent("r.jsonl")
        try Data("""
        {"title": "甲", "text": "## 一、标题\\n\\n**正文**。", "format": "markdown"}
        {"title": "乙", "text": "## 一、标题"}

        """.utf8).write(to: file)
        let sources = DocumentLoader().load(paths: [file.path]).sources
        #expect(sources.map(\.format) == [.markdown, .plain])
        #expect(Document(sources[0]).sentenceTexts == ["正文。"])
        #expect(Document(sources[0]).outline.sections.map(\.line) == [1])
    }
}
