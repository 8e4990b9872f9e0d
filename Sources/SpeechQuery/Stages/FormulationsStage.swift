/// `formulations`: the numbered slogans (两个责任, 三严三保) the input invokes, with counts.
enum FormulationsStage {
    static let spec = StageSpec(
        name: "formulations",
        summary: "numbered slogans (两个责任, 三严三保) with their counts and references",
        example: "formulations",
        output: RowSchema("formulation", columns: [
            SharedColumns.doc,
            Column("formulation", .text, "the slogan as written", prose: true),
            Column("count", .integer, "times it occurs in the input"),
            Column("line", .integer, "line of its first occurrence"),
            Column("refs", .text, "references of the nodes it occurs in, space-separated"),
        ], key: ["doc", "formulation"]),
        rows: rows
    )

    static func rows(_ input: StageInput) -> [[FieldValue]] {
        let corpus = input.corpus
        var rows: [[FieldValue]] = []
        for (doc, spans) in input.spansByDocument {
            let document = corpus.documents[doc]
            for formulation in FormulationFinder.find(in: document, lexicon: corpus.classifier.lexicon) {
                let inside = formulation.occurrences.filter { offset in spans.contains { $0.contains(offset) } }
                guard let first = inside.first else { continue }
                var references: [String] = []
                for offset in inside {
                    let reference = document.reference(at: offset).description
                    if !references.contains(reference) { references.append(reference) }
                }
                rows.append([.text(document.name), .text(formulation.text), .int(inside.count), .int(document.line(at: first)),
                             .text(references.joined(separator: " "))])
            }
        }
        return rows
    }
}
