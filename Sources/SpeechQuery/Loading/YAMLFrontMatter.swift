/// A YAML front matter block at the very top of a Markdown file (`---` … `---`). Its lines
/// are metadata, not speech text; `title:`, `date:` and `year:` are taken as given metadata,
/// and every other key is ignored. Only flat `key: value` lines are read — enough for what
/// static-site generators write, without a YAML parser.
struct YAMLFrontMatter {
    var given = GivenMetadata()
    /// Index of the first line after the closing `---`.
    var bodyStart: Int

    /// The block that opens `lines`, or nil when the first line is not `---` or no line
    /// closes it (then the `---` is an ordinary thematic break).
    static func read(_ lines: [Range<Int>], in source: UnsafeBufferPointer<UInt8>) -> YAMLFrontMatter? {
        guard let first = lines.first, isDelimiter(first, in: source, closing: false) else { return nil }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], in: source, closing: true) }) else { return nil }
        var block = YAMLFrontMatter(bodyStart: close + 1)
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: source[UTF8Scanning.trimmed(range, in: source)]), as: UTF8.self)
        }
        for line in lines[1..<close] {
            guard let colon = source[line].firstIndex(of: UInt8(ascii: ":")) else { continue }
            let value = unquoted(text((colon + 1)..<line.upperBound))
            guard !value.isEmpty else { continue }
            switch text(line.lowerBound..<colon) {
            case "title": block.given.title = value
            case "date": block.given.date = value
            case "year": block.given.year = Int(value)
            default: break
            }
        }
        return block
    }

    /// `---` opens the block; `---` or `...` closes it. Trailing blanks are allowed.
    private static func isDelimiter(_ line: Range<Int>, in source: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, source[end - 1] == 0x20 || source[end - 1] == 0x09 { end -= 1 }
        let text = Array(source[line.lowerBound..<end])
        return text == Array("---".utf8) || (closing && text == Array("...".utf8))
    }

    /// A value without the quotes YAML allows around it.
    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.utf8.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
