/// Splits paragraph text into sentences at 。！？；!?; and ……, keeping closing quotes and
/// brackets with the sentence they close. Works on UTF-8 bytes.
///
/// `.` is never a terminator, so numbers (6.5%) and abbreviations stay whole.
enum SentenceSplitter {
    @inline(__always)
    static func isTerminator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B,  // 。！？；
             0x21, 0x3F, 0x3B,                // ! ? ;
             0xFF61:                          // ｡ halfwidth ideographic full stop
            return true
        default:
            return false
        }
    }

    /// Closing marks that belong to the sentence before them.
    @inline(__always)
    static func isClosingMark(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x201D, 0x2019,          // ” ’
             0x300D, 0x300F,          // 」 』
             0xFF09, 0x29,            // ） )
             0x3011, 0x300B, 0x3009,  // 】 》 〉
             0xFF3D, 0x5D, 0xFF63:    // ］ ] ｣
            return true
        default:
            return false
        }
    }

    static let ellipsis: UInt32 = 0x2026  // …

    /// Whether a scalar starting with `byte` can matter to `split`: a terminator, the
    /// ellipsis or a straight quote. The non-ASCII ones start with E2 (…), E3 (。) or EF
    /// (！？；｡); every other byte — ideographs (E4–E9), continuation bytes — is passed over
    /// without decoding. The text is valid UTF-8, so E2, E3 and EF are always lead bytes.
    @inline(__always)
    static func mayStartSplitMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x22, 0x27, 0x3B, 0x3F, 0xE2, 0xE3, 0xEF: true
        default: false
        }
    }

    /// Whether a scalar starting with `byte` can be a terminator (see `isTerminator`).
    @inline(__always)
    static func mayStartTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x3B, 0x3F, 0xE3, 0xEF: true
        default: false
        }
    }

    /// The sentences of `range`, trimmed and non-empty, in order.
    static func split(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, into sentences: inout [Range<Int>]) {
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        // Straight quotes open and close with the same mark; parity tells which one follows a terminator.
        var doubleQuotes = 0
        var singleQuotes = 0
        while i < end {
            guard mayStartSplitMark(bytes[i]) else {
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            var terminatorEnd: Int?
            if isTerminator(scalar) {
                terminatorEnd = i + length
            } else if scalar == ellipsis, i + length < end, UTF8Scanning.scalar(in: bytes, at: i + length).value == ellipsis {
                terminatorEnd = i + length
            } else if scalar == 0x22 {
                doubleQuotes += 1
            } else if scalar == 0x27 {
                singleQuotes += 1
            }
            guard var j = terminatorEnd else {
                i += length
                continue
            }
            // Take further terminators, ellipses and closing marks: `！”`, `？！`, `……”`.
            while j < end {
                let (next, nextLength) = UTF8Scanning.scalar(in: bytes, at: j)
                if isTerminator(next) || next == ellipsis || isClosingMark(next) {
                    j += nextLength
                } else if next == 0x22, doubleQuotes % 2 == 1 {
                    doubleQuotes += 1
                    j += 1
                } else if next == 0x27, singleQuotes % 2 == 1 {
                    singleQuotes += 1
                    j += 1
                } else {
                    break
                }
            }
            append(start..<j, in: bytes, to: &sentences)
            start = j
            i = j
            doubleQuotes = 0
            singleQuotes = 0
        }
        append(start..<end, in: bytes, to: &sentences)
    }

    /// The end of the first sentence in `range` (just past its terminator and closing marks),
    /// or nil when `range` holds a single unterminated sentence.
    static func firstSentenceEnd(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var pieces: [Range<Int>] = []
        split(range, in: bytes, into: &pieces)
        guard let first = pieces.first, pieces.count > 1 else { return nil }
        return first.upperBound
    }

    /// Whether `range` holds a sentence terminator anywhere.
    static func containsTerminator(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            guard mayStartTerminator(bytes[i]) else {
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            if isTerminator(scalar) { return true }
            i += length
        }
        return false
    }

    private static func append(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, to sentences: inout [Range<Int>]) {
        let trimmed = UTF8Scanning.trimmed(range, in: bytes)
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }
}
