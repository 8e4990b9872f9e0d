extension Corpus {
    /// Makes the analyses of the documents of `nodes` that are not made yet, on every core,
    /// so a stage that then asks for them one at a time finds them made. Only speed depends
    /// on it: an analysis not prepared is made when first asked for, as before.
    ///
    /// Each worker asks `isInterrupted` before it starts a document, so Ctrl-C stops the
    /// analysis of a large corpus after the documents in hand; what was made is kept.
    public func prepareAnalyses(of nodes: [Node], isInterrupted: @escaping InterruptCheck = { false }) {
        var seen = Set<Int>()
        let docs = nodes.map(\.document).filter { seen.insert($0).inserted }
        let missing = analyses.missing(among: docs)
        guard missing.count > 1 else { return }
        let made = missing.parallelMap { document in
            isInterrupted() ? nil : DocumentAnalysis(documents[document], classifier: classifier)
        }
        analyses.store(Dictionary(uniqueKeysWithValues: zip(missing, made).compactMap { document, analysis in analysis.map { (document, $0) } }))
    }
}

extension Stage {
    /// Whether the stage reads the directive analysis of the documents of its input nodes:
    /// then `Evaluator` has the analyses made on every core before the stage runs.
    var readsAnalysis: Bool {
        func analysed(_ field: String) -> Bool { NodeFields.named(field)?.isAnalysis ?? false }
        switch kind {
        case .select(let kind, _): return kind == .directives
        case .count(let kind): return kind == .directives
        case .fields(let names), .groupBy(let names): return names.contains(where: analysed)
        case .sort(let keys): return keys.contains { analysed($0.field) }
        case .filter(let predicate): return predicate.fieldNames.contains(where: analysed)
        case .table(let call): return StageCatalogue.named(call.name)?.readsAnalysis ?? false
        default: return false
        }
    }
}

extension Predicate {
    /// The fields the predicate compares or tests.
    var fieldNames: [String] {
        switch self {
        case .comparison(let field, _, _), .truthy(let field): [field]
        case .and(let a, let b), .or(let a, let b): a.fieldNames + b.fieldNames
        case .not(let a): a.fieldNames
        case .term, .regex: []
        }
    }
}
