/// A number of bytes as people write and read it: `500M`, `2G`, `65536`, shown as `500 MB`,
/// `2 GB`. K, M, G and T are powers of 1024, as in `du` and `ls -h`.
public struct ByteSize: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// The largest file the loader reads unless told otherwise (`--max-size`).
    public static let defaultFileLimit = ByteSize(bytes: 2 << 30)

    /// The largest limit that may be set: the outline keeps a document's offsets in 32 bits
    /// (`Compact32`), so a document must stay under 4 GB.
    public static let largestFileLimit = ByteSize(bytes: 4 << 30 - 2)

    private static let units: [(letter: UInt8, name: String, shift: Int)] = [
        (UInt8(ascii: "T"), "TB", 40), (UInt8(ascii: "G"), "GB", 30), (UInt8(ascii: "M"), "MB", 20), (UInt8(ascii: "K"), "KB", 10),
    ]

    /// Reads `500M`, `2G`, `2GB`, `64k`, `1.5G` or a plain number of bytes; nil for anything
    /// else, for zero and for sizes beyond what an `Int` holds.
    public init?(parsing text: String) {
        var digits = Array(text.utf8)
        // An optional B after the unit (`2GB`), or alone (`100B`).
        if let last = digits.last, last | 0x20 == UInt8(ascii: "b") { digits.removeLast() }
        var shift = 0
        if let last = digits.last, let unit = Self.units.first(where: { $0.letter == last & ~0x20 }) {
            shift = unit.shift
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }),
              digits.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
              digits.first != UInt8(ascii: "."), digits.last != UInt8(ascii: ".")
        else { return nil }
        // Whole and fractional parts in integers, so `1.5G` is exact and nothing overflows quietly.
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard let whole = Int(String(decoding: parts[0], as: UTF8.self)) else { return nil }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow else { return nil }
        var total = scaled
        if parts.count == 2 {
            let fraction = parts[1].prefix(9)
            guard let numerator = Int(String(decoding: fraction, as: UTF8.self)) else { return nil }
            var denominator = 1
            for _ in fraction { denominator *= 10 }
            let (part, overflow) = numerator.multipliedReportingOverflow(by: 1 << shift)
            guard !overflow else { return nil }
            total += part / denominator
        }
        guard total > 0 else { return nil }
        bytes = total
    }

    /// `2 GB`, `500 MB`, `1.5 GB`, `3 KB`, `900 bytes`: the largest unit that leaves at least
    /// one, with a decimal only when it is not whole.
    public var description: String {
        for unit in Self.units where bytes >= 1 << unit.shift {
            let whole = bytes >> unit.shift
            let tenths = ((bytes - (whole << unit.shift)) * 10) >> unit.shift
            return tenths == 0 ? "\(whole) \(unit.name)" : "\(whole).\(tenths) \(unit.name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
}
