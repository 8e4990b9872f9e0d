/// `compare A B`: what sets B apart from A — the terms (found as `freq terms` finds them, in
/// each), quoted expressions, numbered formulations and directive sentences of each side,
/// ranked by keyness (log-likelihood G², with log ratio as the effect size), with what B
/// has and A has not at all marked new: the "new formulations" of a report.
enum CompareStage {
    static let spec = StageSpec(
        name: "compare",
        summary: "B against A: terms, quotations, formulations and directives by keyness (G²), marking what is new in B",
        parameters: [
            StageParameter("A", .operand, required: true, "the text compared with: a document, a reference (\"doc:sec2\") or a named result"),
            StageParameter("B", .operand, required: true, "the text compared, whose items absent from A are new"),
        ],
        example: "compare \"safety-production\" \"economic-work\"",
        readsAnalysis: true,
        output: RowSchema("keyness", columns: [
            Column("item", .text, "the term, quoted expression or formulation; 'directives' for the directive sentences"),
            Column("category", .text, "term, quote, formulation or directives"),
            Column("count_a", .integer, "occurrences in A (directive sentences, for directives)"),
            Column("count_b", .integer, "occurrences in B"),
            Column("per10k_a", .decimal, "occurrences per 10,000 characters of A, as per10k counts them"),
            Column("per10k_b", .decimal, "occurrences per 10,000 characters of B"),
            Column("g2", .decimal, "log-likelihood G² of the difference: above 3.84 p < 0.05, above 10.83 p < 0.001"),
            Column("log_ratio", .decimal, "log2 of B's rate over A's (a zero count as 0.5): 1 twice as frequent in B, -1 half as"),
            Column("new", .boolean, "in B and nowhere in A"),
        ], key: ["item", "category"]),
        rows: rows
    )

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard case .operand(let nameA)? = input.arguments["A"], case .operand(let nameB)? = input.arguments["B"] else {
            throw StageFailure("'compare' needs two texts", hint: "compare 2016政府工作报告 2017政府工作报告")
        }
        let corpus = input.corpus
        // Only the text inside the input is compared: everything at the start of a pipeline,
        // or what a selection kept (select section 2 | compare A B: the second sections).
        let within = corpus.textUnits(inside: input.nodes)
        let a = Side(corpus.textUnits(inside: try input.resolveOperand(nameA)).intersection(within), corpus)
        let b = Side(corpus.textUnits(inside: try input.resolveOperand(nameB)).intersection(within), corpus)
        var items: [(text: String, category: String, a: Int, b: Int)] = []
        var listed = Set<String>()
        func add(_ text: String, _ category: String, _ countA: Int, _ countB: Int) {
            guard countA + countB > 0, listed.insert(text).inserted else { return }
            items.append((text, category, countA, countB))
        }

        let both = a.units.union(b.units)
        let documents = Set(both.map(\.document)).sorted()
        for document in documents {
            for formulation in FormulationFinder.find(in: corpus.documents[document], lexicon: corpus.classifier.lexicon) {
                let length = formulation.text.utf8.count
                add(formulation.text, "formulation",
                    formulation.occurrences.count { a.holds(document, $0, length) }, formulation.occurrences.count { b.holds(document, $0, length) })
            }
        }
        if input.isInterrupted() { throw StageFailure("interrupted") }
        // An expression is a quote when it stands in quotation marks at least half the time;
        // a term quoted once in passing (社会主义) stays a term.
        var passingQuotes: [String] = []
        for quote in quotations(in: both, corpus) {
            let bytes = Array(quote.utf8)
            let total = a.occurrences(of: bytes) + b.occurrences(of: bytes)
            let quoted = [("“", "”"), ("「", "」"), ("\"", "\"")].reduce(0) { sum, marks in
                let marked = Array((marks.0 + quote + marks.1).utf8)
                return sum + a.occurrences(of: marked) + b.occurrences(of: marked)
            }
            if 2 * quoted >= total {
                add(quote, "quote", a.occurrences(of: bytes), b.occurrences(of: bytes))
            } else {
                passingQuotes.append(quote)
            }
        }
        // Each side's terms are found in its own text: measured over both, a term of one side
        // would seem more cohesive for the other side's characters around it.
        var terms: [FoundTerm] = []
        for side in [a, b] {
            terms += TermFinder.terms(in: side.runs, lexicon: corpus.classifier.lexicon,
                                      minimumCount: TermFinder.defaultMinimumCount(characters: side.runs.ideographCount), isInterrupted: input.isInterrupted)
            if input.isInterrupted() { throw StageFailure("interrupted") }
        }
        for term in terms {
            let bytes = Array(term.text.utf8)
            add(term.text, "term", a.occurrences(of: bytes), b.occurrences(of: bytes))
        }
        for quote in passingQuotes {
            let bytes = Array(quote.utf8)
            add(quote, "quote", a.occurrences(of: bytes), b.occurrences(of: bytes))
        }
        add("directives", "directives", a.directives, b.directives)

