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
        func token(_ kind: TokenKind) -> Token { Token(kind: kind, range: offsets[start]..<offsets[position]) }

        switch c {
        case "\n":
            position += 1
            atStatementStart = true
            return token(.newline)
        case ";":
            position += 1
            atStatementStart = true
            return token(.semicolon)
        case "|": position += 1; return token(.pipe)
        case "(", "（": position += 1; return token(.leftParen)
        case ")", "）": position += 1; return token(.rightParen)
        case ",", "，": position += 1; return token(.comma)
        case "=": position += 1; return token(.comparison(.equal))
        case "!":
            guard peek(1) == "=" else {
                position += 1
                throw error("unexpected '!'", from: start, hint: "write 'not' to negate, or '!=' to compare")
            }
            position += 2
            return token(.comparison(.notEqual))
        case "<", ">":
            position += 1
            if current == "=" {
                position += 1
                return token(.comparison(c == "<" ? .lessOrEqual : .greaterOrEqual))
            }
            return token(.comparison(c == "<" ? .less : .greater))
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
            if Self.isWordScalar(c) { return lexWord(start) }
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

    /// Letters, digits, `_` and every non-ASCII scalar that is not punctuation or space.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" }
        if c.properties.isWhitespace { return false }
        switch c.properties.generalCategory {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .dashPunctuation, .connectorPunctuation:
            return false
        default:
            return true
        }
    }

    private mutating func lexWord(_ start: Int) -> Token {
        while let c = current, Self.isWordScalar(c) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        let range = offsets[start]..<offsets[position]
        if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            return Token(kind: Int(text).map(TokenKind.number) ?? .term(text), range: range)
        }
        if text.unicodeScalars.allSatisfy(\.isASCII) { return Token(kind: .word(text), range: range) }
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
        while let c = current, c != "\n", c != ";", c != "|", !c.properties.isWhitespace { position += 1 }
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
