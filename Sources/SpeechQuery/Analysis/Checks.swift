import Foundation

/// One result of `check`: a problem (`warning`) or a confirmation (`ok`).
public struct Finding: Sendable, Equatable {
    public enum Level: String, Sendable { case ok, warning }

    public var level: Level
    /// `numbering`, `announced-count`, `repeat`, `residue` or `placeholder`.
    public var check: String
    /// Byte offset in the document the finding is about.
    public var offset: Int
    public var message: String
}

/// Checks a drafter runs before a speech goes out: numbering gaps, misordered and repeated
/// numbers of sections, subsections and points; an announced count (我再讲四点意见) that
/// disagrees with the sections; residue lines; unfilled placeholders.
public enum DocumentChecks {
    public static func run(_ document: Document) -> [Finding] {
        numbering(document) + announcedCount(document) + repeats(document) + residue(document) + placeholders(document)
    }

    /// Paragraphs long enough to be unlikely to recur (in characters).
    static let repeatedParagraphLength = 30

    /// Text pasted twice: runs of paragraphs that repeat earlier ones word for word (the
    /// 1991 report holds itself twice). One finding per run.
    static func repeats(_ document: Document) -> [Finding] {
        var firstSeen: [String: Int] = [:]
        var findings: [Finding] = []
        var run: (start: Paragraph, firstLine: Int, count: Int)?
        func close() {
            guard let r = run else { return }
            let what = r.count == 1 ? "a paragraph repeats" : "\(r.count) paragraphs repeat"
            findings.append(Finding(level: .warning, check: "repeat", offset: r.start.range.lowerBound,
                                    message: "\(what) earlier text word for word (first seen at line \(r.firstLine))"))
            run = nil
        }
        for paragraph in document.outline.paragraphs {
            guard document.characterCount(paragraph.range) >= repeatedParagraphLength else { continue }
            let text = document.text(paragraph.range)
            if let line = firstSeen[text] {
                if run == nil { run = (paragraph, line, 0) }
                run!.count += 1
            } else {
                close()
                firstSeen[text] = paragraph.line
            }
        }
        close()
        return findings
    }

    static func spell(_ n: Int) -> String { ChineseNumeral.spell(n) }

    /// Walks numbers that should run 1, 2, 3… and reports what breaks the run: a gap (a
    /// number skipped that does not turn up later), a number lower than the one before it
    /// (out of order) and the same number twice in a row (repeated). With `restarts`, a 1
    /// begins a new run (a section may enumerate twice).
    static func sequence(_ items: [(number: Int, offset: Int)], restarts: Bool = false, name: (Int) -> String) -> [Finding] {
        // Where each number last occurs in its run, so a gap names only numbers that do not
        // turn up later. A run ends where a 1 restarts it.
        var run = 0
        var runs: [Int] = []
        var lastIndex: [Pair: Int] = [:]
        for (k, item) in items.enumerated() {
            if restarts, item.number == 1 { run += 1 }
            runs.append(run)
            lastIndex[Pair(run, item.number)] = k
        }
        var findings: [Finding] = []
        var expected = 1
        var previous: Int?
        for (k, item) in items.enumerated() {
            defer { previous = item.number }
            if restarts, item.number == 1 {
                expected = 2
                continue
            }
            if let previous, item.number == previous {
                findings.append(Finding(level: .warning, check: "numbering", offset: item.offset,
                                        message: "\(name(item.number)) is repeated: it comes right after another \(name(previous))"))
            } else if let previous, item.number < previous {
                findings.append(Finding(level: .warning, check: "numbering", offset: item.offset,
                                        message: "\(name(item.number)) is out of order: it comes after \(name(previous))"))
            } else if item.number > expected {
                let place = previous.map { "comes after \(name($0))" } ?? "comes first"
                if item.number - expected > maximumListedGap {
                    // A numeral gone wrong (九九九九是): say how far it jumps, not every number.
                    findings.append(Finding(level: .warning, check: "numbering", offset: item.offset,
                                            message: "\(name(item.number)) \(place): \(name(expected)) to \(name(item.number - 1)) are missing"))
                } else {
                    // A number that turns up later in the run is misplaced, not missing.
                    let missing = (expected..<item.number).filter { (lastIndex[Pair(runs[k], $0)] ?? k) <= k }
                    if !missing.isEmpty {
                        findings.append(Finding(level: .warning, check: "numbering", offset: item.offset,
                                                message: "\(name(item.number)) \(place): \(missing.map(name).joined(separator: "、")) is missing"))
                    }
                }
            }
            expected = max(expected, item.number + 1)
        }
        return findings
    }

    /// The widest gap whose missing numbers are named one by one.
    static let maximumListedGap = 20

    /// A run and a number in it.
    private struct Pair: Hashable {
        var run: Int, number: Int
        init(_ run: Int, _ number: Int) { (self.run, self.number) = (run, number) }
    }

