import Foundation

/// Writes a corpus — its documents, every outline node with its fields and analysis, and
/// the catalogue stages' tables — to a SQLite database or a directory of JSON Lines or CSV
/// files. All or nothing: the destination holds the whole export or is as it was.
public struct CorpusExport {
    public var corpus: Corpus
    public var format: ExportFormat
    /// Replace an existing database, or the table files in an existing directory.
    public var replacing: Bool
    /// Polled between rows, so Ctrl-C at the prompt stops a long export.
    public var isInterrupted: InterruptCheck = { false }
    public var exportedAt = Date()

    public init(corpus: Corpus, format: ExportFormat, replacing: Bool = false) {
        self.corpus = corpus
        self.format = format
        self.replacing = replacing
    }

    /// Writes the export to `path` (a file for SQLite, a directory otherwise) and returns
    /// each table's name with the rows written.
    @discardableResult
    public func write(to path: String) throws(ExportFailure) -> [(table: String, rows: Int)] {
        let tables = ExportTables.all(for: corpus, exportedAt: exportedAt)
        let destination = try ExportDestination(path: path, isDirectory: format != .sqlite, replacing: replacing)
        do throws(ExportFailure) {
            let counts: [Int]
            switch format {
            case .sqlite:
                counts = try SQLiteExport(isInterrupted: isInterrupted)
                    .write(tables, of: corpus, to: destination.temporaryPath, reportingAs: destination.path)
            case .jsonl, .csv:
                counts = try DelimitedExport(style: format == .csv ? .csv : .jsonl, isInterrupted: isInterrupted)
                    .write(tables, of: corpus, into: destination.temporaryPath, reportingAs: destination.path)
            }
            try destination.commit()
            return zip(tables.map(\.name), counts).map { (table: $0, rows: $1) }
        } catch {
            destination.discard()
            throw error
        }
    }
}
