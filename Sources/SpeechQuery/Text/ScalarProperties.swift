extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the property table for ASCII and for
    /// everything above U+3000 (the last whitespace scalar of the Basic Multilingual Plane):
    /// the table lookup showed in profiles of the analysis, which asks at every character.
    @inline(__always)
    var isWhitespace: Bool {
        let value = value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if value > 0x3000 { return false }
        return properties.isWhitespace
    }

    /// `properties.isIdeographic`, answered at once for the CJK Unified Ideographs and for
    /// scalars below U+3006, the first ideographic one.
    @inline(__always)
    var isIdeograph: Bool {
        let value = value
        if (0x4E00...0x9FFF).contains(value) { return true }
        if value < 0x3006 { return false }
        return properties.isIdeographic
    }
}
