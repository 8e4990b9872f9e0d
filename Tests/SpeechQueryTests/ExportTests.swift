import Foundation
import Synchronization
import Testing
@testable import SpeechQuery

/// The export's tables come from the catalogue, have their declared columns whatever the
/// rows, and land all or nothing. Reading the files back with sqlite3 and DuckDB is in
/// Tests/speechqTests/ExportCommandTests.swift.
@Suite("Export: tables from the catalogue, written all or nothing")
struct ExportTests {
    let corpus: Corpus

    init() throws {
        let loaded = DocumentLoader().load(paths: [Example.speeches.path])
        corpus = Corpus(documents: loaded.sources.map { Document($0) })
    }

    /// A scratch directory of this test's own.
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Every node type and every stage that runs without arguments; a stage that needs a
    /// search term (kwic TERM) has no table of its own.
    @Test func everyNodeTypeAndEveryStageHasATable() {
        let tables = ExportTables.all(for: corpus)
        let stages = StageCatalogue.all.filter { $0.parameters.allSatisfy { !$0.isRequired } }
        let expected = NodeType.allCases.map(\.plural) + stages.map { $0.output.name + "s" } + ["speechq_meta"]
        #expect(tables.map(\.name) == expected)
        #expect(Set(tables.map(\.name)).count == tables.count)
        for type in NodeType.allCases {
            #expect(tables.first { $0.name == type.plural }?.schema == type.schema)
        }
        for spec in stages {
            #expect(tables.first { $0.name == spec.output.name + "s" }?.schema == spec.output)
        }
        #expect(["tasks", "formulations", "placeholders", "findings"].allSatisfy { name in tables.contains { $0.name == name } })
    }

    @Test func everyDocColumnReferencesTheDocuments() {
        for table in ExportTables.all(for: corpus) where table.schema.index(of: "doc") != nil && table.name != "documents" {
            #expect(table.references == [ColumnReference(column: "doc", table: "documents", targetColumn: "ref")], "\(table.name)")
        }
    }

    @Test func everyRowHasEveryColumnAndEmptyTextIsNull() throws {
        for table in ExportTables.all(for: corpus) {
            for row in try table.rows(of: corpus, isInterrupted: { false }) {
                #expect(row.count == table.schema.columns.count, "\(table.name)")
                #expect(!row.contains(.text("")), "\(table.name) wrote empty text instead of null")
            }
        }
    }

    @Test func aDocumentsRefIsItsName() throws {
        let documents = try #require(ExportTables.all(for: corpus).first { $0.name == "documents" })
        let doc = try #require(documents.schema.index(of: "doc")), ref = try #require(documents.schema.index(of: "ref"))
        for row in try documents.rows(of: corpus, isInterrupted: { false }) {
            #expect(row[doc] == row[ref])
        }
    }

    /// The CSV header is the schema, and an empty table (no documents at all) has the same.
    @Test func csvHeadersAreTheSchemasEvenForEmptyTables() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = directory.appendingPathComponent("full"), empty = directory.appendingPathComponent("empty")
        try CorpusExport(corpus: corpus, format: .csv).write(to: full.path)
        try CorpusExport(corpus: Corpus(), format: .csv).write(to: empty.path)
        for table in ExportTables.all(for: corpus) {
            let header = table.schema.columnNames.joined(separator: ",")
            let fullLines = try String(contentsOf: full.appendingPathComponent("\(table.name).csv"), encoding: .utf8).split(separator: "\n")
            let emptyText = try String(contentsOf: empty.appendingPathComponent("\(table.name).csv"), encoding: .utf8)
            #expect(fullLines.first.map(String.init) == header, "\(table.name)")
            #expect(emptyText.hasPrefix(header + "\n"), "\(table.name)")
            // Only the export's description of itself has rows without documents.
            if table.name != "speechq_meta" { #expect(emptyText == header + "\n", "\(table.name)") }
        }
    }

