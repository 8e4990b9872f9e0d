/// Horizontal bars of block characters, as a terminal table draws a `Chart.bars` column:
/// a full block (█) for each whole column and one of ▏▎▍▌▋▊▉ for the eighths left over, so a
/// bar of W columns has 8·W steps. The largest value fills the width. A value above zero
/// shows at least an eighth, so a few never look like none; zero, empty and negative values
/// show no bar.
enum BarChart {
    private static let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` when `largest` fills `width` columns.
    static func bar(_ value: Double, largest: Double, width: Int) -> String {
        guard value > 0, largest > 0, width > 0 else { return "" }
        let steps = max(1, Int((min(value, largest) / largest * Double(width * 8)).rounded()))
        let whole = String(repeating: "█", count: steps / 8)
        return steps % 8 == 0 ? whole : whole + String(partial[steps % 8 - 1])
    }

    /// The bars of a table's numeric column, one per row, the largest `width` columns long.
    static func bars(_ table: Table, column: Int, width: Int) -> [String] {
        let values = table.rows.map { $0[column].number ?? 0 }
        let largest = values.max() ?? 0
        return values.map { bar($0, largest: largest, width: width) }
    }
}
