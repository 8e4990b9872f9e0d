import Foundation

/// Byte-level helpers over UTF-8 text.
///
/// The outline parser and the sentence splitter work on `[UInt8]` and byte offsets; these
/// helpers decode one Unicode scalar at a time where a decision needs it (is this a
/// terminator, a numeral, whitespace) and never build `Character`s, whose grapheme breaking
/// is an order of magnitude slower.
enum UTF8Scanning {
    /// Decodes the scalar that starts at `index`. Returns its value and its length in bytes.
    /// Malformed input decodes as U+FFFD with length 1 so a scan always makes progress.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        let count = bytes.count
        if b0 & 0xE0 == 0xC0, index + 1 < count {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, index + 2 < count {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
                | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, index + 3 < count {
            return (((b0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The start of the scalar that ends right before `index`.
    @inline(__always)
    static func previousScalarStart(in bytes: UnsafeBufferPointer<UInt8>, before index: Int, lowerBound: Int) -> Int {
        var i = index - 1
        while i > lowerBound, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Whitespace as it occurs in these documents: ASCII blanks, no-break space, the
    /// ideographic space U+3000 used for indentation, the Unicode spaces and the BOM.
    @inline(__always)
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// `range` without leading and trailing whitespace.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let (value, length) = scalar(in: bytes, at: lower)
            guard isWhitespace(value) else { break }
            lower += length
        }
        while upper > lower {
            let start = previousScalarStart(in: bytes, before: upper, lowerBound: lower)
            let (value, _) = scalar(in: bytes, at: start)
            guard isWhitespace(value) else { break }
            upper = start
        }
        return lower..<upper
    }

    /// Index just past the whitespace that starts at `index`.
    static func skipWhitespace(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, to end: Int) -> Int {
        var i = index
        while i < end {
            let (value, length) = scalar(in: bytes, at: i)
            guard isWhitespace(value) else { break }
            i += length
        }
        return i
    }

    /// Number of scalars in `range` that are not whitespace: the "character count" users see.
    static func nonWhitespaceCount(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                if b > 0x20 && b != 0x7F { count += 1 }
                i += 1
                continue
            }
            let (value, length) = scalar(in: bytes, at: i)
            if !isWhitespace(value) { count += 1 }
            i += length
        }
        return count
    }

    /// Whether the bytes at `index` spell `literal`.
    @inline(__always)
    static func matches(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index + literal.count <= end else { return false }
        for k in 0..<literal.count where bytes[index + k] != literal[k] { return false }
        return true
    }

    /// Whether `byte` occurs in `bytes`, found with `memchr`.
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}
