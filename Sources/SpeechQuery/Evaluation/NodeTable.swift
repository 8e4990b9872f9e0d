extension Corpus {
    /// Rows for `nodes` of `type`: the named fields, or the type's default columns.
    public func table(for nodes: [Node], of type: NodeType, fields: [String]? = nil) -> Table {
        let schema = fields.map { type.schema.projecting($0) } ?? type.defaultSchema
        let resolved = schema.columns.map { NodeFields.named($0.name)! }
        return Table(schema: schema, rows: nodes.map { node in resolved.map { $0.value(of: node, in: self) } })
    }
}