        let scored = items.map { item in
            (item, Keyness.logLikelihood(item.a, in: a.characters, item.b, in: b.characters))
        }
        return scored.sorted { x, y in
            if x.1 != y.1 { return x.1 > y.1 }
            if x.0.b != y.0.b { return x.0.b > y.0.b }
            return x.0.text.unicodeScalars.lexicographicallyPrecedes(y.0.text.unicodeScalars)
        }.map { item, g2 in
            [.text(item.text), .text(item.category), .int(item.a), .int(item.b),
             RateColumns.per10k(item.a, chars: a.characters), RateColumns.per10k(item.b, chars: b.characters), .decimal(g2),
             Keyness.logRatio(item.a, in: a.characters, item.b, in: b.characters).map(FieldValue.decimal) ?? .null,
             .bool(item.a == 0 && item.b > 0)]
        }
    }

    /// The expressions in quotation marks (“…”, 「…」, "…") of the units, each once, in text
    /// order: two to twenty characters, at least two of them Chinese. Numbered slogans among
    /// them are formulations, listed as such.
    static func quotations(in units: Set<Node>, _ corpus: Corpus) -> [String] {
        var seen = Set<String>()
        var quotations: [String] = []
        for (document, ranges) in corpus.spans(of: units) {
            for range in ranges {
                for phrase in FormulationFinder.quotedPhrases(corpus.documents[document].text(range))
                where phrase.unicodeScalars.count(where: { Ideographs.contains($0.value) }) >= 2 && !FormulationFinder.isFormulation(phrase) {
                    if seen.insert(phrase).inserted { quotations.append(phrase) }
                }
            }
        }
        return quotations
    }

    /// One side of the comparison: its sentences and headings, where they lie, its text as
    /// terms are found in it, and its size.
    private struct Side {
        let units: Set<Node>
        let spans: [(document: Int, ranges: [Range<Int>])]
        let runs: IdeographRuns
        /// Non-whitespace characters, as `chars` counts them: what rates and keyness are per.
        let characters: Int
        let directives: Int
        private let corpus: Corpus

        init(_ units: Set<Node>, _ corpus: Corpus) {
            self.units = units
            self.corpus = corpus
            spans = corpus.spans(of: units)
            runs = TermFinder.runs(corpus.byteSpans(spans), lexicon: corpus.classifier.lexicon)
            characters = corpus.characterCount(spans)
            directives = units.count { $0.kind == .sentence && corpus.isDirective(document: $0.document, sentence: $0.index) }
        }

        /// Occurrences of `needle` wholly inside the side's spans, not overlapping.
        func occurrences(of needle: [UInt8]) -> Int {
            var total = 0
            for (document, ranges) in spans {
                guard let first = ranges.first, let last = ranges.last else { continue }
                let offsets = corpus.documents[document].bytes.withUnsafeBufferPointer { buffer in
                    ByteSearch.all(needle, in: buffer, range: first.lowerBound..<max(first.lowerBound, last.upperBound))
                }
                total += offsets.count { Self.inside(ranges, $0, needle.count) }
            }
            return total
        }

        /// Whether `length` bytes at `offset` of `document` lie inside one of the side's spans.
        func holds(_ document: Int, _ offset: Int, _ length: Int) -> Bool {
            guard let ranges = spans.first(where: { $0.document == document })?.ranges else { return false }
            return Self.inside(ranges, offset, length)
        }

        /// Binary search for the last range starting at or before `offset`, in sorted ranges.
        private static func inside(_ ranges: [Range<Int>], _ offset: Int, _ length: Int) -> Bool {
            var low = 0, high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low > 0 && offset + length <= ranges[low - 1].upperBound
        }
    }
}
