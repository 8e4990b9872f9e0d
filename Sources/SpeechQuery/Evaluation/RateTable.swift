/// `count hits TERM by FIELD` and `count KIND by FIELD`: one row per value of a field of the
/// input nodes, with how many (hits, or nodes of the kind) were counted in the nodes of that
/// value, their characters, and the rate per 10,000 characters. Every value the input has
/// gets a row, zeros included — at the start of a pipeline, every loaded document — in
/// order of first appearance, as `group by` lists its groups.
enum RateTable {
    static func make(_ nodes: [Node], by field: NodeField, counting counted: Column, in corpus: Corpus,
                     isInterrupted: InterruptCheck, count: (Node) throws(StageFailure) -> Int) throws(StageFailure) -> Table {
        var order: [FieldValue] = []
        var totals: [FieldValue: (count: Int, chars: Int)] = [:]
        for (k, node) in nodes.enumerated() {
            if k % 256 == 0, isInterrupted() { throw StageFailure("interrupted") }
            let key = field.value(of: node, in: corpus)
            if totals[key] == nil { order.append(key) }
            let chars = corpus.documents[node.document].characterCount(corpus.span(of: node))
            let total = totals[key, default: (0, 0)]
            totals[key] = (total.count + (try count(node)), total.chars + chars)
        }
        let schema = RowSchema("rate", columns: [field.column, counted, RateColumns.chars, RateColumns.per10k], key: [field.name], chart: .bars(RateColumns.per10k.name))
        return Table(schema: schema, rows: order.map { key in
            let total = totals[key]!
            return [key, .int(total.count), .int(total.chars), RateColumns.per10k(total.count, chars: total.chars)]
        })
    }
}
