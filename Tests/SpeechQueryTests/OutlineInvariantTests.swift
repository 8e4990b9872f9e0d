import Testing
@testable import SpeechQuery

/// Random documents built from the pieces speeches are made of — markers, terminators,
/// quotes, vocatives, stray bytes — must parse without a crash into a consistent tree.
@Suite("Outline invariants on generated documents")
struct OutlineInvariantTests {
    static let pieces = [
        "一、", "二、", "三、", "十一、", "（一）", "(二)", "（三）", "一是", "二是", "一要", "二要", "第一，", "第二，",
        "首先，", "其次，", "最后，", "同志们，", "各位代表！", "下一篇:", "——2020年1月2日在会议上", "国务院总理　李克强",
        "目录", "要抓好生产", "加快发展", "6.5%", "。", "！", "？", "；", ";", "!", "……", "…", "“", "”", "\"", "'", "）", "(",
        "\n", "\n", "\n", "\r\n", "\r", "　", " ", "\t", "X", "\u{FFFD}", "\u{0}", "各级各部门要落实责任", "这是一个很长的句子，用来凑长度",
    ]

    func randomDocument(_ rng: inout SplitMix) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 0...120, using: &rng) {
            text += Self.pieces.randomElement(using: &rng)!
        }
        var bytes = Array(text.utf8)
        // Now and then a broken UTF-8 sequence, as a damaged file would have.
        if Bool.random(using: &rng), !bytes.isEmpty {
            bytes.insert(0xE4, at: Int.random(in: 0..<bytes.count, using: &rng))
        }
        return bytes
    }

    @Test func generatedDocumentsParseConsistently() {
        var rng = SplitMix(state: 20_261_129)
        for _ in 0..<3_000 {
            let bytes = randomDocument(&rng)
            let source = SourceText(name: "gen", origin: "gen", bytes: TextDecoding.normaliseLineEndings(bytes))
            let doc = Document(source)
            check(doc)
        }
    }

    static let markdownPieces = [
        "# ", "## ", "### ", "####### ", " ##", "**", "*", "__", "_", "\\", "\\*", "`", "``", "```", "~~~", "> ", ">", "- ", "* ",
        "+ ", "1. ", "2) ", "---", "===", "***", "[", "](", ")", "![", "<!--", "-->", "<br>", "<BR/>", "  ", "\n\n", "snake_case",
    ]

    /// Markdown made of speech pieces and markup: the conversion must not crash, must keep
    /// its line map in step with its text, and must give a consistent tree.
    @Test func generatedMarkdownParsesConsistently() {
        var rng = SplitMix(state: 20_261_130)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...120, using: &rng) {
                text += Bool.random(using: &rng) ? Self.markdownPieces.randomElement(using: &rng)! : Self.pieces.randomElement(using: &rng)!
            }
            let bytes = TextDecoding.normaliseLineEndings(Array(text.utf8))
            let sourceLineCount = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            let converted = MarkdownText(bytes)
            let lines = converted.text.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == converted.sourceLines.count)
            #expect(lines.allSatisfy { !$0.isEmpty && !$0.contains(0x0A) })
            #expect(converted.sourceLines == converted.sourceLines.sorted())
            #expect(converted.sourceLines.allSatisfy { (1...sourceLineCount).contains($0) })
            let doc = Document(SourceText(name: "gen", origin: "gen.md", bytes: bytes, format: .markdown))
            check(doc)
            #expect(doc.outline.sentences.allSatisfy { (1...sourceLineCount).contains($0.line) })
        }
    }

    func check(_ doc: Document) {
        let outline = doc.outline
        var previousEnd = 0
        for (index, sentence) in outline.sentences.enumerated() {
            #expect(!sentence.range.isEmpty && sentence.range.lowerBound >= previousEnd && sentence.range.upperBound <= doc.bytes.count)
            previousEnd = sentence.range.upperBound
            let paragraph = outline.paragraphs[sentence.paragraph]
            #expect(paragraph.sentences.contains(index))
            #expect(paragraph.range.contains(sentence.range.lowerBound))
            if let point = sentence.point {
                #expect(outline.points[point].sentences.contains(index))
            }
        }
        // Paragraphs tile the sentences in order.
        var next = 0
        for paragraph in outline.paragraphs {
            #expect(paragraph.sentences.lowerBound == next)
            next = paragraph.sentences.upperBound
        }
        #expect(next == outline.sentences.count)
        // Sections follow one another and own what lies between their headings.
        for (k, section) in outline.sections.enumerated() {
            #expect(section.ordinal == k + 1)
            if k > 0 { #expect(section.paragraphs.lowerBound >= outline.sections[k - 1].paragraphs.upperBound) }
            #expect(outline.paragraphs[section.paragraphs].allSatisfy { $0.section == k && $0.part == .section })
        }
        for point in outline.points {
            let paragraphs = Set(point.sentences.map { outline.sentences[$0].paragraph })
            #expect(paragraphs.count <= 1, "a point reaches past its paragraph")
        }
        let references = outline.sentences.indices.map { doc.reference(sentence: $0).description }
        #expect(Set(references).count == references.count)
    }
}
