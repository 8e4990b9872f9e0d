/// Text as character counts and term finding read it: the Chinese characters of some spans
/// of documents, each given a small code, in runs. Anything that is not an ideograph
/// (punctuation, letters, digits, spaces) ends a run, as does a span's end, one of the
/// `breaks` (the particles 的 and 了 for terms) and an occurrence of a whole word, which is
/// counted and cut out so nothing is counted across or inside it.
struct IdeographRuns {
    /// Stands between runs in `codes`.
    static let runBreak: Int32 = -1

    /// One code per character, `runBreak` between runs; every run ends with one.
    private(set) var codes: [Int32] = []
    /// The scalar of each code.
    private(set) var scalars: [UInt32] = []
    /// Characters that are ideographs in the spans, including breaks and whole words: what
    /// a rate per 10,000 characters divides by.
    private(set) var ideographCount = 0
    /// How often each whole word occurs, in the order given.
    private(set) var wholeWordCounts: [Int]

    /// Codes of the basic multilingual plane by scalar (-1: none yet); the rest in `codeOf`.
    private var basicCodes = [Int32](repeating: -1, count: 0x10000)
    private var codeOf: [UInt32: Int32] = [:]

    /// `spans`: byte ranges of each document's bytes, in order. `wholeWords`: UTF-8 words
    /// cut out whole, longest first where two start alike.
    init(_ spans: [(bytes: [UInt8], ranges: [Range<Int>])], breaks: Set<UInt32> = [], wholeWords: [[UInt8]] = []) {
        wholeWordCounts = Array(repeating: 0, count: wholeWords.count)
        // Whole words by their first byte, longest first, so the longest match is taken.
        var byFirstByte: [UInt8: [Int]] = [:]
        for (index, word) in wholeWords.enumerated() where !word.isEmpty { byFirstByte[word[0], default: []].append(index) }
        for key in byFirstByte.keys { byFirstByte[key]!.sort { wholeWords[$0].count > wholeWords[$1].count } }
        for (bytes, ranges) in spans {
            bytes.withUnsafeBufferPointer { buffer in
                for range in ranges {
                    var i = range.lowerBound
                    scanning: while i < range.upperBound {
                        if !byFirstByte.isEmpty, let candidates = byFirstByte[buffer[i]] {
                            for index in candidates where UTF8Scanning.matches(wholeWords[index], in: buffer, at: i, end: range.upperBound) {
                                endRun()
                                wholeWordCounts[index] += 1
                                let end = i + wholeWords[index].count
                                while i < end {
                                    let (value, length) = UTF8Scanning.scalar(in: buffer, at: i)
                                    if Ideographs.contains(value) { ideographCount += 1 }
                                    i += length
                                }
                                continue scanning
                            }
                        }
                        let (value, length) = UTF8Scanning.scalar(in: buffer, at: i)
                        i += length
                        guard Ideographs.contains(value) else { endRun(); continue }
                        ideographCount += 1
                        if breaks.contains(value) { endRun(); continue }
                        codes.append(code(for: value))
                    }
                    endRun()
                }
            }
        }
    }

    /// Number of positions in `codes`, breaks included.
    var count: Int { codes.count }

    /// The text of `length` characters from `position`.
    func text(at position: Int, length: Int) -> String {
        var text = String.UnicodeScalarView()
        for code in codes[position..<position + length] { text.append(Unicode.Scalar(scalars[Int(code)])!) }
        return String(text)
    }

    /// The code of a scalar, if it occurs in the runs.
    func existingCode(for scalar: UInt32) -> Int32? {
        let code = scalar < 0x10000 ? basicCodes[Int(scalar)] : (codeOf[scalar] ?? -1)
        return code >= 0 ? code : nil
    }

    private mutating func code(for scalar: UInt32) -> Int32 {
        if let existing = existingCode(for: scalar) { return existing }
        let code = Int32(scalars.count)
        scalars.append(scalar)
        if scalar < 0x10000 { basicCodes[Int(scalar)] = code } else { codeOf[scalar] = code }
        return code
    }

    private mutating func endRun() {
        if let last = codes.last, last != Self.runBreak { codes.append(Self.runBreak) }
    }
}
