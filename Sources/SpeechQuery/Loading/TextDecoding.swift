import Foundation

/// The encodings speechq recognises in its input.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case gb18030 = "GB18030"
}

/// Turns the bytes of a file into the normalised UTF-8 the parser works on: no byte-order
/// mark, `\n` line endings. Line numbers are unchanged by the normalisation, so every
/// line the parser reports is the line the user sees in their editor.
public enum TextDecoding {
    /// Foundation's identifier for GB18030 (CFStringEncoding 0x0632 with the NS flag).
    /// GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ raw: [UInt8]) -> Result<(text: [UInt8], encoding: SourceEncoding), LoadFailure.Reason> {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(raw[3...])
            guard String(validating: body, as: UTF8.self) != nil else { return .failure(.invalidUTF8AfterBOM) }
            return finish(body, .utf8WithBOM)
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            let little = raw[0] == 0xFF
            let encoding: String.Encoding = little ? .utf16LittleEndian : .utf16BigEndian
            guard (raw.count - 2) % 2 == 0,
                  let string = String(data: Data(raw[2...]), encoding: encoding)
            else { return .failure(.invalidUTF16) }
            return finish(Array(string.utf8), little ? .utf16LittleEndian : .utf16BigEndian)
        }
        // A NUL never occurs in UTF-8 or GB18030 text; it is the mark of a binary file
        // (or of UTF-16 without a byte-order mark, which we cannot tell from binary).
        if UTF8Scanning.contains(0, in: raw) {
            return .failure(.binary)
        }
        if String(validating: raw, as: UTF8.self) != nil {
            return finish(raw, .utf8)
        }
        if let string = String(data: Data(raw), encoding: gb18030) {
            return finish(Array(string.utf8), .gb18030)
        }
        return .failure(.unknownEncoding)
    }

    private static func finish(_ text: [UInt8], _ encoding: SourceEncoding) -> Result<(text: [UInt8], encoding: SourceEncoding), LoadFailure.Reason> {
        let normalised = normaliseLineEndings(text)
        if looksBinary(normalised) { return .failure(.binary) }
        return .success((normalised, encoding))
    }

    /// CRLF and lone CR become LF. Text without CR is returned as is, without a copy.
    static func normaliseLineEndings(_ text: [UInt8]) -> [UInt8] {
        guard UTF8Scanning.contains(0x0D, in: text) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            let b = text[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// Why the first chunk of an input already shows that it is not text, so the rest is not
    /// read: the rules of `decode`, applied to a prefix. A NUL (without a UTF-16 byte-order
    /// mark), a lone UTF-16 surrogate, or control characters making up 2% of the chunk — twice
    /// what `looksBinary` allows of a whole text, so a text that decodes whole is not refused
    /// for its opening alone.
    static func refusal(ofFirstChunk chunk: UnsafeBufferPointer<UInt8>) -> LoadFailure.Reason? {
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
            let little = chunk[0] == 0xFF
            var controls = 0, units = 0
            var highSurrogate = false
            var i = 2
            while i + 1 < chunk.count {
                let unit = little ? UInt16(chunk[i]) | UInt16(chunk[i + 1]) << 8 : UInt16(chunk[i]) << 8 | UInt16(chunk[i + 1])
                let isLow = (0xDC00...0xDFFF).contains(unit)
                if highSurrogate != isLow { return .invalidUTF16 }
                highSurrogate = (0xD800...0xDBFF).contains(unit)
                controls &+= (unit < 0x20 && unit != 0x0A && unit != 0x09 && unit != 0x0C && unit != 0x0D) ? 1 : 0
                units += 1
                i += 2
            }
            return controls > 0 && controls * 50 >= units ? .binary : nil
        }
        let withBOM = chunk.starts(with: [0xEF, 0xBB, 0xBF])
        let body = withBOM ? UnsafeBufferPointer(rebasing: chunk[3...]) : chunk
        if !withBOM, body.count > 0, memchr(body.baseAddress!, 0, body.count) != nil { return .binary }
        // CR counts not: the first chunk is not yet decoded, and CRLF text is text.
        let controls = controlCount(body, countingCarriageReturns: false)
        return controls > 0 && controls * 50 >= body.count ? .binary : nil
    }

    /// Decoded text full of control characters is a binary file that happened to decode
    /// (GB18030 accepts most byte sequences). One control character in a hundred is far
    /// beyond anything a real speech contains.
    static func looksBinary(_ text: [UInt8]) -> Bool {
        let controls = text.withUnsafeBufferPointer { controlCount($0, countingCarriageReturns: true) }
        return controls > 0 && controls * 100 >= max(text.count, 1)
    }

    /// The control bytes in `bytes` other than line feed, tab and form feed (and carriage
    /// return unless `countingCarriageReturns`): a branch-free count, which the compiler
    /// vectorises.
    @inline(__always)
    private static func controlCount(_ bytes: UnsafeBufferPointer<UInt8>, countingCarriageReturns: Bool) -> Int {
        let carriageReturn: UInt8 = countingCarriageReturns ? 0xFF : 0x0D
        var count = 0
        for b in bytes {
            count &+= (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0C && b != carriageReturn) ? 1 : 0
        }
        return count
    }
}

extension LoadFailure {
    /// The reasons a file's bytes are not text speechq can read.
    public enum Reason: String, Error, Sendable {
        case binary = "binary file (not UTF-8, UTF-16 with BOM or GB18030 text)"
        case invalidUTF8AfterBOM = "invalid UTF-8 after a UTF-8 byte-order mark"
        case invalidUTF16 = "invalid UTF-16 after a UTF-16 byte-order mark"
        case unknownEncoding = "not UTF-8, UTF-16 with BOM or GB18030 text"
    }
}
