/// Decides whether a line is web residue — navigation, share and print links, page metadata,
/// copyright, licence and site footers, breadcrumbs — rather than a line of the speech.
///
/// A line that starts with a `[residue]` prefix is residue whatever its length. The other
/// rules look inside a line, so they only apply to a short line that holds no sentence (no
/// terminator) and does not open with a numbered heading: a sentence of speech that happens
/// to contain 联系我们 or 打印 must never be taken.
struct ResidueMatcher {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: MarkerLexicon

    /// The longest line, in characters, that a phrase inside it or its shape can make residue.
    /// Footer and navigation lines are short; a paragraph of speech rarely is.
    static let maximumLineLength = 80

    func isResidue(_ range: Range<Int>) -> Bool {
        if lexicon.residuePrefixes.isPrefix(of: range, in: bytes) { return true }
        guard isShortWithoutSentence(range),
              containsPhrase(range) || isOnlyBracketedGroups(range) || hasNavigationSeparators(range) || isOnlyResidueWords(range)
        else { return false }
        // Asked last, as it is rarely needed: a numbered heading is never residue.
        return HeadingMarkers.parse(range, in: bytes) == nil
    }

    /// At most `maximumLineLength` non-whitespace characters and no sentence terminator.
    func isShortWithoutSentence(_ range: Range<Int>) -> Bool {
        // A paragraph of speech ends with a terminator, closing marks aside: its last few
        // characters settle it without reading the rest.
        var end = range.upperBound
        for _ in 0..<4 where end > range.lowerBound {
            let start = UTF8Scanning.previousScalarStart(in: bytes, before: end, lowerBound: range.lowerBound)
            let (scalar, _) = UTF8Scanning.scalar(in: bytes, at: start)
            if SentenceSplitter.isTerminator(scalar) { return false }
            guard SentenceSplitter.isClosingMark(scalar) else { break }
            end = start
        }
        // One pass that stops at the limit or the first terminator.
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if SentenceSplitter.isTerminator(scalar) { return false }
            if !UTF8Scanning.isWhitespace(scalar) {
                count += 1
                if count > Self.maximumLineLength { return false }
            }
            i += length
        }
        return true
    }

    func containsPhrase(_ range: Range<Int>) -> Bool {
        lexicon.residuePhrases.occurs(in: range, of: bytes)
    }

    /// `【打印本页】【关闭窗口】`: nothing but bracketed labels. A speech never consists of them.
    func isOnlyBracketedGroups(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        var groups = 0
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if UTF8Scanning.isWhitespace(scalar) {
                i += length
                continue
            }
            guard let close = Self.closingBracket(for: scalar) else { return false }
            var j = i + length
            var closed = false
            while j < range.upperBound {
                let (inner, innerLength) = UTF8Scanning.scalar(in: bytes, at: j)
                j += innerLength
                if inner == close {
                    closed = true
                    break
                }
            }
            guard closed else { return false }
            groups += 1
            i = j
        }
        return groups > 0
    }

    private static func closingBracket(for open: UInt32) -> UInt32? {
        switch open {
        case 0x3010: 0x3011  // 【】
        case 0xFF3B: 0xFF3D  // ［］
        case 0x5B: 0x5D      // []
        default: nil
        }
    }

    /// `首页 > 新闻 > 讲话`, `网站地图 | 联系我们 | 网站声明`: two or more navigation separators.
    func hasNavigationSeparators(_ range: Range<Int>) -> Bool {
        var separators = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            switch scalar {
            case 0x7C, 0xFF5C, 0x3E, 0xFF1E, 0xBB, 0x203A:  // | ｜ > ＞ » ›
                separators += 1
                if separators >= 2 { return true }
            default:
                break
            }
            i += length
        }
        return false
    }

    /// `打印 收藏 关闭`, `[编辑]`: the line is made only of `[residue-words]`, with whitespace,
    /// separators and brackets between them.
    func isOnlyResidueWords(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        var words = 0
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if UTF8Scanning.isWhitespace(scalar) || Self.isWordSeparator(scalar) {
                i += length
                continue
            }
            guard let word = lexicon.residueWords.first(where: { UTF8Scanning.matches($0, in: bytes, at: i, end: range.upperBound) }) else {
                return false
            }
            words += 1
            i += word.count
        }
        return words > 0
    }

    private static func isWordSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x7C, 0xFF5C, 0x2F, 0xFF0F, 0xB7, 0x30FB, 0x2022, 0x3001, 0x3A, 0xFF1A,  // | ｜ / ／ · ・ • 、 : ：
             0x3010, 0x3011, 0xFF3B, 0xFF3D, 0x5B, 0x5D, 0xFF08, 0xFF09, 0x28, 0x29:  // 【】［］[]（）()
            return true
        default:
            return false
        }
    }
}
