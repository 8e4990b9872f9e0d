/// `changes A B`: the targets of two texts side by side by indicator — what stayed, was
/// raised or lowered, is new or was dropped — as the first story on a government work report
/// tells it. Indicators match only when worded the same (城镇登记失业率 and 城镇调查失业率
/// are two indicators); docs/analysis.md says why matching stays this conservative.
enum ChangesStage {
    static let spec = StageSpec(
        name: "changes",
        summary: "the targets of A and B side by side by indicator: same, raised, lowered, changed, new or dropped",
        parameters: [
            StageParameter("A", .operand, required: true, "the earlier text: a document, a reference (\"doc:sec2\") or a named result"),
            StageParameter("B", .operand, required: true, "the later text"),
        ],
        example: "changes \"safety-production\" \"economic-work\"",
        readsAnalysis: true,
        output: RowSchema("change", columns: [
            Column("indicator", .text, "what the target measures, as both texts word it", prose: true),
            Column("a", .text, "A's target as written (6.5%-7%), empty when A sets none"),
            Column("b", .text, "B's target as written (6.5%左右), empty when B sets none"),
            Column("unit", .text, "the unit of the values"),
            Column("change", .text, "same, raised, lowered, changed (same value, other qualifier), new or dropped"),
        ], key: ["indicator"]),
        rows: rows
    )

    struct Target {
        var text: String
        var value: Double
        var high: Double?
        var unit: String
        var qualifier: String?
        /// The middle of a range, the value otherwise: what raised and lowered compare.
        var level: Double { high.map { (value + $0) / 2 } ?? value }
    }

    static func rows(_ input: StageInput) throws(StageFailure) -> [[FieldValue]] {
        guard case .operand(let nameA)? = input.arguments["A"], case .operand(let nameB)? = input.arguments["B"] else {
            throw StageFailure("'changes' needs two texts", hint: "changes 2016政府工作报告 2017政府工作报告")
        }
        let a = targets(try input.resolveOperand(nameA), input)
        let b = targets(try input.resolveOperand(nameB), input)
        var rows: [[FieldValue]] = []
        for (indicator, target) in a.list {
            // The same words over different units (万人 and 个) measure different things.
            guard let later = b.byIndicator[indicator], later.unit == target.unit else {
                rows.append([.text(indicator), .text(target.text), .null, .optional(target.unit), .text("dropped")])
                continue
            }
            rows.append([.text(indicator), .text(target.text), .text(later.text), .optional(later.unit), .text(change(target, later))])
        }
        for (indicator, target) in b.list where a.byIndicator[indicator]?.unit != target.unit {
            rows.append([.text(indicator), .null, .text(target.text), .optional(target.unit), .text("new")])
        }
        return rows
    }

    /// Each indicator's target: the one in the list of the year's main targets (今年…主要预期
    /// 目标是：…) over one in another list (十三五时期的主要目标) over any other, the first
    /// of equals; listed in text order.
    static func targets(_ nodes: [Node], _ input: StageInput) -> (list: [(String, Target)], byIndicator: [String: Target]) {
        let side = StageInput(corpus: input.corpus, nodes: nodes, arguments: [:], isInterrupted: input.isInterrupted)
        // Only what lies inside the input counts (select section 2 | changes A B: the second sections).
        let within = Set(input.sentences)
        var chosen: [String: (rank: Int, order: Int, target: Target)] = [:]
        for (order, row) in QuantityRows.quantities(side).enumerated() where row.kind == .target
            && within.contains(Node(document: row.document, kind: .sentence, index: row.quantity.sentence)) {
            let quantity = row.quantity
            // An indicator of a word or two, or one that is only a linking verb (完成, 实现),
            // names nothing that two texts could share.
            guard let value = quantity.value, quantity.indicator.count >= 3 else { continue }
            if let held = chosen[quantity.indicator], held.rank >= row.listRank { continue }
            let target = Target(text: quantity.text, value: value, high: quantity.high, unit: quantity.unit, qualifier: quantity.qualifier)
            chosen[quantity.indicator] = (row.listRank, order, target)
        }
        let list = chosen.sorted { $0.value.order < $1.value.order }.map { ($0.key, $0.value.target) }
        return (list, chosen.mapValues(\.target))
    }

    static func change(_ a: Target, _ b: Target) -> String {
        if a.level < b.level { return "raised" }
        if a.level > b.level { return "lowered" }
        return a.qualifier == b.qualifier && a.high == b.high ? "same" : "changed"
    }
}
