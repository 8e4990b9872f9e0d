/// What a column holds, as JSON, CSV readers and the SQLite export see it.
public enum ColumnType: String, Sendable {
    case text, integer, decimal, boolean
}

/// One column of a kind of row: declared once, read by the parser (which names exist),
/// the formatter (which columns give way on a narrow terminal), `.help`, the docs and export.
public struct Column: Sendable, Equatable {
    public let name: String
    public let type: ColumnType
    /// One line for `.help` and docs/language.md.
    public let summary: String
    /// Prose gives way first when a table is narrowed to the terminal.
    public let isProse: Bool
    /// The part of a concordance line the column holds, if any: the terminal table aligns
    /// the text before a match to the right and highlights the match, and `sort` orders the
    /// text before a match from its end, as concordancers do.
    public let concordance: ConcordancePart?

    public init(_ name: String, _ type: ColumnType, _ summary: String, prose: Bool = false, concordance: ConcordancePart? = nil) {
        self.name = name
        self.type = type
        self.summary = summary
        isProse = prose
        self.concordance = concordance
    }
}

/// The parts of a keyword-in-context line.
public enum ConcordancePart: Sendable, Equatable {
    case before, match, after
}

/// The declared shape of a kind of row. It never depends on the rows: an empty result, one
/// row and many rows of a kind have the same columns, so exports of different years
/// concatenate into one table.
public struct RowSchema: Sendable, Equatable {
    /// The kind of row, singular: `sentence`, `task`, `finding`.
    public let name: String
    public let columns: [Column]
    /// The columns that identify a row (a primary key in the export); empty when none do.
    public let key: [String]
    /// The column a terminal table draws after its columns (`trend`'s per10k as bars);
    /// nil for none.
    public let chart: Chart?

    public init(_ name: String, columns: [Column], key: [String] = [], chart: Chart? = nil) {
        self.name = name
        self.columns = columns
        self.key = key
        self.chart = chart
    }

    public var columnNames: [String] { columns.map(\.name) }

    public func index(of column: String) -> Int? { columns.firstIndex { $0.name == column } }

    /// The same kind of row cut down to `names`, in that order (`fields a, b`).
    func projecting(_ names: [String]) -> RowSchema {
        // The chart stays while its column does: `trend 改革 | fields doc, per10k` still draws bars.
        RowSchema(name, columns: names.compactMap { name in columns.first { $0.name == name } }, chart: chart.flatMap { names.contains($0.column) ? $0 : nil })
    }

    func appending(_ column: Column) -> RowSchema {
        RowSchema(name, columns: columns + [column], key: key, chart: chart)
    }
}

/// Columns that several schemas share, so each is described once.
enum SharedColumns {
    static let doc = Column("doc", .text, "document name")
    static let ref = Column("ref", .text, "reference of the node, typed back to pick it again (outline.md)")
    static let line = Column("line", .integer, "1-based source line")
    static let count = Column("count", .integer, "how many")
    static let origin = Column("origin", .text, "the path or input the document was loaded from")
    static let deadline = Column("deadline", .text, "the first time limit stated, as written (6月底前)")
    static let due = Column("due", .text, "that time limit as an ISO date or month (2025-06; empty for 汛期前)")
}
