import ArgumentParser
import SpeechQuery

/// What `--format` may name. Query results print as table, tsv, csv, json or jsonl; an
/// outline as tree or json. Both commands take any of these names when parsing and check
/// them afterwards, so that `--format csv` given to `outline` (or `--format tree` to a query)
/// is answered with what the format is for, not with a bare "invalid value". Options come
/// before or after the subcommand alike, so `speechq --format json outline` carries json
/// over to the outline.
enum FormatChoice {
    static let queryNames = OutputFormat.allCases.map(\.rawValue)
    static let outlineNames = OutlineFormat.allCases.map(\.rawValue)

    /// The format of query results `name` names.
    static func query(_ name: String) throws -> OutputFormat {
        if let format = OutputFormat(rawValue: name) { return format }
        if outlineNames.contains(name) {
            throw ValidationError("--format \(name) is for 'speechq outline'; query results print as \(list(queryNames))")
        }
        throw ValidationError("unknown --format '\(name)': use \(list(queryNames))")
    }

    /// The outline format `name` names.
    static func outline(_ name: String) throws -> OutlineFormat {
        if let format = OutlineFormat(rawValue: name) { return format }
        if queryNames.contains(name) {
            throw ValidationError("'speechq outline' prints \(list(outlineNames)), not \(name) (\(name) is a format of query results)")
        }
        throw ValidationError("unknown --format '\(name)': use \(list(outlineNames))")
    }

    /// `a, b or c`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}

/// The ways `speechq outline` prints.
enum OutlineFormat: String, CaseIterable {
    case tree, json
}
