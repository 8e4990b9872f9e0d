import Foundation
import Testing
@testable import SpeechQuery

@Suite("freq")
struct FreqStageTests {
    let session = Session(corpus: Corpus(documents: [
        document("一、抓好安全生产\n安全生产是底线，安全是红线。\n", name: "t"),
        document("要守住安全底线。\n", name: "u"),
    ]), format: .tsv)

    func rows(_ query: String) -> [[String]] { session.tsvRows(query) }

    /// Characters are the Chinese ones of sentences and headings (一 of 一、 too), counted
    /// over the whole input, with their rate per 10,000 characters (punctuation included,
    /// as the chars field counts them: 30 here).
    @Test func charactersOverTheInput() {
        let found = rows("freq chars")
        // 全 and 安 four times each among 26 Chinese characters; ties in code point order.
        #expect(found.first == ["", "全", "1", "4", "1333.33", "", "", "", ""])
        #expect(found.reduce(0) { $0 + Int($1[3])! } == 26)
        #expect(!found.contains { $0[1] == "、" || $0[1] == "，" })
        #expect(rows("select docs | filter doc = u | freq chars").count == 7)
    }

    /// N-grams stay inside a run of Chinese characters: none spans the comma.
    @Test func nGramsWithinRuns() {
        let found = rows("freq ngrams 2")
        #expect(found.first?[1] == "安全" && found.first?[3] == "4", "\(found.first ?? [])")
        #expect(!found.contains { $0[1] == "线安" })
        #expect(found.allSatisfy { $0[2] == "2" })
        #expect(rows("freq ngrams 2 min 2").map { $0[1] } == ["安全", "全生", "底线", "生产"])
    }

    @Test func byDocument() {
        let found = rows("freq chars by doc")
        #expect(Set(found.map { $0[0] }) == ["t", "u"])
        #expect(found.first { $0[0] == "u" && $0[1] == "安" }?[4] == "1250.00")
    }

    @Test func argumentsAreChecked() {
        for (query, message) in [("freq ngrams", "needs the number"), ("freq terms 3", "only 'freq ngrams' takes a number"),
                                 ("freq ngrams 21", "at most 20"), ("freq words", "'freq' needs UNIT")] {
            let diagnostics = session.diagnostics(query)
            #expect(diagnostics.first?.message.contains(message) == true, "\(query): \(diagnostics.map(\.message))")
        }
    }

    /// On the examples: the terms of a selection, and the columns every term has.
    @Test func termsOfTheExamples() throws {
        let session = try exampleSession(["economic-work.txt", "safety-production.txt"])
        let found = session.tsvRows("freq terms by doc")
        let economic = found.filter { $0[0] == "economic-work" }.map { $0[1] }
        #expect(economic.first == "经济工作")
        for term in ["招商引资", "营商环境", "高标准农田", "固定资产投资"] { #expect(economic.contains(term), "\(term)") }
        #expect(found.first { $0[0] == "safety-production" }?[1] == "安全生产")
        #expect(found.allSatisfy { Int($0[2])! >= 3 && Double($0[5])! > 0 && Double($0[6])! > 0 && $0[8] == "false" })
        let section = session.tsvRows("select section 3 | freq terms").map { $0[1] }
        #expect(!section.isEmpty && !section.contains("经济工作"))
    }

    /// The user's terms come first-class from a lexicon file.
    @Test func listedTermsFromALexicon() throws {
        let lexicon = AnalysisLexicon.standard.adding(Array("[terms]\n稳中求进\n项目为王\n".utf8))
        let session = try exampleSession(["economic-work.txt"], lexicon: lexicon)
        let found = session.tsvRows("freq terms | filter listed")
        #expect(found.map { $0[1] } == ["稳中求进", "项目为王"])
        #expect(found.map { $0[3] } == ["2", "1"])
    }

    static let referenceTerms = ["疫情防控", "复工复产", "产城融合", "高质量发展", "经济社会发展", "骨干企业", "生态保护",
                                 "基础设施", "决策部署", "党员干部", "各级各部门", "治理现代化"]
    static let functionCharacters: [Character] = ["的", "了", "和", "是", "在", "要", "把", "我", "这", "与", "也", "都"]

    /// The acceptance test on the reference speech: most of the terms a reader picks out are
    /// among the first fifteen, and no term in the first thirty begins or ends with a
    /// function character.
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func theReferenceSpeechsTerms() throws {
        let session = Session(corpus: Corpus(documents: [try loadDocument(SharedCorpus.referenceSpeech.path)]), format: .tsv)
        let top = session.tsvRows("freq terms | limit 30").map { $0[1] }
        let found = Self.referenceTerms.filter { top.prefix(15).contains($0) }
        #expect(found.count >= 8, "\(found.count) of the 12 in the top 15: \(top.prefix(15))")
        #expect(top.count == 30)
        for term in top {
            #expect(!Self.functionCharacters.contains(term.first!) && !Self.functionCharacters.contains(term.last!), "\(term)")
        }
    }

    /// The same rules on government work reports of three eras, not tuned to one text.
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason),
          arguments: ["1978政府工作报告_华国锋", "1998政府工作报告_李鹏", "2017政府工作报告_李克强"])
    func reportsTerms(_ report: String) throws {
        let session = Session(corpus: Corpus(documents: [try loadDocument(SharedCorpus.reports.appendingPathComponent(report + ".txt").path)]), format: .tsv)
        let top = session.tsvRows("freq terms | limit 30").map { $0[1] }
        #expect(top.count == 30)
        for term in top {
            #expect(!Self.functionCharacters.contains(term.first!) && !Self.functionCharacters.contains(term.last!), "\(report): \(term)")
            #expect(!term.contains("的") && !term.contains("一九"), "\(report): \(term)")
        }
        let expected = ["1978政府工作报告_华国锋": "四个现代化", "1998政府工作报告_李鹏": "社会主义市场经济", "2017政府工作报告_李克强": "实体经济"][report]!
        #expect(top.contains(expected), "\(report): \(top)")
    }
}
