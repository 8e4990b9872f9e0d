/// Turns query text into tokens on demand, so the parser can read a raw argument (a path
/// after `load`) where ordinary tokens would not fit.
struct Lexer {
    /// The message of an unterminated string, which the REPL reads as "keep typing".
    static let unterminatedString = "unterminated string"

    let source: QuerySource
    private let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, plus the end offset.
    private let offsets: [Int]
    private var position = 0
    /// True at the start of the input and after a statement separator, where a `.` begins
    /// a dot-command.
    private var atStatementStart = true
    /// True right after a comparison operator, where `-` starts a negative number.
    private var afterComparison = false

    init(_ source: QuerySource) {
        self.source = source
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in source.text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    private func peek(_ ahead: Int) -> Unicode.Scalar? { position + ahead < scalars.count ? scalars[position + ahead] : nil }
    private var offset: Int { offsets[position] }

    private func error(_ message: String, from start: Int, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: offsets[start]..<offsets[max(start + 1, min(position, scalars.count))], in: source, hint: hint)
    }

    /// An error pointing at the opening mark of a string or regex that never closes.
    private func unterminated(_ message: String, openedAt start: Int, hint: String) -> Diagnostic {
        Diagnostic(message, at: offsets[start]..<offsets[start + 1], in: source, hint: hint)
    }

    mutating func next() throws(Diagnostic) -> Token {
        skipBlanksAndComments()
        let start = position
        guard let c = current else { return Token(kind: .end, range: offset..<offset) }
        let wasStatementStart = atStatementStart
        atStatementStart = false
        let wasAfterComparison = afterComparison
        afterComparison = false
        func token(_ kind: TokenKind) -> Token {
            if case .comparison = kind { afterComparison = true }
            return Token(kind: kind, range: offsets[start]..<offsets[position])
        }

        // A minus sign before a number compared with (`log_ratio < -1`) belongs to the number.
        if c == "-", wasAfterComparison, let digit = peek(1), ("0"..."9").contains(digit) {
            position += 1
            let word = lexWord(position)
            guard case .number(let n) = word.kind else {
                if case .term(let t) = word.kind { return Token(kind: .term("-" + t), range: offsets[start]..<word.range.upperBound) }
                return word
            }
            return Token(kind: .number(-n), range: offsets[start]..<word.range.upperBound)
        }

        switch c {
        case "\n":
            position += 1
            atStatementStart = true
            return token(.newline)
        case ";", "；":
            position += 1
            atStatementStart = true
            return token(.semicolon)
        case "|", "｜": position += 1; return token(.pipe)
        case "(": position += 1; return token(.leftParen)
        case "（":
            // （一） is text to search for; （疫情 or 防控） groups.
            if bracketedTextEnd(from: position) != nil { return lexWord(start) }
            position += 1
            return token(.leftParen)
        case ")", "）": position += 1; return token(.rightParen)
        case ",", "，": position += 1; return token(.comma)
        case "=", "＝": position += 1; return token(.comparison(.equal))
        case "!", "！":
            guard let equals = peek(1), Self.isEquals(equals) else {
                position += 1
                throw error("unexpected '\(c)'", from: start, hint: "write 'not' to negate, or '!=' to compare")
            }
            position += 2
            return token(.comparison(.notEqual))
        case "<", ">", "＜", "＞":
            position += 1
            let less = c == "<" || c == "＜"
            if let equals = current, Self.isEquals(equals) {
                position += 1
                return token(.comparison(less ? .lessOrEqual : .greaterOrEqual))
            }
            return token(.comparison(less ? .less : .greater))
        case ".":
            if peek(1) == "." {
                position += 2
                return token(.dotDot)
            }
            if wasStatementStart, let letter = peek(1), letter.properties.isAlphabetic {
                return lexMeta(start)
            }
            position += 1
            throw error("unexpected '.'", from: start, hint: "dot-commands such as .help start a line")
        case "\"", "'", "“", "‘":
            return try lexString(start)
        case "/":
            return try lexRegex(start)
        default:
            if Self.isWordScalar(c) || bracketedTextEnd(from: position) != nil { return lexWord(start) }
            position += 1
            let hint = c.isASCII ? nil : "to search for text with punctuation in it, quote it: \"…\""
            throw error("unexpected character '\(c)'", from: start, hint: hint)
        }
    }

