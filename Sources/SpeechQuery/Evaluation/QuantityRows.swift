/// The rows `numbers` and `targets` share: one per quantity in the input's sentences.
enum QuantityRows {
    /// The schema under `name`: `number` rows and `target` rows have the same columns and
    /// export to tables of their own.
    static func schema(named name: String) -> RowSchema { RowSchema(name, columns: columns) }

    static let columns: [Column] = [
        SharedColumns.doc, SharedColumns.ref, SharedColumns.line,
        Column("indicator", .text, "what the quantity measures: its clause's words before it (国内生产总值增长)", prose: true),
        Column("text", .text, "the quantity as written (6.5%左右, 1100万人以上, 一千二百万元)"),
        Column("value", .decimal, "its number, with 万/亿 applied and Chinese or full-width numerals read; empty for a placeholder (X%)"),
        Column("high", .decimal, "the top of a range (6.5%至7% → 7)"),
        Column("unit", .text, "%, 元, 人, 吨, 公里, 亩, 个百分点 …"),
        Column("qualifier", .text, "左右, 以上, 以内, 以下, 不低于, 不超过, 多, 至 (a range) …"),
        Column("kind", .text, "target (to reach), result (reached) or other"),
        SharedColumns.deadline,
    ]

    struct Row {
        var document: Int
        var quantity: Quantity
        var kind: QuantityKind
        var deadline: String?
        /// 2 in a list of the coming year's targets (今年…主要预期目标是：…), 1 in another list
        /// of targets (十三五时期的主要目标), 0 outside one: which figure `changes` compares.
        var listRank = 0
    }

    /// The quantities of the input's sentences with their kind, in text order.
    static func quantities(_ input: StageInput) -> [Row] {
        let corpus = input.corpus
        let finder = QuantityFinder(lexicon: corpus.classifier.lexicon)
        let deadlines = DeadlineFinder(lexicon: corpus.classifier.lexicon)
        var rows: [Row] = []
        // Whether a sentence before, in the same paragraph, opened a list of targets.
        var targetsSet = false
        var listRank = 0
        var paragraph: (document: Int, index: Int)?
        for sentence in input.sentences {
            let document = corpus.documents[sentence.document]
            let outlineSentence = document.outline.sentences[sentence.index]
            if paragraph.map({ $0.document != sentence.document || $0.index != outlineSentence.paragraph }) ?? true {
                paragraph = (sentence.document, outlineSentence.paragraph)
                targetsSet = false
                listRank = 0
            }
            let found = finder.quantities(in: document, sentence: sentence.index)
            let text = document.text(outlineSentence.range)
            if finder.setsTargets(text) {
                listRank = max(listRank, ["今年", "明年", "全年"].contains(where: text.containsBytes) ? 2 : 1)
            }
            defer { targetsSet = targetsSet || finder.setsTargets(text) }
            guard !found.isEmpty else { continue }
            let analysis = corpus.analysis(of: sentence.document)
            let inPlan = outlineSentence.section.map { finder.isPlanHeading(document.text(document.outline.sections[$0].heading)) } ?? false
            let verdict = analysis.verdicts[sentence.index]
            // The analysis dates a directive's time limit; a sentence that is no order may
            // still set one for its figure (6月底前新开工项目达到30个).
            let deadline = verdict.deadline ?? deadlines.first(in: Array(text.unicodeScalars))
            for quantity in found {
                let kind = finder.kind(of: quantity, sentenceText: text, inReview: analysis.inReview[sentence.index],
                                       isDirective: verdict.isDirective, targetsSet: targetsSet, inPlan: inPlan, hasDeadline: deadline != nil)
                var quantity = quantity
                // 6月底前新开工项目达到30个: the deadline is no part of what is measured.
                if let deadline, quantity.indicator.hasPrefix(deadline.text), quantity.indicator.count > deadline.text.count {
                    quantity.indicator.removeFirst(deadline.text.count)
                }
                rows.append(Row(document: sentence.document, quantity: quantity, kind: kind, deadline: deadline?.text, listRank: listRank))
            }
        }
        return rows
    }

    static func cells(_ row: Row, _ corpus: Corpus) -> [FieldValue] {
        let document = corpus.documents[row.document]
        let quantity = row.quantity
        let deadline = row.kind == .target ? row.deadline : nil
        return [
            .text(document.name), .text(document.reference(sentence: quantity.sentence).description), .int(document.line(at: quantity.range.lowerBound)),
            .optional(quantity.indicator), .text(quantity.text), quantity.value.map(FieldValue.decimal) ?? .null,
            quantity.high.map(FieldValue.decimal) ?? .null, .optional(quantity.unit), .optional(quantity.qualifier),
            .text(row.kind.rawValue), .optional(deadline),
        ]
    }
}
