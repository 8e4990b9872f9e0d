/// The text of `.help` and `.help TOPIC`. docs/language.md is the full reference.
public enum HelpText {
    public static let topics = ["stages", "kinds", "fields", "predicates", "formats", "commands"]

    public static func text(for topic: String?) -> String? {
        switch topic?.lowercased() {
        case nil: return overview
        case "stages"?, "stage"?: return stages
        case "kinds"?, "kind"?: return kinds
        case "fields"?, "field"?: return fields
        case "predicates"?, "filter"?: return predicates
        case "formats"?, "format"?: return formats
        case "commands"?, "meta"?: return commands
        default: return nil
        }
    }

    static let overview = """
    speechq queries the structure of speeches. A statement is a pipeline of stages:

      select sections | count                 how many sections
      sections | filter 疫情 | count           sections mentioning 疫情 (bare CJK words are terms)
      select section 2 | select points 1      the first point of section 2
      count directives                        directives in everything loaded
      let s2 = select section 2               name a result; use it as: s2 | count sentences
      _ | filter 企业                          filter the previous result

    Statements end at a new line or ';'. '#' starts a comment.
    More: .help stages | kinds | fields | predicates | formats | commands

    """

    static let stages = """
    Stages (joined with |):
      select KIND [POS]    descend to KIND (or climb to it); POS: 2, 2..3, 1,3, last
      KIND [POS]           the same, without 'select'
      filter PREDICATE     keep what matches (.help predicates)
      count [KIND]         count the input, or KIND inside each input node
      show                 print full text instead of cutting it to the terminal
      sort FIELD [desc]    order by fields (comma-separated)
      limit N              the first N
      fields A, B          a table of these fields
      group by FIELD       group, then | count
      tasks                who must do what by when: actor, role, action, deadline, due
      formulations         numbered slogans (两个责任, 三严三保) with counts and references
      placeholders         template gaps (X, XX, ×××, 20XX年, **, 某某)
      check                numbering, announced count, residue and placeholder checks

    """

    static let kinds = """
    Kinds: docs, sections, subsections, points, paragraphs, sentences, directives, headings
    (singular forms too). directives are the sentences the analysis classifies as directives;
    their 'why' field names the rules that fired.

    """

    static let fields = """
    Fields: \(Field.nodeFields.map(\.rawValue).joined(separator: ", "))
    Tables from count and the analysis stages carry their own columns (count, actor, role,
    action, formulation, refs, placeholder, check, message …).

    """

    static let predicates = """
    Predicates:
      疫情, "复工", '复工', “复工”     text contains the term
      /主要|重要/, /covid/i           text matches the regular expression (ICU syntax)
      chars > 200, section = 3       field comparisons: = != < <= > >=
      directive                      a boolean field
      and, or, not, ( … )

    """

    static let formats = """
    Formats (.format or --format): table (default on a terminal, fitted to its width),
    line (one name: value line per field; also for rows too wide for a table),
    tsv (default when piped), csv, json, jsonl. '.header on' adds a header line to tsv and
    csv. At the prompt, results longer than the window go through a pager (.pager).

    """

    static let commands = """
    Commands:
      .help [TOPIC]        this help
      .docs                the loaded documents
      .format FORMAT       table, line, tsv, csv, json, jsonl
      .header on|off       header line for tsv and csv
      .pager on|off|CMD    page long results at the prompt ($PAGER, else less -FRX)
      .output [FILE]       send results to FILE; alone, back to standard output
      .read SCRIPT         run a script file
      .timer on|off        show how long each statement takes
      .lexicon FILE        add a lexicon file's words to the directive analysis
      .quit                stop
      load PATH [as NAME]  load more documents; NAME names them as a result

    """
}
