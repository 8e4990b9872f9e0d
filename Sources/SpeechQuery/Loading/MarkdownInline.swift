/// Removes the inline markup of one Markdown paragraph: emphasis markers that pair up,
/// links (their text stays), images, code spans (their code stays), backslash escapes and
/// `<br>`. Line breaks pass through as `\n` for `LineJoiner`, and so does a `<br>`: in a
/// speech it breaks a line, not a paragraph.
enum MarkdownInline {
    static func render(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var lexer = InlineLexer(raw: raw)
        lexer.lex(0..<raw.count)
        EmphasisPairing.pair(&lexer.pieces)
        for piece in lexer.pieces {
            if piece.delimiter == 0 {
                out += lexer.literals[piece.literal]
            } else {
                out += repeatElement(piece.delimiter, count: piece.count)
            }
        }
    }
}

/// A stretch of literal text, or a run of `*` or `_` that may open or close emphasis.
private struct InlinePiece {
    /// For text, its bytes in `InlineLexer.literals`.
    var literal: Range<Int> = 0..<0
    /// `*` or `_` for a delimiter run; 0 for text.
    var delimiter: UInt8 = 0
    /// The marks in the run as written.
    var length = 0
    /// The marks of the run not yet matched: what is printed.
    var count = 0
    var canOpen = false
    var canClose = false
}

/// Splits a paragraph into text and delimiter runs, resolving escapes, code spans, links,
/// images and `<br>` on the way. Special characters are all ASCII, so scanning bytes never
/// lands inside a multi-byte character.
private struct InlineLexer {
    let raw: UnsafeBufferPointer<UInt8>
    var literals: [UInt8] = []
    var pieces: [InlinePiece] = []

    private static let newline = UInt8(ascii: "\n")
    private static let backslash = UInt8(ascii: "\\")
    private static let backtick = UInt8(ascii: "`")
    private static let bang = UInt8(ascii: "!")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openParen = UInt8(ascii: "(")
    private static let closeParen = UInt8(ascii: ")")
    private static let lessThan = UInt8(ascii: "<")
    private static let star = UInt8(ascii: "*")
    private static let underscore = UInt8(ascii: "_")

