/// Joins the lines of a rendered paragraph: with nothing where either side of a break is
/// CJK or full-width punctuation (Chinese is written without spaces, so a hard wrap inside
/// a word must vanish), else with one space, as Markdown renders a soft break.
enum LineJoiner {
    static func joined(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x0A else {
                out.append(bytes[i])
                i += 1
                continue
            }
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
            i += 1
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A { i += 1 }
            guard !out.isEmpty, i < bytes.count else { continue }
            let before = out.withUnsafeBufferPointer { buffer in
                UTF8Scanning.scalar(in: buffer, at: UTF8Scanning.previousScalarStart(in: buffer, before: buffer.count, lowerBound: 0)).value
            }
            let after = UTF8Scanning.scalar(in: bytes, at: i).value
            if !isWide(before) && !isWide(after) { out.append(0x20) }
        }
        while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
        return out
    }

    /// CJK ideographs, kana, CJK and full-width punctuation, and the quotes, dashes and
    /// ellipsis that Chinese text sets full width.
    static func isWide(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2014, 0x2015, 0x2018...0x201D, 0x2026,  // — ― ‘ ’ “ ” …
             0x2E80...0x30FF,    // radicals, CJK symbols and punctuation, kana
             0x3100...0x312F,    // bopomofo
             0x3200...0x9FFF,    // enclosed CJK, compatibility, extension A, unified ideographs
             0xF900...0xFAFF,    // compatibility ideographs
             0xFE30...0xFE4F,    // CJK compatibility forms
             0xFF00...0xFFEF,    // full-width and half-width forms
             0x20000...0x3FFFF:  // supplementary ideographs
            return true
        default:
            return false
        }
    }
}
