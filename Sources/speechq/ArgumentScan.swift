/// The words of a command line, read for the two things ArgumentParser does not tell:
/// where the subcommand word is when options come before it (`speechq --format json outline
/// FILE`), and in which order `-e` and `-f` were given (it keeps each option's values in
/// order, but not how different options interleave).
///
/// ArgumentParser still parses everything; this only tells words apart. It relies on one
/// rule of ArgumentParser: an option's value is the next word and never starts with `-`
/// (except `-` itself). So a word `-e` is always the option, and the word after an option
/// that takes a value is that value.
struct ArgumentScan {
    /// The options of `speechq` and `speechq outline` that take a value (checked against
    /// the parser's own description by a test, so a new option cannot be forgotten here).
    static let optionsTakingValues: Set<String> = [
        "-e", "-f", "--format", "--lexicon", "--color", "--width", "--max-size", "--generate-completion-script", "-o", "--output",
    ]

    /// One word of the command line as ArgumentParser will read it.
    enum Word: Equatable {
        /// An option, or a group of short flags (`-qi`); `value` is the next word when it takes one.
        case option(String, value: String?)
        /// A FILE, or the subcommand when it is the first of these.
        case positional(String)
        /// `--`: every word after it is a positional.
        case terminator
    }

    let arguments: [String]
    /// The words with the index in `arguments` each starts at.
    let words: [(index: Int, word: Word)]

    init(_ arguments: [String]) {
        self.arguments = arguments
        var words: [(Int, Word)] = []
        var i = 0
        var afterTerminator = false
        while i < arguments.count {
            let text = arguments[i]
            if afterTerminator || text == "-" || !text.hasPrefix("-") {
                words.append((i, .positional(text)))
            } else if text == "--" {
                words.append((i, .terminator))
                afterTerminator = true
            } else if Self.takesValue(text), i + 1 < arguments.count {
                words.append((i, .option(text, value: arguments[i + 1])))
                i += 1
            } else {
                words.append((i, .option(text, value: nil)))
            }
            i += 1
        }
        self.words = words
    }

    /// Whether `word` (an option, or a group of short options) takes the next word as its
    /// value: `--format`, `-e`, and a group whose last letter is such an option (`-qe`).
    static func takesValue(_ word: String) -> Bool {
        if word.hasPrefix("--") { return !word.contains("=") && optionsTakingValues.contains(word) }
        guard let last = word.last, word.count >= 2 else { return false }
        return optionsTakingValues.contains("-\(last)")
    }

    /// The first positional word (before any `--`) and the arguments without it, when that
    /// word is one of `names`: the subcommand, wherever the options put it.
    func subcommand(among names: [String]) -> (name: String, arguments: [String])? {
        for (index, word) in words {
            switch word {
            case .terminator: return nil
            case .option(let option, _):
                // After -e or -f the words are documents: a folder named `export` is one.
                if !option.hasPrefix("--"), option.last == "e" || option.last == "f" { return nil }
                continue
            case .positional(let text):
                guard names.contains(text) else { return nil }
                var rest = arguments
                rest.remove(at: index)
                return (text, rest)
            }
        }
        return nil
    }

    /// The `-e` and `-f` values in the order they were given, or nil when this scan does
    /// not find exactly the values ArgumentParser parsed (then the order cannot be trusted).
    func statementInputs(expressions: [String], scripts: [String]) -> [StatementInput]? {
        var inputs: [StatementInput] = []
        for (_, word) in words {
            guard case .option(let option, let value?) = word, !option.hasPrefix("--") else { continue }
            switch option.last {
            case "e": inputs.append(.expression(value))
            case "f": inputs.append(.script(value))
            default: break
            }
        }
        let found = (inputs.compactMap(\.expression), inputs.compactMap(\.script))
        return found == (expressions, scripts) ? inputs : nil
    }
}

/// Statements named on the command line: `-e QUERY` or `-f SCRIPT`.
enum StatementInput: Equatable {
    case expression(String)
    case script(String)

    var expression: String? {
        if case .expression(let text) = self { return text }
        return nil
    }

    var script: String? {
        if case .script(let path) = self { return path }
        return nil
    }
}
