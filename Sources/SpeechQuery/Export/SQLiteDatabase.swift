import CSQLite

/// An open SQLite database: runs SQL and prepares statements, turning SQLite's result codes
/// into export failures that carry its message.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    /// The path named in errors: the destination, not the temporary file.
    let reportedPath: String

    /// Creates the database at `path`.
    init(creating path: String, reportingAs reportedPath: String) throws(ExportFailure) {
        self.reportedPath = reportedPath
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(opened)
            throw .database(reportedPath, message)
        }
        handle = opened
    }

    deinit {
        // close_v2 waits for statements still alive to be finalized.
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(ExportFailure) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw .database(reportedPath, text)
        }
    }

    func prepare(_ sql: String) throws(ExportFailure) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw .database(reportedPath, lastError)
        }
        return SQLiteStatement(statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    var failure: ExportFailure { .database(reportedPath, lastError) }
}

/// A prepared statement, run once per row with new values bound.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Runs the statement with `values` bound to its parameters, in order. Booleans are
    /// stored as 0 and 1, SQLite having no type of their own.
    func run(_ values: [FieldValue]) throws(ExportFailure) {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .bool(let flag): status = sqlite3_bind_int64(handle, index, flag ? 1 : 0)
            case .int(let number): status = sqlite3_bind_int64(handle, index, Int64(number))
            case .decimal(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(var text):
                status = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        sq_sqlite3_bind_text_copied(handle, index, chars.baseAddress, Int32(chars.count))
                    }
                }
            }
            guard status == SQLITE_OK else { throw database.failure }
        }
        guard sqlite3_step(handle) == SQLITE_DONE else { throw database.failure }
    }
}
