import Foundation
import Testing
@testable import SpeechQuery

/// One row of `../shared/gold/county-speech.tsv`.
struct GoldSentence {
    var line: Int
    var part: String
    var section: Int?
    var point: Int?
    var directive: Bool
    var actor: String
    var role: String
    var sentence: String

    static func load() throws -> [GoldSentence] {
        let text = try String(contentsOf: SharedCorpus.gold, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { row in
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return GoldSentence(line: Int(f[0])!, part: f[1], section: Int(f[2]), point: Int(f[3]),
                                directive: f[4] == "1", actor: f[5], role: f[6], sentence: f[7])
        }
    }
}

/// The acceptance standard of the outline parser: the reference speech against its gold
/// annotation, in every encoding and line ending the loader accepts.
@Suite("Reference speech acceptance", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct ReferenceSpeechAcceptanceTests {
    func checkOutline(_ doc: Document) throws {
        let outline = doc.outline
        let front = outline.frontMatter
        #expect(front.title.map { doc.text($0.range) } == "县委扩大会议上的讲话5600字")
        #expect(front.subtitles.map { doc.text($0.range) } == ["勇于探索负重奋进开放包容务实重干", "在经济社会高质量高水平发展中展现新作为"])
        #expect(front.occasion.map { doc.text($0.range) } == "--在县委(扩大)会议上的讲话")
        #expect(outline.paragraphs.filter { $0.part == .preamble }.count == 1)
        #expect(outline.sections.map { doc.text($0.headingLine) } == [
            "一、坚持不懈地抓好疫情防控,奋力夺取疫情防控全面胜利",
            "二、积极有序地加快推进复工复产和项目建设,努力把疫情对经济社会发展和民生的影响降低到最低限度",
            "三、加强生态环境保护,建设高质量发展县城",
            "四、加强党的全面领导,进一步营造学的氛围、严的氛围、干的氛围",
        ])
        #expect(outline.sections.map(\.points.count) == [4, 3, 7, 4])
        #expect(outline.sections.map(\.paragraphs.count) == [6, 5, 8, 5])
        #expect(outline.paragraphs.filter { $0.part == .closing }.count == 1)
        #expect(outline.residue.map { doc.text($0.range) } == ["下一篇:在安全生产约谈会上的讲话"])

        let gold = try GoldSentence.load()
        #expect(outline.sentences.count == gold.count)
        #expect(gold.count == 104)
        var mismatches: [String] = []
        for (sentence, expected) in zip(outline.sentences, gold) {
            let actual = (doc.text(sentence.range), sentence.line, sentence.part.rawValue,
                          sentence.section.map { outline.sections[$0].ordinal },
                          sentence.point.map { outline.points[$0].ordinal })
            if actual != (expected.sentence, expected.line, expected.part, expected.section, expected.point) {
                mismatches.append("line \(expected.line): got \(actual), gold \(expected.part) §\(expected.section ?? 0) pt\(expected.point ?? 0) \(expected.sentence)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func utf8() throws {
        try checkOutline(loadDocument(SharedCorpus.referenceSpeech.path))
    }

    /// Writes the reference speech re-encoded to a temporary file and parses that.
    func checkVariant(_ name: String, _ transform: (String) throws -> [UInt8], encoding: SourceEncoding) throws {
        let original = try String(contentsOf: SharedCorpus.referenceSpeech, encoding: .utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-\(UUID().uuidString)-\(name).txt")
        try Data(try transform(original)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let doc = try loadDocument(url.path)
        #expect(doc.encoding == encoding)
        try checkOutline(doc)
    }

    @Test func gb18030() throws {
        try checkVariant("gb18030", { [UInt8](try #require($0.data(using: TextDecoding.gb18030))) }, encoding: .gb18030)
    }

    @Test func utf16WithBOM() throws {
        try checkVariant("utf16le", { [0xFF, 0xFE] + [UInt8]($0.data(using: .utf16LittleEndian)!) }, encoding: .utf16LittleEndian)
        try checkVariant("utf16be", { [0xFE, 0xFF] + [UInt8]($0.data(using: .utf16BigEndian)!) }, encoding: .utf16BigEndian)
    }

    @Test func crlfAndBOM() throws {
        try checkVariant("crlf", { Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }, encoding: .utf8)
        try checkVariant("bom-crlf", { [0xEF, 0xBB, 0xBF] + Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }, encoding: .utf8WithBOM)
    }

    @Test func fullWidthPunctuationParsesTheSame() throws {
        // The reference speech uses half-width commas and parentheses; the reports use
        // full-width ones. Both must give the same outline.
        let original = try String(contentsOf: SharedCorpus.referenceSpeech, encoding: .utf8)
        let fullWidth = original.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        let doc = document(fullWidth, name: "county-speech")
        #expect(doc.outline.sections.map(\.points.count) == [4, 3, 7, 4])
        #expect(doc.outline.sections.map(\.paragraphs.count) == [6, 5, 8, 5])
        #expect(doc.outline.sentences.count == 104)
    }
}

/// All 49 government work reports load, and their outlines are what a reader finds in them.
@Suite("Government work reports", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct GovernmentReportTests {
    func loadAll() throws -> [Document] {
        let result = DocumentLoader().load(paths: [SharedCorpus.reports.path])
        #expect(result.failures.isEmpty, "\(result.failures)")
        return result.sources.map { Document($0) }
    }

    @Test func allFortyNineLoadAndParse() throws {
        let docs = try loadAll()
        #expect(docs.count == 49)
        for doc in docs {
            #expect(!doc.outline.sentences.isEmpty, "\(doc.name) has no sentences")
            #expect(doc.metadata.year != nil, "\(doc.name) has no year")
            #expect(doc.metadata.year.map { doc.name.hasPrefix(String($0)) } == true, "\(doc.name): year \(doc.metadata.year ?? 0)")
            #expect(doc.metadata.date != nil, "\(doc.name) has no date")
            #expect(doc.outline.frontMatter.title != nil, "\(doc.name) has no title")
        }
        // The per-document report the issue asks for, shown in the test log.
        for doc in docs {
            let numbers = doc.outline.sections.map(\.number).map(String.init).joined(separator: ",")
            print("\(doc.name): sections [\(numbers)] subsections \(doc.outline.subsections.count) points \(doc.outline.points.count) paragraphs \(doc.outline.paragraphs.count) sentences \(doc.outline.sentences.count)")
        }
    }

    @Test func sectionsAreNumberedConsecutivelyFromOne() throws {
        // Seven reports have no `一、` sections at all: 1954, 1975 (unnumbered), 1958, 1983,
        // 1985 (only （一） parts), 1964 and 1978 (unnumbered part headings).
        let unsectioned: Set<String> = ["1954", "1958", "1964", "1975", "1978", "1983", "1985"]
        for doc in try loadAll() {
            let numbers = doc.outline.sections.map(\.number)
            if unsectioned.contains(String(doc.name.prefix(4))) {
                #expect(numbers.isEmpty, "\(doc.name): \(numbers)")
            } else {
                #expect(!numbers.isEmpty && numbers == Array(1...numbers.count), "\(doc.name): \(numbers)")
            }
        }
    }

    @Test func knownStructures() throws {
        let docs = Dictionary(uniqueKeysWithValues: try loadAll().map { (String($0.name.prefix(4)), $0) })
        // 1955: a table of contents in the front matter, four sections, numbered lists inside them.
        let r1955 = try #require(docs["1955"])
        #expect(r1955.outline.frontMatter.contents.count == 14)
        #expect(r1955.outline.sections.map(\.line) == [54, 82, 250, 644])
        // 1960: sections numbered by a bare numeral on its own line.
        #expect(docs["1960"]?.outline.sections.count == 4)
        // 1981: every heading run in with its first paragraph.
        #expect(docs["1981"]?.outline.sections.count == 10)
        // 1987: section 三's heading and body share a line, separated by a space.
        let r1987 = try #require(docs["1987"])
        #expect(r1987.text(r1987.outline.sections[2].heading) == "深入改革经济体制和扩大对外开放")
        // 1988: five numbered principles in the review are a list, not sections.
        #expect(docs["1988"]?.outline.sections.first?.line == 90)
        // 2017: nine subsections in section 三, each with run-in heading.
        let r2017 = try #require(docs["2017"])
        #expect(r2017.outline.sections[2].subsections.count == 9)
        #expect(r2017.metadata.speaker == "李克强" && r2017.metadata.role == "国务院总理")
        #expect(r2017.outline.paragraphs.last?.part == .closing)
    }
}
