/// `check`: the draft checks (numbering, announced count, residue, placeholders). Checks
/// are about whole documents, so the documents the input touches are checked.
enum CheckStage {
    static let spec = StageSpec(
        name: "check",
        aliases: ["lint"],
        summary: "checks a draft: numbering, announced counts, residue, placeholders, repeats",
        example: "check",
        output: RowSchema("finding", columns: [
            SharedColumns.doc,
            Column("severity", .text, "ok (a check passed) or warning (a problem)"),
            Column("check", .text, "which check: numbering, announced-count, residue, placeholder, repeat"),
            SharedColumns.ref, SharedColumns.line,
            Column("message", .text, "what was found", prose: true),
        ]),
        rows: rows
    )

    static func rows(_ input: StageInput) -> [[FieldValue]] {
        var rows: [[FieldValue]] = []
        for doc in input.documents {
            let document = input.corpus.documents[doc]
            for finding in DocumentChecks.run(document) {
                rows.append([.text(document.name), .text(finding.level.rawValue), .text(finding.check),
                             .text(document.reference(at: finding.offset).description), .int(document.line(at: finding.offset)),
                             .text(finding.message)])
            }
        }
        return rows
    }
}