    private mutating func skipBlanksAndComments() {
        while let c = current {
            if c == "#" {
                while let d = current, d != "\n" { position += 1 }
            } else if c != "\n", c.properties.isWhitespace {
                position += 1
            } else {
                return
            }
        }
    }

    /// Letters, digits, `_` and every non-ASCII scalar that is not punctuation, space or one
    /// of the full-width operators an input method types for `| = < >`.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" }
        if c.properties.isWhitespace { return false }
        switch c {
        case "｜", "＝", "＜", "＞": return false
        default: break
        }
        switch c.properties.generalCategory {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation, .connectorPunctuation:
            return false
        default:
            return true
        }
    }

    /// The value of `0`–`9` or of the full-width `０`–`９` a Chinese input method types.
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: Int(c.value - 0x30)
        case 0xFF10...0xFF19: Int(c.value - 0xFF10)
        default: nil
        }
    }

    static func isEquals(_ c: Unicode.Scalar) -> Bool { c == "=" || c == "＝" }

    /// Brackets that may sit inside a bare term, each with its closing mark. Only `（` is
    /// also syntax (a full-width `(`); the others can mean nothing but text.
    static let textBrackets: [Unicode.Scalar: Unicode.Scalar] = ["（": "）", "〔": "〕", "【": "】", "《": "》"]

    /// Brackets inside brackets deeper than this are not read as text, so that a line of
    /// `（（（…` costs little and cannot exhaust the stack.
    private static let textBracketDepth = 8

    /// How the scalars of a bare word read: digits alone make a number, ASCII letters, digits
    /// and `_` a word of the language, anything else text to search for.
    private struct WordShape {
        var digitsOnly = true
        var asciiOnly = true

        mutating func take(_ c: Unicode.Scalar) {
            digitsOnly = digitsOnly && Lexer.digitValue(c) != nil
            asciiOnly = asciiOnly && c.isASCII && Lexer.isWordScalar(c)
        }

        /// A word of the language (s2, chars): a decimal point, a unit or brackets after it
        /// do not make it text.
        var isIdentifier: Bool { asciiOnly && !digitsOnly }
        var isText: Bool { !asciiOnly && !digitsOnly }
    }

    /// Where the bare word that starts at `start` ends, and how it reads. Besides word
    /// scalars it takes what people write inside Chinese text and numbers, none of which
    /// is syntax there: brackets round text with no space inside (第（三）条, （一）),
    /// a decimal point between digits and a percent or per-mille sign after one (6.7%,
    /// 74.4万亿元), and `，` or `、` between pieces of text (疫情，防控).
    private func scanWord(from start: Int, depth: Int = 0) -> (end: Int, shape: WordShape) {
        var shape = WordShape()
        var p = start
        func isDigit(_ q: Int) -> Bool { q >= start && q < scalars.count && Self.digitValue(scalars[q]) != nil }
        while p < scalars.count {
            let c = scalars[p]
            if Self.isWordScalar(c) {
                shape.take(c)
                p += 1
                continue
            }
            guard !shape.isIdentifier else { break }
            if let end = bracketedTextEnd(from: p, depth: depth) {
                p = end
            } else if c == "." || c == "．", isDigit(p - 1), isDigit(p + 1) {
                p += 1
            } else if c == "%" || c == "％" || c == "‰", isDigit(p - 1) {
                p += 1
            } else if c == "，" || c == "、", shape.isText, p + 1 < scalars.count,
                      Self.isWordScalar(scalars[p + 1]) || bracketedTextEnd(from: p + 1, depth: depth) != nil {
                p += 1
            } else {
                break
            }
            shape.digitsOnly = false
            shape.asciiOnly = false
        }
        return (p, shape)
    }

    /// The end of a bracketed piece of text that starts at `p` — an opening bracket, a bare
    /// word that is not a word of the language, the matching closing bracket, no space in
    /// between — or nil when the bracket at `p` is not one (then `（` groups a predicate).
    private func bracketedTextEnd(from p: Int, depth: Int = 0) -> Int? {
        guard depth < Self.textBracketDepth, p < scalars.count, let close = Self.textBrackets[scalars[p]] else { return nil }
        let (end, shape) = scanWord(from: p + 1, depth: depth + 1)
        guard end > p + 1, end < scalars.count, scalars[end] == close, !shape.isIdentifier else { return nil }
        return end + 1
    }

    private mutating func lexWord(_ start: Int) -> Token {
        let (end, shape) = scanWord(from: start)
        position = end
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        let range = offsets[start]..<offsets[end]
        if shape.digitsOnly {
            // ２０ from an input method counts as 20; too many digits for an Int is text.
            var digits = String.UnicodeScalarView()
            for c in scalars[start..<end] { digits.append(Unicode.Scalar(UInt8(48 + (Self.digitValue(c) ?? 0)))) }
            return Token(kind: Int(String(digits)).map(TokenKind.number) ?? .term(text), range: range)
        }
        if shape.asciiOnly { return Token(kind: .word(text), range: range) }
        return Token(kind: .term(text), range: range)
    }

    private mutating func lexString(_ start: Int) throws(Diagnostic) -> Token {
        let open = scalars[start]
        let close: Unicode.Scalar = open == "“" ? "”" : open == "‘" ? "’" : open
        position += 1
        var value = String.UnicodeScalarView()
        while let c = current {
            if c == close {
                position += 1
                return Token(kind: .string(String(value)), range: offsets[start]..<offsets[position])
            }
            if c == "\n" { break }
            if c == "\\", open.isASCII, let escaped = peek(1), escaped == close || escaped == "\\" {
                value.append(escaped)
                position += 2
                continue
            }
            value.append(c)
            position += 1
        }
        throw unterminated(Self.unterminatedString, openedAt: start, hint: "close it with \(close)")
    }

    private mutating func lexRegex(_ start: Int) throws(Diagnostic) -> Token {
        position += 1
        var pattern = String.UnicodeScalarView()
        while let c = current, c != "\n" {
            if c == "/" {
                position += 1
                var caseInsensitive = false
                if current == "i", !(peek(1).map(Self.isWordScalar) ?? false) {
                    caseInsensitive = true
                    position += 1
                }
                return Token(kind: .regex(pattern: String(pattern), caseInsensitive: caseInsensitive), range: offsets[start]..<offsets[position])
            }
            if c == "\\", peek(1) == "/" {
                pattern.append("/")
                position += 2
                continue
            }
            pattern.append(c)
            position += 1
        }
        throw unterminated("unterminated regular expression", openedAt: start, hint: "close it with /")
    }

    private mutating func lexMeta(_ start: Int) -> Token {
        position += 1
        let nameStart = position
        while let c = current, c.isASCII, c.properties.isAlphabetic { position += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<position]))
        let argumentStart = position
        while let c = current, c != "\n" { position += 1 }
        let arguments = String(String.UnicodeScalarView(scalars[argumentStart..<position])).trimmingSpaces()
        return Token(kind: .meta(name: name, arguments: arguments), range: offsets[start]..<offsets[nameStart + name.unicodeScalars.count])
    }

    /// Whether `text`, typed bare, reads back as one word or term equal to it, as a value
    /// after `doc =` must; `county-speech` does not (`-` is no word character), nor `2023`
    /// (a number), nor `a b`.
    static func readsAsOneWord(_ text: String) -> Bool {
        var lexer = Lexer(QuerySource(name: "<value>", text: text))
        guard let first = try? lexer.next(), let second = try? lexer.next(), second.kind == .end else { return false }
        return first.kind == .word(text) || first.kind == .term(text)
    }

    /// `text` as a `"…"` string the lexer reads back as `text`.
    static func quoted(_ text: String) -> String {
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for c in text.unicodeScalars {
            if c == "\"" || c == "\\" { quoted.append("\\") }
            quoted.append(c)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// Moves to the end of the current line, after a lexical error.
    mutating func skipRestOfLine() {
        while let c = current, c != "\n" { position += 1 }
    }

    /// The raw text up to the end of the statement or a following ` as NAME`, for `load PATH`.
    /// Quotes around it are removed. Returns the text and its range.
    mutating func rawArgument() throws(Diagnostic) -> (String, Range<Int>) {
        while let c = current, c != "\n", c.properties.isWhitespace { position += 1 }
        let start = position
        if let c = current, c == "\"" || c == "'" {
            let token = try lexString(start)
            if case .string(let value) = token.kind { return (value, token.range) }
        }
        while let c = current, c != "\n", c != ";", c != "|", c != "；", c != "｜", !c.properties.isWhitespace { position += 1 }
        return (String(String.UnicodeScalarView(scalars[start..<position])), offsets[start]..<offsets[position])
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
