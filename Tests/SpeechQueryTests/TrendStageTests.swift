import Testing
@testable import SpeechQuery

@Suite("trend and dispersion")
struct TrendStageTests {
    /// Oldest first by year then date, undated documents last; zeros stay.
    @Test func everyDocumentInTimeOrder() {
        let (rows, diagnostics) = RateSpeeches.rows("trend 改革")
        #expect(diagnostics.isEmpty)
        #expect(rows == [
            ["doc", "year", "date", "hits", "chars", "per10k"],
            ["report-2019", "2019", "", "1", "20", "500.00"],
            ["report-2021", "2021", "2021-03-05", "4", "94", "425.53"],
            ["undated", "", "", "0", "9", "0.00"],
        ])
    }

    @Test func countsInTheInputOnly() {
        // Sections leave out the front matter, the opening and the closing; a document
        // without sections is not in the input.
        #expect(RateSpeeches.rows("sections | trend 改革").rows.dropFirst().map { Array($0[3...4]) } == [["1", "11"], ["3", "31"]])
        #expect(RateSpeeches.rows("docs | filter year > 2020 | trend /改革|发展/").rows.dropFirst().map { $0[3] } == ["5"])
    }

    @Test func aDateWithoutAYearStillOrders() {
        let order = [
            DocumentOrder(DocumentMetadata(date: "2020-05"), position: 0),
            DocumentOrder(DocumentMetadata(year: 2020), position: 1),
            DocumentOrder(DocumentMetadata(date: "2020-03-01", year: 2020), position: 2),
            DocumentOrder(DocumentMetadata(), position: 3),
            DocumentOrder(DocumentMetadata(year: 1999), position: 4),
        ].sorted().map(\.position)
        #expect(order == [4, 2, 0, 1, 3])
    }

    /// One row per part of the body, in text order; the front matter is not a part.
    @Test func dispersionByPart() {
        let (rows, diagnostics) = RateSpeeches.rows("dispersion 改革")
        #expect(diagnostics.isEmpty)
        #expect(rows == [
            ["doc", "ref", "heading", "hits", "chars", "per10k"],
            ["undated", "undated:opening", "", "0", "5", "0.00"],
            ["report-2021", "report-2021:opening", "", "1", "19", "526.32"],
            ["report-2021", "report-2021:sec1", "过去一年的工作", "3", "19", "1578.95"],
            ["report-2021", "report-2021:sec2", "今年的任务", "0", "12", "0.00"],
            ["report-2021", "report-2021:closing", "", "0", "13", "0.00"],
            ["report-2019", "report-2019:sec1", "工作回顾", "1", "11", "909.09"],
        ])
        #expect(RateSpeeches.rows("select section 1 | dispersion 改革").rows.dropFirst().map { $0[1] } == ["report-2021:sec1", "report-2019:sec1"])
        // Only the parts the input reaches, and only its text in them.
        #expect(RateSpeeches.rows("sentences | filter 深化 | dispersion 改革").rows.dropFirst().map { Array($0[1...4]) } == [["report-2021:sec1", "过去一年的工作", "3", "10"]])
    }

    /// Positions in thousandths of the characters before each hit, counted by hand: in
    /// report-2021 (94 characters) 改革 starts after 43, 61, 64 and 66 of them.
    @Test func plotGivesWhereEachHitFalls() {
        let (rows, diagnostics) = RateSpeeches.rows("plot 改革")
        #expect(diagnostics.isEmpty)
        #expect(rows == [
            ["doc", "year", "hits", "chars", "positions"],
            ["report-2019", "2019", "1", "20", "850"],
            ["report-2021", "2021", "4", "94", "457 648 680 702"],
            ["undated", "", "0", "9", ""],
        ])
        // The input's text read as one: section 1 of report-2021 is 19 characters.
        #expect(RateSpeeches.rows("select section 1 | plot 改革").rows.dropFirst().map(\.last) == ["727", "578 736 842"])
    }

    @Test func aTermIsRequired() {
        #expect(RateSpeeches.rows("trend").diagnostics.first?.message.hasPrefix("'trend' needs TERM") == true)
        #expect(RateSpeeches.rows("dispersion /x?/").diagnostics.first?.message == "/x?/ can match empty text")
    }
}
