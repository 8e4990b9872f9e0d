/// The full outline of documents as JSON: every node with the outline fields the catalogue
/// declares for its kind (NodeFields; the analysis's fields are left to queries), nested as
/// the outline is. Documents, sections and subsections carry no `text` of their own: their
/// paragraphs hold it.
public struct OutlineJSON {
    let corpus: Corpus
    let documentIndex: Int

    init(corpus: Corpus, index: Int) {
        self.corpus = corpus
        documentIndex = index
    }

    public static func value(for documents: [Document]) -> JSONValue {
        let corpus = Corpus(documents: documents)
        return .object([("documents", .array(documents.indices.map { OutlineJSON(corpus: corpus, index: $0).document() }))])
    }

    /// The catalogue's outline fields of a node, in schema order.
    func fields(_ kind: NodeKind, _ index: Int) -> [(String, JSONValue)] {
        let node = Node(document: documentIndex, kind: kind, index: index)
        let type = NodeType(kind)
        let container = [NodeType.document, .section, .subsection].contains(type)
        return NodeFields.all.filter { $0.types.contains(type) && !$0.isAnalysis && !(container && $0.name == "text") }
            .map { ($0.name, $0.value(of: node, in: corpus).json) }
    }

    func document() -> JSONValue {
        let doc = corpus.documents[documentIndex]
        let outline = doc.outline
        var members = fields(.document, 0)
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

    func frontMatter(_ doc: Document) -> JSONValue {
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
    func line(_ doc: Document, _ line: SourceLine, kind: String, step: Reference.Step, continuedBy next: SourceLine? = nil) -> JSONValue {
        let lines = [line] + (next.map { [$0] } ?? [])
        // The title and subtitles are heading nodes in queries too; the other lines are not
        // nodes, and their kinds name no node kind.
        let kindMembers: [(String, JSONValue)] = step == .title || kind == "subtitle"
            ? [("kind", .string("heading")), ("level", .string(kind))] : [("kind", .string(kind))]
        return .object([("doc", .string(doc.name))] + kindMembers + [

            ("ref", .string(Reference(document: doc.name, steps: [step]).description)),
            ("line", .int(line.line)), ("text", .string(lines.map { doc.text($0.range) }.joined(separator: "　"))),
            ("chars", .int(lines.reduce(0) { $0 + doc.characterCount($1.range) })),
        ])
    }

    func section(_ doc: Document, _ index: Int) -> JSONValue {
        let section = doc.outline.sections[index]
        return .object(fields(.section, index) + [
            ("paragraphs", .array(section.paragraphs.filter { doc.outline.paragraphs[$0].subsection == nil }.map { paragraph(doc, $0) })),
            ("subsections", .array(section.subsections.map { subsection(doc, $0) })),
            ("points", .array(section.points.filter { doc.outline.points[$0].subsection == nil }.map { point(doc, $0) })),
        ])
    }

    func subsection(_ doc: Document, _ index: Int) -> JSONValue {
        let sub = doc.outline.subsections[index]
        return .object(fields(.subsection, index) + [
            ("paragraphs", .array(sub.paragraphs.map { paragraph(doc, $0) })),
            ("points", .array(sub.points.map { point(doc, $0) })),
        ])
    }

    func point(_ doc: Document, _ index: Int) -> JSONValue {
        let point = doc.outline.points[index]
        return .object(fields(.point, index) + [
            ("sentences", .array(point.sentences.map { .string(doc.reference(sentence: $0).description) })),
        ])
    }

    func paragraph(_ doc: Document, _ index: Int) -> JSONValue {
        let paragraph = doc.outline.paragraphs[index]
        return .object(fields(.paragraph, index) + [
            ("sentences", .array(paragraph.sentences.map { sentence(doc, $0) })),
        ])
    }

    func sentence(_ doc: Document, _ index: Int) -> JSONValue {
        .object(fields(.sentence, index))
    }

    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
