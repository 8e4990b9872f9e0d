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
/// `.output`, bound names at the start, document names after `doc =`.
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

    /// The word being completed (the end of `line`) and the candidates that extend it.
    public func complete(_ line: String) -> (word: String, candidates: [String]) {
        let separators: Set<Character> = ["|", "(", ")", ",", ";", "="]
        let statement = line.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? line
        let previousWords = Self.words(statement)
        let endsInSpace = statement.last.map { $0.isWhitespace || separators.contains($0) } ?? true
        let word = endsInSpace ? "" : (previousWords.last ?? "")
        var before = endsInSpace ? previousWords : Array(previousWords.dropLast())
        let previous = before.last?.lowercased()

        let candidates: [String]
        if previous == "load" || previous == ".read" || previous == ".output" || previous == ".export" {
            return (word, paths(word))
        } else if before.isEmpty {
            candidates = word.hasPrefix(".")
                ? MetaCommand.names.map { "." + $0 }
                : Parser.stageWords + QueryKind.allCases.map(\.rawValue) + ["let", "load", "_"] + names
        } else {
            switch previous {
            case "|": candidates = Parser.stageWords + QueryKind.allCases.map(\.rawValue)
            case "select", "count": candidates = QueryKind.allCases.map(\.rawValue)
            case "filter", "and", "or", "not", "(", "sort", "fields", "by", ",": candidates = Catalogue.columnNames
            case "group": candidates = ["by"]
            case ".format": candidates = OutputFormat.allCases.map(\.rawValue)
            case ".help": candidates = HelpText.topics
            case ".header", ".timer": candidates = ["on", "off"]
            case "=", "!=":
                before.removeLast()
                candidates = before.last?.lowercased() == "doc" ? documents : []
            default: candidates = []
            }
        }
        return (word, Self.unique(candidates.filter { $0.hasPrefix(word) && $0 != word }))
    }

    /// The text split into words, with `| ( ) , ; = !=` as words of their own.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for c in text {
            if c.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if "|(),;".contains(c) || (c == "=" && previous != "!") {
                if !current.isEmpty { words.append(current) }
                words.append(String(c))
                current = ""
            } else if c == "=" {
                current.append(c)
                words.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    func paths(_ word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let base = slash.map { String(word[word.index(after: $0)...]) } ?? word
        return listDirectory(directory.isEmpty ? "." : directory)
            .filter { $0.name.hasPrefix(base) && ($0.name.hasPrefix(".") == base.hasPrefix(".")) }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
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
