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
