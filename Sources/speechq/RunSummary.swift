import SpeechQuery

/// What a run of statements came to, and the exit status that says so. A query error wins
/// (3), then a file that could not be read or written (2), then, under `--exit-status`, an
/// empty or zero last result (1).
struct RunSummary {
    var queryErrors = 0
    var ioErrors = 0
    var lastResult: QueryResult?

    /// Prints the loader's failures and repeats on standard error; failures count as I/O
    /// errors, a file named twice does not (its documents are there, once).
    mutating func report(_ loaded: DocumentLoader.Result) {
        for failure in loaded.failures { Terminal.printError(failure.description) }
        for repeated in loaded.alreadyLoaded { Terminal.printError(repeated.description) }
        ioErrors += loaded.failures.count
    }

    mutating func add(_ outcome: Session.Outcome) {
        queryErrors += outcome.queryErrors
        ioErrors += outcome.ioErrors + outcome.inputsNotLoaded
        if let result = outcome.lastResult { lastResult = result }
    }

    func exitStatus(checkingLastResult: Bool) -> Int32 {
        if queryErrors > 0 { return ExitStatus.queryError }
        if ioErrors > 0 { return ExitStatus.usageOrIOError }
        if checkingLastResult, lastResult?.isEmptyOrZero ?? true { return ExitStatus.emptyResult }
        return 0
    }
}
