import Foundation

/// The tables an export writes, all derived from the catalogue: one per type of node with
/// every field the type has, one per catalogue stage, and `speechq_meta` describing the
/// export. A node type or a stage added to the catalogue is exported with no code here.
public enum ExportTables {
    /// Every table, documents first so the others' references point backwards.
    public static func all(for corpus: Corpus, exportedAt: Date = Date()) -> [ExportTable] {
        nodeTables + stageTables + [meta(for: corpus, exportedAt: exportedAt)]
    }

    /// `documents`, `sections`, …, `headings`: keyed by `ref`, which includes the document name.
    static var nodeTables: [ExportTable] {
        NodeType.allCases.map { type in
            ExportTable(name: type.plural, schema: type.schema, references: references(of: type.schema, in: type.plural), content: .nodes(type))
        }
    }

    /// `tasks`, `formulations`, `placeholders`, `findings`: each stage over every document.
    /// A stage that cannot run without arguments (a search term) has no table of its own.
    static var stageTables: [ExportTable] {
        StageCatalogue.all.filter { spec in spec.parameters.allSatisfy { !$0.isRequired } }.map { spec in
            let name = plural(of: spec.output.name)
            return ExportTable(name: name, schema: spec.output, references: references(of: spec.output, in: name), content: .stage(spec))
        }
    }

    /// What was exported, when, from where, by which version: one row per setting.
    public static let metaSchema = RowSchema("export setting", columns: [
        Column("name", .text, "version, exported_at, documents or sources"),
        Column("value", .text, "the setting's value; sources are the documents' origins, one a line"),
    ], key: ["name"])

    static func meta(for corpus: Corpus, exportedAt: Date) -> ExportTable {
        var origins: [String] = []
        for origin in corpus.documents.map(\.origin) where !origins.contains(origin) { origins.append(origin) }
        let settings = [
            ("version", SpeechQueryVersion.current),
            ("exported_at", exportedAt.ISO8601Format()),
            ("documents", String(corpus.documents.count)),
            ("sources", origins.joined(separator: "\n")),
        ]
        return ExportTable(name: "speechq_meta", schema: metaSchema, references: [],
                           content: .rows(settings.map { [.text($0.0), .text($0.1)] }))
    }

    /// Sentence text searchable for any substring of three or more characters, which is
    /// what Chinese needs: it has no spaces to split words at.
    public static let fullTextIndexes = [
        FullTextIndex(table: NodeType.sentence.plural, column: "text", key: SharedColumns.ref.name),
    ]

    /// Every `doc` column names a document, and a document's `ref` is its name.
    static func references(of schema: RowSchema, in table: String) -> [ColumnReference] {
        let documents = NodeType.document.plural
        guard table != documents, schema.index(of: SharedColumns.doc.name) != nil else { return [] }
        return [ColumnReference(column: SharedColumns.doc.name, table: documents, targetColumn: SharedColumns.ref.name)]
    }

    /// A table is named for its rows: `task` → `tasks`.
    static func plural(of kind: String) -> String { kind + "s" }
}

/// A full-text index over one column of a table, with the key that finds the row again.
public struct FullTextIndex: Sendable, Equatable {
    public let table: String
    public let column: String
    public let key: String

    /// `sentences_fts`.
    public var name: String { table + "_fts" }
}
