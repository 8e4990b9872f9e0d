import Foundation
import Testing
@testable import SpeechQuery

/// Writes a plain-text speech as Markdown, the way a drafter would: `#` for the title, `##`
/// for sections, `###` for subsections, point leads in bold, a blank line between
/// paragraphs and body paragraphs hard-wrapped at about `width` characters. The outline of
/// the plain text decides which line is what.
struct SpeechMarkdown {
    /// The Markdown text.
    var text: String
    /// For each line number of the plain text, the Markdown line its paragraph starts on.
    var lineOfPlainLine: [Int: Int]

    init(_ plain: Document, width: Int = 30) {
        let outline = plain.outline
        let sectionLines = Set(outline.sections.map(\.line))
        let subsectionLines = Set(outline.subsections.map(\.line))
        let frontLines = Set([outline.frontMatter.title, outline.frontMatter.occasion, outline.frontMatter.speaker].compactMap { $0?.line }
            + outline.frontMatter.subtitles.map(\.line))
        // The byte length of each point's lead sentence, by the line whose paragraph it leads.
        var leadLength: [Int: Int] = [:]
        for point in outline.points where point.leadsParagraph {
            leadLength[point.line] = point.heading.count
        }
        var out: [String] = []
        var lineOfPlainLine: [Int: Int] = [:]
        let lines = String(decoding: plain.bytes, as: UTF8.self).components(separatedBy: "\n")
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if !out.isEmpty { out.append("") }
            lineOfPlainLine[number] = out.count + 1
            if number == outline.frontMatter.title?.line {
                out.append("# " + line)
            } else if sectionLines.contains(number) {
                out.append("## " + line)
            } else if subsectionLines.contains(number) {
                out.append("### " + line)
            } else if frontLines.contains(number) {
                out.append(line)
            } else {
                var body = line
                if let length = leadLength[number] {
                    let bytes = Array(line.utf8)
                    body = "**" + String(decoding: bytes[..<length], as: UTF8.self) + "**" + String(decoding: bytes[length...], as: UTF8.self)
                }
                out += Self.hardWrapped(body, width: width)
            }
        }
        text = out.joined(separator: "\n") + "\n"
        self.lineOfPlainLine = lineOfPlainLine
    }

    /// `line` broken into lines of about `width` characters. A break goes only between two
    /// CJK characters, so joining them back needs no space, and never before a numeral or
    /// an opening bracket, where the line would look like a `一、` or `（一）` heading.
    static func hardWrapped(_ line: String, width: Int) -> [String] {
        let characters = Array(line)
        var lines: [String] = []
        var start = 0
        var i = width
        while i < characters.count {
            let breakable = !characters[i - 1].isASCII && !characters[i].isASCII
                && !characters[i - 1].isWhitespace && !characters[i].isWhitespace
                && !"一二三四五六七八九十（(".contains(characters[i])
            if breakable {
                lines.append(String(characters[start..<i]))
                start = i
                i += width
            } else {
                i += 1
            }
        }
        lines.append(String(characters[start...]))
        return lines
    }
}

/// What must agree between a speech read as plain text and the same speech read as
/// Markdown: the outline's shape, every sentence, the front matter and the verdicts.
func expectSameReading(plain: Document, markdown: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    let p = plain.outline, m = markdown.outline
    #expect(m.sections.count == p.sections.count, sourceLocation: sourceLocation)
    #expect(m.sections.map(\.points.count) == p.sections.map(\.points.count), sourceLocation: sourceLocation)
    #expect(m.sections.map(\.subsections.count) == p.sections.map(\.subsections.count), sourceLocation: sourceLocation)
    #expect(m.subsections.map(\.points.count) == p.subsections.map(\.points.count), sourceLocation: sourceLocation)
    #expect(m.sections.map { markdown.text($0.headingLine) } == p.sections.map { plain.text($0.headingLine) }, sourceLocation: sourceLocation)
    #expect(m.paragraphs.count == p.paragraphs.count, sourceLocation: sourceLocation)
    #expect(markdown.sentenceTexts == plain.sentenceTexts, sourceLocation: sourceLocation)
    #expect(m.sentences.map(\.part) == p.sentences.map(\.part), sourceLocation: sourceLocation)
    #expect(m.sentences.map(\.point) == p.sentences.map(\.point), sourceLocation: sourceLocation)
    #expect(markdown.metadata == plain.metadata, sourceLocation: sourceLocation)
    #expect(m.residue.map { markdown.text($0.range) } == p.residue.map { plain.text($0.range) }, sourceLocation: sourceLocation)
    let classifier = DirectiveClassifier()
    #expect(DocumentAnalysis(markdown, classifier: classifier).verdicts == DocumentAnalysis(plain, classifier: classifier).verdicts,
            sourceLocation: sourceLocation)
}

/// A document read from Markdown `text`.
func markdownDocument(_ text: String, name: String = "test") -> Document {
    Document(SourceText(name: name, origin: name + ".md", bytes: Array(text.utf8), format: .markdown))
}
