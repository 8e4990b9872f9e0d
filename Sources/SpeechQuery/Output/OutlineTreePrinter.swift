/// The outline as a readable tree: one row per heading with its counts of points,
/// paragraphs and sentences, the heading text last so a narrow terminal cuts only text.
public struct OutlineTreePrinter: Sendable {
    /// Terminal width in columns; nil when output is not a terminal (nothing is cut).
    public var width: Int?
    /// The tree goes to a terminal: control characters in headings and names are escaped
    /// (ControlCharacters) before the lines are cut to the width.
    public var escapesControlCharacters: Bool

    public init(width: Int?, escapesControlCharacters: Bool = false) {
        self.width = width
        self.escapesControlCharacters = escapesControlCharacters
    }

    private static let labelWidth = 14
    private static let countWidth = 7
    private static let countsHeader = "points".leftPadded(countWidth) + "paras".leftPadded(countWidth) + "sents".leftPadded(countWidth)

    public func render(_ documents: [Document]) -> String {
        var out: [String] = []
        for (k, doc) in documents.enumerated() {
            if k > 0 { out.append("") }
            render(doc, into: &out)
        }
        return out.map { $0 + "\n" }.joined()
    }

    func render(_ doc: Document, into out: inout [String]) {
        let outline = doc.outline
        out.append(fit(summary(doc)))
        out.append(fit(DisplayWidth.pad("  ref", to: Self.labelWidth) + Self.countsHeader + "  heading"))
        let front = outline.frontMatter
        if let title = front.title { out.append(row("title", nil, doc.text(title.range))) }
        for (k, subtitle) in front.subtitles.enumerated() { out.append(row("subtitle\(k + 1)", nil, doc.text(subtitle.range))) }
        if let occasion = front.occasion { out.append(row("occasion", nil, doc.text(occasion.range))) }
        if let date = front.date { out.append(row("date", nil, doc.text(date.range))) }
        if !front.speakerLines.isEmpty { out.append(row("speaker", nil, front.speakerLines.map { doc.text($0.range) }.joined(separator: "　"))) }
        if !front.contents.isEmpty { out.append(row("contents", nil, "\(front.contents.count) lines: " + doc.text(front.contents[0].range))) }

        let opening = outline.paragraphs.indices.filter { outline.paragraphs[$0].part == .preamble }
        if !opening.isEmpty {
            let points = outline.points.filter { $0.section == nil && outline.sentences[$0.sentences.lowerBound].part == .preamble }.count
            let sentences = opening.reduce(0) { $0 + outline.paragraphs[$1].sentences.count }
            out.append(row("opening", (points, opening.count, sentences), doc.text(outline.paragraphs[opening[0]].range)))
        }
        for index in outline.subsections.indices where outline.subsections[index].section == nil {
            renderSubsection(doc, index, indent: 1, into: &out)
        }
        for section in outline.sections {
            out.append(row("sec\(section.ordinal)", (section.points.count, section.paragraphs.count, section.sentences.count), doc.text(section.headingLine)))
            for p in section.points where outline.points[p].subsection == nil {
                renderPoint(doc, p, indent: 2, into: &out)
            }
            for s in section.subsections { renderSubsection(doc, s, indent: 2, into: &out) }
        }
        let closing = outline.paragraphs.indices.filter { outline.paragraphs[$0].part == .closing }
        if !closing.isEmpty {
            let sentences = closing.reduce(0) { $0 + outline.paragraphs[$1].sentences.count }
            out.append(row("closing", (0, closing.count, sentences), doc.text(outline.paragraphs[closing[0]].range)))
        }
        for (k, residue) in outline.residue.enumerated() {
            out.append(row("residue\(k + 1)", nil, "line \(residue.line): " + doc.text(residue.range)))
        }
    }

    func renderSubsection(_ doc: Document, _ index: Int, indent: Int, into out: inout [String]) {
        let sub = doc.outline.subsections[index]
        out.append(row("sub\(sub.ordinal)", (sub.points.count, sub.paragraphs.count, sub.sentences.count), doc.text(sub.headingLine), indent: indent))
        for p in sub.points { renderPoint(doc, p, indent: indent + 1, into: &out) }
    }

    func renderPoint(_ doc: Document, _ index: Int, indent: Int, into out: inout [String]) {
        let point = doc.outline.points[index]
        out.append(row("pt\(point.ordinal)", (0, 0, point.sentences.count), doc.text(point.heading), indent: indent, showPointsAndParagraphs: false))
    }

    func summary(_ doc: Document) -> String {
        let outline = doc.outline
        var parts = ["\(outline.sections.count) sections", "\(outline.points.count) points",
                     "\(outline.paragraphs.count) paragraphs", "\(outline.sentences.count) sentences"]
        if !outline.residue.isEmpty { parts.append("\(outline.residue.count) residue") }
        var facts: [String] = []
        if let date = doc.metadata.date { facts.append(date) } else if let year = doc.metadata.year { facts.append(String(year)) }
        if let speaker = doc.metadata.speaker { facts.append(speaker + (doc.metadata.role.map { "（\($0)）" } ?? "")) }
        let title = doc.metadata.title.flatMap { $0 == doc.name ? nil : "  " + $0 } ?? ""
        return doc.name + title + (facts.isEmpty ? "" : "  " + facts.joined(separator: " ")) + "  [" + parts.joined(separator: ", ") + "]"
    }

    func row(_ label: String, _ counts: (points: Int, paragraphs: Int, sentences: Int)?, _ text: String, indent: Int = 1, showPointsAndParagraphs: Bool = true) -> String {
        let labelColumn = DisplayWidth.pad(String(repeating: "  ", count: indent) + label, to: Self.labelWidth)
        var countColumns = String(repeating: " ", count: Self.countWidth * 3)
        if let counts {
            let points = showPointsAndParagraphs && counts.points > 0 ? String(counts.points) : ""
            let paragraphs = showPointsAndParagraphs ? String(counts.paragraphs) : ""
            countColumns = points.leftPadded(Self.countWidth) + paragraphs.leftPadded(Self.countWidth) + String(counts.sentences).leftPadded(Self.countWidth)
        }
        return fit(labelColumn + countColumns + "  " + text)
    }

    func fit(_ line: String) -> String {
        let line = escapesControlCharacters ? ControlCharacters.escaped(line) : line
        guard let width else { return line }
        return DisplayWidth.truncate(line, to: width)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
