/// A table of values: what `count`, `fields` and `group by` produce.
public struct Table: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[FieldValue]]

    public init(columns: [String], rows: [[FieldValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
}

/// The value of a pipeline: nodes (which later stages can descend into) or a table.
public struct QueryResult: Sendable {
    public enum Value: Sendable {
        case nodes([Node])
        case table(Table)
        /// Nodes grouped by a field, waiting for `count`.
        case groups(Field, [(key: FieldValue, nodes: [Node])])
    }

    public var value: Value
    /// Terms from the filters applied, highlighted in table output.
    public var highlights: [String] = []
    /// `show`: print full text, not cut to the terminal.
    public var showFullText = false

    public init(_ value: Value, highlights: [String] = [], showFullText: Bool = false) {
        self.value = value
        self.highlights = highlights
        self.showFullText = showFullText
    }

    /// Empty, or a single zero: what `--exit-status` treats as failure.
    public var isEmptyOrZero: Bool {
        switch value {
        case .nodes(let nodes): return nodes.isEmpty
        case .groups(_, let groups): return groups.isEmpty
        case .table(let table):
            if table.rows.isEmpty { return true }
            if table.rows.count == 1, table.columns.count == 1 { return table.rows[0][0].isEmptyOrZero }
            return false
        }
    }

    /// The table `group by FIELD | count` gives: one row per group with its size.
    public static func groupCounts(_ field: Field, _ groups: [(key: FieldValue, nodes: [Node])]) -> Table {
        Table(columns: [field.rawValue, "count"], rows: groups.map { [$0.key, .int($0.nodes.count)] })
    }

    /// The first `count` rows.
    public func limited(to count: Int) -> QueryResult {
        var copy = self
        switch value {
        case .nodes(let nodes): copy.value = .nodes(Array(nodes.prefix(count)))
        case .groups(let field, let groups): copy.value = .groups(field, Array(groups.prefix(count)))
        case .table(let table): copy.value = .table(Table(columns: table.columns, rows: Array(table.rows.prefix(count))))
        }
        return copy
    }

    public var rowCount: Int {
        switch value {
        case .nodes(let nodes): nodes.count
        case .groups(_, let groups): groups.count
        case .table(let table): table.rows.count
        }
    }
}
