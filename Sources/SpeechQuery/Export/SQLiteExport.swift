/// Writes export tables into a new SQLite database: one table per export table with the
/// declared columns, key and references, filled in one transaction through one prepared
/// insert per table, and a full-text index over sentence text that finds any Chinese
/// substring of three or more characters (FTS5's trigram tokenizer).
struct SQLiteExport {
    let isInterrupted: InterruptCheck

    /// Writes the tables into a new database file and returns their row counts. Failures
    /// name `destination`, the path the user gave, not the temporary file.
    func write(_ tables: [ExportTable], of corpus: Corpus, to file: String, reportingAs destination: String) throws(ExportFailure) -> [Int] {
        let database = try SQLiteDatabase(creating: file, reportingAs: destination)
        // The file is new and is deleted if anything fails, so a rollback journal would
        // protect nothing; COMMIT still syncs the finished database to disk.
        try database.execute("PRAGMA journal_mode = OFF; BEGIN")
        var counts: [Int] = []
        for table in tables {
            try database.execute(Self.createStatement(for: table))
            let insert = try database.prepare(Self.insertStatement(for: table))
            var count = 0
            for row in try table.rows(of: corpus, isInterrupted: isInterrupted) {
                if isInterrupted() { throw .interrupted }
                try insert.run(row)
                count += 1
            }
            counts.append(count)
        }
        for index in ExportTables.fullTextIndexes where tables.contains(where: { $0.name == index.table }) {
            try database.execute(Self.fullTextStatements(for: index))
        }
        try database.execute("COMMIT")
        // The database closes as `database` goes, when this returns: before the rename.
        return counts
    }

    /// `CREATE TABLE "tasks" ("doc" TEXT, …, FOREIGN KEY ("doc") REFERENCES "documents" ("ref"))`.
    static func createStatement(for table: ExportTable) -> String {
        var parts = table.schema.columns.map { column in
            let name = quoted(column.name)
            switch column.type {
            case .text: return "\(name) TEXT"
            case .integer: return "\(name) INTEGER"
            case .decimal: return "\(name) REAL"
            case .boolean: return "\(name) INTEGER CHECK (\(name) IN (0, 1))"
            }
        }
        if !table.schema.key.isEmpty {
            parts.append("PRIMARY KEY (\(table.schema.key.map(quoted).joined(separator: ", ")))")
        }
        for reference in table.references {
            parts.append("FOREIGN KEY (\(quoted(reference.column))) REFERENCES \(quoted(reference.table)) (\(quoted(reference.targetColumn)))")
        }
        return "CREATE TABLE \(quoted(table.name)) (\(parts.joined(separator: ", ")))"
    }

    static func insertStatement(for table: ExportTable) -> String {
        let parameters = Array(repeating: "?", count: table.schema.columns.count).joined(separator: ", ")
        return "INSERT INTO \(quoted(table.name)) VALUES (\(parameters))"
    }

    /// The index keeps its own copy of the text beside the key: an index tied to the table's
    /// implicit rowids would silently point at the wrong sentences after a VACUUM renumbers them.
    static func fullTextStatements(for index: FullTextIndex) -> String {
        let name = quoted(index.name), key = quoted(index.key), column = quoted(index.column)
        return """
        CREATE VIRTUAL TABLE \(name) USING fts5(\(key) UNINDEXED, \(column), tokenize = 'trigram');
        INSERT INTO \(name) (\(key), \(column)) SELECT \(key), \(column) FROM \(quoted(index.table));
        INSERT INTO \(name) (\(name)) VALUES ('optimize');
        """
    }

    /// An SQL identifier, quoted so any name is safe.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
