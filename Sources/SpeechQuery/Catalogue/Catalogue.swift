/// The syntactic core of the language: stages the parser knows by heart. Their help lines
/// live here beside the catalogue's, so `.help stages` and the docs list every stage.
public struct CoreStage: Sendable {
    public let name: String
    public let synopsis: String
    public let summary: String
}

/// Everything the language can name: core stages, catalogue stages, node fields and the
/// columns of every table.
public enum Catalogue {
    public static let coreStages: [CoreStage] = [
        CoreStage(name: "select", synopsis: "select KIND [POS]", summary: "descend to KIND (or climb to it); POS: 2, 2..3, 1,3, last"),
        CoreStage(name: "filter", synopsis: "filter PREDICATE", summary: "keep what matches (.help predicates)"),
        CoreStage(name: "count", synopsis: "count [KIND | hits TERM] [by FIELD]", summary: "count the input, KIND in each node or TERM's hits; by FIELD: a rate per value"),
        CoreStage(name: "show", synopsis: "show", summary: "print full text instead of cutting it to the terminal"),
        CoreStage(name: "sort", synopsis: "sort FIELD [desc], …", summary: "order by fields (stable; empty values last)"),
        CoreStage(name: "limit", synopsis: "limit N", summary: "keep the first N"),
        CoreStage(name: "fields", synopsis: "fields A, B, …", summary: "a table of these fields or columns"),
        CoreStage(name: "group", synopsis: "group by FIELD", summary: "group nodes by a field, then | count"),
    ]

    /// The rows `.docs` prints.
    public static let loadedDocuments = RowSchema("loaded document", columns: [
        SharedColumns.doc, NodeFields.named("title")!.column, NodeFields.named("year")!.column,
        Column("sections", .integer, "sections in its outline"),
        Column("points", .integer, "points in its outline"),
        Column("sentences", .integer, "body sentences"),
        SharedColumns.origin,
    ], key: ["doc"])

    /// Columns renamed so that one name means one thing; an old name's error says the new one.
    static let renamed: [String: String] = ["role": "position", "level": "severity"]

    /// Every column name a pipeline may use: node fields and the columns of every stage's
    /// table (`.docs` prints a table no pipeline can take up).
    public static let columnNames: [String] = {
        var names = NodeFields.all.map(\.name)
        for schema in StageCatalogue.all.map(\.output) {
            for name in schema.columnNames where !names.contains(name) { names.append(name) }
        }
        for name in ["count"] + [RateColumns.hits, RateColumns.chars, RateColumns.per10k].map(\.name) where !names.contains(name) { names.append(name) }
        return names
    }()

    /// Whether a column of this name anywhere holds true/false, so `filter NAME` alone reads.
    static func isBoolean(_ name: String) -> Bool {
        NodeFields.named(name)?.column.type == .boolean
            || StageCatalogue.all.contains { $0.output.columns.contains { $0.name == name && $0.type == .boolean } }
    }

    /// The words that start a stage.
    public static var stageWords: [String] {
        coreStages.map(\.name) + StageCatalogue.all.map(\.name)
    }
}
