import SpeechQuery

/// What a run of statements came to, and the exit status that says so. A query error wins
/// (3), then a file that could not be read or written (2), then, under `--exit-status`, an
/// empty or zero last result (1).
struct RunSummary {
    var queryErrors = 0
    var ioErrors = 0
    var lastResult: QueryResult?
    /// Set when the last result was printed in parts (a batched run), whose whole is judged
    /// here instead of `lastResult`.
    var lastResultIsEmptyOrZero: Bool?

    /// Prints the loader's messages on standard error; failures count as I/O errors, an
    /// input skipped or named twice does not (the documents asked for are there, once).
    mutating func report(_ loaded: DocumentLoader.Result) {
        Terminal.printMessages(of: loaded)
        ioErrors += loaded.failures.count
    }

    /// Documents were named and none at all was loaded: the run fails with 2 even when each
    /// input only said it held nothing.
    mutating func nothingLoaded() {
        ioErrors += 1
    }

    mutating func add(_ outcome: Session.Outcome) {
        queryErrors += outcome.queryErrors
        ioErrors += outcome.ioErrors + outcome.inputsNotLoaded
        if let result = outcome.lastResult { lastResult = result }
    }

    func exitStatus(checkingLastResult: Bool) -> Int32 {
        if queryErrors > 0 { return ExitStatus.queryError }
        if ioErrors > 0 { return ExitStatus.usageOrIOError }
        if checkingLastResult, lastResultIsEmptyOrZero ?? lastResult?.isEmptyOrZero ?? true { return ExitStatus.emptyResult }
        return 0
    }
}
