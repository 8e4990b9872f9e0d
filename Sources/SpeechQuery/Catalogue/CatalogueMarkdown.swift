/// The catalogue as the Markdown tables of docs/language.md. A test compares the docs with
/// these, so the reference cannot drift from what the parser and evaluator accept.
public enum CatalogueMarkdown {
    /// Sections of docs/language.md generated from the catalogue, by marker name.
    public static let sections: [(name: String, markdown: String)] = [
        ("fields", fields), ("default-columns", defaultColumns), ("stages", stages),
    ]

    static var fields: String {
        var rows = ["| field | type | kinds | meaning |", "| --- | --- | --- | --- |"]
        for field in NodeFields.all {
            let kinds = field.types.count == NodeType.allCases.count
                ? "all" : NodeType.allCases.filter { field.types.contains($0) }.map(\.rawValue).joined(separator: ", ")
            rows.append("| `\(field.name)` | \(field.column.type.rawValue) | \(kinds) | \(escaped(field.column.summary)) |")
        }
        return rows.joined(separator: "\n")
    }

    static var defaultColumns: String {
        var rows = ["| rows of | columns shown unless `fields` says otherwise |", "| --- | --- |"]
        for type in NodeType.allCases {
            rows.append("| \(type.rawValue) | `\(type.defaultColumns.joined(separator: ", "))` |")
        }
        return rows.joined(separator: "\n")
    }

    static var stages: String {
        var rows = ["| stage | rows | columns |", "| --- | --- | --- |"]
        for spec in StageCatalogue.all {
            let aliases = spec.aliases.isEmpty ? "" : " (also `\(spec.aliases.joined(separator: "`, `"))`)"
            rows.append("| `\(escaped(spec.synopsis))`\(aliases) | \(spec.output.name): \(escaped(spec.summary)) | `\(spec.output.columnNames.joined(separator: ", "))` |")
        }
        return rows.joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    public static func startMarker(_ name: String) -> String { "<!-- catalogue:\(name) (generated; SPEECHQ_UPDATE_GOLDEN=1 swift test --filter Catalogue) -->" }
    public static func endMarker(_ name: String) -> String { "<!-- /catalogue:\(name) -->" }

    /// `document` with every generated section replaced by the catalogue's current text.
    public static func updating(_ document: String) -> String {
        var text = document
        for (name, markdown) in sections {
            guard let start = text.range(of: startMarker(name)), let end = text.range(of: endMarker(name), range: start.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: "\n" + markdown + "\n")
        }
        return text
    }
}
