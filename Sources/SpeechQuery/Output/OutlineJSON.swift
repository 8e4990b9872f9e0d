/// The full outline of documents as JSON: every node with its document, kind, reference,
/// ordinals, line, text, heading and character count.
public enum OutlineJSON {
    public static func value(for documents: [Document]) -> JSONValue {
        .object([("documents", .array(documents.map(document)))])
    }

    static func document(_ doc: Document) -> JSONValue {
        let outline = doc.outline
        let meta = doc.metadata
        var members: [(String, JSONValue)] = [
            ("doc", .string(doc.name)), ("kind", .string("document")), ("ref", .string(doc.name)),
            ("origin", .string(doc.origin)), ("encoding", .string(doc.encoding.rawValue)),
            ("title", optional(meta.title)), ("date", optional(meta.date)), ("year", meta.year.map(JSONValue.int) ?? .null),
            ("speaker", optional(meta.speaker)), ("role", optional(meta.role)), ("occasion", optional(meta.occasion)),
            ("chars", .int(outline.sentences.reduce(0) { $0 + doc.characterCount($1.range) })),
        ]
        members.append(("front", frontMatter(doc)))
        members.append(("opening", .array(outline.paragraphs.indices.filter { outline.paragraphs[$0].part == .preamble && outline.paragraphs[$0].subsection == nil }.map { paragraph(doc, $0) })))
        members.append(("subsections", .array(outline.subsections.indices.filter { outline.subsections[$0].section == nil }.map { subsection(doc, $0) })))
        members.append(("sections", .array(outline.sections.indices.map { section(doc, $0) })))
        members.append(("closing", .array(outline.paragraphs.indices.filter { outline.paragraphs[$0].part == .closing }.map { paragraph(doc, $0) })))
        members.append(("residue", .array(outline.residue.enumerated().map { k, residueLine in
            line(doc, residueLine, kind: "residue", step: .residue(k + 1))
        })))
        return .object(members)
    }

    static func frontMatter(_ doc: Document) -> JSONValue {
        let front = doc.outline.frontMatter
        var members: [(String, JSONValue)] = []
        members.append(("title", front.title.map { line(doc, $0, kind: "title", step: .title) } ?? .null))
        members.append(("subtitles", .array(front.subtitles.enumerated().map { k, l in line(doc, l, kind: "subtitle", step: .subtitle(k + 1)) })))
        members.append(("occasion", front.occasion.map { line(doc, $0, kind: "occasion", step: .occasion) } ?? .null))
        members.append(("date", front.date.map { line(doc, $0, kind: "date", step: .date) } ?? .null))
        members.append(("speaker", front.speaker.map { line(doc, $0, kind: "speaker", step: .speaker, continuedBy: front.speakerName) } ?? .null))
        members.append(("contents", .array(front.contents.map { line(doc, $0, kind: "contents", step: .contents) })))
        return .object(members)
    }

    /// One front-matter or residue line. A speaker split over two lines is one node: its
    /// line is the role's, its text both lines joined by an ideographic space.
    static func line(_ doc: Document, _ line: SourceLine, kind: String, step: Reference.Step, continuedBy next: SourceLine? = nil) -> JSONValue {
        let lines = [line] + (next.map { [$0] } ?? [])
        return .object([
            ("doc", .string(doc.name)), ("kind", .string(kind)),
            ("ref", .string(Reference(document: doc.name, steps: [step]).description)),
            ("line", .int(line.line)), ("text", .string(lines.map { doc.text($0.range) }.joined(separator: "　"))),
            ("chars", .int(lines.reduce(0) { $0 + doc.characterCount($1.range) })),
        ])
    }

    static func section(_ doc: Document, _ index: Int) -> JSONValue {
        let section = doc.outline.sections[index]
        return .object([
            ("doc", .string(doc.name)), ("kind", .string("section")), ("ref", .string(doc.reference(section: index).description)),
            ("section", .int(section.ordinal)), ("number", .int(section.number)), ("line", .int(section.line)),
            ("heading", .string(doc.text(section.heading))), ("text", .string(doc.text(section.headingLine))),
            ("chars", .int(chars(doc, section.sentences))),
            ("paragraphs", .array(section.paragraphs.filter { doc.outline.paragraphs[$0].subsection == nil }.map { paragraph(doc, $0) })),
            ("subsections", .array(section.subsections.map { subsection(doc, $0) })),
            ("points", .array(section.points.filter { doc.outline.points[$0].subsection == nil }.map { point(doc, $0) })),
        ])
    }

