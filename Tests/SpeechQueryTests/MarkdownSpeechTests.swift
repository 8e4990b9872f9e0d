import Foundation
import Testing
@testable import SpeechQuery

/// A speech reads the same whether it is written as plain text or as Markdown: the same
/// outline, sentences, front matter and directive verdicts, with line numbers that point
/// into the Markdown file.
@Suite("Speeches written in Markdown")
struct MarkdownSpeechTests {
    @Test func theFixtureReadsLikeItsPlainTwin() throws {
        let plain = try loadDocument(Fixture.path("flood-season.txt"))
        let markdown = try loadDocument(Fixture.path("flood-season.md"))
        #expect(plain.format == .plain)
        #expect(markdown.format == .markdown)
        expectSameReading(plain: plain, markdown: markdown)
        let outline = markdown.outline
        #expect(outline.sections.map(\.points.count) == [3, 0, 3])
        #expect(outline.subsections.count == 2)
        #expect(outline.sentences.count == 28)
        #expect(markdown.metadata.title == "在全镇防汛工作会议上的讲话")
        #expect(markdown.metadata.occasion == "2024年5月20日在全镇防汛工作会议上")
        #expect(markdown.metadata.speaker == "周海平")
        // Markup is gone from every sentence; the unpaired `*` footnote mark stays.
        #expect(!markdown.sentenceTexts.contains { $0.contains("**") || $0.contains("> ") || $0.hasPrefix("- ") })
        #expect(markdown.sentenceTexts.contains("全镇共有小型水库12座*，其中还有X座没有完成除险加固。"))
    }

    @Test func fixtureLinesPointIntoTheMarkdownFile() throws {
        let path = Fixture.path("flood-season.md")
        let source = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        /// The 1-based number of the first source line that starts with `prefix`.
        func line(_ prefix: String) -> Int? { source.firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 } }

        let doc = try loadDocument(path)
        let outline = doc.outline
        #expect(outline.frontMatter.title?.line == 1)
        #expect(outline.frontMatter.speaker?.line == line("镇长"))
        #expect(outline.sections.map(\.line) == [line("## 一、"), line("## 二、"), line("## 三、")])
        #expect(outline.subsections.map(\.line) == [line("### （一）"), line("### （二）")])
        // A hard-wrapped paragraph's sentences carry the line the paragraph starts on.
        let wrapped = try #require(outline.sentences.first { doc.text($0.range).hasPrefix("刚才") })
        #expect(wrapped.line == line("今年入汛以来"))
        let quote = try #require(outline.paragraphs.first { doc.text($0.range).hasPrefix("宁可十防九空") })
        #expect(quote.line == line("> 宁可"))
        let item = try #require(outline.paragraphs.first { doc.text($0.range).hasPrefix("汛期实行每日") })
        #expect(item.line == line("- 汛期实行每日"))
        let placeholder = try #require(PlaceholderFinder.find(in: doc).first)
        #expect(placeholder.text == "X")
        #expect(doc.line(at: placeholder.range.lowerBound) == line("总体看"))
    }

    @Test func theTeamSpeechWrittenAsMarkdownReadsTheSame() throws {
        let path = PackageFiles.path("examples/speeches/safety-production.txt")
        let plain = try loadDocument(path)
        let markdown = SpeechMarkdown(plain)
        // The conversion really wraps, bolds and marks up, or the comparison proves nothing.
        #expect(markdown.text.contains("## 一、清醒认识当前安全生产形势\n"))
        #expect(markdown.text.contains("### （二）"))
        #expect(markdown.text.contains("**一是思想认识还不到位。**"))
        let lines = markdown.text.components(separatedBy: "\n")
        #expect(lines.count > 2 * plain.outline.paragraphs.count + 10)
        #expect(lines.allSatisfy { $0.count <= 40 || $0.hasPrefix("#") })

        let doc = markdownDocument(markdown.text, name: "safety-production")
        expectSameReading(plain: plain, markdown: doc)
        #expect(doc.outline.sections.map(\.points.count) == [3, 3, 3])
        #expect(doc.outline.sentences.count == 29)
        for (m, p) in zip(doc.outline.sentences, plain.outline.sentences) {
            #expect(m.line == markdown.lineOfPlainLine[p.line], "\(doc.text(m.range))")
        }
        #expect(doc.outline.sections.map(\.line) == plain.outline.sections.map { markdown.lineOfPlainLine[$0.line]! })
    }
}

/// The reference speech converted to Markdown gives the reference outline.
@Suite("Reference speech as Markdown", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct ReferenceSpeechMarkdownTests {
    @Test func theReferenceSpeechWrittenAsMarkdownReadsTheSame() throws {
        let plain = try loadDocument(SharedCorpus.referenceSpeech.path)
        let markdown = SpeechMarkdown(plain)
        #expect(markdown.text.contains("\n## 四、"))
        let doc = markdownDocument(markdown.text, name: "county-speech")
        #expect(doc.outline.sections.count == 4)
        #expect(doc.outline.sections.map(\.points.count) == [4, 3, 7, 4])
        #expect(doc.outline.sentences.count == 104)
        expectSameReading(plain: plain, markdown: doc)
        for (m, p) in zip(doc.outline.sentences, plain.outline.sentences) {
            #expect(m.line == markdown.lineOfPlainLine[p.line], "\(doc.text(m.range))")
        }
    }
}
