/// Recognisers for the Markdown line constructs `MarkdownText` reads. Each takes the
/// range of a line's content — trimmed, quote markers removed — and says what it is.
enum MarkdownSyntax {
    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let backtick = UInt8(ascii: "`")
    private static let tilde = UInt8(ascii: "~")
    private static let hash = UInt8(ascii: "#")
    private static let equals = UInt8(ascii: "=")
    private static let dash = UInt8(ascii: "-")
    private static let star = UInt8(ascii: "*")
    private static let plus = UInt8(ascii: "+")
    private static let underscore = UInt8(ascii: "_")

    /// A code fence, three or more backticks or tildes: its character and length.
    static func fenceOpening(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (byte: UInt8, length: Int)? {
        guard let start = line.first, bytes[start] == backtick || bytes[start] == tilde else { return nil }
        let fence = bytes[start]
        let length = run(of: fence, at: start, in: bytes, end: line.upperBound)
        guard length >= 3 else { return nil }
        // A backtick in the info string makes the line inline code, not a fence.
        if fence == backtick, bytes[(start + length)..<line.upperBound].contains(backtick) { return nil }
        return (fence, length)
    }

    /// Whether the line closes a code block opened by `fence`: the same character, at least
    /// as many, and nothing else.
    static func closesFence(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, _ fence: (byte: UInt8, length: Int)) -> Bool {
        guard let start = line.first else { return false }
        let length = run(of: fence.byte, at: start, in: bytes, end: line.upperBound)
        return length >= fence.length && length == line.count
    }

    /// The text of an ATX heading (`## 一、加强…` gives `一、加强…`), without a closing run of `#`.
    static func atxHeadingText(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let start = line.first else { return nil }
        let level = run(of: hash, at: start, in: bytes, end: line.upperBound)
        guard (1...6).contains(level) else { return nil }
        let textStart = start + level
        if textStart < line.upperBound {
            let next = bytes[textStart]
            // CommonMark wants a space after the #s. Chinese writers often leave it out
            // (`##一、…`), so a non-ASCII byte also ends the marker; `#tag` stays text.
            guard next == space || next == tab || next >= 0x80 else { return nil }
        }
        let text = UTF8Scanning.trimmed(textStart..<line.upperBound, in: bytes)
        var end = text.upperBound
        while end > text.lowerBound, bytes[end - 1] == hash { end -= 1 }
        // A closing run counts only after a space (`## 标题 ##`); `C#` keeps its #.
        if end == text.lowerBound || bytes[end - 1] == space || bytes[end - 1] == tab {
            return UTF8Scanning.trimmed(text.lowerBound..<end, in: bytes)
        }
        return text
    }

    /// `===` or `---` alone under a paragraph: the paragraph was a setext heading.
    static func isSetextUnderline(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = line.first, bytes[start] == equals || bytes[start] == dash else { return false }
        return run(of: bytes[start], at: start, in: bytes, end: line.upperBound) == line.count
    }

    /// `***`, `---`, `___` (spaces allowed between): a thematic break, which holds no text.
    static func isThematicBreak(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = line.first, bytes[start] == star || bytes[start] == dash || bytes[start] == underscore else { return false }
        var marks = 0
        for i in line {
            if bytes[i] == bytes[start] {
                marks += 1
            } else if bytes[i] != space && bytes[i] != tab {
                return false
            }
        }
        return marks >= 3
    }

    /// The content of a list item — `- `, `* `, `+ `, `1. `, `1) ` — without its marker.
    static func listItemContent(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let start = line.first else { return nil }
        var markerEnd: Int
        if bytes[start] == dash || bytes[start] == star || bytes[start] == plus {
            markerEnd = start + 1
        } else {
            var i = start
            while i < line.upperBound, i - start < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            guard i > start, i < line.upperBound, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") else { return nil }
            markerEnd = i + 1
        }
        guard markerEnd < line.upperBound, bytes[markerEnd] == space || bytes[markerEnd] == tab else { return nil }
        markerEnd += 1
        let content = UTF8Scanning.trimmed(markerEnd..<line.upperBound, in: bytes)
        return content.isEmpty ? nil : content
    }

    /// Whether the line opens with a section or subsection marker (`一、`, `（一）`, `(一)`),
    /// bold or not. In a speech such a line starts a paragraph even with no blank line before
    /// it, so a forgotten blank line cannot swallow a heading.
    static func opensNumberedHeading(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound, bytes[i] == star || bytes[i] == underscore { i += 1 }
        guard i < line.upperBound else { return false }
        let (first, firstLength) = UTF8Scanning.scalar(in: bytes, at: i)
        if first == 0xFF08 || first == 0x28 {  // （ (
            guard let (_, after) = ChineseNumeral.parse(in: bytes, at: i + firstLength, end: line.upperBound), after < line.upperBound else { return false }
            let close = UTF8Scanning.scalar(in: bytes, at: after).value
            return close == 0xFF09 || close == 0x29  // ） )
        }
        guard let (_, after) = ChineseNumeral.parse(in: bytes, at: i, end: line.upperBound), after < line.upperBound else { return false }
        return UTF8Scanning.scalar(in: bytes, at: after).value == 0x3001  // 、
    }

    /// How many times `byte` repeats from `index`.
    static func run(of byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var i = index
        while i < end, bytes[i] == byte { i += 1 }
        return i - index
    }
}
