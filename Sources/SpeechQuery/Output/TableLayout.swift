/// The terminal table: which columns it shows and how wide each is, then the lines.
///
/// A table that fits the width is shown whole. One that does not first loses the columns
/// that tell the reader nothing new — `doc` when every row is from one document or a `ref`
/// (which begins with the document's name) is shown, `kind` when every row has the same
/// kind, `section` or `subsection` when the ref spells it out — then the other columns are capped, and the prose columns share what is left:
/// `text` gets the space, `ref` is never cut. When even that is wider than the terminal
/// the layout gives up and the result is shown one field per line (LineFormat).
/// Dropping is for this table only; TSV, CSV and JSON always carry every column.
///
/// A schema that declares a chart gets its drawing (bars, a strip) after the last column,
/// in the width the columns leave: the columns are fitted as if the terminal were narrower
/// by the drawing's minimum, and the drawing takes the rest of the line.
struct TableLayout: Equatable {
    /// The table's columns shown, by index, in order.
    var columns: [Int]
    /// The width of each shown column.
    var widths: [Int]
    /// The width of the chart drawn after the columns; 0 for none.
    var chartWidth = 0

    static let gap = 2
    /// Non-prose columns (an origin path, a list of refs) are capped at this when cutting.
    static let maximumOtherWidth = 30
    /// Below this a prose column is no longer worth reading; one field per line is better.
    static let minimumProseWidth = 12

    var totalWidth: Int { widths.reduce(0, +) + Self.gap * max(0, widths.count - 1) }

    /// Every column at the width of its widest value or name.
    static func natural(_ schema: RowSchema, _ cells: [[String]]) -> TableLayout {
        let names = schema.columnNames
        return TableLayout(columns: Array(names.indices), widths: names.indices.map { c in
            max(DisplayWidth.columns(of: names[c]), cells.map { DisplayWidth.columns(of: $0[c]) }.max() ?? 0)
        })
    }

    /// Every column at its natural width, and a chart of the width a pipe gets.
    static func unbounded(_ schema: RowSchema, _ cells: [[String]]) -> TableLayout {
        var layout = natural(schema, cells)
        if let chart = schema.chart, schema.index(of: chart.column) != nil {
            if chart.replacesColumn { layout.remove(schema.index(of: chart.column)!) }
            layout.chartWidth = Chart.unboundedWidth
        }
        return layout
    }

    /// A layout no wider than `width`, or nil when none is worth showing. In a table with a
    /// chart the prose gives way to it (the numbers it draws are the point of the table,
    /// and the ref still says which row is which); the chart is left out only when even that
    /// does not fit, rather than the table given up — and then a column it stood in for is
    /// shown again.
    static func fitting(_ schema: RowSchema, _ cells: [[String]], into width: Int) -> TableLayout? {
        if let chart = schema.chart, let drawn = schema.index(of: chart.column) {
            let room = width - gap - Chart.minimumWidth
            let replaced = chart.replacesColumn ? drawn : nil
            if var layout = fittingColumns(schema, cells, into: room, leavingOut: replaced)
                ?? fittingColumns(schema, cells, into: room, leavingOut: replaced, keepingProse: false) {
                layout.chartWidth = width - layout.totalWidth - gap
                return layout
            }
        }
        return fittingColumns(schema, cells, into: width)
    }

    private static func fittingColumns(_ schema: RowSchema, _ cells: [[String]], into width: Int, leavingOut replaced: Int? = nil,
                                       keepingProse: Bool = true) -> TableLayout? {
        let names = schema.columnNames
        var layout = natural(schema, cells)
        if let replaced { layout.remove(replaced) }
        if !keepingProse {
            schema.columns.indices.filter { ColumnTraits.isProse(schema.columns[$0]) }.forEach { layout.remove($0) }
        }
        if layout.totalWidth <= width { return layout }
        for group in redundantColumns(names, cells) where layout.columns.count > group.count {
            group.forEach { layout.remove($0) }
            if layout.totalWidth <= width { return layout }
        }
        let prose = layout.columns.indices.filter { ColumnTraits.isProse(schema.columns[layout.columns[$0]]) }
        for i in layout.columns.indices where !prose.contains(i) && !ColumnTraits.isKeptWhole(names[layout.columns[i]]) {
            layout.widths[i] = min(layout.widths[i], max(maximumOtherWidth, DisplayWidth.columns(of: names[layout.columns[i]])))
        }
        let fixed = layout.columns.indices.filter { !prose.contains($0) }.reduce(0) { $0 + layout.widths[$1] }
        var room = width - fixed - gap * max(0, layout.columns.count - 1)
        guard !prose.isEmpty else { return room >= 0 ? layout : nil }
        let narrowest = prose.reduce(0) { $0 + min(layout.widths[$1], minimumProseWidth) }
        guard room >= narrowest else { return nil }
        // Share the room out evenly; a column that needs less than its share gives the
        // rest to the others, so a short heading does not take space a long text could use.
        var waiting = prose.sorted { layout.widths[$0] < layout.widths[$1] }
        while !waiting.isEmpty {
            let share = room / waiting.count
            let column = waiting.removeFirst()
            layout.widths[column] = min(layout.widths[column], share)
            room -= layout.widths[column]
        }
        return layout
    }

