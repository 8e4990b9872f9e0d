/// Whether typed text is a complete statement, and what Tab should offer at its end.
public enum InputCompleteness {
    /// True while a statement is unfinished: it ends with `|`, or has an open quote or
    /// parenthesis. The REPL then shows the continuation prompt.
    public static func needsMoreInput(_ text: String) -> Bool {
        var lexer = Lexer(QuerySource(name: "<input>", text: text))
        var depth = 0
        var last: TokenKind?
        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch {
                return error.message == Lexer.unterminatedString
            }
            switch token.kind {
            case .end: return depth > 0 || last == .pipe
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            default: break
            }
            if token.kind != .newline { last = token.kind }
        }
    }
}

extension InputCompleteness {
    /// Joins a continuation line to the statement so far: directly inside an open quote
    /// (quoted text never holds a line break), with a space otherwise.
    public static func join(_ text: String, _ line: String) -> String {
        var lexer = Lexer(QuerySource(name: "<input>", text: text))
        while true {
            do {
                if try lexer.next().kind == .end { return text + " " + line }
            } catch {
                return error.message == Lexer.unterminatedString ? text + line : text + " " + line
            }
        }
    }
}

/// Tab completion that knows where the cursor is in the language: stage names and kinds
/// after `|` or at the start, kinds after `select` and `count`, fields after `filter`,
/// `sort`, `fields` and `by`, dot-commands after `.`, paths after `load`, `.read` and
/// `.output`, bound names at the start, document names after `doc =`, quoted where they
/// must be.
public struct Completer {
    public var names: [String]
    public var documents: [String]
    /// The entries of a directory (names only), for path completion.
    public var listDirectory: (String) -> [(name: String, isDirectory: Bool)]

    public init(names: [String], documents: [String], listDirectory: @escaping (String) -> [(name: String, isDirectory: Bool)]) {
        self.names = names
        self.documents = documents
        self.listDirectory = listDirectory
    }

    /// The word being completed (the end of `line`) and the candidates that complete it.
    /// A candidate extends the word, or is it quoted (`"county-speech"` for `co`) where a
    /// bare word would not read back as the value; `edit(completing:with:)` says how.
    public func complete(_ line: String) -> (word: String, candidates: [String]) {
        var (before, word) = Self.split(line)
        let previous = before.last?.lowercased()

        let candidates: [String]
        if previous == "load" || previous == ".read" || previous == ".output" || previous == ".export" {
            return (word, paths(word))
        } else if before.isEmpty {
            candidates = word.hasPrefix(".")
                ? MetaCommand.names.map { "." + $0 }
                : Parser.stageWords + QueryKind.allCases.map(\.rawValue) + ["let", "load", "_"] + names
        } else if Self.expectsOperand(after: before) {
            return (word, Self.values(documents + names + ["_"], completing: word))
        } else if let arguments = Self.stageArgumentCandidates(after: before) {
            candidates = arguments
        } else {
            switch previous {
            case "|": candidates = Parser.stageWords + QueryKind.allCases.map(\.rawValue)
            case "select": candidates = QueryKind.allCases.map(\.rawValue)
            case "count": candidates = QueryKind.allCases.map(\.rawValue) + ["hits"]
            case "filter", "and", "or", "not", "(", "sort", "fields", "by", ",": candidates = Catalogue.columnNames
            case "group": candidates = ["by"]
            case ".format": candidates = OutputFormat.allCases.map(\.rawValue)
            case ".help": candidates = HelpText.topics
            case ".header", ".timer": candidates = ["on", "off"]
            case "=", "!=":
                before.removeLast()
                guard before.last?.lowercased() == "doc" else { return (word, []) }
                return (word, Self.values(documents, completing: word))
            default:
                candidates = []
            }
        }
        return (word, Self.unique(candidates.filter { $0.hasPrefix(word) && $0 != word }))
    }

    /// Inside a catalogue stage's arguments (`kwic 安全 w…`, `kwic 安全 within p…`): the
    /// words of a choice after its keyword, else the keywords not yet given.
    /// nil outside a catalogue stage's arguments; inside them, what may come next: a
    /// pending positional choice (`freq t…` → terms), the words of a keyword's choice, or
    /// the keywords not yet given once the required positional ones are there.
    static func stageArgumentCandidates(after words: [String]) -> [String]? {
        guard let (spec, arguments) = stageBeingWritten(words) else { return nil }
        if let last = arguments.last, let parameter = spec.parameters.first(where: { $0.keyword == last }) {
            if case .choice(let choices) = parameter.value { return choices }
            // A column after `by`, say: the generic answer for that word.
            return last == "by" ? Catalogue.columnNames : []
        }
        let positional = spec.parameters.filter { $0.keyword == nil }
        let givenPositional = arguments.prefix { word in !spec.parameters.contains { $0.keyword == word } }.count
        if givenPositional < positional.count {
            let next = positional[givenPositional]
            if case .choice(let choices) = next.value { return choices }
            if next.isRequired { return [] }
        }
        return spec.parameters.compactMap(\.keyword).filter { !arguments.contains($0) }
    }

