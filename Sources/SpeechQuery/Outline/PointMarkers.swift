/// Recognises the enumerations that open a point: 一是, 一要, 第一，, 首先/其次/再次/最后.
enum PointMarkers {
    struct Marker: Equatable {
        var style: PointStyle
        /// The number as written; `nil` for 最后, whose number is one past the run's last.
        var number: Int?
    }

    private static let shi: UInt32 = 0x662F   // 是
    private static let yao: UInt32 = 0x8981   // 要
    private static let di: UInt32 = 0x7B2C    // 第
    private static let diSeparators: Set<UInt32> = [0xFF0C, 0x2C, 0x3001]  // ， , 、
    private static let sequenceWords: [(word: [UInt8], number: Int?)] = [
        (Array("首先".utf8), 1), (Array("其次".utf8), 2), (Array("再次".utf8), 3), (Array("最后".utf8), nil),
    ]

    /// The point marker at `index`, which must be the start of a sentence.
    static func marker(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Marker? {
        guard index < end else { return nil }
        let (first, firstLength) = UTF8Scanning.scalar(in: bytes, at: index)
        if first == di {
            guard let (value, after) = ChineseNumeral.parse(in: bytes, at: index + firstLength, end: end), after < end,
                  diSeparators.contains(UTF8Scanning.scalar(in: bytes, at: after).value)
            else { return nil }
            return Marker(style: .diyi, number: value)
        }
        if let (value, after) = ChineseNumeral.parse(in: bytes, at: index, end: end), after < end {
            switch UTF8Scanning.scalar(in: bytes, at: after).value {
            case shi: return Marker(style: .shi, number: value)
            case yao: return Marker(style: .yao, number: value)
            default: return nil
            }
        }
        for (word, number) in sequenceWords where UTF8Scanning.matches(word, in: bytes, at: index, end: end) {
            return Marker(style: .sequence, number: number)
        }
        return nil
    }
}

/// The point runs open in one container (a section, subsection, the opening or the
/// closing). A run must begin at its first member; later members continue it when their
/// number is higher than the last one seen (a gap is kept, for checks to report).
struct PointRuns {
    private var lastNumber: [PointStyle: Int] = [:]

    /// The number the point gets if `marker` opens or continues a run, or nil when it does not.
    mutating func accept(_ marker: PointMarkers.Marker) -> Int? {
        let last = lastNumber[marker.style]
        let number: Int
        switch (marker.number, last) {
        case (1?, _): number = 1                        // a first member (re)starts the run
        case (let n?, let l?) where n > l: number = n
        case (nil, let l?): number = l + 1               // 最后 closes an open run
        default: return nil
        }
        lastNumber[marker.style] = number
        return number
    }
}
