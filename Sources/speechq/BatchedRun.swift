import Foundation
import SpeechQuery

/// A one-shot run of one query that reads each document on its own (`BatchPlan`), over the
/// documents a batch at a time: memory holds one batch, and rows go out as each batch gives
/// them, so `speechq -e 'sentences | fields ref, text' BIG` starts printing at once and stays
/// small. What it prints is what the query prints over all the documents loaded at once:
/// names stay unique across batches, a header is printed once, a final `limit` stops the
/// reading when it is reached, and a final `count` prints the sum.
struct BatchedRun {
    /// About this many bytes of files a batch: enough for both cores to share, small next to
    /// the corpora this is for. `SPEECHQ_BATCH_BYTES` sets it (the tests make batches of a
    /// few files).
    static var batchBytes: Int {
        ProcessInfo.processInfo.environment["SPEECHQ_BATCH_BYTES"].flatMap(Int.init).map { max(1, $0) } ?? 32 << 20
    }

    let source: QuerySource
    let statement: Statement
    let plan: BatchPlan

    /// The batched run of `sources`, when they are one query that can run so and its rows
    /// go out in a format that takes them as they come (a count goes out in any).
    init?(sources: [QuerySource], format: OutputFormat) {
        guard sources.count == 1, let script = try? Parser.parse(sources[0]), script.statements.count == 1,
              case .pipeline(let pipeline) = script.statements[0].kind, let plan = BatchPlan(pipeline)
        else { return nil }
        if case .rows = plan.ending, ![.tsv, .csv, .jsonl].contains(format) { return nil }
        source = sources[0]
        statement = script.statements[0]
        self.plan = plan
    }

    /// Loads `paths` a batch at a time and runs the query over each batch. Returns whether
    /// any document was loaded.
    func run(loader: DocumentLoader, paths: [String], lexicon: AnalysisLexicon, host: OutputHost, summary: inout RunSummary,
             quietAboutEmptyStandardInput: Bool, makeSession: (Corpus, _ header: Bool, LoadedFiles) -> Session) -> Bool {
        let batches = BatchHost(inner: host, ending: plan.ending)
        var loadedAny = false
        var evaluated = false
        var lastSession: Session?
        var failed = false
        loader.load(paths: paths, inBatchesOf: Self.batchBytes) { loaded, isLast in
            var loaded = loaded
            if quietAboutEmptyStandardInput { loaded.skipped.removeAll { $0.reason == .emptyStandardInput } }
            summary.report(loaded)
            loadedAny = loadedAny || !loaded.sources.isEmpty
            // A batch without documents adds nothing; the query still runs once, so that its
            // errors are reported and an empty result printed, when no batch had any.
            guard !loaded.sources.isEmpty || (isLast && !evaluated) else { return true }
            // A header goes with the first rows; a count is printed once, by the last session.
            let printsHeader = !evaluated || plan.ending == .count
            let session = makeSession(Corpus(documents: Document.parse(loaded.sources), lexicon: lexicon), printsHeader, loaded.loadedFiles)
            evaluated = true
            lastSession = session
            let outcome = session.run(source, host: batches)
            summary.add(outcome)
            failed = outcome.errors > 0
            return !failed && !batches.isDone
        }
        if case .count = plan.ending, !failed, let lastSession, let total = batches.total {
            host.emit(total, session: lastSession)
            if let message = host.endStatement(completed: true) {
                host.report(Diagnostic(message, at: statement.range, in: source, category: .io))
                summary.ioErrors += 1
            }
        }
        summary.lastResult = batches.total ?? batches.lastShown
        return loadedAny
    }
}

/// The host each batch's session prints through: rows pass on, cut to what the whole
/// query's `limit` leaves; a count is kept, to be printed once as the sum.
private final class BatchHost: SessionHost {
    let inner: OutputHost
    let ending: BatchPlan.Ending
    private var remaining: Int?
    private var countSoFar = 0
    private var countResult: QueryResult?
    /// The last rows printed that were not empty (else the last printed): for `--exit-status`.
    private(set) var lastShown: QueryResult?

    init(inner: OutputHost, ending: BatchPlan.Ending) {
        self.inner = inner
        self.ending = ending
        if case .rows(let limit) = ending { remaining = limit }
    }

    /// The rows the query asked for have all been printed.
    var isDone: Bool { remaining == 0 }

    /// The count over every batch, as the query's own count result.
    var total: QueryResult? {
        guard var result = countResult, case .table(let table) = result.value, table.columns.count == 1 else { return countResult }
        result.value = .table(Table(schema: table.schema, rows: [[.int(countSoFar)]]))
        return result
    }

    func emit(_ result: QueryResult, session: Session) {
        switch ending {
        case .count:
            if case .table(let table) = result.value, table.rows.count == 1, case .int(let n) = table.rows[0][0] { countSoFar += n }
            countResult = result
        case .rows:
            var shown = result
            if let left = remaining {
                shown = result.limited(to: left)
                remaining = left - shown.rowCount
            }
            if lastShown == nil || shown.rowCount > 0 { lastShown = shown }
            inner.emit(shown, session: session)
        }
    }

    func emitText(_ text: String) { inner.emitText(text) }
    func report(_ diagnostic: Diagnostic) { inner.report(diagnostic) }
    func warn(_ message: String) { inner.warn(message) }
    func redirectOutput(to path: String?) -> String? { inner.redirectOutput(to: path) }
    func reportTiming(_ duration: Duration) { inner.reportTiming(duration) }
    var textWidth: Int? { inner.textWidth }
    var escapesControlCharacters: Bool { inner.escapesControlCharacters }
    func endStatement(completed: Bool) -> String? { inner.endStatement(completed: completed) }
}
