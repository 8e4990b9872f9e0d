import Foundation

/// How results are printed; decided once at the edge (terminal or pipe, colour, width).
public struct OutputSettings: Sendable, Equatable {
    public var format: OutputFormat
    /// A header line for TSV and CSV (tables always have one).
    public var header: Bool
    /// Terminal width for tables; nil means do not cut.
    public var width: Int?
    /// ANSI colour: highlighted matches in tables.
    public var color: Bool

    public init(format: OutputFormat, header: Bool = false, width: Int? = nil, color: Bool = false) {
        self.format = format
        self.header = header
        self.width = width
        self.color = color
    }
}

/// Renders a query result as table, TSV, CSV, JSON or JSON Lines.
public enum ResultFormatter {
    public static func render(_ result: QueryResult, corpus: Corpus, settings: OutputSettings) -> String {
        let table: Table
        switch result.value {
        case .nodes(let nodes, let type):
            if result.showFullText, settings.format == .table {
                return showBlocks(nodes, corpus: corpus, settings: settings, highlights: result.highlights)
            }
            table = corpus.table(for: nodes, of: type)
        case .table(let t):
            table = t
        case .groups(let field, let groups):
            table = QueryResult.groupCounts(field, groups)
        }
        // A single value prints alone, so `n=$(speechq -e 'count directives' f.txt)` works.
        if table.columns.count == 1, table.rows.count == 1, [.table, .tsv, .csv].contains(settings.format) {
            return table.rows[0][0].display + "\n"
        }
        switch settings.format {
        case .table: return renderTable(table, settings: settings, highlights: result.highlights, cut: !result.showFullText)
        case .tsv: return renderDelimited(table, header: settings.header, separator: "\t", escape: escapeTSV)
        case .csv: return renderDelimited(table, header: settings.header, separator: ",", escape: escapeCSV)
        case .json: return JSONValue.array(table.rows.map { object($0, table.columns) }).serialized(pretty: true) + "\n"
        case .jsonl: return table.rows.map { object($0, table.columns).serialized() + "\n" }.joined()
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
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\r" }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func escapeCSV(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Tables

    /// Columns holding prose: the ones that give way when the terminal is narrow.
    static let proseColumns: Set<String> = ["text", "heading", "title", "actor", "occasion"]
    static let maximumOtherWidth = 30
    static let minimumProseWidth = 12

    static func renderTable(_ table: Table, settings: OutputSettings, highlights: [String], cut: Bool) -> String {
        guard !table.rows.isEmpty else { return "(no rows)\n" }
        let cells = table.rows.map { row in row.map { $0.display.replacingOccurrences(of: "\n", with: " ") } }
        var widths = table.columns.indices.map { c in
            max(DisplayWidth.columns(of: table.columns[c]), cells.map { DisplayWidth.columns(of: $0[c]) }.max() ?? 0)
        }
        if cut, let width = settings.width {
            fit(&widths, columns: table.columns, into: width)
        }
        let numeric = table.columns.indices.map { c in table.rows.allSatisfy { if case .text = $0[c] { false } else { true } } }
        func line(_ values: [String], highlight: Bool) -> String {
            var parts: [String] = []
            for (c, value) in values.enumerated() {
                var text = cut ? DisplayWidth.truncate(value, to: widths[c]) : value
                let padding = max(0, widths[c] - DisplayWidth.columns(of: text))
                if highlight, settings.color, proseColumns.contains(table.columns[c]) { text = Highlighter.highlight(text, terms: highlights) }
                let isLast = c == values.count - 1
                if numeric[c] {
                    parts.append(String(repeating: " ", count: padding) + text)
                } else {
                    parts.append(isLast ? text : text + String(repeating: " ", count: padding))
                }
            }
            return parts.joined(separator: "  ")
        }
        var out = line(table.columns, highlight: false) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row, highlight: true) + "\n" }
        return out
    }

    /// Narrows columns until the row fits `width`: prose columns (text, heading) give way
    /// first, down to a minimum; only then are the others capped.
    static func fit(_ widths: inout [Int], columns: [String], into width: Int) {
        let gaps = 2 * (widths.count - 1)
        func total() -> Int { widths.reduce(0, +) + gaps }
        guard total() > width else { return }
        let prose = widths.indices.filter { proseColumns.contains(columns[$0]) }
        // Take from the widest prose column until it all fits or every one is at the minimum.
        while total() > width, let widest = prose.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimumProseWidth {
            widths[widest] = max(minimumProseWidth, widths[widest] - (total() - width))
        }
        if total() > width {
            for c in widths.indices where !proseColumns.contains(columns[c]) {
                widths[c] = min(widths[c], maximumOtherWidth)
            }
        }
    }

    /// `show`: each node's reference and line, then its full text.
    static func showBlocks(_ nodes: [Node], corpus: Corpus, settings: OutputSettings, highlights: [String]) -> String {
        guard !nodes.isEmpty else { return "(no rows)\n" }
        var out = ""
        for node in nodes {
            let header = "\(corpus.reference(of: node))  (line \(corpus.line(of: node)))"
            out += (settings.color ? "\u{1B}[1m\(header)\u{1B}[0m" : header) + "\n"
            let text = corpus.documents[node.document].text(corpus.span(of: node))
            out += (settings.color ? Highlighter.highlight(text, terms: highlights) : text) + "\n\n"
        }
        return out
    }
}

/// Marks search terms in text with ANSI bold red.
enum Highlighter {
    static func highlight(_ text: String, terms: [String]) -> String {
        var result = text
        for term in Set(terms) where !term.isEmpty {
            result = result.replacingOccurrences(of: term, with: "\u{1B}[1;31m\(term)\u{1B}[0m")
        }
        return result
    }
}
