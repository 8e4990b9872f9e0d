import Foundation

/// How results are printed; decided once at the edge (terminal or pipe, colour, width).
public struct OutputSettings: Sendable, Equatable {
    public var format: OutputFormat
    /// The user chose the format (`--format`, `.format`) rather than getting the default;
    /// then a lone value is written in that format too, not bare.
    public var formatIsExplicit: Bool
    /// A header line for TSV and CSV (tables always have one).
    public var header: Bool
    /// Terminal width for tables and the line format; nil means do not cut or wrap.
    public var width: Int?
    /// ANSI colour: highlighted matches in tables.
    public var color: Bool
    /// The output is a terminal: control characters in the text of a table, the line
    /// format and `show` are escaped (ControlCharacters) so that they show instead of act.
    /// TSV, CSV and JSON are data and keep the text as it is.
    public var escapesControlCharacters: Bool

    public init(format: OutputFormat, formatIsExplicit: Bool = false, header: Bool = false, width: Int? = nil, color: Bool = false,
                escapesControlCharacters: Bool = false) {
        self.format = format
        self.formatIsExplicit = formatIsExplicit
        self.header = header
        self.width = width
        self.color = color
        self.escapesControlCharacters = escapesControlCharacters
    }

    /// What a value's text becomes in this output: escaped for a terminal's table, line
    /// format and `show`, as it is otherwise.
    func shown(_ text: String) -> String {
        escapesControlCharacters && (format == .table || format == .line) ? ControlCharacters.escaped(text) : text
    }
}

/// Renders a query result as a table, one field per line, TSV, CSV, JSON or JSON Lines.
public enum ResultFormatter {
    public static func render(_ result: QueryResult, corpus: Corpus, settings: OutputSettings) -> String {
        let table: Table
        switch result.value {
        case .nodes(let nodes, let type):
            if result.showFullText, result.projection == nil, settings.format == .table || settings.format == .line {
                return showBlocks(nodes, corpus: corpus, settings: settings, highlights: result.highlights)
            }
            table = corpus.table(for: nodes, of: type, fields: result.projection)
        case .table(let t):
            table = t
        case .groups(let grouping):
            table = grouping.counts
        }
        if printsBare(table, settings: settings) {
            return settings.shown(table.rows[0][0].display) + "\n"
        }
        switch settings.format {
        case .table: return renderTable(table, settings: settings, highlights: result.highlights, cut: !result.showFullText)
        case .line: return LineFormat.render(table, width: result.showFullText ? nil : settings.width, highlights: result.highlights, color: settings.color,
                                             shown: settings.shown)
        case .json: return JSONValue.array(table.rows.map { object($0, table.columns) }).serialized(pretty: true) + "\n"
        case .tsv, .csv, .jsonl: return renderRows(table, as: settings.format, header: settings.header)
        }
    }

    /// The rows of a table in a format of one line a row (TSV, CSV, JSON Lines), which can be
    /// written a piece at a time; the header, when asked for, before them.
    static func renderRows(_ table: Table, as format: OutputFormat, header: Bool) -> String {
        switch format {
        case .tsv: renderDelimited(table, header: header, separator: "\t", escape: escapeTSV)
        case .csv: renderDelimited(table, header: header, separator: ",", escape: escapeCSV)
        default: table.rows.map { object($0, table.columns).serialized() + "\n" }.joined()
        }
    }

