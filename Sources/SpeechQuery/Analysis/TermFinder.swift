import Foundation

/// A multi-character term the statistics found, or one of the lexicon's `[terms]`.
struct FoundTerm: Sendable, Equatable {
    var text: String
    var characters: Int
    var count: Int
    /// The weakest link between two parts of the term, as pointwise mutual information in
    /// bits; nil for a listed term, which is not measured.
    var cohesion: Double?
    /// Entropy, in nats, of what stands before (after) the term: high when it follows
    /// (precedes) many different characters or punctuation, as a unit does.
    var leftEntropy: Double?
    var rightEntropy: Double?
    /// From the lexicon's `[terms]` rather than the statistics.
    var isListed: Bool
}

/// Finds terms without a dictionary, from the statistics of character n-grams (the method
/// of new-word discovery): a stretch of three to ten characters that recurs, whose parts
/// hold together more than chance would have them (cohesion), and which stands between many
/// different neighbours on both sides (boundary entropy), as a unit of the language does and
/// a fragment of one (质量发 of 高质量发展) does not. docs/analysis.md gives the measures and
/// thresholds; the lexicon's stopword lists keep function words off a term's edges.
enum TermFinder {
    static let shortestTerm = 3
    static let longestTerm = 10
    /// Cohesion below this many bits is two words that merely meet (发展新, 推进农)...
    static let minimumCohesion = 5.0
    /// ...unless the rarer part of the weakest split occurs in the term half the time or
    /// more: PMI cannot exceed log2(characters / count), so a term that fills much of a
    /// short text (安全生产 in a safety speech) has a low PMI however bound its parts are.
    static let sufficientDependency = 0.5
    /// And the weakest split must always account for a tenth of its rarer part's occurrences.
    static let minimumDependency = 0.1
    /// Boundary entropy (nats) below this on either side marks a fragment; for a rare
    /// stretch the bar is 90% of the most its count allows (ln of the count).
    static let minimumEntropy = 1.0
    /// A stretch seen once has no neighbours to judge it by, whatever `min` asks for.
    static let leastCountToFind = 2
    /// A stretch found inside one longer term for 80% of its occurrences or more is that
    /// term's part, not a term of its own.
    static let nestedShare = 0.8
    /// A stretch whose edge cuts a stopword (项工作 of 各项工作) or a number (回顾一 of 回顾一九五四年)
    /// in most occurrences is a fragment.
    static let maximumCutShare = 0.5

    /// At least twice, and once more per 50,000 characters: more text, more chance pairs.
    static func defaultMinimumCount(characters: Int) -> Int {
        2 + characters / 50_000
    }

    /// The runs terms are found in: broken at the lexicon's term breaks, with its `[terms]`
    /// cut out whole and counted.
    static func runs(_ spans: [(bytes: [UInt8], ranges: [Range<Int>])], lexicon: AnalysisLexicon) -> IdeographRuns {
        let breaks = Set(lexicon.termBreaks.filter { $0.count == 1 }.map { $0[0].value })
        return IdeographRuns(spans, breaks: breaks, wholeWords: lexicon.terms.map { Array(String(String.UnicodeScalarView($0)).utf8) })
    }

