/// What is known about a document as a whole.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String?
    /// ISO date, `YYYY-MM-DD` (or `YYYY-MM` when the day is not given).
    public var date: String?
    public var year: Int?
    public var speaker: String?
    public var role: String?
    public var occasion: String?

    /// The date the speech was given, as precise as known (`2024-12-20`, else the year):
    /// what a deadline without a year is read against.
    public var speechDate: String? { date ?? year.map(String.init) }
}

/// A loaded, parsed document: its text, its outline and its metadata.
public struct Document: Sendable {
    public var name: String
    public var origin: String
    public var encoding: SourceEncoding
    public var format: SourceFormat
    /// Normalised UTF-8 text, one paragraph per line; every range in `outline` indexes into
    /// it. For Markdown, the text without its markup.
    public var bytes: [UInt8]
    /// For Markdown, the source line each line of `bytes` started on (by index); nil for
    /// plain text, whose lines are the source's.
    public var sourceLines: [Int]?
    public var outline: Outline
    public var metadata: DocumentMetadata

    public init(_ source: SourceText, parser: OutlineParser = OutlineParser()) {
        name = source.name
        origin = source.origin
        encoding = source.encoding
        format = source.format
        var given = source.given
        switch source.format {
        case .plain:
            bytes = source.bytes
        case .markdown:
            let markdown = MarkdownText(source.bytes)
            bytes = markdown.text
            sourceLines = markdown.sourceLines
            // Fields given with the source (JSON Lines) win over the file's own front matter.
            given = given.filled(from: markdown.given)
        }
        outline = parser.parse(bytes, sourceLines: sourceLines)
        metadata = DocumentMetadata()
        inferMetadata(given: given, roles: parser.lexicon.speakerRoles)
    }

    /// The documents of `sources`, in order, parsed on every core.
    public static func parse(_ sources: [SourceText], parser: OutlineParser = OutlineParser()) -> [Document] {
        sources.parallelMap { Document($0, parser: parser) }
    }

    /// The text of `range`.
    public func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Non-whitespace characters (Unicode scalars) in `range`.
    public func characterCount(_ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { UTF8Scanning.nonWhitespaceCount(range, in: $0) }
    }

    /// Metadata given with the text wins; the rest comes from the front matter.
    private mutating func inferMetadata(given: GivenMetadata, roles: [String]) {
        let front = outline.frontMatter
        metadata.title = given.title ?? front.title.map { text($0.range) }
        if let occasionLine = front.occasion.map({ text($0.range) }) {
            metadata.occasion = OccasionLine.occasion(from: occasionLine)
            metadata.date = DateText.isoDate(in: occasionLine)
        }
        // A line that holds only a date says when more plainly than the occasion does.
        let dateLine = front.date.map { text($0.range) }
        if let dated = dateLine.flatMap(DateText.isoDate(in:)) { metadata.date = dated }
        if let given = given.date { metadata.date = DateText.isoDate(in: given) ?? given }
        metadata.year = given.year
            ?? metadata.date.flatMap { Int($0.prefix(4)) }
            ?? dateLine.flatMap(DateText.year(in:))
            ?? front.title.flatMap { DateText.leadingYear(in: text($0.range)) }
        let speakerText = front.speakerLines.map { text($0.range) }.joined(separator: " ")
        if !speakerText.isEmpty, let (role, name) = SpeakerLine.parse(speakerText, roles: roles) {
            metadata.role = role
            metadata.speaker = name
        }
    }
}
