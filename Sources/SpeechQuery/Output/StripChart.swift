/// AntConc's concordance plot in a terminal line: the text squeezed into W cells between
/// two thin rules (▕ … ▏), each cell 1/W of the text, raised by the hits in it with ▁▂▃▄▅▆▇█.
/// Heights share one scale over the whole table, so documents compare; a cell with any hit
/// shows at least ▁.
enum StripChart {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The two rules around the cells.
    static let frameWidth = 2

    /// How many of `positions` (thousandths of the text) fall in each of `cells` cells.
    static func counts(_ positions: [Int], cells: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: max(0, cells))
        guard cells > 0 else { return counts }
        for position in positions {
            counts[min(cells - 1, max(0, position) * cells / 1000)] += 1
        }
        return counts
    }

    /// The strip for counts of hits per cell, when `largest` hits in a cell reach the top.
    static func strip(_ counts: [Int], largest: Int) -> String {
        let cells = counts.map { count -> Character in
            guard count > 0, largest > 0 else { return " " }
            let level = (count * levels.count + largest - 1) / largest
            return levels[min(levels.count, max(1, level)) - 1]
        }
        return "▕" + String(cells) + "▏"
    }

    /// The strips of a table's column of positions, `width` columns wide frame included.
    static func strips(_ table: Table, column: Int, width: Int) -> [String] {
        let cells = width - frameWidth
        let perCell = table.rows.map { row in counts(positions(in: row[column]), cells: cells) }
        let largest = perCell.lazy.flatMap { $0 }.max() ?? 0
        return perCell.map { strip($0, largest: largest) }
    }

    /// `"12 57 340"` → [12, 57, 340].
    static func positions(in value: FieldValue) -> [Int] {
        value.display.split(separator: " ").compactMap { Int($0) }
    }
}
