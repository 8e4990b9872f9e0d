import Foundation

/// A Markdown document turned into the plain layout the outline parser reads — one
/// paragraph per line — with, for every line of that text, the source line it started on.
///
/// Block structure is read line by line (found with `memchr`): ATX and setext headings,
/// blank-line paragraphs, list items, block quotes, fenced code, thematic breaks, HTML
/// comments and a YAML front matter block. Each paragraph's inline markup is then removed
/// by `MarkdownInline`. Everything works on UTF-8 bytes.
public struct MarkdownText: Sendable {
    /// The plain text: one paragraph, heading or code line per line.
    public private(set) var text: [UInt8] = []
    /// `sourceLines[k]` is the 1-based source line that line `k + 1` of `text` started on.
    public private(set) var sourceLines: [Int] = []
    /// `title`, `date` and `year` from a YAML front matter block.
    public private(set) var given = GivenMetadata()

    public init(_ markdown: [UInt8]) {
        text.reserveCapacity(markdown.count)
        markdown.withUnsafeBufferPointer { source in
            let lines = Self.lineRanges(source)
            var first = 0
            if let frontMatter = YAMLFrontMatter.read(lines, in: source) {
                given = frontMatter.given
                first = frontMatter.bodyStart
            }
            var converter = MarkdownBlocks(
                source: source,
                oneParagraphPerLine: !Self.hasBlankLineBetweenText(lines[first...], in: source))
            for k in lines.indices[first...] {
                converter.read(lines[k], number: k + 1, into: &self)
            }
            converter.finish(into: &self)
        }
    }

    /// Adds one line of plain text that started on source line `number`. Empty lines are
    /// left out: the parser would skip them, and the line map stays one entry per line.
    mutating func appendLine(_ line: [UInt8], number: Int) {
        guard !line.isEmpty else { return }
        text += line
        text.append(0x0A)
        sourceLines.append(number)
    }

    /// The range of every line, without its `\n`.
    static func lineRanges(_ source: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        let count = source.count
        while start < count {
            let end: Int
            if let found = memchr(source.baseAddress! + start, 0x0A, count - start) {
                end = source.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            lines.append(start..<end)
            start = end + 1
        }
        return lines
    }

    /// Whether a blank line separates two text lines anywhere. A file without one is plain
    /// text renamed `.md` (one paragraph per line), whose lines must not be joined.
    static func hasBlankLineBetweenText(_ lines: ArraySlice<Range<Int>>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        var seenText = false
        var blankSinceText = false
        for line in lines {
            if UTF8Scanning.trimmed(line, in: source).isEmpty {
                blankSinceText = seenText
            } else {
                if blankSinceText { return true }
                seenText = true
            }
        }
        return false
    }
}

/// The block-level reading of one Markdown document: which lines make a paragraph, which
/// are headings, code or markup to drop. Lives only for the duration of `MarkdownText.init`.
private struct MarkdownBlocks {
    let source: UnsafeBufferPointer<UInt8>
    /// In a file without blank lines every line is a paragraph of its own.
    let oneParagraphPerLine: Bool

    /// The raw text of the paragraph being collected, its lines separated by `\n`.
    var paragraph: [UInt8] = []
    var paragraphLine = 0
    var paragraphIsQuote = false
    /// The fence that opened the code block we are in: its character and length.
    var fence: (byte: UInt8, length: Int)?
    var inComment = false
    /// The current line with HTML comments removed.
    var line: [UInt8] = []

    init(source: UnsafeBufferPointer<UInt8>, oneParagraphPerLine: Bool) {
        self.source = source
        self.oneParagraphPerLine = oneParagraphPerLine
    }

    mutating func read(_ range: Range<Int>, number: Int, into out: inout MarkdownText) {
        if let open = fence {
            let trimmed = UTF8Scanning.trimmed(range, in: source)
            if MarkdownSyntax.closesFence(trimmed, in: source, open) {
                fence = nil
            } else {
                // Code is kept as written, one line each: no paragraph joining, no inline markup.
                out.appendLine(Array(source[trimmed]), number: number)
            }
            return
        }
        guard copyWithoutComments(range) else { return }
        let current = line
        current.withUnsafeBufferPointer { classify($0, number: number, into: &out) }
    }

    mutating func finish(into out: inout MarkdownText) {
        flush(into: &out)
    }

