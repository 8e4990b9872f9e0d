/// What an operand of a stage (`compare A B`) names, looked up when the pipeline runs: a
/// result bound with `let` (or `_`, the previous one), then a loaded document by name, then
/// a reference typed back (`"county-speech:sec2"`). Names bound by the user come first, as
/// a local variable hides a global one.
struct OperandResolver {
    let corpus: Corpus
    let bindings: [String: QueryResult]
    let previous: QueryResult?

    func nodes(for operand: String) throws(StageFailure) -> [Node] {
        do throws(StageFailure) {
            return try resolve(operand)
        } catch {
            var located = error
            located.argument = operand
            throw located
        }
    }

    private func resolve(_ operand: String) throws(StageFailure) -> [Node] {
        if operand == "_" {
            guard let previous else { throw StageFailure("no previous result yet", hint: "'_' is the result of the statement before") }
            return try nodes(of: previous, operand)
        }
        if let bound = bindings[operand] { return try nodes(of: bound, operand) }
        if let document = corpus.documents.firstIndex(where: { $0.name == operand }) {
            return [Node(document: document, kind: .document, index: 0)]
        }
        if let reference = Reference(parsing: operand), !reference.steps.isEmpty,
           let document = corpus.documents.firstIndex(where: { $0.name == reference.document }) {
            let nodes = Self.kinds.flatMap { corpus.children(of: Node(document: document, kind: .document, index: 0), kind: $0) }
            if let node = nodes.first(where: { corpus.reference(of: $0) == reference }) { return [node] }
            let references = nodes.filter { $0.kind != .sentence }.map { corpus.reference(of: $0).description }
            let hint = Suggestion.closest(to: operand, among: references).map { "did you mean '\($0)'?" }
            throw StageFailure("\(reference.document) has no \(reference.steps.map(\.text).joined(separator: "."))",
                               hint: hint ?? "'\(reference.document) | select sections | fields ref' lists its sections")
        }
        let names = bindings.keys.sorted() + corpus.documents.map(\.name)
        // A document is often typed by the start of its name (2017政府工作报告 for
        // 2017政府工作报告_李克强), which is too far from the whole for an edit distance.
        let starting = corpus.documents.map(\.name).filter { $0.hasPrefix(operand) }
        let suggestion = starting.count == 1 ? starting[0] : Suggestion.closest(to: operand, among: names)
        throw StageFailure("no document, reference or named result '\(operand)'",
                           hint: suggestion.map { "did you mean '\($0)'?" } ?? "'.docs' lists the documents; name a result with let NAME = …")
    }

    /// The kinds a reference can name, the containers before what they contain, so a
    /// section's reference finds the section rather than its heading.
    private static let kinds: [QueryKind] = [.sections, .subsections, .points, .paragraphs, .sentences, .headings]

    private func nodes(of result: QueryResult, _ operand: String) throws(StageFailure) -> [Node] {
        switch result.materialized(in: corpus).value {
        case .nodes(let nodes, _): return nodes
        case .table: throw StageFailure("'\(operand)' is a table, not text to compare", hint: "bind nodes: let \(operand) = select sections | filter …")
        case .groups: throw StageFailure("'\(operand)' holds groups, not text to compare", hint: "bind nodes: let \(operand) = select sections | filter …")
        }
    }
}
