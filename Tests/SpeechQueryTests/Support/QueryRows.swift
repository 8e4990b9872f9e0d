@testable import SpeechQuery

/// The rows a query prints as TSV in `session`, split into cells, with the diagnostics it
/// reported: stage tests read results as a table of strings.
func queryRows(_ query: String, in session: Session) -> (rows: [[String]], diagnostics: [Diagnostic]) {
    let host = CapturingHost()
    let format = session.format
    session.format = .tsv
    defer { session.format = format }
    session.run(QuerySource(name: "<test>", text: query), host: host)
    let rows = host.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    return (rows, host.diagnostics)
}

/// A session over the named files of `examples/speeches`, every document of each.
func exampleSession(_ names: [String], lexicon: AnalysisLexicon = .standard) throws -> Session {
    let loaded = DocumentLoader().load(paths: names.map { PackageFiles.path("examples/speeches/\($0)") })
    if let failure = loaded.failures.first { throw failure }
    return Session(corpus: Corpus(documents: loaded.sources.map { Document($0) }, lexicon: lexicon), format: .tsv)
}
