/// Which `一、` paragraphs are section headings.
///
/// A document may hold more numbered paragraphs than sections: an agenda `一、…二、…三、` in
/// the opening, a list restarting inside a section, a quoted fragment or a slogan that opens
/// with a numeral. The sections are the chain of candidates — numbers going up, in text
/// order — that best explains the whole document, not the first run seen. `SectionChain`
/// scores chains; the best one is found by dynamic programming over the candidates.
///
/// Two rules from the reports bound the chains:
/// - **shape**: most documents write section headings on a line of their own; in those,
///   heading-only paragraphs are the candidates, and a run-in heading is taken only when it
///   fills a gap between them (1987's `三、`). Documents whose heading-only candidates form no
///   outline (none at all, as in 1981, one alone, or only a list of adjacent lines) may write
///   their section headings run-in: then run-in paragraphs are candidates too, and that chain
///   is taken when it scores better.
/// - **lists**: a candidate that follows an unaccepted candidate numbered one lower continues
///   that list and is not a section (the lists of 1955, 1982, 1984 and 1986) — unless that
///   candidate is an aside, a slogan or the end of a quotation.
enum SectionSelection {
    /// The chain search is quadratic in the number of candidates; beyond this many, the
    /// greedy rule (first increasing run) keeps hostile input linear.
    static let maximumCandidatesForSearch = 2000

    static func acceptedIndices(_ marks: [HeadingMarkers.Marked?], in bytes: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        let candidates = marks.enumerated().compactMap { k, mark in
            mark?.level == .section ? SectionCandidate(paragraph: k, mark: mark!, in: bytes) : nil
        }
        guard !candidates.isEmpty else { return [] }
        guard candidates.count <= maximumCandidatesForSearch else { return greedy(candidates) }
        let chains = SectionChain(candidates: candidates, paragraphCount: marks.count)
        let headingOnly = chains.best(mode: .headingOnly)
        var chosen = headingOnly
        if !headingOnly.isOutline {
            let runIn = chains.best(mode: .runIn)
            if runIn.members.count >= 2, runIn.score > headingOnly.score { chosen = runIn }
        }
        return Set(chosen.members.map { candidates[$0].paragraph })
    }

    /// The rule before the chain search: walk the candidates once, accepting each that goes
    /// forward and does not continue a list. Linear.
    static func greedy(_ candidates: [SectionCandidate]) -> Set<Int> {
        let headingOnlyMode = candidates.contains { $0.shape == .headingOnly }
        let nextHeadingOnly = SectionChain.nextHeadingOnlyNumbers(candidates)
        var numbering = HeadingNumbering()
        var lastAccepted = 0
        var accepted = Set<Int>()
        for (position, candidate) in candidates.enumerated() {
            let eligible: Bool
            switch (candidate.shape, headingOnlyMode) {
            case (.headingOnly, _): eligible = true
            case (.runIn, false): eligible = true
            case (.runIn, true): eligible = candidate.number == lastAccepted + 1 && nextHeadingOnly[position] == candidate.number + 1
            case (.listItem, _): eligible = false
            }
            if numbering.consider(candidate.number, eligible: eligible) {
                accepted.insert(candidate.paragraph)
                lastAccepted = candidate.number
            }
        }
        return accepted
    }
}

/// A paragraph that opens with `一、` (or is a bare numeral), with what the chain score
/// needs to know about it.
struct SectionCandidate {
    var paragraph: Int
    var number: Int
    var shape: HeadingMarkers.Shape
    /// An exclamation or question (a slogan: `一、二、三，齐步走！`) or the end of a quotation
    /// (a closing quote with no opening one: `一、坚持以人民为中心”。`): text that happens to
    /// open with a numeral, neither a heading nor a list member.
    var isAside: Bool
    /// Not an aside and no longer than headings usually are.
    var readsLikeHeading: Bool

    /// Headings longer than this are unusual (the reports' longest is 47 characters).
    static let usualHeadingLength = 50

    init(paragraph: Int, mark: HeadingMarkers.Marked, in bytes: UnsafeBufferPointer<UInt8>) {
        self.paragraph = paragraph
        number = mark.number
        shape = mark.shape
        var opens = 0, closes = 0, length = 0, last: UInt32 = 0
        var i = mark.heading.lowerBound
        while i < mark.heading.upperBound {
            let (scalar, size) = UTF8Scanning.scalar(in: bytes, at: i)
            switch scalar {
            case 0x201C, 0x300C, 0x300E: opens += 1   // “ 「 『
            case 0x201D, 0x300D, 0x300F: closes += 1  // ” 」 』
            default: break
            }
            if !UTF8Scanning.isWhitespace(scalar) {
                length += 1
                // The last mark that is not a closing one: `！”` exclaims, `”。` ends a sentence.
                if !SentenceSplitter.isClosingMark(scalar) { last = scalar }
            }
            i += size
        }
        let exclaims = last == 0xFF01 || last == 0xFF1F || last == 0x21 || last == 0x3F  // ！？!?
        isAside = exclaims || closes > opens
        readsLikeHeading = !isAside && length <= Self.usualHeadingLength
    }
}

