/// `plot TERM`: where a term falls along each document, as AntConc's concordance plot — on a
/// terminal one line per document standing for its whole text, each cell marked by the hits
/// in it, so a term bunched in one passage looks unlike one spread through the speech. The
/// rows carry the positions as numbers (thousandths of the text's characters), which TSV,
/// CSV and JSON give as they are. Documents in time order, as `trend` lists them.
enum PlotStage {
    static let spec = StageSpec(
        name: "plot",
        summary: "where TERM falls along each document: its hits' positions, drawn on a terminal as a strip standing for the text",
        parameters: [
            StageParameter("TERM", .term, required: true, "a term, \"quoted text\" or /regex/, as filter takes it"),
        ],
        example: "plot 安全",
        output: RowSchema("document plot", columns: [
            SharedColumns.doc, NodeFields.named("year")!.column, RateColumns.hits, RateColumns.chars,
            Column("positions", .text, "where each hit starts, in thousandths of the characters before it (0–999), space-separated"),
        ], key: ["doc"], chart: .strip("positions")),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard let term = input.arguments["TERM"]?.searchTerm else { throw StageFailure("'plot' needs a term", hint: "plot 改革") }
        let matcher = try TermMatcher(term, isInterrupted: input.isInterrupted)
        var rows: [(order: DocumentOrder, row: [FieldValue])] = []
        for (k, (doc, spans)) in input.spansByDocument.enumerated() {
            if k % 64 == 0, input.isInterrupted() { throw StageFailure("interrupted") }
            let document = input.corpus.documents[doc]
            // The input's text in text order, read as one: a hit's position is the characters
            // before it in that text, counted once by walking from one hit to the next.
            let ordered = spans.sorted { $0.lowerBound < $1.lowerBound }
            let chars = ordered.reduce(0) { $0 + document.characterCount($1) }
            var before = 0
            var positions: [Int] = []
            for span in ordered {
                var from = span.lowerBound
                for offset in try matcher.offsets(in: document, span) {
                    before += document.characterCount(from..<offset)
                    from = offset
                    positions.append(chars > 0 ? before * 1000 / chars : 0)
                }
                before += document.characterCount(from..<span.upperBound)
            }
            rows.append((DocumentOrder(document.metadata, position: k), [
                .text(document.name), document.metadata.year.map(FieldValue.int) ?? .null, .int(positions.count), .int(chars),
                .text(positions.map(String.init).joined(separator: " ")),
            ]))
        }
        return rows.sorted { $0.order < $1.order }.map(\.row)
    }
}
