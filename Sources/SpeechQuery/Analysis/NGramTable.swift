/// Counts of the character n-grams of some runs, one length at a time, as frequent-itemset
/// miners do: an n-gram is counted only where the two (n−1)-grams inside it are frequent
/// (occur `minimumCount` times or more), since an n-gram cannot be more frequent than its
/// parts. So the work shrinks with each length instead of growing with it.
///
/// Every n-gram of each length gets an identifier; `identifiers[n - 1][i]` is the
/// identifier of the n-gram that starts at position i, or -1 where that n-gram crosses a
/// break or is rarer than `minimumCount`. An n-gram is known by its two (n−1)-grams, so no
/// text is built while counting.
struct NGramTable {
    let minimumCount: Int
    /// `identifiers[n - 1][i]`: see above.
    private(set) var identifiers: [[Int32]] = []
    /// `counts[n - 1][id]`: occurrences of the n-gram (at most one count per position).
    private(set) var counts: [[Int32]] = []
    /// `firstPositions[n - 1][id]`: where the n-gram first occurs, to read its text.
    private(set) var firstPositions: [[Int32]] = []

    init(_ runs: IdeographRuns, maximumLength: Int, minimumCount: Int, isInterrupted: InterruptCheck = { false }) {
        self.minimumCount = minimumCount
        let codes = runs.codes
        // Length 1: the characters' own codes.
        var unigramCounts = [Int32](repeating: 0, count: runs.scalars.count)
        var unigramFirsts = [Int32](repeating: -1, count: runs.scalars.count)
        for (i, code) in codes.enumerated() where code >= 0 {
            unigramCounts[Int(code)] += 1
            if unigramFirsts[Int(code)] < 0 { unigramFirsts[Int(code)] = Int32(i) }
        }
        identifiers.append(codes.map { $0 >= 0 && Int(unigramCounts[Int($0)]) >= minimumCount ? $0 : -1 })
        counts.append(unigramCounts)
        firstPositions.append(unigramFirsts)
        guard maximumLength > 1 else { return }
        for length in 2...maximumLength {
            if isInterrupted() { return }
            let shorter = identifiers[length - 2]
            var level = [Int32](repeating: -1, count: codes.count)
            var table = IdentifierTable(capacity: max(16, counts[length - 2].count))
            var levelCounts: [Int32] = []
            var levelFirsts: [Int32] = []
            var any = false
            for i in 0..<max(0, codes.count - length + 1) {
                let left = shorter[i], right = shorter[i + 1]
                guard left >= 0, right >= 0 else { continue }
                let key = UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))
                let id = table.identifier(for: key, next: Int32(levelCounts.count))
                if Int(id) == levelCounts.count {
                    levelCounts.append(0)
                    levelFirsts.append(Int32(i))
                }
                levelCounts[Int(id)] += 1
                level[i] = id
                any = true
            }
            for i in level.indices where level[i] >= 0 && Int(levelCounts[Int(level[i])]) < minimumCount { level[i] = -1 }
            identifiers.append(level)
            counts.append(levelCounts)
            firstPositions.append(levelFirsts)
            if !any { return }
        }
    }

    /// The longest length counted.
    var maximumLength: Int { identifiers.count }

    /// The number of occurrences of the n-gram of `length` that starts at `position`
    /// (0 when it crosses a break or is rarer than the minimum).
    func count(at position: Int, length: Int) -> Int {
        let id = identifiers[length - 1][position]
        return id >= 0 ? Int(counts[length - 1][Int(id)]) : 0
    }
}

/// Open addressing from a 64-bit key to a dense identifier: the n-gram table looks up every
/// position of a corpus, and a `Dictionary` would cost several times as much per lookup.
private struct IdentifierTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var used = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The identifier of `key`, given `next` (and remembered) when the key is new.
    mutating func identifier(for key: UInt64, next: Int32) -> Int32 {
        if used * 2 >= keys.count { grow() }
        var slot = Self.slot(key, mask)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = next
        used += 1
        return next
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing spreads the two packed identifiers over the table.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var slot = Self.slot(key, mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