    static func numbering(_ document: Document) -> [Finding] {
        let outline = document.outline
        var findings = sequence(outline.sections.map { ($0.number, $0.headingLine.lowerBound) }) { "section \(spell($0))、" }
        var subsectionsByContainer: [Int: [(Int, Int)]] = [:]
        for sub in outline.subsections {
            subsectionsByContainer[sub.section ?? -1, default: []].append((sub.number, sub.headingLine.lowerBound))
        }
        for key in subsectionsByContainer.keys.sorted() {
            findings += sequence(subsectionsByContainer[key]!.map { (number: $0.0, offset: $0.1) }) { "subsection （\(spell($0))）" }
        }
        // Points by container and style; 首先/其次/最后 are not numbered.
        var pointRuns: [String: [(Int, Int)]] = [:]
        var order: [String] = []
        for point in outline.points where point.style != .sequence {
            let part = outline.sentences[point.sentences.lowerBound].part
            let key = "\(part.rawValue)/\(point.section ?? -1)/\(point.subsection ?? -1)/\(point.style.rawValue)"
            if pointRuns[key] == nil { order.append(key) }
            pointRuns[key, default: []].append((point.number, point.heading.lowerBound))
        }
        for key in order {
            let style = key.split(separator: "/").last.map(String.init) ?? ""
            findings += sequence(pointRuns[key]!.map { (number: $0.0, offset: $0.1) }, restarts: true) { n in
                switch style {
                case "shi": "point \(spell(n))是"
                case "yao": "point \(spell(n))要"
                default: "point 第\(spell(n))"
                }
            }
        }
        if findings.isEmpty {
            let message = "in order: \(outline.sections.count) sections, \(outline.subsections.count) subsections, \(outline.points.count) points"
            findings.append(Finding(level: .ok, check: "numbering", offset: outline.sections.first?.headingLine.lowerBound ?? 0, message: message))
        }
        return findings
    }

    /// 我再讲四点意见 in the opening, against the number of sections. Only a document with
    /// sections is checked: without them an announced count is about something else.
    static func announcedCount(_ document: Document) -> [Finding] {
        guard !document.outline.sections.isEmpty else { return [] }
        let pattern = try! NSRegularExpression(pattern: "(讲|谈|提|说)[^，。,；;：:]{0,4}?([二三四五六七八九十两]+)(点|个方面|个问题|方面|条)")
        for paragraph in document.outline.paragraphs where paragraph.part == .preamble {
            let text = document.text(paragraph.range)
            guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let numeralRange = Range(match.range(at: 2), in: text),
                  let whole = Range(match.range, in: text)
            else { continue }
            let numeral = Array(text[numeralRange].utf8)
            guard let announced = numeral.withUnsafeBufferPointer({ ChineseNumeral.parse(in: $0, at: 0, end: numeral.count)?.value }) else { continue }
            let sections = document.outline.sections.count
            let offset = paragraph.range.lowerBound + text[..<whole.lowerBound].utf8.count
            let phrase = String(text[whole])
            if announced == sections {
                return [Finding(level: .ok, check: "announced-count", offset: offset, message: "“\(phrase)” announces \(announced); the speech has \(sections) sections")]
            }
            return [Finding(level: .warning, check: "announced-count", offset: offset, message: "“\(phrase)” announces \(announced), but the speech has \(sections) sections")]
        }
        return []
    }

    static func residue(_ document: Document) -> [Finding] {
        document.outline.residue.map {
            Finding(level: .warning, check: "residue", offset: $0.range.lowerBound, message: "residue line: \(document.text($0.range))")
        }
    }

    static func placeholders(_ document: Document) -> [Finding] {
        PlaceholderFinder.find(in: document).map {
            Finding(level: .warning, check: "placeholder", offset: $0.range.lowerBound, message: "unfilled placeholder \($0.text)")
        }
    }
}

extension Document {
    /// The 1-based source line of a byte offset: for Markdown, the line of the user's file
    /// that the converted line started on.
    public func line(at offset: Int) -> Int {
        let line = bytes.withUnsafeBufferPointer { buffer in
            var line = 1
            for i in 0..<min(offset, buffer.count) where buffer[i] == 0x0A { line += 1 }
            return line
        }
        guard let sourceLines, !sourceLines.isEmpty else { return line }
        return sourceLines[min(line, sourceLines.count) - 1]
    }

    /// The reference of the node that holds a byte offset: its sentence, else the heading or
    /// front-matter line, else the document.
    public func reference(at offset: Int) -> Reference {
        let outline = self.outline
        // Sentences are in text order: binary search for the last one starting at or before offset.
        var low = 0, high = outline.sentences.count
        while low < high {
            let mid = (low + high) / 2
            if outline.sentences[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        if low > 0, outline.sentences[low - 1].range.contains(offset) { return reference(sentence: low - 1) }
        if let s = outline.sections.firstIndex(where: { $0.headingLine.contains(offset) }) { return reference(section: s) }
        if let s = outline.subsections.firstIndex(where: { $0.headingLine.contains(offset) }) { return reference(subsection: s) }
        let front = outline.frontMatter
        if front.title?.range.contains(offset) == true { return Reference(document: name, steps: [.title]) }
        if let k = front.subtitles.firstIndex(where: { $0.range.contains(offset) }) { return Reference(document: name, steps: [.subtitle(k + 1)]) }
        if front.occasion?.range.contains(offset) == true { return Reference(document: name, steps: [.occasion]) }
        if front.date?.range.contains(offset) == true { return Reference(document: name, steps: [.date]) }
        if front.speakerLines.contains(where: { $0.range.contains(offset) }) { return Reference(document: name, steps: [.speaker]) }
        if let k = outline.residue.firstIndex(where: { $0.range.contains(offset) }) { return Reference(document: name, steps: [.residue(k + 1)]) }
        return Reference(document: name)
    }
}
