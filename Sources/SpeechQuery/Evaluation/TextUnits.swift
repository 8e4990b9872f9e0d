extension Corpus {
    /// The sentences and headings inside `nodes`, each once: the text that word counts read.
    /// Web residue and the speaker, date and occasion lines are in no sentence or heading.
    func textUnits(inside nodes: [Node]) -> Set<Node> {
        var units = Set<Node>()
        for node in nodes {
            units.formUnion(children(of: node, kind: .sentences))
            units.formUnion(children(of: node, kind: .headings))
        }
        return units
    }

    /// The byte spans of `units`, by document in corpus order and in text order within each.
    func spans(of units: Set<Node>) -> [(document: Int, ranges: [Range<Int>])] {
        var ranges: [Int: [Range<Int>]] = [:]
        for unit in units { ranges[unit.document, default: []].append(span(of: unit)) }
        return ranges.keys.sorted().map { document in
            (document, ranges[document]!.sorted { $0.lowerBound < $1.lowerBound })
        }
    }

    /// `spans` with each document's bytes, as `IdeographRuns` reads them.
    func byteSpans(_ spans: [(document: Int, ranges: [Range<Int>])]) -> [(bytes: [UInt8], ranges: [Range<Int>])] {
        spans.map { (documents[$0.document].bytes, $0.ranges) }
    }

    /// Non-whitespace characters in `spans`, as the `chars` field counts them: what rates
    /// per 10,000 characters divide by.
    func characterCount(_ spans: [(document: Int, ranges: [Range<Int>])]) -> Int {
        spans.reduce(0) { total, span in span.ranges.reduce(total) { $0 + documents[span.document].characterCount($1) } }
    }
}
