/// Writes each export table to a file of its own in a directory — `sentences.jsonl` or
/// `sentences.csv` — the form DuckDB, Spark and pandas read directly. Every row has every
/// column of its table (null, or an empty cell, when empty) and a CSV file always starts
/// with its header, so a file's shape never depends on its rows.
struct DelimitedExport {
    /// How rows are written; each is also its files' extension.
    enum Style: String {
        /// One JSON object a line, keys in column order.
        case jsonl
        /// RFC 4180, with a header line.
        case csv
    }

    let style: Style
    let isInterrupted: InterruptCheck

    /// Writes the tables into `directory` and returns their row counts.
    func write(_ tables: [ExportTable], of corpus: Corpus, into directory: String, reportingAs destination: String) throws(ExportFailure) -> [Int] {
        var counts: [Int] = []
        for table in tables {
            let name = "\(table.name).\(style.rawValue)"
            let writer = try TextFileWriter(creating: "\(directory)/\(name)", reportingAs: "\(destination)/\(name)")
            let columns = table.schema.columnNames
            if style == .csv { try writer.write(line: columns.map(ResultFormatter.escapeCSV).joined(separator: ",")) }
            var count = 0
            for row in try table.rows(of: corpus, isInterrupted: isInterrupted) {
                if isInterrupted() { throw .interrupted }
                try writer.write(line: line(row, columns))
                count += 1
            }
            try writer.close()
            counts.append(count)
        }
        return counts
    }

    private func line(_ row: [FieldValue], _ columns: [String]) -> String {
        switch style {
        case .csv: row.map { ResultFormatter.escapeCSV($0.display) }.joined(separator: ",")
        case .jsonl: ResultFormatter.object(row, columns).serialized()
        }
    }
}
