/// One field per line, for rows too wide for a table (psql's `\x`, sqlite's `.mode line`):
/// each field as `name: value`, the names right-aligned by display width so the values
/// start in one column, a blank line between records. Given a width, a long value wraps
/// onto lines of its own under where it started, rather than being cut: this format is
/// where a row that does not fit the terminal is read in full.
enum LineFormat {
    /// Narrower than this, wrapping would put a few characters on each line; a long
    /// column name then lets its values run past the width instead.
    static let minimumValueWidth = 20

    /// `shown` is what a value's text becomes on the way out (its control characters
    /// escaped on a terminal).
    static func render(_ table: Table, width: Int?, highlights: [String], color: Bool, shown: (String) -> String = { $0 }) -> String {
        guard !table.rows.isEmpty else { return "(no rows)\n" }
        let nameWidth = table.columns.map { DisplayWidth.columns(of: $0) }.max() ?? 0
        let indent = String(repeating: " ", count: nameWidth + 2)
        let valueWidth = width.map { max(minimumValueWidth, $0 - nameWidth - 2) }
        var out = ""
        for (r, row) in table.rows.enumerated() {
            if r > 0 { out += "\n" }
            for (c, value) in row.enumerated() {
                let column = table.schema.columns[c]
                let name = column.name
                let label = String(repeating: " ", count: nameWidth - DisplayWidth.columns(of: name)) + name + ":"
                let text = shown(value.display)
                if text.isEmpty {
                    out += label + "\n"
                    continue
                }
                let terms = ColumnTraits.isProse(column) ? highlights : []
                // A ref broken over two lines could not be copied back whole.
                let wrapWidth = ColumnTraits.isKeptWhole(name) ? nil : valueWidth
                var first = true
                for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let marked = HighlightedText(String(paragraph), terms: terms)
                    for range in wrapWidth.map({ marked.wrapped(to: $0) }) ?? [0..<marked.scalars.count] {
                        out += (first ? label + " " : indent) + marked.rendered(range, color: color) + "\n"
                        first = false
                    }
                }
            }
        }
        return out
    }
}