    init(raw: UnsafeBufferPointer<UInt8>) {
        self.raw = raw
        literals.reserveCapacity(raw.count)
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case backslash, backtick, bang, openBracket, lessThan, star, underscore: true
        default: false
        }
    }

    mutating func lex(_ range: Range<Int>) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let byte = raw[i]
            switch byte {
            case Self.backslash:
                if i + 1 < end, raw[i + 1] == Self.newline {
                    i += 1  // a hard break: the line break that follows is kept
                } else if i + 1 < end, Self.isASCIIPunctuation(raw[i + 1]) {
                    appendText(raw[(i + 1)..<(i + 2)])
                    i += 2
                } else {
                    appendText(raw[i..<(i + 1)])
                    i += 1
                }
            case Self.backtick:
                let ticks = MarkdownSyntax.run(of: byte, at: i, in: raw, end: end)
                if let close = closingBackticks(ticks, from: i + ticks, end: end) {
                    appendText(raw[codeContent(i + ticks..<close)])
                    i = close + ticks
                } else {
                    appendText(raw[i..<(i + ticks)])
                    i += ticks
                }
            case Self.bang where i + 1 < end && raw[i + 1] == Self.openBracket:
                if let image = link(at: i + 1, end: end) {
                    i = image.end  // an image holds no speech text
                } else {
                    appendText(raw[i..<(i + 1)])
                    i += 1
                }
            case Self.openBracket:
                if let link = link(at: i, end: end) {
                    lex(link.label)
                    i = link.end
                } else {
                    appendText(raw[i..<(i + 1)])
                    i += 1
                }
            case Self.lessThan:
                if let after = lineBreakTagEnd(at: i, end: end) {
                    appendText(CollectionOfOne(Self.newline))
                    i = after
                } else {
                    appendText(raw[i..<(i + 1)])
                    i += 1
                }
            case Self.star, Self.underscore:
                let length = MarkdownSyntax.run(of: byte, at: i, in: raw, end: end)
                appendDelimiter(byte, at: i, length: length)
                i += length
            default:
                var j = i + 1
                while j < end, !Self.isSpecial(raw[j]) { j += 1 }
                appendText(raw[i..<j])
                i = j
            }
        }
    }

    mutating func appendText(_ bytes: some Collection<UInt8>) {
        let start = literals.count
        literals += bytes
        if let last = pieces.indices.last, pieces[last].delimiter == 0, pieces[last].literal.upperBound == start {
            pieces[last].literal = pieces[last].literal.lowerBound..<literals.count
        } else {
            pieces.append(InlinePiece(literal: start..<literals.count))
        }
    }

    /// A run of `*` can open when text follows it and close when text precedes it, even
    /// next to punctuation (`**一是…。**各村要…` is bold in every Chinese editor, though not
    /// in CommonMark). A run of `_` must also stand at a word boundary: `snake_case` stays.
    mutating func appendDelimiter(_ byte: UInt8, at index: Int, length: Int) {
        let before: UInt32 = index > 0
            ? UTF8Scanning.scalar(in: raw, at: UTF8Scanning.previousScalarStart(in: raw, before: index, lowerBound: 0)).value
            : 0x20
        let after: UInt32 = index + length < raw.count ? UTF8Scanning.scalar(in: raw, at: index + length).value : 0x20
        var canOpen = !UTF8Scanning.isWhitespace(after)
        var canClose = !UTF8Scanning.isWhitespace(before)
        if byte == Self.underscore {
            canOpen = canOpen && !Self.isWordScalar(before)
            canClose = canClose && !Self.isWordScalar(after)
        }
        pieces.append(InlinePiece(delimiter: byte, length: length, count: length, canOpen: canOpen, canClose: canClose))
    }

    /// A letter or digit of a language written with spaces between words. CJK is left out:
    /// Chinese has no spaces, so `__粗体__和` must close between two ideographs.
    static func isWordScalar(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value), !LineJoiner.isWide(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The start of the next run of exactly `length` backticks.
    func closingBackticks(_ length: Int, from start: Int, end: Int) -> Int? {
        var i = start
        while i < end {
            guard raw[i] == Self.backtick else {
                i += 1
                continue
            }
            let run = MarkdownSyntax.run(of: Self.backtick, at: i, in: raw, end: end)
            if run == length { return i }
            i += run
        }
        return nil
    }

    /// A code span's content: one space on each side is padding when both are there.
    func codeContent(_ range: Range<Int>) -> Range<Int> {
        guard range.count >= 2, raw[range.lowerBound] == 0x20, raw[range.upperBound - 1] == 0x20,
              raw[range].contains(where: { $0 != 0x20 })
        else { return range }
        return (range.lowerBound + 1)..<(range.upperBound - 1)
    }

    /// `[label](destination)` starting at the `[` at `index`: the label and the index past `)`.
    /// As in CommonMark, a label is at most 999 characters; a destination here at most 2,000
    /// bytes. The bounds keep a paragraph of unmatched brackets linear.
    func link(at index: Int, end: Int) -> (label: Range<Int>, end: Int)? {
        var depth = 0
        var i = index
        var labelEnd: Int?
        let labelLimit = min(end, index + 1 + 999 * 4)
        while i < labelLimit, labelEnd == nil {
            switch raw[i] {
            case Self.backslash: i += 1
            case Self.openBracket: depth += 1
            case Self.closeBracket:
                depth -= 1
                if depth == 0 { labelEnd = i }
            default: break
            }
            i += 1
        }
        guard let labelEnd, labelEnd + 1 < end, raw[labelEnd + 1] == Self.openParen else { return nil }
        var parens = 0
        i = labelEnd + 1
        let destinationLimit = min(end, labelEnd + 1 + 2_000)
        while i < destinationLimit {
            switch raw[i] {
            case Self.backslash: i += 1
            case Self.openParen: parens += 1
            case Self.closeParen:
                parens -= 1
                if parens == 0 { return ((index + 1)..<labelEnd, i + 1) }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The index past a `<br>`, `<br/>` or `<br />` (any case) at `index`.
    func lineBreakTagEnd(at index: Int, end: Int) -> Int? {
        guard index + 3 < end, raw[index + 1] | 0x20 == UInt8(ascii: "b"), raw[index + 2] | 0x20 == UInt8(ascii: "r") else { return nil }
        var i = index + 3
        while i < end, raw[i] == 0x20 { i += 1 }
        if i < end, raw[i] == UInt8(ascii: "/") { i += 1 }
        guard i < end, raw[i] == UInt8(ascii: ">") else { return nil }
        return i + 1
    }
}

/// Matches emphasis delimiters as CommonMark does, without its punctuation rules: each
/// closing run takes the nearest open run of the same character, two marks at a time when
/// both have two (`**`), else one (`*`). What is matched is removed; what is not stays
/// as written, so a lone `*` footnote mark survives.
private enum EmphasisPairing {
    static func pair(_ pieces: inout [InlinePiece]) {
        var openers: [Int] = []
        for k in pieces.indices where pieces[k].delimiter != 0 {
            if pieces[k].canClose {
                while pieces[k].count > 0,
                      let position = openers.lastIndex(where: { canPair(pieces[$0], pieces[k]) }) {
                    let opener = openers[position]
                    let used = pieces[opener].count >= 2 && pieces[k].count >= 2 ? 2 : 1
                    pieces[opener].count -= used
                    pieces[k].count -= used
                    // Runs opened inside the emphasis and never closed stay literal.
                    openers.removeSubrange((position + 1)...)
                    if pieces[opener].count == 0 { openers.removeLast() }
                }
            }
            if pieces[k].count > 0, pieces[k].canOpen { openers.append(k) }
        }
    }

    /// The same character, and CommonMark's rule of three: when either run could both open
    /// and close, their lengths may not add up to a multiple of three unless both are such.
    /// Without it, the `*` of `**粗体里有*斜体*。**` would close the `**`. In Chinese text
    /// almost every run can both open and close, so the rule matters more than in English.
    static func canPair(_ opener: InlinePiece, _ closer: InlinePiece) -> Bool {
        guard opener.delimiter == closer.delimiter else { return false }
        if opener.canClose || closer.canOpen, (opener.length + closer.length) % 3 == 0 {
            return opener.length % 3 == 0 && closer.length % 3 == 0
        }
        return true
    }
}
