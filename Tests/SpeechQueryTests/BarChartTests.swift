import Testing
@testable import SpeechQuery

/// Bars drawn after the columns of a table whose schema declares a chart column.
@Suite("Bar charts")
struct BarChartTests {
    @Test func eighthsOfAColumn() {
        #expect(BarChart.bar(10, largest: 10, width: 4) == "████")
        #expect(BarChart.bar(5, largest: 10, width: 4) == "██")
        #expect(BarChart.bar(1, largest: 8, width: 2) == "▎")
        #expect(BarChart.bar(7, largest: 8, width: 1) == "▉")
        #expect(BarChart.bar(9, largest: 16, width: 2) == "█▏")
        // Something is never drawn as nothing, and nothing is drawn as nothing.
        #expect(BarChart.bar(0.01, largest: 1000, width: 4) == "▏")
        #expect(BarChart.bar(0, largest: 10, width: 4) == "")
        #expect(BarChart.bar(3, largest: 0, width: 4) == "")
    }

    @Test func aStripMarksEachCellByItsHits() {
        #expect(StripChart.counts([0, 999, 500, 501], cells: 10) == [1, 0, 0, 0, 0, 2, 0, 0, 0, 1])
        #expect(StripChart.strip([1, 0, 2, 4, 0], largest: 4) == "▕▂ ▄█ ▏")
        #expect(StripChart.strip([1, 0, 9], largest: 100) == "▕▁ ▁▏")
        #expect(StripChart.strip([0, 0], largest: 0) == "▕  ▏")
    }

    /// The strip stands in for the positions it draws and fills the width; a pipe gets the
    /// positions as numbers.
    @Test func aPlotIsAStripInATableAndNumbersElsewhere() {
        let table = render("plot 改革", width: 60)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(!lines[0].contains("positions") && lines.dropFirst(2).allSatisfy { DisplayWidth.columns(of: $0) == 60 && $0.hasSuffix("▏") }, "\(table)")
        // 26 cells: each hit has a cell of its own, as high as the highest.
        #expect(lines[3].filter { $0 == "█" }.count == 4 && lines[4].hasSuffix("     9  ▕" + String(repeating: " ", count: 26) + "▏"), "\(table)")
        #expect(render("plot 改革", format: .tsv, width: 60).contains("457 648 680 702"))
        // Too narrow for a strip: the positions come back as a column.
        #expect(render("plot 改革", width: 40).contains("457 648"))
    }

    func render(_ query: String, format: OutputFormat = .table, width: Int?) -> String {
        let session = Session(corpus: RateSpeeches.corpus, format: format)
        final class Host: SessionHost {
            var output = ""
            let settings: OutputSettings
            init(_ settings: OutputSettings) { self.settings = settings }
            func emit(_ result: QueryResult, session: Session) { output += ResultFormatter.render(result, corpus: session.corpus, settings: settings) }
            func emitText(_ text: String) { output += text }
            func report(_ diagnostic: Diagnostic) { output += "error: \(diagnostic.message)\n" }
            func warn(_ message: String) {}
            func redirectOutput(to path: String?) -> String? { nil }
            func reportTiming(_ duration: Duration) {}
        }
        let host = Host(OutputSettings(format: format, width: width))
        session.run(QuerySource(name: "<test>", text: query), host: host)
        return host.output
    }

    /// The largest value's bar reaches the edge of the width; the others are to scale.
    @Test func barsFillTheWidthTheColumnsLeave() {
        let table = render("trend 改革", width: 70)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.columns(of: $0) <= 70 }, "\(table)")
        #expect(lines.contains { DisplayWidth.columns(of: $0) == 70 && $0.hasPrefix("report-2019") }, "\(table)")
        #expect(lines[1].hasSuffix("  " + String(repeating: "─", count: 70 - DisplayWidth.columns(of: lines[0]) - 2)), "\(table)")
        // 425.53 of 500 in the 2021 report's bar; no bar and no trailing space for zero.
        let full = lines[2].filter { $0 == "█" }.count, part = lines[3].filter { $0 == "█" }.count
        #expect(part == full * 42553 / 50000, "\(table)")
        #expect(lines[4].hasSuffix("0.00"))
        #expect(lines[0].hasSuffix("per10k"))
    }

    @Test func wideColumnsGiveWayToTheBars() {
        let table = render("dispersion 改革", width: 56)
        #expect(table.split(separator: "\n").allSatisfy { DisplayWidth.columns(of: String($0)) <= 56 }, "\(table)")
        #expect(table.contains("█") && !table.contains("heading"), "\(table)")
        // Too narrow for bars even then: the table is shown without them.
        let narrow = render("trend 改革", width: 40)
        #expect(!narrow.contains("█") && narrow.contains("report-2021"), "\(narrow)")
    }

    @Test func onlyTheTerminalTableDrawsBars() {
        #expect(render("trend 改革", width: nil).contains("█"))
        for format in [OutputFormat.tsv, .csv, .json, .jsonl, .line] {
            #expect(!render("trend 改革", format: format, width: 80).contains("█"), "\(format)")
        }
        // Bars stay with their column, and go with it.
        #expect(render("trend 改革 | sort per10k | fields doc, per10k", width: 70).contains("█"))
        #expect(!render("trend 改革 | fields doc, hits", width: 70).contains("█"))
        #expect(render("count hits 改革 by doc", width: 70).contains("█"))
    }
}
