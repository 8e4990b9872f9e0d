/// `trend TERM`: how often a term occurs in each document, oldest first — the rate per
/// 10,000 characters makes long and short documents comparable, and a terminal draws it as
/// bars. Every document the input touches has a row, zeros included; at the start of a
/// pipeline that is every loaded document. Hits and characters are counted in the input's
/// text, so `sections | trend 改革` leaves the front matter, opening and closing out.
enum TrendStage {
    static let spec = StageSpec(
        name: "trend",
        summary: "TERM in each document by date: hits, characters and hits per 10,000 characters (bars on a terminal); undated documents last",
        parameters: [
            StageParameter("TERM", .term, required: true, "a term, \"quoted text\" or /regex/, as filter takes it"),
        ],
        example: "trend 安全",
        output: RowSchema("document rate", columns: [
            SharedColumns.doc, NodeFields.named("year")!.column, NodeFields.named("date")!.column,
            RateColumns.hits, RateColumns.chars, RateColumns.per10k,
        ], key: ["doc"], chart: .bars(RateColumns.per10k.name)),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard let term = input.arguments["TERM"]?.searchTerm else { throw StageFailure("'trend' needs a term", hint: "trend 改革") }
        let matcher = try TermMatcher(term, isInterrupted: input.isInterrupted)
        let corpus = input.corpus
        var rows: [(order: DocumentOrder, row: [FieldValue])] = []
        for (k, (doc, spans)) in input.spansByDocument.enumerated() {
            if k % 64 == 0, input.isInterrupted() { throw StageFailure("interrupted") }
            let document = corpus.documents[doc]
            var hits = 0
            for span in spans { hits += try matcher.count(in: document, span) }
            let chars = spans.reduce(0) { $0 + document.characterCount($1) }
            rows.append((DocumentOrder(document.metadata, position: k), [
                .text(document.name), document.metadata.year.map(FieldValue.int) ?? .null, .optional(document.metadata.date),
                .int(hits), .int(chars), RateColumns.per10k(hits, chars: chars),
            ]))
        }
        return rows.sorted { $0.order < $1.order }.map(\.row)
    }
}
