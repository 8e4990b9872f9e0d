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
        case (.runIn, .headingOnly): (continuesHeadingOnly(j), true)
        case (.listItem, _): (false, false)
        }
    }

    /// A run-in candidate may join a heading-only chain when the next heading-only candidate
    /// is numbered one higher (it fills a gap, 1987's `三、`) or there is none after it (it
    /// is the last section, run into its paragraph: the city-safety speech's `三、`). The
    /// chain must reach it by one.
    func continuesHeadingOnly(_ j: Int) -> Bool {
        nextHeadingOnly[j].map { $0 == candidates[j].number + 1 } ?? true
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