    @Test func jsonLinesObjectsHaveEveryColumnInOrder() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try CorpusExport(corpus: corpus, format: .jsonl).write(to: directory.appendingPathComponent("out").path)
        let sentences = try String(contentsOf: directory.appendingPathComponent("out/sentences.jsonl"), encoding: .utf8)
        let lines = sentences.split(separator: "\n")
        #expect(lines.count == written.first { $0.table == "sentences" }?.rows)
        let keys = NodeType.sentence.schema.columnNames.map { "\"\($0)\":" }
        for line in lines {
            var rest = Substring(line)
            for key in keys {
                let found = try #require(rest.range(of: key), "a sentence lacks \(key)")
                rest = rest[found.upperBound...]
            }
        }
        #expect(sentences.contains("\"deadline\":null"))
    }

    @Test func anExistingDestinationIsLeftAsItWas() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("corpus.db")
        try Data("precious".utf8).write(to: database)
        #expect(throws: ExportFailure.exists(database.path)) {
            try CorpusExport(corpus: corpus, format: .sqlite).write(to: database.path)
        }
        #expect(try Data(contentsOf: database) == Data("precious".utf8))
        #expect(try contents(directory) == ["corpus.db"])

        try CorpusExport(corpus: corpus, format: .sqlite, replacing: true).write(to: database.path)
        #expect(try Data(contentsOf: database).prefix(15) == Data("SQLite format 3".utf8))
        #expect(try contents(directory) == ["corpus.db"])
    }

    @Test func aDirectoryIsFilledOnlyWhenEmptyOrReplacing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tableFiles = ExportTables.all(for: corpus).map { "\($0.name).jsonl" }.sorted()
        // An empty directory is filled.
        try CorpusExport(corpus: corpus, format: .jsonl).write(to: directory.path)
        #expect(try contents(directory) == tableFiles)
        // One holding files is refused, then has its tables replaced and the rest kept.
        try Data("mine".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        #expect(throws: ExportFailure.directoryNotEmpty(directory.path)) {
            try CorpusExport(corpus: corpus, format: .jsonl).write(to: directory.path)
        }
        try CorpusExport(corpus: corpus, format: .jsonl, replacing: true).write(to: directory.path)
        #expect(try contents(directory) == (tableFiles + ["notes.txt"]).sorted())
    }

    /// An export stopped half-way leaves nothing behind: no destination, no temporary file.
    @Test(arguments: ExportFormat.allCases)
    func anInterruptedExportLeavesNothing(_ format: ExportFormat) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var export = CorpusExport(corpus: corpus, format: format)
        let rowsLeft = Mutex(100)
        export.isInterrupted = {
            rowsLeft.withLock { left in
                left -= 1
                return left < 0
            }
        }
        #expect(throws: ExportFailure.interrupted) { try export.write(to: directory.appendingPathComponent("out").path) }
        #expect(try contents(directory) == [])
    }

    @Test func aMissingDirectoryIsReportedInTheSystemsWords() {
        #expect(throws: ExportFailure.io("/nonexistent/speechq/corpus.db", "no such file or directory")) {
            try CorpusExport(corpus: corpus, format: .sqlite).write(to: "/nonexistent/speechq/corpus.db")
        }
    }

    @Test func theSQLiteTablesDeclareKeysReferencesAndBooleans() throws {
        let sentences = try #require(ExportTables.all(for: corpus).first { $0.name == "sentences" })
        let sql = SQLiteExport.createStatement(for: sentences)
        #expect(sql.hasPrefix("CREATE TABLE \"sentences\" (\"doc\" TEXT, \"ref\" TEXT, "))
        #expect(sql.contains("\"line\" INTEGER"))
        #expect(sql.contains("\"directive\" INTEGER CHECK (\"directive\" IN (0, 1))"))
        #expect(sql.hasSuffix("PRIMARY KEY (\"ref\"), FOREIGN KEY (\"doc\") REFERENCES \"documents\" (\"ref\"))"))
    }

    @Test func theMetaTableSaysWhatWasExported() throws {
        let meta = ExportTables.meta(for: corpus, exportedAt: Date(timeIntervalSince1970: 0))
        let rows = try Array(meta.rows(of: corpus, isInterrupted: { false }))
        #expect(rows.map { $0[0] } == [.text("version"), .text("exported_at"), .text("documents"), .text("sources")])
        #expect(rows[1][1] == .text("1970-01-01T00:00:00Z"))
        #expect(rows[2][1] == .text(String(corpus.documents.count)))
    }
}
