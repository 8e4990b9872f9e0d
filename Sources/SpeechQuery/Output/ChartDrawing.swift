/// How the terminal table draws the chart its schema declares.
extension Chart {
    /// Narrower than this, a drawing says too little to be worth the columns it takes.
    static let minimumWidth = 10
    /// The width of a drawing when the table is not fitted to a terminal (a pipe without `--width`).
    static let unboundedWidth = 40

    /// Whether the drawing stands in for its column, which the table then leaves out: a
    /// strip says what a list of positions says, while bars go beside their numbers.
    var replacesColumn: Bool {
        if case .strip = self { return true }
        return false
    }

    /// The drawing for each row of `table`, `width` columns wide at most; nil when the
    /// table lacks the column.
    func cells(for table: Table, width: Int) -> [String]? {
        guard let index = table.column(column) else { return nil }
        switch self {
        case .bars: return BarChart.bars(table, column: index, width: width)
        case .strip: return StripChart.strips(table, column: index, width: width)
        }
    }
}
