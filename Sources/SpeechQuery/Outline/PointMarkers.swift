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
/// closing). A run must begin at its first member (一是, 第一，, 首先); a 1 starts it again.
/// Later members keep the number as written. One numbered higher than any before it
/// continues the run (a gap is kept). One numbered the same as or lower than an earlier
/// member — out of order (第三 then 第二) or repeated (二是 twice) — continues it too, so the
/// outline shows the text as written and `check` reports it, when it leads its paragraph or
/// shares a paragraph with the run's last member. Otherwise it belongs to an enumeration
/// whose first member is not at a sentence start (`…三个方面的案件：一是…。二是…`) and is not
/// a point.
struct PointRuns {
    private struct Run {
        var highest: Int
        var paragraph: Int
    }

    private var runs: [PointStyle: Run] = [:]

    /// The number the point gets if `marker`, at the start of a sentence of `paragraph`,
    /// opens or continues a run; nil when it does not.
    mutating func accept(_ marker: PointMarkers.Marker, paragraph: Int, leadsParagraph: Bool) -> Int? {
        let number: Int
        switch (marker.number, runs[marker.style]) {
        case (1?, _):
            runs[marker.style] = Run(highest: 1, paragraph: paragraph)  // a first member (re)starts the run
            return 1
        case (let n?, let run?) where n > run.highest: number = n
        case (let n?, let run?) where leadsParagraph || paragraph == run.paragraph: number = n
        case (nil, let run?): number = run.highest + 1                   // 最后 closes an open run
        default: return nil
        }
        runs[marker.style] = Run(highest: max(runs[marker.style]?.highest ?? 0, number), paragraph: paragraph)
        return number
    }
}