    /// Copies the line into `line` without its HTML comments. False when nothing but a
    /// comment was there: such a line neither adds text nor ends a paragraph.
    mutating func copyWithoutComments(_ range: Range<Int>) -> Bool {
        line.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        var hadComment = inComment
        while i < range.upperBound {
            if inComment {
                guard let close = ByteSearch.find(MarkdownSyntax.commentClose, in: source, range: i..<range.upperBound) else { return false }
                inComment = false
                i = close + MarkdownSyntax.commentClose.count
                continue
            }
            guard let open = ByteSearch.find(MarkdownSyntax.commentOpen, in: source, range: i..<range.upperBound) else {
                line += source[i..<range.upperBound]
                break
            }
            line += source[i..<open]
            inComment = true
            hadComment = true
            i = open + MarkdownSyntax.commentOpen.count
        }
        return !hadComment || line.withUnsafeBufferPointer { !UTF8Scanning.trimmed(0..<$0.count, in: $0).isEmpty }
    }

    mutating func classify(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, into out: inout MarkdownText) {
        var content = UTF8Scanning.trimmed(0..<bytes.count, in: bytes)
        if content.isEmpty {
            flush(into: &out)
            return
        }
        // Quote markers, nested or not: `> > text`, `>> text`.
        var quoted = false
        while content.lowerBound < content.upperBound, bytes[content.lowerBound] == UInt8(ascii: ">") {
            quoted = true
            content = UTF8Scanning.trimmed(content.lowerBound + 1..<content.upperBound, in: bytes)
        }
        if content.isEmpty {
            flush(into: &out)  // `>` alone separates paragraphs inside a quote
            return
        }
        if let opened = MarkdownSyntax.fenceOpening(content, in: bytes) {
            flush(into: &out)
            fence = opened
            return
        }
        if let heading = MarkdownSyntax.atxHeadingText(content, in: bytes) {
            // A heading is a paragraph of its own, never joined to its neighbours.
            flush(into: &out)
            startParagraph(bytes, heading, number: number, quoted: quoted)
            flush(into: &out)
            return
        }
        if !paragraph.isEmpty, !paragraphIsQuote, MarkdownSyntax.isSetextUnderline(content, in: bytes) {
            flush(into: &out)  // the paragraph above was a setext heading: it stands alone
            return
        }
        if MarkdownSyntax.isThematicBreak(content, in: bytes) {
            flush(into: &out)
            return
        }
        if let item = MarkdownSyntax.listItemContent(content, in: bytes) {
            flush(into: &out)
            startParagraph(bytes, item, number: number, quoted: quoted)
            return
        }
        let startsNew = paragraph.isEmpty || oneParagraphPerLine
            || (quoted && !paragraphIsQuote)
            || MarkdownSyntax.opensNumberedHeading(content, in: bytes)
        if startsNew {
            flush(into: &out)
            startParagraph(bytes, content, number: number, quoted: quoted)
        } else {
            // A continuation line, lazy quote lines included: speech paragraphs are hard-wrapped.
            paragraph.append(0x0A)
            appendWithoutHardBreak(bytes, content)
        }
    }

    mutating func startParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, number: Int, quoted: Bool) {
        paragraphLine = number
        paragraphIsQuote = quoted
        appendWithoutHardBreak(bytes, content)
    }

    /// A trailing `\` is a hard break; hard breaks join like any other line end, because a
    /// speech paragraph is one paragraph however its lines were broken.
    mutating func appendWithoutHardBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>) {
        var end = content.upperBound
        var backslashes = 0
        while end - backslashes > content.lowerBound, bytes[end - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        if backslashes % 2 == 1 { end -= 1 }
        paragraph += bytes[content.lowerBound..<end]
    }

    /// Renders the collected paragraph's inline markup and adds it as one line.
    mutating func flush(into out: inout MarkdownText) {
        guard !paragraph.isEmpty else { return }
        var rendered: [UInt8] = []
        rendered.reserveCapacity(paragraph.count)
        paragraph.withUnsafeBufferPointer { MarkdownInline.render($0, into: &rendered) }
        out.appendLine(rendered.withUnsafeBufferPointer(LineJoiner.joined), number: paragraphLine)
        paragraph.removeAll(keepingCapacity: true)
        paragraphIsQuote = false
    }
}
