/// A column whose values name rows of another table: a foreign key in SQLite.
public struct ColumnReference: Sendable, Equatable {
    public let column: String
    public let table: String
    public let targetColumn: String
}

/// One table of an export: its name, its declared columns, the tables its columns point
/// into, and where its rows come from. The columns never depend on the rows, so an empty
/// table has the same columns as a full one, and exports of different corpora concatenate.
public struct ExportTable: Sendable {
    public enum Content: Sendable {
        /// Every node of the type, document by document, with every field the type has.
        case nodes(NodeType)
        /// The stage's table over every document, as `STAGE | …` at the start of a query.
        case stage(StageSpec)
        /// Rows known in full beforehand (the export's description of itself).
        case rows([[FieldValue]])
    }

    public let name: String
    public let schema: RowSchema
    public let references: [ColumnReference]
    public let content: Content

    /// The rows over `corpus`. Node rows are made as they are read, so the sentences of a
    /// large corpus never sit in memory all at once; a stage's table is made whole, as a
    /// query would make it.
    func rows(of corpus: Corpus, isInterrupted: @escaping InterruptCheck) throws(ExportFailure) -> AnySequence<[FieldValue]> {
        switch content {
        case .nodes(let type):
            let fields = schema.columns.map { NodeFields.named($0.name)! }
            let kind = type.queryKind
            return AnySequence(corpus.documentNodes.lazy
                .flatMap { corpus.children(of: $0, kind: kind) }
                .map { node in fields.map { Self.exported($0.value(of: node, in: corpus)) } })
        case .stage(let spec):
            let input = StageInput(corpus: corpus, nodes: corpus.documentNodes, arguments: [:], isInterrupted: isInterrupted)
            do {
                return AnySequence(try spec.table(input).rows.lazy.map { $0.map(Self.exported) })
            } catch {
                throw .stage(name, error.message)
            }
        case .rows(let rows):
            return AnySequence(rows.lazy.map { $0.map(Self.exported) })
        }
    }

    /// Empty text is written as null: a sentence without a deadline has none, in SQL
    /// (`deadline is null`), JSON and CSV alike.
    static func exported(_ value: FieldValue) -> FieldValue {
        value == .text("") ? .null : value
    }
}
