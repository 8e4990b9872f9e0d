import Testing
@testable import SpeechQuery

@Suite("kwic")
struct KwicStageTests {
    let session = Session(corpus: Corpus(documents: [document("""
    一、抓好安全生产
    安全生产是底线，安全生产是红线。各单位要把安全放在首位。
    二、抓好环境保护
    要守住生态安全。
    """, name: "t")]), format: .tsv)

    func rows(_ query: String) -> [[String]] { session.tsvRows(query) }

    @Test func everyOccurrenceWithItsContextInsideTheSentenceOrHeading() {
        let found = rows("kwic 安全")
        #expect(found.map { $0[1] } == ["t:sec1", "t:sec1.para1.sen1", "t:sec1.para1.sen1", "t:sec1.para1.sen2", "t:sec2.para1.sen1"])
        #expect(found[0].suffix(3) == ["一、抓好", "安全", "生产"])
        #expect(found[1].suffix(3) == ["", "安全", "生产是底线，安全生产"])
        #expect(found[2].suffix(3) == ["安全生产是底线，", "安全", "生产是红线。"])
        #expect(found[4].suffix(3) == ["要守住生态", "安全", "。"])
        #expect(found.map { $0[2] } == ["1", "2", "2", "2", "4"])
    }

    /// No context is an empty value, null in JSON like every other.
    @Test func noContextIsNull() {
        session.format = .jsonl
        defer { session.format = .tsv }
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: "kwic 安全生产是底线"), host: host)
        #expect(host.output.contains(#""left":null"#))
    }

    @Test func widthAndRegexAndSelection() {
        #expect(rows("kwic 安全 width 2").map { Array($0.suffix(3)) }[2] == ["线，", "安全", "生产"])
        #expect(rows("kwic /安全生产是.线/").map { $0[4] } == ["安全生产是底线", "安全生产是红线"])
        #expect(rows("select section 2 | kwic 安全").count == 1)
        #expect(rows("sentences | kwic 安全").count == 4)
        #expect(rows("kwic 不存在").isEmpty)
    }

    @Test func argumentsAreCheckedWhereTheyAreWritten() {
        let cases: [(query: String, message: String, at: String)] = [
            ("kwic", "'kwic' needs TERM", ""), ("kwic 安全 width 0", "width must be at least 1", "0"),
            ("kwic 安全 width 2 width 3", "'width' is given twice", "width 3"), ("kwic GDP", "expected TERM, found the word 'GDP'", "GDP"),
            ("kwic /a*/", "/a*/ can match empty text", "kwic /a*/"),
        ]
        for (query, message, at) in cases {
            let host = CapturingHost()
            session.run(QuerySource(name: "<test>", text: query), host: host)
            let diagnostic = host.diagnostics.first
            #expect(diagnostic?.message.hasPrefix(message) == true, "\(query): \(host.diagnostics.map(\.message))")
            // Where the error points: the text it underlines starts what `at` names.
            let underlined = diagnostic.map { String(decoding: Array(query.utf8)[$0.range.clamped(to: 0..<query.utf8.count)], as: UTF8.self) }
            #expect(underlined?.hasPrefix(at.split(separator: " ").first.map(String.init) ?? "") == true, "\(query) underlines '\(underlined ?? "")'")
        }
    }
}

/// A concordance as a terminal shows it: every match starts at the same display column,
/// whatever the width of the Chinese text before it.
@Suite("kwic at the terminal")
struct KwicLayoutTests {
    static func matchColumns(_ query: String, _ documents: [Document], width: Int) -> (rows: Int, columns: Set<Int>) {
        let session = Session(corpus: Corpus(documents: documents), format: .table)
        let host = RenderingHost(width: width)
        session.run(QuerySource(name: "<test>", text: query), host: host)
        let lines = host.output.split(separator: "\n").dropFirst(2).map(String.init)
        let columns = lines.map { line -> Int in
            let prefix = line.components(separatedBy: "  \u{1B}[1;31m").first ?? line
            return DisplayWidth.columns(of: prefix)
        }
        return (lines.count, Set(columns))
    }

    /// Renders tables as a colour terminal of `width` columns would.
    final class RenderingHost: SessionHost {
        let width: Int
        var output = ""
        init(width: Int) { self.width = width }
        func emit(_ result: QueryResult, session: Session) {
            output += ResultFormatter.render(result, corpus: session.corpus, settings: OutputSettings(format: .table, width: width, color: true))
        }
        func emitText(_ text: String) { output += text }
        func report(_ diagnostic: Diagnostic) { Issue.record("\(diagnostic.message)") }
        func warn(_ message: String) {}
        func redirectOutput(to path: String?) -> String? { nil }
        func reportTiming(_ duration: Duration) {}
    }

    @Test func matchesLineUpOnTheExamples() throws {
        let speech = try loadDocument(PackageFiles.path("examples/speeches/safety-production.txt"))
        for width in [80, 120] {
            let (rows, columns) = Self.matchColumns("kwic 安全", [speech], width: width)
            #expect(rows == 13)
            #expect(columns.count == 1, "width \(width): matches start at columns \(columns)")
        }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func 高质量OnTheReferenceSpeech() throws {
        let speech = try loadDocument(SharedCorpus.referenceSpeech.path)
        let occurrences = speech.text(0..<speech.bytes.count).components(separatedBy: "高质量").count - 1
        let (rows, columns) = Self.matchColumns("kwic 高质量", [speech], width: 100)
        #expect(rows == occurrences)
        #expect(occurrences > 1)
        #expect(columns.count == 1, "matches start at columns \(columns)")
    }
}
