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
    ///
    /// When the query has what it needs (a final `limit` is reached) or fails, the rest is
    /// still read, without parsing or querying, for its messages and exit status: what is
    /// said about the inputs, and the status, are the whole run's.
    func run(loader: DocumentLoader, paths: [String], lexicon: AnalysisLexicon, host: OutputHost, summary: inout RunSummary,
             quietAboutEmptyStandardInput: Bool, makeSession: (Corpus, _ header: Bool, LoadedFiles) -> Session) -> Bool {
        let batches = BatchHost(inner: host, ending: plan.ending)
        var loadedAny = false
        var evaluated = false
        var stopped = false
        var lastLoadedFiles = LoadedFiles()
        // What is said about the inputs is said when all are read, in the whole run's order,
        // and what the query said after it (BatchHost holds it back): the same standard error
        // as the whole run's.
        var messages = DocumentLoader.Result(loadedFiles: LoadedFiles())
        loader.load(paths: paths, inBatchesOf: Self.batchBytes) { loaded, isLast in
            var loaded = loaded
            if quietAboutEmptyStandardInput { loaded.skipped.removeAll { $0.reason == .emptyStandardInput } }
            messages.failures += loaded.failures
            messages.skipped += loaded.skipped
            messages.alreadyLoaded += loaded.alreadyLoaded
            loadedAny = loadedAny || !loaded.sources.isEmpty
            lastLoadedFiles = loaded.loadedFiles
            // A batch without documents adds nothing; the query still runs once, so that its
            // errors are reported and an empty result printed, when no batch had any.
            guard !stopped, !loaded.sources.isEmpty || (isLast && !evaluated) else { return true }
            // A header goes with the first rows; a count is printed once, at the end.
            let printsHeader = !evaluated || plan.ending == .count
            let session = makeSession(Corpus(documents: Document.parse(loaded.sources), lexicon: lexicon), printsHeader, loaded.loadedFiles)
            evaluated = true
            let outcome = session.run(source, host: batches)
            summary.add(outcome)
            stopped = outcome.errors > 0 || batches.isDone
            return true
        }
        summary.report(messages)
        batches.sayWhatWasHeldBack()
        if case .count = plan.ending, !batches.failed, let total = batches.total {
            // A session over no documents: the count's table needs none, and the last
            // batch's need not be kept alive while the next one is read.
            host.emit(total, session: makeSession(Corpus(documents: [], lexicon: lexicon), true, lastLoadedFiles))
            if let message = host.endStatement(completed: true) {
                host.report(Diagnostic(message, at: statement.range, in: source, category: .io))
                summary.ioErrors += 1
            }
        }
        summary.lastResultIsEmptyOrZero = batches.total?.isEmptyOrZero ?? batches.everyBatchEmptyOrZero
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
    /// Every batch printed nothing, or counts of zero: the whole result is empty or zero
    /// (`--exit-status`), as each batch's rows are a part of the whole's.
    private(set) var everyBatchEmptyOrZero = true
    /// A batch's statement failed.
    private(set) var failed = false

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
            everyBatchEmptyOrZero = everyBatchEmptyOrZero && shown.isEmptyOrZero
            inner.emit(shown, session: session)
        }
    }

    /// Errors and warnings of the batches, said once the inputs' messages are.
    private var heldBack: [(Diagnostic?, String?)] = []

    func sayWhatWasHeldBack() {
        for (diagnostic, warning) in heldBack {
            if let diagnostic { inner.report(diagnostic) }
            if let warning { inner.warn(warning) }
        }
        heldBack.removeAll()
    }

    func emitText(_ text: String) { inner.emitText(text) }
    func report(_ diagnostic: Diagnostic) {
        failed = true
        heldBack.append((diagnostic, nil))
    }
    func warn(_ message: String) { heldBack.append((nil, message)) }
    func redirectOutput(to path: String?) -> String? { inner.redirectOutput(to: path) }
    func reportTiming(_ duration: Duration) { inner.reportTiming(duration) }
    var textWidth: Int? { inner.textWidth }
    var escapesControlCharacters: Bool { inner.escapesControlCharacters }
    func endStatement(completed: Bool) -> String? { inner.endStatement(completed: completed) }
}
