/// `placeholders`: template gaps a draft still has (X, XX, ×××, 20XX年, **, 某某).
enum PlaceholdersStage {
    static let spec = StageSpec(
        name: "placeholders",
        summary: "template gaps left in a draft: X, XX, ×××, 20XX年, **, 某某",
        example: "placeholders",
        output: RowSchema("placeholder", columns: [
            SharedColumns.doc, SharedColumns.ref, SharedColumns.line,
            Column("placeholder", .text, "the gap as written"),
        ]),
        rows: rows
    )

    static func rows(_ input: StageInput) -> [[FieldValue]] {
        var rows: [[FieldValue]] = []
        for (doc, spans) in input.spansByDocument {
            let document = input.corpus.documents[doc]
            for placeholder in PlaceholderFinder.find(in: document) where spans.contains(where: { $0.contains(placeholder.range.lowerBound) }) {
                let offset = placeholder.range.lowerBound
                rows.append([.text(document.name), .text(document.reference(at: offset).description), .int(document.line(at: offset)),
                             .text(placeholder.text)])
            }
        }
        return rows
    }
}
