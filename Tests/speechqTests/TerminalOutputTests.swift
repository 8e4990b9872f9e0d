import Foundation
import SpeechQuery
import Testing

/// Output on terminals of any width, the pager at the prompt, and formats that stay what
/// they were asked to be.
@Suite("Terminal output", .serialized)
struct TerminalOutputTests {
    let speech = SpeechQRun.safetySpeech
    let plain = SpeechQRun.plainEnvironment

    /// The lines of `text` (a terminal's CRLF or a pipe's LF), without colour sequences.
    static func lines(_ text: String) -> [String] {
        let stripped = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
        return stripped.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    }

    static func widest(_ text: String) -> Int {
        lines(text).map { DisplayWidth.columns(of: $0) }.max() ?? 0
    }

    // MARK: Width

    /// Every table the README and docs show, run again at 80 columns: no line is wider.
    @Test func theDocumentedTablesFitEightyColumns() throws {
        let tables = DocumentationExample.all().filter { ($0.command.contains("--format table") || $0.command.hasPrefix("speechq outline")) && !$0.command.contains("| show") }
        #expect(tables.count >= 5)
        for example in tables {
            let arguments = Array(MetaArguments.split(example.command).dropFirst())
            let atEighty = arguments.first == "outline" ? ["outline", "--width", "80"] + arguments.dropFirst() : ["--width", "80"] + arguments
            let run = try SpeechQRun(atEighty, environment: plain)
            #expect(run.status == 0, "\(example.command)")
            #expect(Self.widest(run.stdout) <= 80, "\(example.file):\(example.line) is wider than 80 columns:\n\(run.stdout)")
        }
        // The tour's own example was 103 columns wide; it keeps its refs whole.
        let tour = try SpeechQRun(["--width", "80", "--format", "table", "-e", "sections | filter 隐患 | count points", speech], environment: plain)
        #expect(tour.stdout.contains("safety-production:sec2  "))
        #expect(tour.stdout.contains("突出重点，全面排查整治各类隐患"))
    }

    /// The charts the README and docs show are among the tables checked above, and their
    /// bars reach the edge of 80 columns rather than stopping short of it.
    @Test func theDocumentedChartsFillEightyColumns() throws {
        let charts = DocumentationExample.all().filter { $0.command.contains("--format table") && ($0.command.contains("trend ") || $0.command.contains("dispersion ")) }
        #expect(Set(charts.map(\.file)) == ["README.md", "docs/language.md"])
        for example in charts {
            #expect(example.expected.contains("█"), "\(example.file):\(example.line) shows no bars")
            #expect(Self.widest(example.expected) == 80, "\(example.file):\(example.line) does not fill 80 columns")
        }
    }

    /// The README's `trend` is what a terminal of 80 columns shows, line for line, with no
    /// option but the query; a wider window gets longer bars.
    @Test func theReadmeTrendIsWhatATerminalShows() throws {
        let example = try #require(DocumentationExample.examples(in: "README.md").first { $0.command.contains("trend ") })
        var arguments = Array(MetaArguments.split(example.command).dropFirst())
        for option in ["--format", "--width"] {
            if let at = arguments.firstIndex(of: option) { arguments.removeSubrange(at...(at + 1)) }
        }
        let environment = ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"]
        let eighty = try TerminalSession(arguments: arguments, environment: environment, rows: 24, columns: 80)
        #expect(eighty.exitStatus() == 0)
        #expect(Self.lines(eighty.transcript) == example.expected.components(separatedBy: "\n"), "\(eighty.transcript)")
        let wide = try TerminalSession(arguments: arguments, environment: environment, rows: 24, columns: 132)
        #expect(wide.exitStatus() == 0)
        #expect(Self.widest(wide.transcript) == 132, "\(wide.transcript)")
    }

