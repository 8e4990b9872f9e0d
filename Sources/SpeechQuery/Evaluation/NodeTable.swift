extension Corpus {
    /// The columns a node row shows by default, in this order, when any row has a value.
    static let defaultColumns: [Field] = [.doc, .ref, .kind, .level, .section, .subsection, .point, .line, .title, .year, .date, .speaker, .heading, .text]

    /// Rows for `nodes`: the given fields, or the default columns that apply to them.
    /// Documents leave out `text` by default (it is the whole document).
    public func table(for nodes: [Node], fields: [Field]?, includeText: Bool = true) -> Table {
        let chosen: [Field]
        if let fields {
            chosen = fields
        } else {
            let onlyDocuments = nodes.allSatisfy { $0.kind == .document }
            chosen = Self.defaultColumns.filter { field in
                if field == .text { return includeText && !onlyDocuments }
                if [.title, .year, .date, .speaker].contains(field) { return onlyDocuments && !nodes.isEmpty }
                return nodes.contains { value(field, of: $0) != .null } || [.doc, .ref, .kind].contains(field)
            }
        }
        return Table(columns: chosen.map(\.rawValue), rows: nodes.map { node in chosen.map { value($0, of: node) } })
    }
}
