/// `kwic TERM [width N] [within sentence|paragraph]`: keyword in context, as concordancers
/// show it — one row per occurrence of TERM, with the words before and after it inside its
/// sentence (or paragraph) or heading.
enum KwicStage {
    static let defaultWidth = 10

    static let spec = StageSpec(
        name: "kwic",
        summary: "keyword in context: one row per occurrence of TERM, with the text around it in its sentence (or paragraph) or heading",
        parameters: [
            StageParameter("TERM", .term, required: true, "a term, \"quoted text\" or /regex/, as filter takes it"),
            StageParameter("N", keyword: "width", .number, "characters of context on each side (default \(defaultWidth))"),
            StageParameter("UNIT", keyword: "within", .choice(["sentence", "paragraph"]), "how far the context reaches (default sentence)"),
        ],
        example: "select section 2 | kwic 安全 width 6",
        output: RowSchema("occurrence", columns: [
            SharedColumns.doc, SharedColumns.ref, SharedColumns.line,
            Column("left", .text, "the text before the match; sorts by its end, the word next to the match", prose: true, concordance: .before),
            Column("match", .text, "the text that matched", concordance: .match),
            Column("right", .text, "the text after the match", prose: true, concordance: .after),
        ]),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        var width = defaultWidth
        if case .number(let n)? = input.arguments["N"] { width = n }
        guard let term = input.arguments["TERM"]?.searchTerm else { throw StageFailure("'kwic' needs a term", hint: "kwic 安全生产") }
        let matcher = try TermMatcher(term, isInterrupted: input.isInterrupted)
        var rows: [[FieldValue]] = []
        let paragraphs = input.arguments["UNIT"] == .word("paragraph")
        for (k, unit) in units(input, paragraphs: paragraphs).enumerated() {
            if k % 256 == 0, input.isInterrupted() { throw StageFailure("interrupted") }
            let document = input.corpus.documents[unit.document]
            let span = input.corpus.span(of: unit)
            let reference = FieldValue.text(input.corpus.reference(of: unit).description)
            for match in try matcher.ranges(in: document, span) {
                let before = document.text(span.lowerBound..<match.lowerBound).unicodeScalars.suffix(width)
                let after = document.text(match.upperBound..<span.upperBound).unicodeScalars.prefix(width)
                rows.append([.text(document.name), reference, .int(document.line(at: match.lowerBound)),
                             .optional(String(String.UnicodeScalarView(before))), .text(document.text(match)),
                             .optional(String(String.UnicodeScalarView(after)))])
            }
        }
        return rows
    }

    /// What occurrences are sought in, and bound their context: the sentences (or the
    /// paragraphs) and the headings inside the input, each once, in text order within each
    /// document. A sentence selected alone widens to its paragraph when asked.
    static func units(_ input: StageInput, paragraphs: Bool) -> [Node] {
        var seen = Set<Node>()
        let corpus = input.corpus
        var units: [Node] = []
        for node in input.nodes {
            let body = paragraphs
                ? (corpus.children(of: node, kind: .paragraphs) + (corpus.ancestor(of: node, kind: .paragraphs).map { [$0] } ?? []))
                : corpus.children(of: node, kind: .sentences)
            let inside = (body + corpus.children(of: node, kind: .headings))
                .filter { seen.insert($0).inserted }
            units += inside.sorted { corpus.span(of: $0).lowerBound < corpus.span(of: $1).lowerBound }
        }
        return units
    }
}