    @Test func aTerminalOfEightyColumnsGetsATableOfEighty() throws {
        let run = try TerminalSession(arguments: ["-e", "directives | limit 5", speech], environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"], rows: 24, columns: 80)
        let output = try run.expect("交通站")
        #expect(output.contains("safety-production:sec2.sub1.para1.sen1"))
        #expect(run.exitStatus() == 0)
        #expect(Self.widest(run.transcript) <= 80, "\(run.transcript)")
        // COLUMNS wins over the window, as for ls.
        let narrow = try TerminalSession(arguments: ["-e", "directives | limit 5", speech], environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "60"], rows: 24, columns: 80)
        #expect(narrow.exitStatus() == 0)
        #expect(Self.widest(narrow.transcript) <= 60, "\(narrow.transcript)")
        #expect(narrow.transcript.contains("safety-production:sec2.sub1.para1.sen1"))
    }

    @Test func aPipeIsCutOnlyWhenAWidthIsGiven() throws {
        var environment = plain
        environment["COLUMNS"] = "60"
        let piped = try SpeechQRun(["--format", "table", "-e", "directives | limit 5", speech], environment: environment)
        #expect(Self.widest(piped.stdout) > 100)
        #expect(!piped.stdout.contains("…"))
        let cut = try SpeechQRun(["--format", "table", "--width", "60", "-e", "directives | limit 5", speech], environment: plain)
        #expect(Self.widest(cut.stdout) <= 60)
        // TSV is never cut, whatever the width.
        let tsv = try SpeechQRun(["--width", "60", "-e", "directives | limit 1", speech], environment: plain)
        #expect(tsv.stdout.hasPrefix("safety-production\tsafety-production:sec1.para1.sen2\tsentence\t"))
        #expect(!tsv.stdout.contains("…"))
        let tooNarrow = try SpeechQRun(["--width", "10", "-e", "count", speech], environment: plain)
        #expect(tooNarrow.status == 2)
    }

