import Testing
@testable import SpeechQuery

/// `count hits TERM` and `count … by FIELD`: occurrences rather than sentences, and rates
/// per 10,000 characters.
@Suite("count hits and rates")
struct CountHitsTests {
    func stages(_ text: String) throws -> [StageKind] {
        let script = try Parser.parse(QuerySource(name: "<test>", text: text))
        guard case .pipeline(let pipeline) = script.statements.first?.kind else { return [] }
        return pipeline.stages.map(\.kind)
    }

    @Test func parsesWhatCountCounts() throws {
        #expect(try stages("count hits 改革") == [.tally(Tally(.hits(.text("改革"))))])
        #expect(try stages("count hits \"GDP\" by year") == [.tally(Tally(.hits(.text("GDP")), by: "year"))])
        #expect(try stages("sections | count hits /改革|开放/i by ref") == [.select(.sections, nil), .tally(Tally(.hits(.regex(pattern: "改革|开放", caseInsensitive: true)), by: "ref"))])
        #expect(try stages("count directives by doc") == [.tally(Tally(.nodes(.directives), by: "doc"))])
        // What counted before still parses as before.
        #expect(try stages("count directives") == [.count(.directives)])
        #expect(try stages("count") == [.count(nil)])
    }

    @Test func completionOffersHitsAndTheRateColumns() {
        let completer = Completer(names: [], documents: [], listDirectory: { _ in [] })
        #expect(completer.complete("count h").candidates == ["headings", "hits"])
        #expect(completer.complete("count hits 改革 by ye").candidates == ["year"])
        // Columns are offered by name, whichever stage has them: compare's per side too.
        #expect(completer.complete("trend 改革 | sort per").candidates == ["per10k", "per10k_a", "per10k_b"])
    }

    @Test func occurrencesAreCountedNotSentences() {
        let (rows, diagnostics) = RateSpeeches.rows("count hits 改革")
        #expect(diagnostics.isEmpty)
        #expect(rows == [["hits"], ["5"]])
        // Four sentences hold it; 改革改革 is two occurrences, and they do not overlap.
        #expect(RateSpeeches.rows("sentences | filter 改革 | count").rows.last == ["3"])
        let repeated = Corpus(documents: [document("啊啊啊啊啊。", name: "x")])
        #expect(RateSpeeches.rows("count hits 啊啊", corpus: repeated).rows.last == ["2"])
        #expect(RateSpeeches.rows("count hits /改革+/").rows.last == ["5"])
        #expect(RateSpeeches.rows("sections | count hits 改革").rows.last == ["4"])
    }

    /// Every document is listed, zeros included, with the characters counted in and the rate.
    @Test func byDocumentListsEveryDocumentWithItsRate() {
        let (rows, diagnostics) = RateSpeeches.rows("count hits 改革 by doc")
        #expect(diagnostics.isEmpty)
        #expect(rows == [
            ["doc", "hits", "chars", "per10k"],
            ["undated", "0", "9", "0.00"],
            ["report-2021", "4", "94", "425.53"],
            ["report-2019", "1", "20", "500.00"],
        ])
        #expect(RateSpeeches.rows("count hits 改革 by year").rows.map(\.first) == ["year", "", "2021", "2019"])
        #expect(RateSpeeches.rows("count hits 改革 by doc | sort per10k desc | limit 1").rows.last?.first == "report-2019")
        #expect(RateSpeeches.rows("count hits 改革 by doc | filter per10k > 450").rows.count == 2)
        #expect(RateSpeeches.rows("count hits 改革 by doc | filter per10k < 425.6").rows.count == 3)
    }

    @Test func nodesOfAKindByAFieldHaveARateToo() {
        #expect(RateSpeeches.rows("count sentences by doc").rows == [
            ["doc", "count", "chars", "per10k"],
            ["undated", "1", "9", "1111.11"],
            ["report-2021", "6", "94", "638.30"],
            ["report-2019", "1", "20", "500.00"],
        ])
        #expect(RateSpeeches.rows("sections | count hits 改革 by ref").rows.map { $0[1] } == ["hits", "3", "0", "1"])
    }

    @Test func jsonCarriesTheRateAsANumber() {
        let session = Session(corpus: RateSpeeches.corpus, format: .jsonl)
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: "count hits 改革 by doc | limit 2"), host: host)
        #expect(host.output == """
            {"doc":"undated","hits":0,"chars":9,"per10k":0.00}
            {"doc":"report-2021","hits":4,"chars":94,"per10k":425.53}

            """)
    }

    @Test func mistakesAreReportedWhereTheyAreWritten() {
        let cases: [(query: String, message: String)] = [
            ("count hits GDP", "expected a term after 'hits', found the word 'GDP'"),
            ("count hits 2023", "expected a term after 'hits', found a number"),
            ("count hits", "expected a term, \"quoted text\" or /regex/ after 'hits'"),
            ("count by year", "'count by' needs what to count"),
            ("count hits /a*/", "/a*/ can match empty text"),
            ("count hits 改革 by nosuch", "unknown field 'nosuch'"),
            ("count hits 改革 by doc | count hits 改革", "'count' needs nodes, but its input is a table"),
            ("sentences | count hits 改革 by origin", "sentences have no field 'origin'"),
            ("docs | group by year | count hits 改革", "'count hits 改革' cannot follow 'group by'"),
        ]
        for (query, message) in cases {
            let diagnostics = RateSpeeches.rows(query).diagnostics
            #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(query): \(diagnostics.map(\.message))")
        }
    }
}