    /// The terms of `runs`, most frequent first (then longer first): found ones occurring
    /// `minimumCount` times or more, and listed ones occurring at all.
    static func terms(in runs: IdeographRuns, lexicon: AnalysisLexicon, minimumCount: Int, isInterrupted: InterruptCheck = { false }) -> [FoundTerm] {
        let table = NGramTable(runs, maximumLength: longestTerm, minimumCount: max(leastCountToFind, minimumCount), isInterrupted: isInterrupted)
        let junctions = Junctions(runs, lexicon: lexicon)
        var found: [FoundTerm] = []
        if table.maximumLength >= shortestTerm {
            var scratch = NeighbourCounts(alphabet: runs.scalars.count)
            let characters = Double(runs.codes.count(where: { $0 >= 0 }))
            for length in shortestTerm...table.maximumLength {
                if isInterrupted() { return [] }
                found += candidates(of: length, in: characters, table, runs, junctions, &scratch)
            }
        }
        found = withoutNestedTerms(found)
        for (word, count) in zip(lexicon.terms, runs.wholeWordCounts) where count > 0 {
            found.append(FoundTerm(text: String(String.UnicodeScalarView(word)), characters: word.count, count: count,
                                   cohesion: nil, leftEntropy: nil, rightEntropy: nil, isListed: true))
        }
        return found.sorted { a, b in
            if (a.count, a.characters) != (b.count, b.characters) { return (a.count, a.characters) > (b.count, b.characters) }
            return a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars)
        }
    }

    /// The n-grams of one length that pass every test.
    private static func candidates(of length: Int, in characters: Double, _ table: NGramTable, _ runs: IdeographRuns, _ junctions: Junctions,
                                   _ scratch: inout NeighbourCounts) -> [FoundTerm] {
        let ids = table.identifiers[length - 1]
        let counts = table.counts[length - 1]
        let codes = runs.codes
        // The positions of each frequent n-gram, grouped by identifier (a counting sort).
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for id in ids where id >= 0 { starts[Int(id) + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var fill = starts
        var positions = [Int32](repeating: 0, count: starts[counts.count])
        for (i, id) in ids.enumerated() where id >= 0 {
            positions[fill[Int(id)]] = Int32(i)
            fill[Int(id)] += 1
        }
        var found: [FoundTerm] = []
        for id in counts.indices where starts[id + 1] > starts[id] {
            let occurrences = positions[starts[id]..<starts[id + 1]]
            let first = Int(occurrences.first!)
            let count = occurrences.count
            // The tests that need one occurrence only come first: they reject most.
            guard !junctions.hasStopwordEdge(at: first, length: length), !spellsANumber(codes, first, length, runs) else { continue }
            var cohesion = Double.infinity, dependency = Double.infinity
            for split in 1..<length {
                let head = Double(table.count(at: first, length: split)), tail = Double(table.count(at: first + split, length: length - split))
                cohesion = min(cohesion, log2(Double(count) * characters / (head * tail)))
                dependency = min(dependency, Double(count) / min(head, tail))
            }
            guard cohesion >= minimumCohesion || dependency >= sufficientDependency, dependency >= minimumDependency else { continue }
            var cuts = 0
            for p in occurrences where junctions.isCut(before: Int(p)) || junctions.isCut(before: Int(p) + length) { cuts += 1 }
            guard Double(cuts) <= maximumCutShare * Double(count) else { continue }
            let left = scratch.entropy(occurrences) { p in junctions.isEdge(before: Int(p)) ? nil : codes[Int(p) - 1] }
            let right = scratch.entropy(occurrences) { p in junctions.isEdge(before: Int(p) + length) ? nil : codes[Int(p) + length] }
            let bar = min(minimumEntropy, 0.9 * log(Double(count)))
            guard left >= bar, right >= bar else { continue }
            found.append(FoundTerm(text: runs.text(at: first, length: length), characters: length, count: count,
                                   cohesion: cohesion, leftEntropy: left, rightEntropy: right, isListed: false))
        }
        return found
    }

    /// A figure is not a term: three digit numerals in a row (一九五四年, 二〇〇〇), or two
    /// numerals or more of which one is 百, 千, 万 or 亿 (一百九十, 千万亩). 十一五 and 三农
    /// are words.
    private static func spellsANumber(_ codes: [Int32], _ start: Int, _ length: Int, _ runs: IdeographRuns) -> Bool {
        var digits = 0, numerals = 0, large = false
        for p in start..<start + length {
            let scalar = runs.scalars[Int(codes[p])]
            digits = Ideographs.isDigitNumeral(scalar) ? digits + 1 : 0
            if Ideographs.isNumeral(scalar) {
                numerals += 1
                large = large || Ideographs.isLargeNumeral(scalar)
            } else {
                numerals = 0
                large = false
            }
            if digits == 3 || (numerals >= 2 && large) { return true }
        }
        return false
    }

    /// `terms` without those found, nearly always, inside longer terms of the list: inside
    /// one of them, or inside those that add one character on the same side (部地区 is
    /// 中部地区, 西部地区 or 东部地区 every time; such extensions cannot overlap).
    static func withoutNestedTerms(_ terms: [FoundTerm]) -> [FoundTerm] {
        var index: [String: Int] = [:]
        for (k, term) in terms.enumerated() { index[term.text] = k }
        var inside = [Int](repeating: 0, count: terms.count)
        var extendedLeft = [Int](repeating: 0, count: terms.count), extendedRight = extendedLeft
        for term in terms where term.characters > shortestTerm {
            let scalars = term.text.unicodeScalars
            if let k = index[String(String.UnicodeScalarView(scalars.dropFirst()))] { extendedLeft[k] += term.count }
            if let k = index[String(String.UnicodeScalarView(scalars.dropLast()))] { extendedRight[k] += term.count }
        }
        for k in terms.indices { inside[k] = max(extendedLeft[k], extendedRight[k]) }
        for term in terms {
            let scalars = Array(term.text.unicodeScalars)
            var times: [Int: Int] = [:]
            for length in shortestTerm..<max(shortestTerm, scalars.count) {
                for start in 0...(scalars.count - length) {
                    let part = String(String.UnicodeScalarView(scalars[start..<start + length]))
                    if let k = index[part] { times[k, default: 0] += 1 }
                }
            }
            for (k, n) in times { inside[k] = max(inside[k], term.count * n) }
        }
        return terms.indices.filter { Double(inside[$0]) < nestedShare * Double(terms[$0].count) }.map { terms[$0] }
    }
}

/// What stands at each junction between two characters of some runs, so that each test of
/// a candidate term is a lookup: whether it begins or ends with a stopword, whether its edge
/// cuts a stopword or a number in two, and whether what stands next to it is a stopword
/// (which counts as an edge, as punctuation does).
struct Junctions {
    /// The shortest stopword that starts (ends) at each position; 0 for none.
    private var stopwordStarting: [UInt8]
    private var stopwordEnding: [UInt8]
    /// The longest not-stopword that starts (ends) at each position; 0 for none.
    private var exceptionStarting: [UInt8]
    private var exceptionEnding: [UInt8]
    /// Per junction (`i` is the one before position i): an edge; inside a stopword of two
    /// characters or more, or between two numerals (一|九 of 一九五四), where no term ends.
    private var edge: [Bool]
    private var cut: [Bool]

    init(_ runs: IdeographRuns, lexicon: AnalysisLexicon) {
        let codes = runs.codes
        let count = codes.count
        stopwordStarting = Array(repeating: 0, count: count)
        stopwordEnding = Array(repeating: 0, count: count)
        exceptionStarting = Array(repeating: 0, count: count)
        exceptionEnding = Array(repeating: 0, count: count)
        edge = Array(repeating: false, count: count + 1)
        cut = Array(repeating: false, count: count + 1)
        var protected = [Bool](repeating: false, count: count + 1)
        var stopwordAround = [Bool](repeating: false, count: count + 1)
        for (i, code) in codes.enumerated() {
            if code < 0 {
                edge[i] = true
                edge[i + 1] = true
            } else if i > 0, codes[i - 1] >= 0, Ideographs.isNumeral(runs.scalars[Int(code)]), Ideographs.isNumeral(runs.scalars[Int(codes[i - 1])]) {
                cut[i] = true
            }
        }
        edge[0] = true
        edge[count] = true

        let stopwords = WordMatcher(lexicon.stopwords.words, runs)
        let endings = WordMatcher(lexicon.stopwordEndings.words, runs)
        let exceptions = WordMatcher(lexicon.notStopwords.words, runs)
        exceptions.forEachMatch(in: codes) { start, length in
            exceptionStarting[start] = max(exceptionStarting[start], UInt8(length))
            exceptionEnding[start + length - 1] = max(exceptionEnding[start + length - 1], UInt8(length))
            for j in start + 1..<start + length { protected[j] = true }
        }
        func shortest(_ old: UInt8, _ length: Int) -> UInt8 { old == 0 ? UInt8(length) : min(old, UInt8(length)) }
        stopwords.forEachMatch(in: codes) { start, length in
            stopwordStarting[start] = shortest(stopwordStarting[start], length)
            stopwordEnding[start + length - 1] = shortest(stopwordEnding[start + length - 1], length)
            stopwordAround[start] = true
            stopwordAround[start + length] = true
            for j in start + 1..<start + length { cut[j] = true }
        }
        endings.forEachMatch(in: codes) { start, length in
            stopwordEnding[start + length - 1] = shortest(stopwordEnding[start + length - 1], length)
        }
        for j in 0...count where stopwordAround[j] && !protected[j] { edge[j] = true }
    }

    /// Whether the n-gram at `start` begins or ends with a stopword that no not-stopword
    /// covers (和 of 和谐社会 is covered by 和谐).
    func hasStopwordEdge(at start: Int, length: Int) -> Bool {
        let end = start + length - 1
        let head = Int(stopwordStarting[start]), headException = Int(exceptionStarting[start])
        if head > 0, head <= length, !(headException > head && headException <= length) { return true }
        let tail = Int(stopwordEnding[end]), tailException = Int(exceptionEnding[end])
        return tail > 0 && tail <= length && !(tailException > tail && tailException <= length)
    }

    /// Whether the junction before `position` is an edge: a break, or a stopword's side.
    func isEdge(before position: Int) -> Bool { edge[position] }

    /// Whether the junction before `position` lies inside a stopword or a number.
    func isCut(before position: Int) -> Bool { cut[position] }
}

/// Finds the words of a lexicon list in runs of codes.
private struct WordMatcher {
    /// The words as codes, by the code they begin with; words with a character that does not
    /// occur in the runs cannot match and are left out.
    private var byFirstCode: [Int32: [[Int32]]] = [:]

    init(_ words: [[Unicode.Scalar]], _ runs: IdeographRuns) {
        for word in words where !word.isEmpty {
            let codes = word.compactMap { runs.existingCode(for: $0.value) }
            if codes.count == word.count { byFirstCode[codes[0], default: []].append(codes) }
        }
    }

    /// Calls `body(start, length)` for every occurrence of every word, overlaps included.
    func forEachMatch(in codes: [Int32], _ body: (Int, Int) -> Void) {
        guard !byFirstCode.isEmpty else { return }
        for (i, code) in codes.enumerated() where code >= 0 {
            guard let words = byFirstCode[code] else { continue }
            for word in words where i + word.count <= codes.count {
                var k = 1
                while k < word.count, codes[i + k] == word[k] { k += 1 }
                if k == word.count { body(i, word.count) }
            }
        }
    }
}

/// Counts of the characters next to a term's occurrences, reused from term to term.
struct NeighbourCounts {
    private var counts: [Int32]
    private var touched: [Int32] = []

    init(alphabet: Int) {
        counts = Array(repeating: 0, count: alphabet)
    }

    /// The entropy (nats) of the neighbours `neighbour` gives for the occurrences; nil, an
    /// edge, counts as a neighbour seen once, so edges raise the entropy as variety does.
    mutating func entropy(_ occurrences: ArraySlice<Int32>, _ neighbour: (Int32) -> Int32?) -> Double {
        for p in occurrences {
            guard let code = neighbour(p) else { continue }
            if counts[Int(code)] == 0 { touched.append(code) }
            counts[Int(code)] += 1
        }
        var sum = 0.0
        for code in touched {
            let c = Double(counts[Int(code)])
            sum += c * log(c)
            counts[Int(code)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        let total = Double(occurrences.count)
        return max(0, log(total) - sum / total)
    }
}
