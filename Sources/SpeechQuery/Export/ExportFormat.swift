/// What an export writes: one SQLite database, or a directory of one file per table.
public enum ExportFormat: String, Sendable, CaseIterable {
    case sqlite, jsonl, csv
}