    /// Whether the next word is an operand (`compare A B`): a document or a bound name.
    static func expectsOperand(after words: [String]) -> Bool {
        guard let (spec, arguments) = stageBeingWritten(words) else { return false }
        let positional = spec.parameters.filter { $0.keyword == nil }
        return arguments.count < positional.count && positional[arguments.count].value == .operand
    }

    /// The catalogue stage the last segment of the statement is writing, and the words
    /// after its name.
    private static func stageBeingWritten(_ words: [String]) -> (StageSpec, ArraySlice<String>)? {
        guard let start = words.lastIndex(where: { StageCatalogue.named($0) != nil }),
              !words[start...].contains("|"), let spec = StageCatalogue.named(words[start]) else { return nil }
        return (spec, words[(start + 1)...])
    }

    /// The words of the statement being typed (the text after the last `;`) before the word
    /// under the cursor, and that word ("" after a space or separator). `| ( ) , = !=` are
    /// words of their own, full-width forms from an input method read as them, and quoted
    /// text, closed or still open, is one word.
    static func split(_ text: String) -> (words: [String], word: String) {
        var words: [String] = []
        var current = ""
        var closingQuote: Character?
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for c in text {
            if let close = closingQuote {
                current.append(c)
                if c == close { closingQuote = nil }
            } else if current.isEmpty, let close = Self.quotes[c] {
                current.append(c)
                closingQuote = close
            } else if c == ";" || c == "；" {
                words = []
                current = ""
            } else if c.isWhitespace {
                flush()
            } else if let separator = Self.separators[c] {
                if separator == "=", current.last == "!" || current.last == "！" {
                    current.removeLast()
                    flush()
                    words.append("!=")
                } else {
                    flush()
                    words.append(separator)
                }
            } else {
                current.append(c)
            }
        }
        return (words, current)
    }

    private static let quotes: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "‘": "’"]
    private static let separators: [Character: String] = [
        "|": "|", "(": "(", ")": ")", ",": ",", "=": "=",
        "｜": "|", "（": "(", "）": ")", "，": ",", "＝": "=",
    ]

    /// The values that complete `word`, quoted where the bare value would not read back as
    /// itself (`county-speech` lexes as `county` and a stray `-`), or where the user has
    /// begun with a quote.
    static func values(_ values: [String], completing word: String) -> [String] {
        let opened = word.first == "\""
        let typed = opened ? String(word.dropFirst()) : word
        let completions = values.filter { $0.hasPrefix(typed) }.map { opened || !Lexer.readsAsOneWord($0) ? Lexer.quoted($0) : $0 }
        return unique(completions.filter { $0 != word })
    }

    /// Paths that complete `word`, quoted when one holds a space or a statement separator,
    /// which would otherwise end it, or when the user has begun with a quote. A directory's
    /// quote stays open for the rest of the path.
    func paths(_ word: String) -> [String] {
        let opened = word.first == "\""
        let typed = opened ? String(word.dropFirst()) : word
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        return listDirectory(directory.isEmpty ? "." : directory)
            .filter { $0.name.hasPrefix(base) && ($0.name.hasPrefix(".") == base.hasPrefix(".")) }
            .map { entry in
                let path = directory + entry.name + (entry.isDirectory ? "/" : "")
                guard opened || path.contains(where: { $0.isWhitespace || ";|；｜".contains($0) }) else { return path }
                return "\"" + path + (entry.isDirectory ? "" : "\"")
            }
            .sorted()
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// What Tab does to the line: how many characters (Unicode scalars) before the cursor to
    /// delete, and what to insert. One candidate completes, with a space after it unless it
    /// is a directory still being typed; several complete as far as they agree; nil when
    /// that adds nothing, and the candidates are listed instead. Deleting is needed only
    /// where a candidate quotes what was typed (`co` becomes `"county-speech" `).
    public static func edit(completing word: String, with candidates: [String]) -> (deleting: Int, inserting: String)? {
        guard let only = candidates.first else { return nil }
        let target: String
        if candidates.count == 1 {
            target = only + (only.hasSuffix("/") ? "" : " ")
        } else {
            target = commonPrefix(candidates)
            guard target.unicodeScalars.count > word.unicodeScalars.count else { return nil }
        }
        let typed = Array(word.unicodeScalars), wanted = Array(target.unicodeScalars)
        var kept = 0
        while kept < typed.count, kept < wanted.count, typed[kept] == wanted[kept] { kept += 1 }
        return (typed.count - kept, String(String.UnicodeScalarView(wanted[kept...])))
    }

    /// The longest prefix all candidates share.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
