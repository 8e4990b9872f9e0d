/// `dispersion TERM`: where a term falls within each document — one row per part of the
/// speech (the opening, each section, the closing) with its hits, characters and rate per
/// 10,000 characters, drawn as bars on a terminal, so a term the speech dwells on in one
/// section stands out from one spread evenly. The front matter (title, occasion, speaker)
/// is not a part. Hits and characters are counted in the input's text, and only the parts
/// the input reaches have rows: `select section 2 | dispersion 安全` is one row.
enum DispersionStage {
    static let spec = StageSpec(
        name: "dispersion",
        summary: "TERM across each document's opening, sections and closing: hits, characters and hits per 10,000 characters (bars on a terminal)",
        parameters: [
            StageParameter("TERM", .term, required: true, "a term, \"quoted text\" or /regex/, as filter takes it"),
        ],
        example: "dispersion 安全",
        output: RowSchema("part rate", columns: [
            SharedColumns.doc, SharedColumns.ref,
            Column("heading", .text, "the section's heading without its number; empty for the opening and closing", prose: true),
            RateColumns.hits, RateColumns.chars, RateColumns.per10k,
        ], key: ["ref"], chart: .bars(RateColumns.per10k.name)),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard let term = input.arguments["TERM"]?.searchTerm else { throw StageFailure("'dispersion' needs a term", hint: "dispersion 改革") }
        let matcher = try TermMatcher(term, isInterrupted: input.isInterrupted)
        var rows: [[FieldValue]] = []
        for (k, (doc, spans)) in input.spansByDocument.enumerated() {
            if k % 64 == 0, input.isInterrupted() { throw StageFailure("interrupted") }
            let document = input.corpus.documents[doc]
            for division in divisions(of: doc, in: input.corpus) {
                let inside = spans.compactMap { span -> Range<Int>? in
                    let start = max(span.lowerBound, division.span.lowerBound), end = min(span.upperBound, division.span.upperBound)
                    return start < end ? start..<end : nil
                }
                guard !inside.isEmpty else { continue }
                var hits = 0
                for span in inside { hits += try matcher.count(in: document, span) }
                let chars = inside.reduce(0) { $0 + document.characterCount($1) }
                rows.append([.text(document.name), .text(division.reference.description), .optional(division.heading.map(document.text)),
                             .int(hits), .int(chars), RateColumns.per10k(hits, chars: chars)])
            }
        }
        return rows
    }

    /// A division of the speech's body, in text order.
    struct Division {
        let reference: Reference
        let span: Range<Int>
        let heading: Range<Int>?
    }

    /// The opening (the paragraphs before the first section), each section, and the closing;
    /// a document without sections is all opening.
    static func divisions(of doc: Int, in corpus: Corpus) -> [Division] {
        let document = corpus.documents[doc]
        let outline = document.outline
        func paragraphs(_ part: Part) -> Range<Int>? {
            let ranges = outline.paragraphs.lazy.filter { $0.part == part }.map(\.range)
            guard let first = ranges.first, let last = ranges.last else { return nil }
            return first.lowerBound..<last.upperBound
        }
        var divisions: [Division] = []
        if let opening = paragraphs(.preamble) {
            divisions.append(Division(reference: Reference(document: document.name, steps: [.opening]), span: opening, heading: nil))
        }
        for index in outline.sections.indices {
            let section = Node(document: doc, kind: .section, index: index)
            divisions.append(Division(reference: corpus.reference(of: section), span: corpus.span(of: section), heading: outline.sections[index].heading))
        }
        if let closing = paragraphs(.closing) {
            divisions.append(Division(reference: Reference(document: document.name, steps: [.closing]), span: closing, heading: nil))
        }
        return divisions
    }
}