    /// Groups of columns that repeat what every row or the `ref` column already says,
    /// least useful first: `doc`, then `kind`, then the ordinals a ref spells out.
    static func redundantColumns(_ names: [String], _ cells: [[String]]) -> [[Int]] {
        func same(_ c: Int) -> Bool { cells.allSatisfy { $0[c] == cells.first?[c] } }
        let ref = names.firstIndex(where: ColumnTraits.isKeptWhole)
        func repeatedByRef(_ c: Int) -> Bool {
            guard let ref else { return false }
            return cells.allSatisfy { ColumnTraits.isRepeated(names[c], value: $0[c], inReference: $0[ref]) }
        }
        var groups: [[Int]] = []
        if let doc = names.firstIndex(of: "doc"), same(doc) || repeatedByRef(doc) { groups.append([doc]) }
        if let kind = names.firstIndex(of: "kind"), same(kind) { groups.append([kind]) }
        let ordinals = names.indices.filter { $0 != names.firstIndex(of: "doc") && repeatedByRef($0) }
        if !ordinals.isEmpty { groups.append(ordinals) }
        return groups
    }

    private mutating func remove(_ column: Int) {
        guard let i = columns.firstIndex(of: column) else { return }
        columns.remove(at: i)
        widths.remove(at: i)
    }

    /// The table's lines: header, rule, rows. Numbers are right-aligned; prose cut to its
    /// column is centred on its first highlighted match.
    func render(_ table: Table, cells: [[String]], highlights: [String], color: Bool, cut: Bool) -> String {
        let numeric = columns.map { c in table.rows.allSatisfy { if case .text = $0[c] { false } else { true } } }
        let prose = columns.map { ColumnTraits.isProse(table.schema.columns[$0]) }
        let leading = columns.map { ColumnTraits.isLeadingContext(table.schema.columns[$0]) }
        let drawings = chartWidth > 0 ? table.schema.chart?.cells(for: table, width: chartWidth) : nil
        func line(_ values: [String], isHeader: Bool, drawing: String = "") -> String {
            var parts: [String] = []
            for (i, c) in columns.enumerated() {
                let text: String
                let shown: Int
                if isHeader || !prose[i] {
                    let value = cut ? DisplayWidth.truncate(values[c], to: widths[i]) : values[c]
                    let marked = color && !isHeader && table.schema.columns[c].concordance == .match
                    (text, shown) = (marked ? HighlightedText.markOn + value + HighlightedText.markOff : value, DisplayWidth.columns(of: value))
                } else {
                    let value = HighlightedText(values[c], terms: highlights)
                    if !cut {
                        (text, shown) = (value.rendered(color: color), value.width)
                    } else if leading[i] {
                        (text, shown) = value.fittedKeepingEnd(to: widths[i], color: color)
                    } else {
                        (text, shown) = value.fitted(to: widths[i], color: color)
                    }
                }
                let padding = String(repeating: " ", count: max(0, widths[i] - shown))
                if numeric[i] || (leading[i] && !isHeader) {
                    parts.append(padding + text)
                } else {
                    parts.append(i == columns.count - 1 && drawing.isEmpty ? text : text + padding)
                }
            }
            if !drawing.isEmpty { parts.append(drawing) }
            return parts.joined(separator: String(repeating: " ", count: Self.gap))
        }
        var out = line(table.columns, isHeader: true) + "\n"
        let rules = widths + (drawings == nil ? [] : [chartWidth])
        out += rules.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap)) + "\n"
        for (r, row) in cells.enumerated() { out += line(row, isHeader: false, drawing: drawings?[r] ?? "") + "\n" }
        return out
    }
}
