/// `freq chars | ngrams N | terms [by doc] [min COUNT]`: how often each Chinese character,
/// each n-gram of N characters, or each term found by the statistics of n-grams
/// (docs/analysis.md) occurs in the input, over all of it or document by document.
enum FreqStage {
    static let longestNGram = 20

    static let spec = StageSpec(
        name: "freq",
        summary: "frequencies of characters, character n-grams or terms found without a dictionary, with their rate per 10,000 characters",
        parameters: [
            StageParameter("UNIT", .choice(["chars", "ngrams", "terms"]), required: true,
                           "chars (Chinese characters), ngrams (N characters in a row within a run of them) or terms (found from n-gram statistics)"),
            StageParameter("N", .number, "with ngrams: how many characters (1 to \(longestNGram))"),
            StageParameter("doc", keyword: "by", .choice(["doc"]), "one table per document instead of one over the whole input"),
            StageParameter("COUNT", keyword: "min", .number,
                           "leave out what occurs fewer times (default: 1; for terms 2, and 1 more per 50,000 characters)"),
        ],
        example: "freq terms | limit 5",
        output: RowSchema("frequency", columns: [
            Column("doc", .text, "the document counted, or empty when counted over the whole input"),
            Column("item", .text, "the character, n-gram or term"),
            Column("chars", .integer, "its length in characters"),
            Column("count", .integer, "occurrences in the input"),
            RateColumns.per10k,
            Column("cohesion", .decimal, "terms: how strongly the weakest split holds, as pointwise mutual information in bits"),
            Column("left_entropy", .decimal, "terms: entropy in nats of what stands before it; high for a unit, low for a fragment"),
            Column("right_entropy", .decimal, "terms: entropy in nats of what stands after it"),
            Column("listed", .boolean, "terms: taken from the lexicon's [terms] list rather than found"),
        ], key: ["doc", "item"]),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard case .word(let unit)? = input.arguments["UNIT"] else { throw StageFailure("'freq' needs chars, ngrams or terms", hint: "freq terms") }
        var length: Int?
        if case .number(let n)? = input.arguments["N"] { length = n }
        switch (unit, length) {
        case ("ngrams", nil): throw StageFailure("'freq ngrams' needs the number of characters", hint: "freq ngrams 2")
        case ("ngrams", let n?) where n > longestNGram:
            throw StageFailure("n-grams are at most \(longestNGram) characters long", hint: "freq ngrams 4", argument: String(n))
        case (_, let n?) where unit != "ngrams": throw StageFailure("only 'freq ngrams' takes a number", hint: "freq \(unit)", argument: String(n))
        default: break
        }
        var minimum: Int?
        if case .number(let n)? = input.arguments["COUNT"] { minimum = n }
        let corpus = input.corpus
        let spans = corpus.spans(of: corpus.textUnits(inside: input.nodes))
        // Over everything: one group; by doc: one group per document.
        let groups: [(doc: FieldValue, spans: [(document: Int, ranges: [Range<Int>])])] =
            input.arguments["doc"] == nil ? [(.null, spans)] : spans.map { (.text(corpus.documents[$0.document].name), [$0]) }
        var rows: [[FieldValue]] = []
        for group in groups {
            if input.isInterrupted() { throw StageFailure("interrupted") }
            let bytes = corpus.byteSpans(group.spans)
            let characters = corpus.characterCount(group.spans)
            let counted: [Counted]
            switch unit {
            case "terms":
                let runs = TermFinder.runs(bytes, lexicon: corpus.classifier.lexicon)
                let terms = TermFinder.terms(in: runs, lexicon: corpus.classifier.lexicon,
                                             minimumCount: minimum ?? TermFinder.defaultMinimumCount(characters: runs.ideographCount), isInterrupted: input.isInterrupted)
                counted = terms.map { Counted(text: $0.text, characters: $0.characters, count: $0.count, term: $0) }
            default:
                counted = nGrams(of: length ?? 1, in: IdeographRuns(bytes), minimumCount: minimum ?? 1)
            }
            if input.isInterrupted() { throw StageFailure("interrupted") }
            for item in counted {
                let term = item.term
                rows.append([group.doc, .text(item.text), .int(item.characters), .int(item.count),
                             RateColumns.per10k(item.count, chars: characters),
                             term?.cohesion.map(FieldValue.decimal) ?? .null,
                             term?.leftEntropy.map(FieldValue.decimal) ?? .null,
                             term?.rightEntropy.map(FieldValue.decimal) ?? .null,
                             term.map { .bool($0.isListed) } ?? .null])
            }
        }
        return rows
    }

    /// One row's worth: what was counted, and the term's measures for terms.
    private struct Counted {
        var text: String
        var characters: Int
        var count: Int
        var term: FoundTerm?
    }

    /// The n-grams of `length` characters occurring `minimumCount` times or more, the most
    /// frequent first, then in character order.
    private static func nGrams(of length: Int, in runs: IdeographRuns, minimumCount: Int) -> [Counted] {
        let table = NGramTable(runs, maximumLength: length, minimumCount: minimumCount)
        guard table.maximumLength == length else { return [] }
        let counts = table.counts[length - 1], firsts = table.firstPositions[length - 1]
        return counts.indices.filter { Int(counts[$0]) >= minimumCount }
            .map { Counted(text: runs.text(at: Int(firsts[$0]), length: length), characters: length, count: Int(counts[$0])) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.unicodeScalars.lexicographicallyPrecedes($1.text.unicodeScalars) }
    }
}
