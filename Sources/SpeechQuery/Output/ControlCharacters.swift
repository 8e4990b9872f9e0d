/// Control characters from documents, made visible for a terminal, where they would
/// otherwise act: an escape sequence clears the screen, sets the window title or writes the
/// clipboard (OSC 52), a carriage return or backspace writes over what is shown. Every C0
/// control but tab and line feed, DEL, and every C1 control (U+0080–U+009F) is written as
/// `\x` and the two hex digits of its code point, as Python's `repr` writes them: ESC is
/// `\x1b`, DEL `\x7f`, CSI `\x9b`. Only what a terminal shows is escaped; TSV, CSV, JSON and
/// files keep the text as it is (JSON writes these characters as `\u001b` anyway).
public enum ControlCharacters {
    /// `text` with its control characters escaped; `text` itself when it has none.
    public static func escaped(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard let start = firstControl(in: bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<start])
            var i = start
            while i < bytes.count {
                let byte = bytes[i]
                if isC0OrDelete(byte) {
                    appendEscape(of: byte, to: &out)
                    i += 1
                } else if byte == 0xC2, i + 1 < bytes.count, isC1Continuation(bytes[i + 1]) {
                    appendEscape(of: bytes[i + 1], to: &out)
                    i += 2
                } else {
                    out.append(byte)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The byte offset of the first character `escaped` would change, or nil.
    static func firstControl(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if isC0OrDelete(byte) { return i }
            if byte == 0xC2, i + 1 < bytes.count, isC1Continuation(bytes[i + 1]) { return i }
            i += 1
        }
        return nil
    }

    /// A C0 control other than tab and line feed, or DEL.
    @inline(__always)
    static func isC0OrDelete(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F
    }

    /// The second byte of U+0080–U+009F, which UTF-8 writes as C2 80 to C2 9F.
    @inline(__always)
    static func isC1Continuation(_ byte: UInt8) -> Bool {
        byte >= 0x80 && byte <= 0x9F
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(of value: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        out.append(hexDigits[Int(value >> 4)])
        out.append(hexDigits[Int(value & 0x0F)])
    }
}
