/// The columns of a rate: how many, in how many characters, and how many per 10,000 of
/// them — the measure that compares texts of different lengths. `count … by FIELD`, `trend`
/// and `dispersion` declare them once, here.
enum RateColumns {
    static let hits = Column("hits", .integer, "occurrences of the term, not overlapping")
    static let chars = Column("chars", .integer, "non-whitespace characters counted in, as the chars field counts them")
    static let per10k = Column("per10k", .decimal, "hits (or the count) per 10,000 characters, to two places; empty for no characters")

    static let characterUnit = 10_000

    /// `count` per 10,000 of `chars`; null when there are no characters to count in.
    static func per10k(_ count: Int, chars: Int) -> FieldValue {
        chars > 0 ? .decimal(Double(count) * Double(characterUnit) / Double(chars)) : .null
    }
}
