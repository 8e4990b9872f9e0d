/// `numbers`: every quantity the input states, with what it measures, its value, unit and
/// qualifier — the table a reader otherwise copies out by hand.
enum NumbersStage {
    static let spec = StageSpec(
        name: "numbers",
        summary: "every quantity stated: indicator, value as written and as a number, unit, qualifier, target or result",
        example: "numbers",
        readsAnalysis: true,
        output: QuantityRows.schema(named: "number"),
        rows: { input in QuantityRows.quantities(input).map { QuantityRows.cells($0, input.corpus) } }
    )
}
