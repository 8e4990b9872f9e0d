@testable import SpeechQuery

extension Session {
    /// What `query` reports when it fails, for tests of errors (`tsvRows` expects none).
    func diagnostics(_ query: String) -> [Diagnostic] {
        let host = CapturingHost()
        run(QuerySource(name: "<test>", text: query), host: host)
        return host.diagnostics
    }
}

/// A TSV session over the named files of `examples/speeches`, every document of each (a
/// JSON Lines file holds several).
func exampleSession(_ names: [String], lexicon: AnalysisLexicon = .standard) throws -> Session {
    let loaded = DocumentLoader().load(paths: names.map { PackageFiles.path("examples/speeches/\($0)") })
    if let failure = loaded.failures.first { throw failure }
    return Session(corpus: Corpus(documents: loaded.sources.map { Document($0) }, lexicon: lexicon), format: .tsv)
}
