/// Words (UTF-8) looked up by their first Unicode scalar, so a line is scanned once for all
/// of them instead of searched once per word. A bitmap of first scalars, hashed to 1,024
/// bits, rules out almost every position before the dictionary is asked.
struct FirstScalarIndex: Sendable {
    private var bits = [UInt64](repeating: 0, count: 16)
    private var wordsByFirstScalar: [UInt32: [[UInt8]]] = [:]

    init(_ words: [[UInt8]]) {
        for word in words where !word.isEmpty {
            let first = word.withUnsafeBufferPointer { UTF8Scanning.scalar(in: $0, at: 0).value }
            bits[Int(first & 0x3FF) >> 6] |= 1 << UInt64(first & 0x3F)
            wordsByFirstScalar[first, default: []].append(word)
        }
    }

    @inline(__always)
    private func mayStart(with scalar: UInt32) -> Bool {
        bits[Int(scalar & 0x3FF) >> 6] & (1 << UInt64(scalar & 0x3F)) != 0
    }

    /// Whether one of the words starts at `index`, whose scalar is `scalar`.
    @inline(__always)
    private func matches(_ scalar: UInt32, in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard mayStart(with: scalar), let words = wordsByFirstScalar[scalar] else { return false }
        return words.contains { UTF8Scanning.matches($0, in: bytes, at: index, end: end) }
    }

    /// Whether `range` starts with one of the words.
    func isPrefix(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty else { return false }
        return matches(UTF8Scanning.scalar(in: bytes, at: range.lowerBound).value, in: bytes, at: range.lowerBound, end: range.upperBound)
    }

    /// Whether one of the words occurs anywhere in `range`.
    func occurs(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if matches(scalar, in: bytes, at: i, end: range.upperBound) { return true }
            i += length
        }
        return false
    }
}
