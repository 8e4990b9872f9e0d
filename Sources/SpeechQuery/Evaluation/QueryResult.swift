/// A table of values: what `count`, `fields`, `group by` and the catalogue's stages produce.
/// Its columns are declared by its schema, never read off its rows.
public struct Table: Sendable, Equatable {
    public var schema: RowSchema
    public var rows: [[FieldValue]]

    public init(schema: RowSchema, rows: [[FieldValue]]) {
        self.schema = schema
        self.rows = rows
    }

    public var columns: [String] { schema.columnNames }

    public func column(_ name: String) -> Int? { schema.index(of: name) }
}

/// The value of a pipeline: nodes (which later stages can descend into) or a table.
public struct QueryResult: Sendable {
    public enum Value: Sendable {
        /// Nodes, all of one type, which declares their columns even when there are none.
        case nodes([Node], NodeType)
        case table(Table)
        /// Nodes or rows grouped by fields, waiting for `count`.
        case groups(Grouping)
    }

    public var value: Value
    /// Terms from the filters applied, highlighted in table output.
    public var highlights: [String] = []
    /// `show`: print full text, not cut to the terminal.
    public var showFullText = false
    /// `fields A, B` at the end of a pipeline over nodes: the nodes stay nodes and are shown
    /// with these columns, made into rows a piece at a time as they are printed, so a result
    /// of millions of rows never exists whole. Whatever reads the result as input (`_`, a
    /// name bound with `let`, an operand) gets the table `fields` makes anywhere else:
    /// `materialized(in:)`.
    public var projection: [String]?

    public init(_ value: Value, highlights: [String] = [], showFullText: Bool = false) {
        self.value = value
        self.highlights = highlights
        self.showFullText = showFullText
    }

    /// The result as later stages read it: a projection made into its table.
    public func materialized(in corpus: Corpus) -> QueryResult {
        guard let projection, case .nodes(let nodes, let type) = value else { return self }
        var copy = self
        copy.value = .table(corpus.table(for: nodes, of: type, fields: projection))
        copy.projection = nil
        return copy
    }

    /// Empty, or a single zero: what `--exit-status` treats as failure.
    public var isEmptyOrZero: Bool {
        switch value {
        case .nodes(let nodes, _): return nodes.isEmpty
        // Groups listed with nothing in them (every document, zeros too) are still nothing.
        case .groups(let grouping): return grouping.groups.allSatisfy { $0.size == 0 }
        case .table(let table):
            if table.rows.isEmpty { return true }
            if table.rows.count == 1, table.columns.count == 1 { return table.rows[0][0].isEmptyOrZero }
            // Counts listed for every document or year, all of them zero, found nothing.
            for name in ["count", "hits"] {
                if let column = table.column(name) { return table.rows.allSatisfy { $0[column].isEmptyOrZero } }
            }
            return false
        }
    }

    /// The first `count` rows.
    public func limited(to count: Int) -> QueryResult {
        var copy = self
        switch value {
        case .nodes(let nodes, let type): copy.value = .nodes(Array(nodes.prefix(count)), type)
        case .groups(let grouping): copy.value = .groups(grouping.prefix(count))
        case .table(let table): copy.value = .table(Table(schema: table.schema, rows: Array(table.rows.prefix(count))))
        }
        return copy
    }

    public var rowCount: Int {
        switch value {
        case .nodes(let nodes, _): nodes.count
        case .groups(let grouping): grouping.groups.count
        case .table(let table): table.rows.count
        }
    }
}
