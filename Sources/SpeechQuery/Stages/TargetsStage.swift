/// `targets`: the quantities a speech commits to (kind target: a plan, 目标, 力争, 确保, an
/// order) and those it reports as reached (kind result: a review, 比上年, 完成了).
enum TargetsStage {
    static let spec = StageSpec(
        name: "targets",
        summary: "the quantities set as targets (to reach) and reported as results (reached), with deadlines",
        example: "targets | filter kind = target",
        readsAnalysis: true,
        output: QuantityRows.schema(named: "target"),
        rows: { input in
            QuantityRows.quantities(input).filter { $0.kind != .other && $0.quantity.value != nil }.map { QuantityRows.cells($0, input.corpus) }
        }
    )
}