/// Scores chains of section candidates and finds the best one. A chain's score adds up:
/// - every member (a section found is worth having),
/// - minus every number skipped, before the first member and between members (一、二、四、
///   keeps 四 at a cost; a stray 五、 early on cannot shut out 二、三、四、),
/// - minus every pair of members with no body paragraph between them (a list, not
///   sections: it costs more than the member is worth), and less for a pair with one (a list
///   whose items each carry a comment, as in 1986); a run-in heading's rest of line counts,
/// - plus the share of the document the chain spans from its first member to its last, and
///   minus the share before its first member (sections reach through the document; an agenda
///   at the top or a list inside one section does not),
/// - minus every member that does not read like a heading.
struct SectionChain {
    enum Mode {
        /// Heading-only members; a run-in one only to fill a gap between them.
        case headingOnly
        /// Run-in and heading-only members alike.
        case runIn
    }

    struct Best {
        var members: [Int] = []
        var score = -Double.infinity
        /// Whether the chain looks like an outline rather than a list: some two members have
        /// body paragraphs between them.
        var isOutline = false
    }

    static let memberWorth = 2.0
    static let skippedNumberCost = 1.0
    static let adjacentMembersCost = 3.0
    static let thinSectionCost = 1.0
    static let spanWorth = 4.0
    static let openingCost = 10.0
    static let unlikeHeadingCost = 1.5

    let candidates: [SectionCandidate]
    let paragraphCount: Int
    /// For each candidate, the number of the next heading-only candidate after it.
    let nextHeadingOnly: [Int?]

    init(candidates: [SectionCandidate], paragraphCount: Int) {
        self.candidates = candidates
        self.paragraphCount = max(1, paragraphCount)
        nextHeadingOnly = Self.nextHeadingOnlyNumbers(candidates)
    }

    static func nextHeadingOnlyNumbers(_ candidates: [SectionCandidate]) -> [Int?] {
        var next = [Int?](repeating: nil, count: candidates.count)
        var following: Int?
        for k in candidates.indices.reversed() {
            next[k] = following
            if candidates[k].shape == .headingOnly { following = candidates[k].number }
        }
        return next
    }

    /// Whether candidate `j` may be a member in `mode`, and whether only as a gap filler.
    func role(_ j: Int, mode: Mode) -> (eligible: Bool, fillsGapOnly: Bool) {
        switch (candidates[j].shape, mode) {
        case (.headingOnly, _): (true, false)
        case (.runIn, .runIn): (true, false)
        case (.runIn, .headingOnly): (nextHeadingOnly[j] == candidates[j].number + 1, true)
        case (.listItem, _): (false, false)
        }
    }

    /// Candidate `j` continues a numbered list unless the candidate right before it, numbered
    /// one lower, is its predecessor in the chain. An aside before it starts no list: a
    /// slogan `一、二、三，齐步走！` inside section 一 must not shut out `二、`.
    func continuesList(_ j: Int) -> Bool {
        j > 0 && candidates[j - 1].number == candidates[j].number - 1 && !candidates[j - 1].isAside
    }

    func memberScore(_ j: Int) -> Double {
        Self.memberWorth - (candidates[j].readsLikeHeading ? 0 : Self.unlikeHeadingCost)
    }

    func share(_ paragraphs: Int) -> Double {
        Double(paragraphs) / Double(paragraphCount)
    }

    func best(mode: Mode) -> Best {
        let count = candidates.count
        var score = [Double](repeating: -.infinity, count: count)
        var predecessor = [Int?](repeating: nil, count: count)
        for j in 0..<count {
            let (eligible, fillsGapOnly) = role(j, mode: mode)
            guard eligible else { continue }
            let c = candidates[j]
            if !continuesList(j), !fillsGapOnly || c.number == 1 {
                score[j] = memberScore(j) - Self.skippedNumberCost * Double(c.number - 1) - Self.openingCost * share(c.paragraph)
            }
            for i in 0..<j where score[i] > -.infinity {
                let p = candidates[i]
                guard c.number > p.number, i == j - 1 || !continuesList(j), !fillsGapOnly || c.number == p.number + 1 else { continue }
                var s = score[i] + memberScore(j)
                s -= Self.skippedNumberCost * Double(c.number - p.number - 1)
                // A run-in member's first paragraph is on its own line.
                switch c.paragraph - p.paragraph - 1 + (p.shape == .runIn ? 1 : 0) {
                case 0: s -= Self.adjacentMembersCost
                case 1: s -= Self.thinSectionCost
                default: break
                }
                s += Self.spanWorth * share(c.paragraph - p.paragraph)
                if s > score[j] {
                    score[j] = s
                    predecessor[j] = i
                }
            }
        }
        var best = Best()
        guard let last = score.indices.max(by: { score[$0] < score[$1] }), score[last] > -.infinity else { return best }
        best.score = score[last]
        var k: Int? = last
        while let member = k {
            best.members.append(member)
            k = predecessor[member]
        }
        best.members.reverse()
        best.isOutline = zip(best.members, best.members.dropFirst()).contains { candidates[$1].paragraph > candidates[$0].paragraph + 1 }
        return best
    }
}
