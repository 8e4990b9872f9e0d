/// A set of Unicode scalars answered by a bit test: one bit per scalar of the Basic
/// Multilingual Plane (8 KB), a hashed set only for the rest. The analysis asks whether a
/// character may start a word, end an actor or open a deadline at every character of every
/// sentence, where hashing each scalar was a tenth of the time.
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var beyondPlane: Set<Unicode.Scalar> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { insert(scalar) }
    }

    init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) } else { beyondPlane.insert(scalar) }
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x10000 { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return beyondPlane.contains(scalar)
    }
}