    @Test func theLineFormatShowsOneFieldPerLine() throws {
        let run = try SpeechQRun(["--format", "line", "-e", "tasks | limit 2 | fields ref, actor, role", speech], environment: plain)
        #expect(run.stdout == """
              ref: safety-production:sec1.para1.sen2
            actor: 我们
             role: responsible

              ref: safety-production:sec2.sub1.para1.sen1
            actor: 应急办
             role: lead

            """)
    }

    // MARK: Formats

    @Test func anAskedForFormatHoldsForALoneValue() throws {
        let csv = try SpeechQRun(["--format", "csv", "--header", "-e", "check | limit 1 | fields message", speech], environment: plain)
        #expect(csv.stdout == "message\n\"in order: 3 sections, 3 subsections, 9 points\"\n")
        let json = try SpeechQRun(["--format", "json", "-e", "count points", speech], environment: plain)
        #expect(json.stdout == "[\n  {\n    \"count\": 9\n  }\n]\n")
        let header = try SpeechQRun(["--header", "-e", "count points", speech], environment: plain)
        #expect(header.stdout == "count\n9\n")
        // The default output keeps the shortcut shell scripts rely on.
        let bare = try SpeechQRun(["-e", "count points", speech], environment: plain)
        #expect(bare.stdout == "9\n")
        let dotFormat = try SpeechQRun(["-e", ".format csv\ncheck | limit 1 | fields message", speech], environment: plain)
        #expect(dotFormat.stdout == "\"in order: 3 sections, 3 subsections, 9 points\"\n")
    }

    @Test func aByteOrderMarkStartsEachOutputOnce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-bom-\(UUID().uuidString).csv").path
        let run = try SpeechQRun(["--bom", "--format", "csv", "--header", "-e",
                                  "select section 1 | fields ref\n.output \(path)\nselect section 2 | fields ref\n.output\nselect section 3 | fields ref", speech],
                                 environment: plain)
        #expect(run.stdout == "\u{FEFF}ref\nsafety-production:sec1\nref\nsafety-production:sec3\n")
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(file.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: file.dropFirst(3), as: UTF8.self) == "ref\nsafety-production:sec2\n")
        let without = try SpeechQRun(["--format", "csv", "-e", "select section 1 | fields ref", speech], environment: plain)
        #expect(without.stdout == "safety-production:sec1\n")
    }

    // MARK: The prompt

    func prompt(_ environment: [String: String] = [:], rows: Int = 12, columns: Int = 100) throws -> TerminalSession {
        var env = ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "SPEECHQ_NO_HISTORY": "1", "PATH": "/usr/bin:/bin"]
        env.merge(environment) { $1 }
        let session = try TerminalSession(arguments: ["-q", speech], environment: env, rows: rows, columns: columns)
        try session.expect("speechq> ")
        return session
    }

    @Test func aResultLongerThanTheWindowGoesThroughThePager() throws {
        let repl = try prompt(["PAGER": "sed s/^/paged:/"])
        repl.type("sentences | limit 20 | fields ref\r")
        let long = try repl.expect("speechq> ")
        #expect(long.contains("paged:safety-production:sec1.para1.sen2"), "\(long)")
        // Every row is there: the pager replaces cutting to the window's height.
        #expect(long.components(separatedBy: "paged:safety-production:").count == 21)
        repl.type("sentences | limit 3 | fields ref\r")
        let short = try repl.expect("speechq> ")
        #expect(short.components(separatedBy: "safety-production:").count == 4 && !short.contains("paged:"))
        repl.type(".pager sed s/^/mine:/\r")
        try repl.expect("speechq> ")
        repl.type("sentences | limit 20 | fields ref\r")
        #expect(try repl.expect("speechq> ").contains("mine:safety-production:"))
        repl.type(".pager off\r")
        try repl.expect("speechq> ")
        repl.type("sentences | limit 20 | fields ref\r")
        let unpaged = try repl.expect("speechq> ")
        #expect(!unpaged.contains("mine:") && unpaged.components(separatedBy: "safety-production:").count == 21)
    }

    @Test func aPagerThatCannotStartIsReportedOnceAndTheResultPrinted() throws {
        let repl = try prompt(["PAGER": "/nonexistent/pager"])
        repl.type("sentences | limit 20 | fields ref\r")
        let first = try repl.expect("speechq> ")
        #expect(first.contains("cannot start the pager '/nonexistent/pager'"))
        #expect(first.components(separatedBy: "safety-production:").count == 21)
        repl.type("sentences | limit 20 | fields ref\r")
        let second = try repl.expect("speechq> ")
        #expect(!second.contains("cannot start the pager"))
        #expect(second.components(separatedBy: "safety-production:").count == 21)
    }

    @Test func scriptsOnATerminalAreNeverPaged() throws {
        let run = try TerminalSession(arguments: ["-e", "sentences | fields ref", speech],
                                      environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "PAGER": "sed s/^/paged:/"], rows: 10, columns: 80)
        #expect(run.exitStatus() == 0)
        #expect(run.transcript.contains("safety-production:closing.para1.sen2"))
        #expect(!run.transcript.contains("paged:"))
    }

    @Test func tablesFollowTheWindowWhenItIsResized() throws {
        let repl = try prompt(["PAGER": "cat"], rows: 40, columns: 200)
        repl.type("directives | limit 5\r")
        let wide = try repl.expect("speechq> ")
        #expect(wide.contains("doc  ") && Self.widest(wide) <= 200, "\(wide)")
        repl.resize(rows: 40, columns: 60)
        usleep(100_000)
        repl.type("directives | limit 5\r")
        let narrow = try repl.expect("speechq> ")
        // The typed line is echoed at the old width by the line editor; the result fits the new one.
        let result = Self.lines(narrow).dropFirst()
        #expect(result.allSatisfy { DisplayWidth.columns(of: $0) <= 60 }, "\(narrow)")
        #expect(narrow.contains("safety-production:sec2.sub1.para1.sen1"))
    }
}
