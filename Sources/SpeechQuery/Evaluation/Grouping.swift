/// What `group by FIELD, …` makes of its input, waiting for `count`: one group per distinct
/// key, in order of first appearance, each with its size.
public struct Grouping: Sendable {
    public struct Group: Sendable {
        public var key: [FieldValue]
        /// Columns that say what a key means (a section's heading), not part of the key.
        public var label: [FieldValue]
        public var size: Int
    }

    public var keys: [Column]
    public var labels: [Column]
    public var groups: [Group]

    /// The table `group by … | count` gives.
    public var counts: Table {
        Table(schema: RowSchema("group", columns: keys + labels + [SharedColumns.count], key: keys.map(\.name)),
              rows: groups.map { $0.key + $0.label + [.int($0.size)] })
    }

    func prefix(_ n: Int) -> Grouping {
        Grouping(keys: keys, labels: labels, groups: Array(groups.prefix(n)))
    }
}

/// Builds groupings of nodes and of table rows.
struct Grouper {
    let corpus: Corpus

    /// Nodes grouped by node fields. A single `section` or `subsection` key carries its
    /// heading; a single `doc` or `year` key lists every loaded document or year, the
    /// ones with nothing included, so a trend has no gaps.
    func group(_ nodes: [Node], by fields: [NodeField]) -> Grouping {
        var grouping = Grouping(keys: fields.map(\.column), labels: [], groups: [])
        var index: [[FieldValue]: Int] = [:]
        var firstMember: [Node] = []
        for node in nodes {
            let key = fields.map { $0.value(of: node, in: corpus) }
            if let k = index[key] {
                grouping.groups[k].size += 1
            } else {
                index[key] = grouping.groups.count
                grouping.groups.append(Grouping.Group(key: key, label: [], size: 1))
                firstMember.append(node)
            }
        }
        if fields.count == 1, let heading = headingKind(fields[0].name) {
            grouping.labels = [NodeFields.named("heading")!.column]
            for k in grouping.groups.indices {
                grouping.groups[k].label = [label(of: firstMember[k], heading, members: nodes, key: grouping.groups[k].key, field: fields[0])]
            }
        }
        return fillingZeros(grouping)
    }

    /// Table rows grouped by columns.
    func group(_ table: Table, by columns: [Int]) -> Grouping {
        var grouping = Grouping(keys: columns.map { table.schema.columns[$0] }, labels: [], groups: [])
        var index: [[FieldValue]: Int] = [:]
        for row in table.rows {
            let key = columns.map { row[$0] }
            if let k = index[key] {
                grouping.groups[k].size += 1
            } else {
                index[key] = grouping.groups.count
                grouping.groups.append(Grouping.Group(key: key, label: [], size: 1))
            }
        }
        return fillingZeros(grouping)
    }

    private func headingKind(_ field: String) -> QueryKind? {
        switch field {
        case "section": .sections
        case "subsection": .subsections
        default: nil
        }
    }

    /// The heading of the section (or subsection) a group stands for; empty when its
    /// members lie in sections of that number that differ in heading (subsection 1 of
    /// different sections, or section 2 of different documents).
    private func label(of first: Node, _ kind: QueryKind, members: [Node], key: [FieldValue], field: NodeField) -> FieldValue {
        guard let own = corpus.enclosing(first, kind) else { return .null }
        let heading = corpus.heading(of: own)
        var seen: Set<Node> = [own]
        for member in members where field.value(of: member, in: corpus) == key[0] {
            guard let other = corpus.enclosing(member, kind), seen.insert(other).inserted else { continue }
            if corpus.heading(of: other) != heading { return .null }
        }
        return heading
    }

    /// A grouping by `doc` or `year` alone lists every loaded document or year, in the
    /// order they were loaded (documents) or in order (years).
    private func fillingZeros(_ grouping: Grouping) -> Grouping {
        guard grouping.keys.count == 1 else { return grouping }
        let every: [FieldValue]
        switch grouping.keys[0].name {
        case "doc": every = corpus.documents.map { .text($0.name) }
        case "year":
            every = Array(Set(corpus.documents.map { $0.metadata.year.map(FieldValue.int) ?? .null })).sorted { FieldValue.ascending($0, $1) }
        default: return grouping
        }
        let sizes = Dictionary(grouping.groups.map { ($0.key[0], $0) }, uniquingKeysWith: { a, _ in a })
        var filled = grouping
        filled.groups = every.map { sizes[$0] ?? Grouping.Group(key: [$0], label: [], size: 0) }
        // Keys outside the loaded documents (none today) keep their place at the end.
        filled.groups += grouping.groups.filter { !every.contains($0.key[0]) }
        return filled
    }
}
