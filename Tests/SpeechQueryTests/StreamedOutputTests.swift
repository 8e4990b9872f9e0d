import Foundation
import Testing
@testable import SpeechQuery

/// A host that keeps the results a session emits, to render them more than one way.
private final class ResultKeepingHost: SessionHost {
    var results: [QueryResult] = []
    func emit(_ result: QueryResult, session: Session) { results.append(result) }
    func emitText(_ text: String) {}
    func report(_ diagnostic: Diagnostic) { Issue.record("\(diagnostic.message)") }
    func warn(_ message: String) {}
    func redirectOutput(to path: String?) -> String? { nil }
    func reportTiming(_ duration: Duration) {}
}

/// Rows of nodes go to a pipe in pieces as they are made; the pieces joined must be the
/// whole rendering, byte for byte, in every format that streams and in those that do not.
@Suite("Output in pieces")
struct StreamedOutputTests {
    @Test(arguments: ["sentences", "paragraphs", "sentences | filter 安全", "directives", "headings",
                      "sentences | fields ref, text", "kwic 安全", "tasks"])
    func piecesJoinedAreTheWholeRendering(_ query: String) throws {
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        let host = ResultKeepingHost()
        session.run(QuerySource(name: "<test>", text: query), host: host)
        let result = try #require(host.results.first)
        let rowCount = switch result.value {
        case .nodes(let nodes, _): nodes.count
        case .table(let table): table.rows.count
        case .groups: 0
        }
        #expect(rowCount > 7)
        for format in [OutputFormat.tsv, .csv, .jsonl, .json, .table, .line] {
            for header in [false, true] {
                let settings = OutputSettings(format: format, formatIsExplicit: true, header: header)
                let whole = ResultFormatter.render(result, corpus: session.corpus, settings: settings)
                var pieces: [String] = []
                ResultFormatter.render(result, corpus: session.corpus, settings: settings, chunk: 7) { pieces.append($0) }
                #expect(pieces.joined() == whole, "\(query) as \(format), header \(header)")
                // The formats a pipe gets come in pieces of at most seven rows.
                if [.tsv, .csv, .jsonl].contains(format) { #expect(pieces.count == (rowCount + 6) / 7) }
            }
        }
    }
}

/// `fields` at the end of a pipeline leaves its nodes nodes, shown with the fields; whatever
/// reads that result later must see the table `fields` makes anywhere else.
@Suite("Fields at the end of a pipeline")
struct ProjectionTests {
    func output(_ script: String, format: OutputFormat = .tsv) throws -> (String, [String]) {
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        session.format = format
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: script), host: host)
        return (host.output, host.diagnostics.map(\.message))
    }

    @Test(arguments: [
        // The same query with `fields` last (nodes shown with fields) and with a stage after
        // it (the table): later statements that read `_` or a name must see the same table.
        ("sentences | fields ref, text\n_ | sort text desc | limit 3", "sentences | fields ref, text | sort text desc | limit 3"),
        ("let x = sentences | fields ref, text\nx | filter 安全 | count", "sentences | fields ref, text | filter 安全 | count"),
        ("let x = sentences | fields ref, text\nx | fields text | limit 2", "sentences | fields ref, text | fields text | limit 2"),
        ("sentences | show | fields ref, text", "sentences | show | fields ref, text | limit 100000"),
        ("sentences | fields ref, chars\n_ | filter chars > 60 | count", "sentences | fields ref, chars | filter chars > 60 | count"),
    ])
    func laterReadersSeeTheTable(_ lazy: String, _ eager: String) throws {
        for format in [OutputFormat.tsv, .table, .json] {
            let (lazyOutput, lazyErrors) = try output(lazy, format: format)
            let (eagerOutput, eagerErrors) = try output(eager, format: format)
            #expect(lazyErrors.isEmpty && eagerErrors.isEmpty, "\(lazyErrors) \(eagerErrors)")
            // The lazy script prints its first statement too; compare what the last one printed.
            #expect(lazyOutput.hasSuffix(eagerOutput), "\(lazy) as \(format)")
            #expect(!eagerOutput.isEmpty)
        }
    }

    /// A table is no text to compare, whether `fields` ended its pipeline or not.
    @Test func aProjectedResultIsATableToCompare() throws {
        let (_, errors) = try output("let x = sentences | fields ref, text\nlet y = sections\ncompare x y")
        #expect(errors == ["'x' is a table, not text to compare"])
    }
}

@Suite("Delimited fields")
struct DelimitedEscapeTests {
    /// A CRLF is one Character, so a test per Character matched neither \r nor \n and wrote
    /// the line break raw, splitting the row; the test on bytes escapes it.
    @Test func lineBreaksOfEveryKindAreEscaped() {
        #expect(ResultFormatter.escapeTSV("一\r\n二") == "一\\r\\n二")
        #expect(ResultFormatter.escapeTSV("一\t二\\") == "一\\t二\\\\")
        #expect(ResultFormatter.escapeTSV("安全生产") == "安全生产")
        #expect(ResultFormatter.escapeCSV("一\r\n二") == "\"一\r\n二\"")
        #expect(ResultFormatter.escapeCSV("说\"好\"") == "\"说\"\"好\"\"\"")
        #expect(ResultFormatter.escapeCSV("安全，生产") == "安全，生产")
    }
}

@Suite("Kept results and a new lexicon")
struct ProjectionLexiconTests {
    /// A result kept as nodes with its fields still to make was read with the lexicon current
    /// when it was read: `.lexicon` makes it into its table first, under the old one.
    @Test func aKeptResultKeepsTheLexiconItWasMadeUnder() throws {
        let lexicon = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-lexicon-\(UUID().uuidString).txt")
        try "[strong]\n工作\n".write(to: lexicon, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: lexicon) }
        let session = try exampleSession(["safety-production.txt", "economic-work.txt"])
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: """
            let x = sentences | fields ref, directive
            x | filter directive | count
            .lexicon \(lexicon.path)
            x | filter directive | count
            sentences | filter directive | count
            """), host: host)
        #expect(host.diagnostics.isEmpty)
        let counts = host.output.split(separator: "\n")
        #expect(counts.count == 3)
        #expect(counts[0] == counts[1], "the kept result changed with the lexicon")
        #expect(counts[1] != counts[2], "the new lexicon changes nothing, so the test shows nothing")
    }
}
