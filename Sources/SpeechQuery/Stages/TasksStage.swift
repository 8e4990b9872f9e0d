/// `tasks`: one row per assignment in the input's directives — the inspection ledger.
enum TasksStage {
    static let spec = StageSpec(
        name: "tasks",
        summary: "who must do what by when: one row per assignment in the directives",
        example: "select section 2 | tasks",
        readsAnalysis: true,
        output: RowSchema("task", columns: [
            SharedColumns.doc, SharedColumns.ref, SharedColumns.line,
            Column("actor", .text, "who is told to act", prose: true),
            Column("role", .text, "the actor's part: lead, responsible or cooperate"),
            Column("action", .text, "what the actor is told to do", prose: true),
            SharedColumns.deadline, SharedColumns.due,
        ]),
        rows: rows
    )

    static func rows(_ input: StageInput) -> [[FieldValue]] {
        let corpus = input.corpus
        var rows: [[FieldValue]] = []
        for sentence in input.sentences {
            let verdict = corpus.verdict(document: sentence.document, sentence: sentence.index)
            guard verdict.isDirective else { continue }
            let document = corpus.documents[sentence.document]
            let reference = FieldValue.text(corpus.reference(of: sentence).description)
            for task in verdict.assignments {
                rows.append([
                    .text(document.name), reference, .int(corpus.line(of: sentence)),
                    .text(task.actor), .text(task.role.rawValue), .text(task.action),
                    .optional(task.deadline?.text),
                    .optional(task.deadline?.normalized(speechDate: document.metadata.speechDate)),
                ])
            }
        }
        return rows
    }
}
