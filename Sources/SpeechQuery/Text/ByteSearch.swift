import CSpeechQuery

/// Substring search over UTF-8 bytes with memmem(3).
public enum ByteSearch {
    /// The offset of the first `needle` in `range` of `buffer`, or nil.
    public static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard !needle.isEmpty else { return range.lowerBound }
        guard let base = buffer.baseAddress, range.count >= needle.count else { return nil }
        return needle.withUnsafeBytes { n -> Int? in
            guard let found = sq_memmem(base + range.lowerBound, range.count, n.baseAddress, n.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: found)
        }
    }

    /// Every offset of `needle` in `range`, not overlapping.
    public static func all(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var found: [Int] = []
        var from = range.lowerBound
        while let at = find(needle, in: buffer, range: from..<range.upperBound) {
            found.append(at)
            from = at + needle.count
        }
        return found
    }
}

extension String {
    /// Whether `word` occurs in the text, by memmem over UTF-8 bytes. Foundation's
    /// `contains` folds character clusters, which on every sentence of a corpus costs more
    /// than the rest of the work.
    func containsBytes(_ word: String) -> Bool {
        var text = self
        let needle = Array(word.utf8)
        return text.withUTF8 { ByteSearch.find(needle, in: $0, range: 0..<$0.count) != nil }
    }
}