    static func subsection(_ doc: Document, _ index: Int) -> JSONValue {
        let sub = doc.outline.subsections[index]
        return .object([
            ("doc", .string(doc.name)), ("kind", .string("subsection")), ("ref", .string(doc.reference(subsection: index).description)),
            ("section", ordinal(doc, section: sub.section)), ("subsection", .int(sub.ordinal)), ("number", .int(sub.number)),
            ("line", .int(sub.line)), ("heading", .string(doc.text(sub.heading))), ("text", .string(doc.text(sub.headingLine))),
            ("chars", .int(chars(doc, sub.sentences))),
            ("paragraphs", .array(sub.paragraphs.map { paragraph(doc, $0) })),
            ("points", .array(sub.points.map { point(doc, $0) })),
        ])
    }

    static func point(_ doc: Document, _ index: Int) -> JSONValue {
        let point = doc.outline.points[index]
        return .object([
            ("doc", .string(doc.name)), ("kind", .string("point")), ("ref", .string(doc.reference(point: index).description)),
            ("section", ordinal(doc, section: point.section)), ("subsection", ordinal(doc, subsection: point.subsection)),
            ("point", .int(point.ordinal)), ("number", .int(point.number)), ("style", .string(point.style.rawValue)),
            ("line", .int(point.line)), ("heading", .string(doc.text(point.heading))),
            ("text", .string(point.sentences.map { doc.text(doc.outline.sentences[$0].range) }.joined())),
            ("chars", .int(chars(doc, point.sentences))),
            ("sentences", .array(point.sentences.map { .string(doc.reference(sentence: $0).description) })),
        ])
    }

    static func paragraph(_ doc: Document, _ index: Int) -> JSONValue {
        let paragraph = doc.outline.paragraphs[index]
        return .object([
            ("doc", .string(doc.name)), ("kind", .string("paragraph")), ("ref", .string(doc.reference(paragraph: index).description)),
            ("part", .string(paragraph.part.rawValue)),
            ("section", ordinal(doc, section: paragraph.section)), ("subsection", ordinal(doc, subsection: paragraph.subsection)),
            ("paragraph", .int(paragraph.ordinal)), ("line", .int(paragraph.line)),
            ("text", .string(doc.text(paragraph.range))), ("chars", .int(doc.characterCount(paragraph.range))),
            ("sentences", .array(paragraph.sentences.map { sentence(doc, $0) })),
        ])
    }

    static func sentence(_ doc: Document, _ index: Int) -> JSONValue {
        let sentence = doc.outline.sentences[index]
        return .object([
            ("doc", .string(doc.name)), ("kind", .string("sentence")), ("ref", .string(doc.reference(sentence: index).description)),
            ("part", .string(sentence.part.rawValue)),
            ("section", ordinal(doc, section: sentence.section)), ("subsection", ordinal(doc, subsection: sentence.subsection)),
            ("point", sentence.point.map { .int(doc.outline.points[$0].ordinal) } ?? .null),
            ("sentence", .int(sentence.ordinal)), ("line", .int(sentence.line)),
            ("text", .string(doc.text(sentence.range))), ("chars", .int(doc.characterCount(sentence.range))),
        ])
    }

    static func ordinal(_ doc: Document, section: Int?) -> JSONValue {
        section.map { .int(doc.outline.sections[$0].ordinal) } ?? .null
    }

    static func ordinal(_ doc: Document, subsection: Int?) -> JSONValue {
        subsection.map { .int(doc.outline.subsections[$0].ordinal) } ?? .null
    }

    static func chars(_ doc: Document, _ sentences: Range<Int>) -> Int {
        sentences.reduce(0) { $0 + doc.characterCount(doc.outline.sentences[$1].range) }
    }

    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
