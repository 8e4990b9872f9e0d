/// A column a terminal table draws after its other columns, declared by the row schema so
/// that any stage can chart: the table lays the drawing out in the width its columns leave
/// (TableLayout), while TSV, CSV and JSON carry the column's values alone.
public enum Chart: Sendable, Equatable {
    /// Horizontal bars of a numeric column, the largest filling the width (`trend`'s per10k).
    case bars(String)
    /// AntConc's concordance plot: one line standing for the whole text, each cell marked
    /// by how many hits fall in it. The column holds the hits' positions in thousandths of
    /// the text, space-separated (`plot`'s positions); the strip is shown in its place.
    case strip(String)

    /// The column drawn.
    public var column: String {
        switch self {
        case .bars(let name), .strip(let name): name
        }
    }
}
