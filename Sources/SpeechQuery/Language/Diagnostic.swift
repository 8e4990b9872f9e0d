/// Query text with a name for messages: a script path, `<-e>` or `<stdin>`.
public struct QuerySource: Sendable, Equatable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The script file at `path`, named by that path in messages. `-f` and `.read` both read
    /// scripts this way, so they fail alike.
    public static func script(at path: String) -> Result<QuerySource, LoadFailure> {
        FileReading.read(path).flatMap { bytes in
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(LoadFailure(source: path, reason: "not UTF-8 text"))
            }
            return .success(QuerySource(name: path, text: text))
        }
    }
}

/// An error a user caused, with the span of query text it concerns (UTF-8 byte offsets
/// into `source.text`). One type serves `-e`, scripts and the REPL; `DiagnosticFormatter`
/// turns it into `SOURCE:LINE:COL: error: …` with the line and a caret.
public struct Diagnostic: Error, Sendable, Equatable {
    /// What went wrong, so a frontend can tell a mistake in the query from a file that could
    /// not be read or written (speechq exits with 3 for the one and 2 for the other).
    public enum Category: Sendable, Equatable {
        /// The statement is wrong: syntax, an unknown name, a stage given the wrong input.
        case query
        /// The statement is right but a file it names could not be read or written
        /// (`load`, `.read`, `.output`, `.lexicon`).
        case io
    }

    public var source: QuerySource
    public var range: Range<Int>
    public var message: String
    public var hint: String?
    public var category: Category

    public init(_ message: String, at range: Range<Int>, in source: QuerySource, hint: String? = nil, category: Category = .query) {
        self.source = source
        self.range = range
        self.message = message
        self.hint = hint
        self.category = category
    }

    /// 1-based line and column (in characters) of the start of `range`.
    public var location: (line: Int, column: Int) {
        let utf8 = Array(source.text.utf8)
        let offset = min(range.lowerBound, utf8.count)
        var line = 1, lineStart = 0
        for i in 0..<offset where utf8[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: utf8[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}

/// Formats diagnostics the way compilers do:
///
///     <-e>:1:19: error: unknown stage 'fitler'
///     select sections | fitler 疫情
///                       ^~~~~~
///     hint: did you mean 'filter'?
///
/// The caret is placed by display width, so it sits under the right spot after CJK text.
public enum DiagnosticFormatter {
    public static func format(_ diagnostic: Diagnostic, color: Bool = false) -> String {
        let (line, column) = diagnostic.location
        let utf8 = Array(diagnostic.source.text.utf8)
        let start = min(diagnostic.range.lowerBound, utf8.count)
        var lineStart = start
        while lineStart > 0, utf8[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
        let lineText = String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self)
        let before = String(decoding: utf8[lineStart..<start], as: UTF8.self)
        let spanEnd = min(max(diagnostic.range.upperBound, start), lineEnd)
        let span = String(decoding: utf8[start..<spanEnd], as: UTF8.self)
        let indent = String(repeating: " ", count: DisplayWidth.columns(of: before.replacingTabs()))
        let underline = "^" + String(repeating: "~", count: max(0, DisplayWidth.columns(of: span) - 1))
        let (bold, red, cyan, reset) = color ? ("\u{1B}[1m", "\u{1B}[1;31m", "\u{1B}[36m", "\u{1B}[0m") : ("", "", "", "")
        var out = "\(bold)\(diagnostic.source.name):\(line):\(column):\(reset) \(red)error:\(reset) \(bold)\(diagnostic.message)\(reset)\n"
        out += lineText.replacingTabs() + "\n"
        out += indent + red + underline + reset + "\n"
        if let hint = diagnostic.hint { out += "\(cyan)hint:\(reset) \(hint)\n" }
        return out
    }
}

private extension String {
    /// Tabs as one space each, so the caret line lines up with the echoed line.
    func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}

/// The closest of `candidates` to `word` by edit distance, when it is close enough to be
/// what the user meant.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered.unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, word.unicodeScalars.count / 3))
        return distance <= allowed ? candidate : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, and swaps of
    /// neighbours (fitler → filter) each cost one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension QuerySource {
    /// The byte range of `word` written as a whole ASCII word (any case) inside `range`, so
    /// an error found while running a stage can point at the field it names.
    func wordRange(_ word: String, within range: Range<Int>) -> Range<Int>? {
        let bytes = Array(text.utf8)
        let needle = Array(word.lowercased().utf8)
        guard !needle.isEmpty, range.upperBound <= bytes.count, range.count >= needle.count else { return nil }
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        for start in range.lowerBound...(range.upperBound - needle.count) {
            let end = start + needle.count
            guard zip(bytes[start..<end], needle).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) else { continue }
            if start > range.lowerBound, isWordByte(bytes[start - 1]) { continue }
            if end < range.upperBound, isWordByte(bytes[end]) { continue }
            return start..<end
        }
        return nil
    }
}
