import Foundation

/// Builds the outline of one document from its UTF-8 text.
///
/// The text is read line by line (one paragraph per non-empty line). Residue lines are
/// set apart, the front matter is taken from the top, and the remaining paragraphs are
/// walked once: section and subsection headings open containers, every other paragraph is
/// split into sentences, and point markers at sentence starts open points.
public struct OutlineParser: Sendable {
    let lexicon: MarkerLexicon

    public init() {
        lexicon = .standard
    }

    /// The outline of `text`. `sourceLines` maps each line of `text` (by index) to the line
    /// it came from in the user's file, when `text` was converted from Markdown; every node
    /// then records the source line, so line numbers point into the file the user edits.
    public func parse(_ text: [UInt8], sourceLines: [Int]? = nil) -> Outline {
        text.withUnsafeBufferPointer { buffer in
            var builder = OutlineBuilder(bytes: buffer, lexicon: lexicon, sourceLines: sourceLines)
            return builder.build()
        }
    }
}

/// The state of one parse. Lives only for the duration of `OutlineParser.parse`.
private struct OutlineBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: MarkerLexicon
    /// Source line of each line of `bytes`; nil when they are the source's own lines.
    let sourceLines: [Int]?
    var outline = Outline()

    // The container being filled: the opening, a section, a subsection or the closing.
    var part: Part = .preamble
    var section: Int?
    var subsection: Int?
    var paragraphsInContainer = 0
    var pointsInContainer = 0
    var pointRuns = PointRuns()
    var subsectionNumbering = HeadingNumbering(keepsMisordered: true)
    var sentenceScratch: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>, lexicon: MarkerLexicon, sourceLines: [Int]?) {
        self.bytes = bytes
        self.lexicon = lexicon
        self.sourceLines = sourceLines
    }

    mutating func build() -> Outline {
        var body: [SourceLine] = []
        let residue = ResidueMatcher(bytes: bytes, lexicon: lexicon)
        for line in nonEmptyLines() {
            if residue.isResidue(line.range) {
                outline.residue.append(line)
            } else {
                body.append(line)
            }
        }
        var frontMatter = FrontMatterReader(bytes: bytes, lexicon: lexicon)
        let bodyStart = frontMatter.read(body)
        outline.frontMatter = frontMatter.frontMatter

        let paragraphs = Array(body[bodyStart...])
        let marks = paragraphs.map { HeadingMarkers.parse($0.range, in: bytes) }
        let sectionHeadings = SectionSelection.acceptedIndices(marks, in: bytes)
        let closingStart = closingStart(paragraphs, marks: marks, sectionHeadings: sectionHeadings)

        for (k, line) in paragraphs.enumerated() {
            if k == closingStart {
                closeContainers()
                part = .closing
                startContainer()
            }
            if part != .closing, let mark = marks[k] {
                if mark.level == .section, sectionHeadings.contains(k) {
                    openSection(mark, line: line.line)
                    continue
                }
                if mark.level == .subsection,
                   subsectionNumbering.consider(mark.number, eligible: mark.shape != .listItem) {
                    openSubsection(mark, line: line.line)
                    continue
                }
            }
            addParagraph(line.range, line: line.line)
        }
        closeContainers()
        return outline
    }

    // MARK: Lines

    /// Every non-empty line, trimmed, with its 1-based number in the source.
    func nonEmptyLines() -> [SourceLine] {
        var lines: [SourceLine] = []
        var start = 0
        var number = 1
        let count = bytes.count
        while start <= count {
            let end: Int
            if start < count, let found = memchr(bytes.baseAddress! + start, 0x0A, count - start) {
                end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            let trimmed = UTF8Scanning.trimmed(start..<end, in: bytes)
            if !trimmed.isEmpty { lines.append(SourceLine(line: number, range: trimmed)) }
            start = end + 1
            number += 1
        }
        // Converted text numbers its lines in the source; plain text skips this loop.
        if let sourceLines {
            for k in lines.indices { lines[k].line = sourceLines[lines[k].line - 1] }
        }
        return lines
    }

    // MARK: Closing

    /// The index of the paragraph that starts the closing: the last one that opens with a
    /// vocative, after the last section's heading and at least one paragraph of its content,
    /// with no numbered heading after it. Nil when there is no closing.
    func closingStart(_ paragraphs: [SourceLine], marks: [HeadingMarkers.Marked?], sectionHeadings: Set<Int>) -> Int? {
        // At least one paragraph of the last section's content: the heading's own run-in body
        // counts as one (四、加强党的领导。……), so the closing may follow it directly.
        let earliest = sectionHeadings.max().map { last in last + (marks[last].map { $0.rest.isEmpty } == false ? 1 : 2) } ?? 1
        var k = paragraphs.count - 1
        while k >= earliest {
            if marks[k] != nil { return nil }
            if VocativeMatcher.opensWithVocative(paragraphs[k].range, in: bytes, vocatives: lexicon.vocatives) {
                return k
            }
            k -= 1
        }
        return nil
    }

    // MARK: Containers

    mutating func startContainer() {
        paragraphsInContainer = 0
        pointsInContainer = 0
        pointRuns = PointRuns()
    }

    mutating func openSection(_ mark: HeadingMarkers.Marked, line: Int) {
        closeContainers()
        part = .section
        section = outline.sections.count
        subsectionNumbering = HeadingNumbering(keepsMisordered: true)
        let here = outline.sentences.count
        outline.sections.append(Section(
            ordinal: outline.sections.count + 1, number: mark.number, line: line,
            heading: mark.heading, headingLine: mark.headingLine,
            paragraphs: outline.paragraphs.count..<outline.paragraphs.count,
            sentences: here..<here,
            subsections: outline.subsections.count..<outline.subsections.count,
            points: outline.points.count..<outline.points.count))
        startContainer()
        if !mark.rest.isEmpty { addParagraph(mark.rest, line: line) }
    }

    mutating func openSubsection(_ mark: HeadingMarkers.Marked, line: Int) {
        closeSubsection()
        let ordinal = outline.subsections.count - (section.map { outline.sections[$0].subsections.lowerBound } ?? 0) + 1
        subsection = outline.subsections.count
        let here = outline.sentences.count
        outline.subsections.append(Subsection(
            ordinal: ordinal, number: mark.number, section: section, line: line,
            heading: mark.heading, headingLine: mark.headingLine,
            paragraphs: outline.paragraphs.count..<outline.paragraphs.count,
            sentences: here..<here,
            points: outline.points.count..<outline.points.count))
        startContainer()
        if !mark.rest.isEmpty { addParagraph(mark.rest, line: line) }
    }

    mutating func closeSubsection() {
        guard let index = subsection else { return }
        outline.subsections[index].paragraphs = outline.subsections[index].paragraphs.lowerBound..<outline.paragraphs.count
        outline.subsections[index].sentences = outline.subsections[index].sentences.lowerBound..<outline.sentences.count
        outline.subsections[index].points = outline.subsections[index].points.lowerBound..<outline.points.count
        subsection = nil
    }

    mutating func closeContainers() {
        closeSubsection()
        guard let index = section else { return }
        outline.sections[index].paragraphs = outline.sections[index].paragraphs.lowerBound..<outline.paragraphs.count
        outline.sections[index].sentences = outline.sections[index].sentences.lowerBound..<outline.sentences.count
        outline.sections[index].subsections = outline.sections[index].subsections.lowerBound..<outline.subsections.count
        outline.sections[index].points = outline.sections[index].points.lowerBound..<outline.points.count
        section = nil
    }

    // MARK: Paragraphs, sentences, points

    mutating func addParagraph(_ range: Range<Int>, line: Int) {
        let paragraphIndex = outline.paragraphs.count
        let firstSentence = outline.sentences.count
        paragraphsInContainer += 1
        sentenceScratch.removeAll(keepingCapacity: true)
        SentenceSplitter.split(range, in: bytes, into: &sentenceScratch)

        var point: Int?
        // A point that leads the paragraph owns it: markers of another style inside it
        // enumerate within the point and do not start points of their own.
        var leadingStyle: PointStyle?
        for (position, sentenceRange) in sentenceScratch.enumerated() {
            if let marker = PointMarkers.marker(in: bytes, at: sentenceRange.lowerBound, end: sentenceRange.upperBound),
               leadingStyle == nil || leadingStyle == marker.style,
               let number = pointRuns.accept(marker, paragraph: paragraphIndex, leadsParagraph: position == 0) {
                closePoint(point)
                pointsInContainer += 1
                point = outline.points.count
                if position == 0 { leadingStyle = marker.style }
                let here = outline.sentences.count
                outline.points.append(Point(
                    ordinal: pointsInContainer, number: number, style: marker.style,
                    section: section, subsection: subsection, line: line, heading: sentenceRange,
                    sentences: here..<here, leadsParagraph: position == 0))
            }
            outline.sentences.append(Sentence(
                ordinal: position + 1, line: line, range: sentenceRange, part: part,
                section: section, subsection: subsection, point: point, paragraph: paragraphIndex))
        }
        closePoint(point)
        outline.paragraphs.append(Paragraph(
            ordinal: paragraphsInContainer, line: line, range: range, part: part,
            section: section, subsection: subsection,
            sentences: firstSentence..<outline.sentences.count))
    }

    /// Points never reach past their paragraph: the sentences after the last point belong
    /// to the enclosing container.
    mutating func closePoint(_ index: Int?) {
        guard let index else { return }
        outline.points[index].sentences = outline.points[index].sentences.lowerBound..<outline.sentences.count
    }
}

/// Whether a paragraph opens by addressing the audience: a vocative followed by
/// punctuation, whitespace or the end of the line (同志们，/ 各位代表！).
enum VocativeMatcher {
    static func opensWithVocative(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, vocatives: [[UInt8]]) -> Bool {
        for vocative in vocatives where UTF8Scanning.matches(vocative, in: bytes, at: range.lowerBound, end: range.upperBound) {
            let after = range.lowerBound + vocative.count
            if after == range.upperBound { return true }
            let (next, _) = UTF8Scanning.scalar(in: bytes, at: after)
            if isPause(next) || UTF8Scanning.isWhitespace(next) { return true }
        }
        return false
    }

    static func isPause(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xFF0C, 0x2C, 0xFF1A, 0x3A, 0xFF01, 0x21, 0x3001, 0x3002:  // ，,：:！!、。
            return true
        default:
            return false
        }
    }
}
