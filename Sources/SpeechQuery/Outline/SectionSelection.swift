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
///   fills a gap between them (1987's `三、`) or continues the sequence after the last of them. Documents whose heading-only candidates form no
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
        let chains = SectionChain(candidates: candidates, paragraphCount: 0)
        var numbering = HeadingNumbering()
        var lastAccepted = 0
        var accepted = Set<Int>()
        for (position, candidate) in candidates.enumerated() {
            let eligible: Bool
            switch (candidate.shape, headingOnlyMode) {
            case (.headingOnly, _): eligible = true
            case (.runIn, false): eligible = true
            case (.runIn, true): eligible = candidate.number == lastAccepted + 1 && chains.continuesHeadingOnly(position)
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
