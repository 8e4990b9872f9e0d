import Foundation
import SpeechQuery
import Testing

/// A program found on PATH, run with arguments; its standard output.
struct ExternalTool {
    let path: String

    static func find(_ name: String) -> ExternalTool? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return ExternalTool(path: "\(directory)/\(name)")
        }
        return nil
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// The sqlite3 shell and DuckDB's Python package, which read exports back as users will.
enum Readers {
    static let sqlite3 = ExternalTool.find("sqlite3")
    static let python3 = ExternalTool.find("python3")

    static let duckDBAvailable: Bool = {
        guard let python3, let probe = try? python3.run(["-c", "import duckdb"]) else { return false }
        return probe.status == 0
    }()

    static let noSQLite: Comment = "the sqlite3 shell is not installed: scripts/bootstrap installs it"
    static let noDuckDB: Comment = "DuckDB's Python package is not installed (scripts/bootstrap installs it with pip; pip may be unavailable here)"

    /// Rows of `select count(*) from TABLE` for each table, by the sqlite3 shell.
    static func sqliteCounts(_ database: String, _ tables: [String]) throws -> [String: Int] {
        let sql = tables.map { "select '\($0)', count(*) from \"\($0)\";" }.joined()
        let run = try #require(sqlite3).run([database, sql])
        #expect(run.status == 0, "sqlite3: \(run.stderr)")
        return pairs(run.stdout, separator: "|")
    }

    /// The rows DuckDB reads from each table's file in `directory`.
    static func duckDBCounts(_ directory: String, _ tables: [String], fileExtension: String) throws -> [String: Int] {
        let reader = fileExtension == "csv" ? "read_csv_auto" : "read_json_auto"
        let script = """
        import duckdb, sys
        for table in sys.argv[2:]:
            rows = duckdb.sql(f"select count(*) from \(reader)('{sys.argv[1]}/{table}.\(fileExtension)')").fetchall()
            print(f"{table}\\t{rows[0][0]}")
        """
        let run = try #require(python3).run(["-c", script, directory] + tables)
        #expect(run.status == 0, "duckdb: \(run.stderr)")
        return pairs(run.stdout, separator: "\t")
    }

    static func pairs(_ output: String, separator: Character) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: separator)
            if fields.count == 2, let count = Int(fields[1]) { counts[String(fields[0])] = count }
        }
        return counts
    }
}

/// Each exported table with the query that counts the same rows in speechq.
enum ExportedCounts {
    static let tables: [(name: String, query: String)] = ExportTables.all(for: Corpus()).compactMap { table in
        switch table.content {
        case .nodes(let type): (table.name, "count \(type.plural)")
        case .stage(let spec): (table.name, "\(spec.name) | count")
        case .rows: nil
        }
    }

    /// speechq's own counts, one process for every query.
    static func speechq(_ inputs: [String]) throws -> [String: Int] {
        let run = try SpeechQRun(tables.flatMap { ["-e", $0.query] } + inputs, environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 0, "\(run.stderr)")
        let values = run.stdout.split(separator: "\n").compactMap { Int($0) }
        #expect(values.count == tables.count)
        return Dictionary(uniqueKeysWithValues: zip(tables.map(\.name), values))
    }
}

/// The `$ sqlite3 corpus.db …` examples in a page's ```sh blocks, with the lines shown under
/// them. The documentation tests run only `speechq` commands; these need a fresh export.
enum SQLiteExample {
    static func all(in page: String) -> [(command: String, expected: String)] {
        let url = SpeechQRun.packageRoot.appendingPathComponent(page)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [(command: String, expected: String)] = []
        var current: (command: String, expected: String)?
        var inShell = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let done = current { examples.append(done) }
                current = nil
                inShell = line == "```sh"
            } else if inShell, line.hasPrefix("$ ") {
                if let done = current { examples.append(done) }
                current = line.hasPrefix("$ sqlite3 corpus.db ") ? (String(line.dropFirst(2)), "") : nil
            } else if inShell {
                current?.expected += line + "\n"
            }
        }
        return examples
    }
}

@Suite("speechq export, read back by sqlite3 and DuckDB")
struct ExportCommandTests {
    let speeches = "examples/speeches"
    static let reports = SpeechQRun.packageRoot.appendingPathComponent("../shared/corpus/gov-reports").standardized.path
    static let reportsAvailable = FileManager.default.fileExists(atPath: reports)
    static let noReports: Comment = "../shared is absent: exporting the 49 government work reports needs ../shared/corpus/gov-reports"

    func scratch() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-export-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func export(_ arguments: [String]) throws -> SpeechQRun {
        let run = try SpeechQRun(["export"] + arguments, environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 0, "speechq export \(arguments): \(run.stderr)")
        return run
    }

