/// One document's text after decoding, before parsing: what the loader hands the parser.
public struct SourceText: Sendable {
    /// The unique name the document is known by in queries.
    public var name: String
    /// Where the text came from: a path, `<stdin>`, or `PATH#N` for a JSON Lines record.
    public var origin: String
    /// Normalised UTF-8 (no BOM, LF line endings).
    public var bytes: [UInt8]
    public var encoding: SourceEncoding
    /// How the text is marked up: `Document` converts Markdown to plain paragraphs before parsing.
    public var format: SourceFormat
    /// Metadata given with the text (JSON Lines fields), preferred over what the parser infers.
    public var given: GivenMetadata

    public init(name: String, origin: String, bytes: [UInt8], encoding: SourceEncoding = .utf8, format: SourceFormat = .plain, given: GivenMetadata = .init()) {
        self.name = name
        self.origin = origin
        self.bytes = bytes
        self.encoding = encoding
        self.format = format
        self.given = given
    }
}

/// The markup of a text, decided by the loader from the file's extension.
public enum SourceFormat: String, Sendable, Codable {
    /// One paragraph per non-empty line, as the reports and speeches are written.
    case plain
    /// CommonMark-style Markdown: headings, blank-line paragraphs, emphasis, lists, quotes.
    case markdown

    /// The format a file's extension (without the dot, any case) announces.
    public static func forExtension(_ pathExtension: String) -> SourceFormat {
        switch pathExtension.lowercased() {
        case "md", "markdown": .markdown
        default: .plain
        }
    }
}

/// Metadata supplied alongside a text, as JSON Lines records carry it.
public struct GivenMetadata: Sendable, Equatable {
    public var title: String?
    public var year: Int?
    public var date: String?

    public init(title: String? = nil, year: Int? = nil, date: String? = nil) {
        self.title = title
        self.year = year
        self.date = date
    }

    /// These values, with the gaps filled from `other`.
    func filled(from other: GivenMetadata) -> GivenMetadata {
        GivenMetadata(title: title ?? other.title, year: year ?? other.year, date: date ?? other.date)
    }
}