    /// Renders `result` in pieces, handing each to `write` as soon as it is made. Nodes in
    /// TSV, CSV and JSON Lines — the formats a pipe gets — are turned into rows `chunk` at a
    /// time, so the text of a result of millions of rows never exists whole (a query of 7
    /// million sentences built 7 GB of rows and text before writing a byte). Everything else
    /// is rendered whole: a terminal table needs every row to size its columns. The pieces
    /// joined are exactly `render(_:corpus:settings:)`.
    public static func render(_ result: QueryResult, corpus: Corpus, settings: OutputSettings, chunk: Int = 4096, into write: (String) -> Void) {
        guard chunk > 0, [.tsv, .csv, .jsonl].contains(settings.format) else { return write(render(result, corpus: corpus, settings: settings)) }
        let count: Int
        let rows: (Range<Int>) -> Table
        switch result.value {
        case .nodes(let nodes, let type):
            count = nodes.count
            rows = { corpus.table(for: Array(nodes[$0]), of: type, fields: result.projection) }
        case .table(let table) where !printsBare(table, settings: settings):
            // A table made whole by its stage (`fields`, `kwic`, …) is still written in pieces.
            count = table.rows.count
            rows = { Table(schema: table.schema, rows: Array(table.rows[$0])) }
        default:
            return write(render(result, corpus: corpus, settings: settings))
        }
        guard count > chunk else { return write(render(result, corpus: corpus, settings: settings)) }
        for start in stride(from: 0, to: count, by: chunk) {
            write(renderRows(rows(start..<min(start + chunk, count)), as: settings.format, header: settings.header && start == 0))
        }
    }

    /// A single value prints alone, so `n=$(speechq -e 'count directives' f.txt)` works —
    /// in the default output only. A format or header the user asked for is kept even for
    /// one value: CSV is always CSV (quoted), and a header is a header.
    static func printsBare(_ table: Table, settings: OutputSettings) -> Bool {
        guard table.columns.count == 1, table.rows.count == 1 else { return false }
        switch settings.format {
        case .table: return true  // a one-cell box around a number helps nobody at the prompt
        case .tsv: return !settings.formatIsExplicit && !settings.header
        case .csv, .json, .jsonl, .line: return false
        }
    }

    static func object(_ row: [FieldValue], _ columns: [String]) -> JSONValue {
        .object(zip(columns, row).map { ($0, $1.json) })
    }

    // MARK: TSV and CSV

    static func renderDelimited(_ table: Table, header: Bool, separator: String, escape: (String) -> String) -> String {
        var out = ""
        if header { out += table.columns.map(escape).joined(separator: separator) + "\n" }
        for row in table.rows {
            out += row.map { escape($0.display) }.joined(separator: separator) + "\n"
        }
        return out
    }

    /// TSV cannot hold tabs or newlines in a field; they are written as \t and \n.
    static func escapeTSV(_ field: String) -> String {
        // Tested on the bytes: iterating Characters (grapheme breaking) was most of the time
        // of writing a large result.
        guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x5C || $0 == 0x0D }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func escapeCSV(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Tables

    /// The terminal table, fitted to `settings.width` when `cut` (not for `show`). A table
    /// that cannot fit even with its prose cut short is shown one field per line instead.
    static func renderTable(_ table: Table, settings: OutputSettings, highlights: [String], cut: Bool) -> String {
        guard !table.rows.isEmpty else { return "(no rows)\n" }
        let cells = table.rows.map { row in row.map { settings.shown($0.display.replacingOccurrences(of: "\n", with: " ")) } }
        let layout: TableLayout
        if cut, let width = settings.width {
            guard let fitted = TableLayout.fitting(table.schema, cells, into: width) else {
                return LineFormat.render(table, width: width, highlights: highlights, color: settings.color, shown: settings.shown)
            }
            layout = fitted
        } else {
            layout = TableLayout.unbounded(table.schema, cells)
        }
        return layout.render(table, cells: cells, highlights: highlights, color: settings.color, cut: cut && settings.width != nil)
    }

    /// `show`: each node's reference and line, then its full text.
    static func showBlocks(_ nodes: [Node], corpus: Corpus, settings: OutputSettings, highlights: [String]) -> String {
        guard !nodes.isEmpty else { return "(no rows)\n" }
        var out = ""
        for node in nodes {
            let header = settings.shown("\(corpus.reference(of: node))  (line \(corpus.line(of: node)))")
            out += (settings.color ? "\u{1B}[1m\(header)\u{1B}[0m" : header) + "\n"
            let text = settings.shown(corpus.documents[node.document].text(corpus.span(of: node)))
            out += HighlightedText(text, terms: highlights).rendered(color: settings.color) + "\n\n"
        }
        return out
    }
}