    @Test(.enabled(if: Readers.sqlite3 != nil, Readers.noSQLite))
    func sqliteHasSpeechqsCounts() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = "\(directory)/corpus.db"
        _ = try export(["-o", database, speeches])
        let expected = try ExportedCounts.speechq([speeches])
        #expect(try Readers.sqliteCounts(database, ExportedCounts.tables.map(\.name)) == expected)
        #expect(expected["sentences"] ?? 0 > 100 && expected["tasks"] ?? 0 > 10)
        // Keys, references and the database itself hold.
        let check = try #require(Readers.sqlite3).run([database, "PRAGMA foreign_key_check; PRAGMA integrity_check"])
        #expect(check.stdout == "ok\n")
    }

    /// The trigram index finds what `filter` finds, for Chinese substrings of three characters or more.
    @Test(.enabled(if: Readers.sqlite3 != nil, Readers.noSQLite), arguments: ["安全生产", "高质量", "各乡镇", "消防"])
    func fullTextSearchFindsWhatFilterFinds(_ term: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = "\(directory)/corpus.db"
        _ = try export(["-o", database, speeches])
        let filtered = try SpeechQRun(["-e", "sentences | filter \(term) | fields ref", speeches], environment: SpeechQRun.plainEnvironment)
        let wanted = Set(filtered.stdout.split(separator: "\n").map(String.init))
        // A trigram index cannot look up fewer than three characters (SQLite 3.40 then finds
        // nothing); shorter terms scan the sentences table with LIKE, as the README says.
        let sql = term.count >= 3
            ? "select ref from sentences_fts where sentences_fts match '\"\(term)\"'"
            : "select ref from sentences where text like '%\(term)%'"
        let found = try #require(Readers.sqlite3).run([database, sql])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(!wanted.isEmpty)
        #expect(Set(found.stdout.split(separator: "\n").map(String.init)) == wanted)
    }

    @Test(.enabled(if: Readers.duckDBAvailable, Readers.noDuckDB), arguments: ["jsonl", "csv"])
    func duckDBReadsSpeechqsCounts(_ format: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try export(["--format", format, "-o", "\(directory)/out", speeches])
        let expected = try ExportedCounts.speechq([speeches])
        #expect(try Readers.duckDBCounts("\(directory)/out", ExportedCounts.tables.map(\.name), fileExtension: format) == expected)
    }

    @Test(.enabled(if: Self.reportsAvailable, Self.noReports), .enabled(if: Readers.sqlite3 != nil, Readers.noSQLite))
    func theGovernmentReportsExportToSQLite() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try export(["-o", "\(directory)/reports.db", Self.reports])
        let expected = try ExportedCounts.speechq([Self.reports])
        #expect(expected["documents"] == 49)
        #expect(try Readers.sqliteCounts("\(directory)/reports.db", ExportedCounts.tables.map(\.name)) == expected)
    }

    @Test(.enabled(if: Self.reportsAvailable, Self.noReports), .enabled(if: Readers.duckDBAvailable, Readers.noDuckDB))
    func theGovernmentReportsExportToJSONLines() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try export(["--format", "jsonl", "-o", "\(directory)/reports", Self.reports])
        let expected = try ExportedCounts.speechq([Self.reports])
        #expect(expected["documents"] == 49)
        #expect(try Readers.duckDBCounts("\(directory)/reports", ExportedCounts.tables.map(\.name), fileExtension: "jsonl") == expected)
    }

    @Test(.enabled(if: Readers.sqlite3 != nil, Readers.noSQLite))
    func theReadmesSQLExamplesPrintWhatItShows() throws {
        let examples = SQLiteExample.all(in: "README.md")
        #expect(examples.count >= 2)
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try export(["-o", "\(directory)/corpus.db", speeches])
        for example in examples {
            // `sqlite3 corpus.db "SQL"`: the shell's quoting, as dot-command arguments are split.
            let words = MetaArguments.split(example.command)
            let run = try #require(Readers.sqlite3).run(["\(directory)/corpus.db"] + words.dropFirst(2))
            #expect(run.stdout + run.stderr == example.expected, "README.md: \(example.command)")
        }
    }

    @Test func anExistingDatabaseIsReplacedOnlyWithForce() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = "\(directory)/corpus.db"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: database))
        let refused = try SpeechQRun(["export", "-o", database, SpeechQRun.safetySpeech], environment: SpeechQRun.plainEnvironment)
        #expect(refused.status == 2)
        #expect(refused.stderr == "speechq: cannot export: \(database) exists (--force replaces it)\n")
        #expect(try String(contentsOfFile: database, encoding: .utf8) == "precious")
        _ = try export(["--force", "-o", database, SpeechQRun.safetySpeech])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["corpus.db"])
    }

    @Test func anUnwritableDestinationExitsWithTwo() throws {
        let run = try SpeechQRun(["export", "-o", "/nonexistent/dir/corpus.db", SpeechQRun.safetySpeech], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr == "speechq: cannot export: /nonexistent/dir/corpus.db: no such file or directory\n")
    }

    @Test(.enabled(if: Readers.sqlite3 != nil, Readers.noSQLite))
    func theDotCommandExportsTheSessionsCorpus() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = "\(directory)/session.db"
        let run = try SpeechQRun(["-e", "load \(SpeechQRun.safetySpeech)\n.export \(database)\ncount sentences"], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Readers.sqliteCounts(database, ["sentences"]) == ["sentences": Int(run.stdout.trimmingCharacters(in: .newlines))!])
        let again = try SpeechQRun(["-e", ".export \(database) sqlite", SpeechQRun.safetySpeech], environment: SpeechQRun.plainEnvironment)
        // Like .output: a file that cannot be written is an I/O error, status 2.
        #expect(again.status == 2)
        #expect(again.stderr.contains("error: cannot export: \(database) exists"))
        let directoryExport = try SpeechQRun(["-e", ".export \(directory)/csv csv", SpeechQRun.safetySpeech], environment: SpeechQRun.plainEnvironment)
        #expect(directoryExport.status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/csv/sentences.csv"))
    }
}
