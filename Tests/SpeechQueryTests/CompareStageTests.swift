import Foundation
import Testing
@testable import SpeechQuery

@Suite("compare")
struct CompareStageTests {
    /// Columns by name, for reading rows.
    static let column = Dictionary(uniqueKeysWithValues: CompareStage.spec.output.columnNames.enumerated().map { ($1, $0) })

    static func value(_ row: [String], _ name: String) -> String { row[column[name]!] }

    /// Rows come by G², highest first; new means in B and nowhere in A.
    static func checkRanking(_ rows: [[String]]) {
        let scores = rows.map { Double(value($0, "g2"))! }
        #expect(scores == scores.sorted(by: >))
        for row in rows {
            let a = Int(value(row, "count_a"))!, b = Int(value(row, "count_b"))!
            #expect(value(row, "new") == String(a == 0 && b > 0), "\(row)")
            #expect(a + b > 0)
            if a > 0, b > 0, Double(value(row, "per10k_b"))! > Double(value(row, "per10k_a"))! { #expect(Double(value(row, "log_ratio"))! > 0, "\(row)") }
        }
    }

    /// An operand is a word, a term or a quoted string (a reference has `:` and `-` in it),
    /// kept as written: what it names is known only when the pipeline runs.
    @Test func operandsParseAsWordsTermsOrStrings() throws {
        let script = try Parser.parse(QuerySource(name: "<test>", text: "select section 2 | compare a2023 \"county-speech:sec2\"\ncompare 疫情段 2017政府工作报告_李克强"))
        let calls = script.statements.compactMap { statement -> StageCall? in
            guard case .pipeline(let pipeline) = statement.kind, case .table(let call)? = pipeline.stages.last?.kind else { return nil }
            return call
        }
        #expect(calls == [StageCall(name: "compare", arguments: ["A": .operand("a2023"), "B": .operand("county-speech:sec2")]),
                          StageCall(name: "compare", arguments: ["A": .operand("疫情段"), "B": .operand("2017政府工作报告_李克强")])])
        #expect(throws: Diagnostic.self) { try Parser.parse(QuerySource(name: "<test>", text: "compare a | count")) }
    }

    /// Two team-written speeches: a safety meeting against an economic-work meeting.
    @Test func twoExampleSpeeches() throws {
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        let rows = session.tsvRows("compare \"safety-production\" \"economic-work\"")
        Self.checkRanking(rows)
        let item = Dictionary(rows.map { (Self.value($0, "item"), $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Self.value(rows[0], "item") == "安全生产")
        #expect(Self.value(item["经济工作"]!, "category") == "term" && Self.value(item["经济工作"]!, "new") == "true")
        // A slogan of the safety speech that the economic one does not use: gone, not new.
        #expect(Self.value(item["三管三必须"]!, "category") == "formulation" && Self.value(item["三管三必须"]!, "count_b") == "0")
        #expect(item["一盘棋"].map { Self.value($0, "category") } == "quote")
        #expect(Self.value(item["directives"]!, "category") == "directives")
        let newInB = rows.filter { Self.value($0, "new") == "true" }.map { Self.value($0, "item") }
        #expect(newInB.contains("项目攻坚年") && newInB.contains("十四五"), "\(newInB)")
    }

    /// Two reports of the county: one JSON Lines file, documents named by their titles.
    @Test func twoCountyReports() throws {
        let session = try exampleSession(["county-work-reports.jsonl"])
        let rows = session.tsvRows("compare 2022年县政府工作报告（节选） 2023年县政府工作报告（节选）")
        Self.checkRanking(rows)
        let directives = try #require(rows.first { Self.value($0, "item") == "directives" })
        #expect(Int(Self.value(directives, "count_a"))! > 0 && Int(Self.value(directives, "count_b"))! > 0)
    }

    /// Operands: a document, a reference typed back, a named result, `_`; only the text
    /// inside the input is compared.
    @Test func operandsResolveWhenThePipelineRuns() throws {
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        func counts(_ query: String) -> [String: (String, String)] {
            let rows = session.tsvRows(query)
            return Dictionary(rows.map { (Self.value($0, "item"), (Self.value($0, "count_a"), Self.value($0, "count_b"))) }, uniquingKeysWith: { a, _ in a })
        }
        let whole = counts("compare \"safety-production\" \"economic-work\"")
        #expect(whole["安全生产"]! == ("8", "3"))
        let sections = counts("compare \"safety-production:sec1\" \"safety-production:sec2\"")
        #expect(sections["directives"] != nil)
        let named = counts("let 经济 = select docs | filter doc = \"economic-work\"\nlet 安全 = select docs | filter doc = \"safety-production\"\ncompare 安全 经济")
        #expect(named["安全生产"]! == ("8", "3"))
        let previous = counts("select docs | filter doc = \"economic-work\"\ncompare \"safety-production\" _")
        #expect(previous["安全生产"]! == ("8", "3"))
        // Within the input: the third sections only.
        let third = counts("select section 3 | compare \"safety-production\" \"economic-work\"")
        #expect(Int(third["安全生产"]?.0 ?? "0")! < 8)
        // No text in the input: no rows, but no error either.
        #expect(counts("sentences | filter \"不会出现的词\" | compare \"safety-production\" \"economic-work\"").isEmpty)
    }

    @Test func unknownOperandsAreReportedAtTheOperand() throws {
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        let cases: [(query: String, underlined: String, message: String, hint: String)] = [
            ("compare \"safety-production\" \"economic-wrk\"", "economic-wrk", "no document, reference or named result", "did you mean 'economic-work'?"),
            ("compare \"safety-production:sec9\" \"economic-work\"", "safety-production:sec9", "safety-production has no sec9", "did you mean"),
            ("let n = count\ncompare n \"economic-work\"", "n", "'n' is a table", "bind nodes"),
        ]
        for (query, underlined, message, hint) in cases {
            let diagnostics = session.diagnostics(query)
            let diagnostic = try #require(diagnostics.first, "\(query)")
            #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
            #expect(diagnostic.hint?.contains(hint) == true, "\(diagnostic.hint ?? "")")
            #expect(String(decoding: Array(query.utf8)[diagnostic.range], as: UTF8.self) == underlined, "\(query)")
        }
        let missing = session.diagnostics("compare \"safety-production\"")
        #expect(missing.first?.message.contains("'compare' needs B") == true, "\(missing.map(\.message))")
    }

    /// The acceptance test on the reports: 1954 against 2017 ranks terms by keyness and
    /// lists the expressions new in 2017.
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func reportsOf1954And2017() throws {
        let documents = try ["1954政府工作报告_周恩来", "2017政府工作报告_李克强"].map { try loadDocument(SharedCorpus.reports.appendingPathComponent($0 + ".txt").path) }
        let session = Session(corpus: Corpus(documents: documents), format: .tsv)
        let rows = session.tsvRows("compare 1954政府工作报告_周恩来 2017政府工作报告_李克强")
        Self.checkRanking(rows)
        let terms = rows.filter { Self.value($0, "category") == "term" }
        #expect(terms.count > 100)
        // 1954's own vocabulary ranks high, falling; 2017's rises and is new.
        let top = terms.prefix(20).map { Self.value($0, "item") }
        #expect(top.contains("资本主义") && top.contains("体制改革"), "\(top)")
        #expect(terms.first { Self.value($0, "item") == "资本主义" }.map { Double(Self.value($0, "log_ratio"))! < 0 } == true)
        let newQuotes = rows.filter { Self.value($0, "new") == "true" && Self.value($0, "category") == "quote" }.map { Self.value($0, "item") }
        for quote in ["一带一路", "互联网+", "放管服", "僵尸企业"] { #expect(newQuotes.contains(quote), "\(quote) in \(newQuotes.prefix(30))") }
        let newTerms = terms.filter { Self.value($0, "new") == "true" }.map { Self.value($0, "item") }
        for term in ["实体经济", "基础设施"] { #expect(newTerms.contains(term), "\(term)") }
        let directives = try #require(rows.first { Self.value($0, "item") == "directives" })
        #expect(Double(Self.value(directives, "log_ratio"))! > 1)
    }
}

@Suite("compare: what counts as a quote")
struct CompareQuoteTests {
    /// A term quoted once in passing stays a term; an expression usually in quotation
    /// marks is a quote.
    @Test func quotedMostOfTheTimeIsAQuote() {
        let a = document("我们要坚持社会主义道路。社会主义建设取得成就。发展社会主义民主。要讲“社会主义”。社会主义事业不断前进。", name: "a")
        let b = document("我们要建设“一带一路”。推进“一带一路”建设。坚持社会主义道路。社会主义建设继续前进。", name: "b")
        let rows = Session(corpus: Corpus(documents: [a, b]), format: .tsv).tsvRows("compare a b | fields item, category")
        let category = Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        #expect(category["一带一路"] == "quote")
        #expect(category["社会主义"] != "quote")
    }
}
