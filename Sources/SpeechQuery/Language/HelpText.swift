/// The text of `.help` and `.help TOPIC`, built from the catalogue so it lists every stage
/// and field there is. docs/language.md is the full reference.
public enum HelpText {
    static let fixedTopics = ["stages", "kinds", "fields", "predicates", "formats", "commands"]

    /// The topics `.help` knows: the fixed ones and every catalogue stage.
    public static var topics: [String] { fixedTopics + Catalogue.stageWords }

    /// The help on `topic` (nil: the overview), wrapped to `width` columns when given.
    public static func text(for topic: String?, width: Int? = nil) -> String? {
        switch topic?.lowercased() {
        case nil: return overview(width: width)
        case "stages"?, "stage"?: return stages(width: width)
        case "kinds"?, "kind"?: return kinds(width: width)
        case "fields"?, "field"?: return fields(width: width)
        case "predicates"?, "filter"?: return predicates(width: width)
        case "formats"?, "format"?: return formats(width: width)
        case "commands"?, "meta"?: return commands(width: width)
        case let word?:
            if let core = Catalogue.coreStages.first(where: { $0.name == word }) { return "\(core.synopsis)\n  \(core.summary)\n\n" }
            return StageCatalogue.named(word).map { stage($0, width: width) }
        }
    }

    static func overview(width: Int?) -> String {
        "speechq queries the structure of speeches. A statement is a pipeline of stages:\n\n"
            + TwoColumnText.render([
                ("select sections | count", "how many sections"),
                ("sections | filter 疫情 | count", "sections mentioning 疫情 (bare CJK words are terms)"),
                ("select section 2 | select points 1", "the first point of section 2"),
                ("count directives", "directives in everything loaded"),
                ("kwic 安全生产", "every occurrence of 安全生产 in its context"),
                ("let s2 = select section 2", "name a result; use it as: s2 | count sentences"),
                ("_ | filter 企业", "filter the previous result"),
            ], width: width)
            + "\nStatements end at a new line or ';'. '#' starts a comment.\n"
            + "More: .help stages | kinds | fields | predicates | formats | commands | STAGE\n\n"
    }

    static func stages(width: Int?) -> String {
        var rows = Catalogue.coreStages.map { ($0.synopsis, $0.summary) }
        rows.insert(("KIND [POS]", "the same as select KIND, without 'select'"), at: 1)
        rows += StageCatalogue.all.map { spec in
            (spec.synopsis, spec.summary + (spec.aliases.isEmpty ? "" : " (also: \(spec.aliases.joined(separator: ", ")))"))
        }
        return "Stages (joined with |):\n" + TwoColumnText.render(rows, width: width)
            + "'.help STAGE' shows the columns of a stage's table.\n\n"
    }

    static func kinds(width: Int?) -> String {
        "Kinds (singular forms too: section, point):\n" + TwoColumnText.render([
            ("docs", "loaded documents"),
            ("sections", "一、… divisions"),
            ("subsections", "（一）… divisions"),
            ("points", "一是/一要/第一，/首先… enumerations"),
            ("paragraphs", "body paragraphs (opening, sections, closing)"),
            ("sentences", "body sentences"),
            ("directives", "sentences the analysis reads as orders; 'why' names the rules that fired"),
            ("headings", "title, subtitles, section and subsection headings"),
        ], width: width) + "\n"
    }

    static func fields(width: Int?) -> String {
        let rows = NodeFields.all.map { field in
            let kinds = field.types.count == NodeType.allCases.count
                ? "all" : NodeType.allCases.filter { field.types.contains($0) }.map(\.rawValue).joined(separator: ", ")
            return (field.name, "\(field.column.summary) [\(kinds)]")
        }
        return "Fields of nodes [the kinds that have them]:\n" + TwoColumnText.render(rows, width: width)
            + "A stage's table has its own columns: '.help STAGE'.\n\n"
    }

    static func stage(_ spec: StageSpec, width: Int?) -> String {
        let summary = width.map { TwoColumnText.wrap(spec.summary, to: max(20, $0 - 2)) } ?? [spec.summary]
        var out = spec.synopsis + "\n" + summary.map { "  \($0)\n" }.joined() + "  for example: \(spec.example)\n"
        if !spec.parameters.isEmpty {
            out += "Arguments:\n" + TwoColumnText.render(spec.parameters.map { parameter in
                (parameter.keyword.map { "\($0) \(parameter.name)" } ?? parameter.name, parameter.summary)
            }, width: width)
        }
        out += "Columns of its \(spec.output.name) rows:\n"
        out += TwoColumnText.render(spec.output.columns.map { ($0.name, $0.summary) }, width: width) + "\n"
        return out
    }

    static func predicates(width: Int?) -> String {
        "Predicates:\n" + TwoColumnText.render([
            ("疫情, \"复工\", '复工', “复工”", "text contains the term"),
            ("/主要|重要/, /covid/i", "text matches the regular expression (ICU syntax)"),
            ("chars > 200, section = 3", "field comparisons: = != < <= > >="),
            ("directive", "a boolean field"),
            ("and, or, not, ( … )", "combine them"),
        ], width: width) + "\n"
    }

    static func formats(width: Int?) -> String {
        let text = "Formats (.format or --format): table (default on a terminal, fitted to its width), "
            + "line (one name: value line per field; also for rows too wide for a table), "
            + "tsv (default when piped), csv, json, jsonl. '.header on' adds a header line to tsv and csv. "
            + "At the prompt, results longer than the window go through a pager (.pager)."
        return (width.map { TwoColumnText.wrap(text, to: $0) } ?? [text]).joined(separator: "\n") + "\n\n"
    }

    static func commands(width: Int?) -> String {
        "Commands:\n" + TwoColumnText.render([
            (".help [TOPIC]", "this help"),
            (".docs", "the loaded documents"),
            (".format FORMAT", "table, line, tsv, csv, json, jsonl"),
            (".header on|off", "header line for tsv and csv"),
            (".pager on|off|CMD", "page long results at the prompt ($PAGER, else less -FRX)"),
            (".output [FILE]", "send results to FILE; alone, back to standard output"),
            (".read SCRIPT", "run a script file"),
            (".timer on|off", "show how long each statement takes"),
            (".lexicon FILE", "add a lexicon file's words to the directive analysis"),
            (".export PATH [FMT]", "write the tables to a SQLite database, or to jsonl or csv files"),
            (".quit", "stop"),
            ("load PATH [as NAME]", "load more documents; NAME names them as a result"),
        ], width: width) + "\n"
    }
}
