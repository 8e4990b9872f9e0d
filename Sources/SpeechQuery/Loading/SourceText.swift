/// One document's text after decoding, before parsing: what the loader hands the parser.
public struct SourceText: Sendable {
    /// The unique name the document is known by in queries.
    public var name: String
    /// Where the text came from: a path, `<stdin>`, or `PATH#N` for a JSON Lines record.
    public var origin: String
    /// Normalised UTF-8 (no BOM, LF line endings).
    public var bytes: [UInt8]
    public var encoding: SourceEncoding
    /// Metadata given with the text (JSON Lines fields), preferred over what the parser infers.
    public var given: GivenMetadata

    public init(name: String, origin: String, bytes: [UInt8], encoding: SourceEncoding = .utf8, given: GivenMetadata = .init()) {
        self.name = name
        self.origin = origin
        self.bytes = bytes
        self.encoding = encoding
        self.given = given
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
}
