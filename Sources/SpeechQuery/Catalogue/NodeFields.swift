/// The kinds of node a row can be, as a row schema names them.
public enum NodeType: String, Sendable, CaseIterable {
    case document, section, subsection, point, paragraph, sentence, heading

    init(_ kind: NodeKind) {
        switch kind {
        case .document: self = .document
        case .section: self = .section
        case .subsection: self = .subsection
        case .point: self = .point
        case .paragraph: self = .paragraph
        case .sentence: self = .sentence
        case .heading: self = .heading
        }
    }

    /// The rows `select KIND` gives: directives are sentences.
    init(_ kind: QueryKind) {
        switch kind {
        case .docs: self = .document
        case .sections: self = .section
        case .subsections: self = .subsection
        case .points: self = .point
        case .paragraphs: self = .paragraph
        case .sentences, .directives: self = .sentence
        case .headings: self = .heading
        }
    }

    /// The kind `select` names to reach every node of this type.
    var queryKind: QueryKind {
        switch self {
        case .document: .docs
        case .section: .sections
        case .subsection: .subsections
        case .point: .points
        case .paragraph: .paragraphs
        case .sentence: .sentences
        case .heading: .headings
        }
    }

    /// The table name in an export: `sections`, `sentences`.
    public var plural: String { self == .document ? "documents" : rawValue + "s" }

    /// The columns a row of this kind shows unless `fields` says otherwise. Fixed per kind,
    /// never chosen from the rows. Every node has its document's metadata (`year`, `title`, …)
    /// as fields, so `sentences | group by year` works, but only documents show it.
    public var defaultColumns: [String] {
        switch self {
        case .document: ["doc", "ref", "kind", "title", "year", "date", "speaker"]
        case .section: ["doc", "ref", "kind", "section", "line", "heading", "text"]
        case .subsection: ["doc", "ref", "kind", "section", "subsection", "line", "heading", "text"]
        case .point: ["doc", "ref", "kind", "section", "subsection", "point", "line", "heading", "text"]
        case .paragraph: ["doc", "ref", "kind", "section", "subsection", "line", "text"]
        case .sentence: ["doc", "ref", "kind", "section", "subsection", "point", "line", "text"]
        case .heading: ["doc", "ref", "kind", "level", "section", "subsection", "line", "text"]
        }
    }

    /// Every field a node of this kind has, in catalogue order.
    public var schema: RowSchema {
        RowSchema(rawValue, columns: NodeFields.all.filter { $0.types.contains(self) }.map(\.column), key: ["ref"])
    }

    /// The columns shown by default, with their declarations.
    public var defaultSchema: RowSchema { schema.projecting(defaultColumns) }
}

/// A field of outline nodes: its column, the kinds of node that have it, and how its value
/// is computed. `filter`, `sort`, `fields`, `group by`, the outline JSON and the export all
/// read values through here.
public struct NodeField: Sendable {
    public let column: Column
    public let types: Set<NodeType>
    /// Computed by the directive analysis, which `speechq outline` does not run.
    public let isAnalysis: Bool
    let compute: @Sendable (Corpus, Node) -> FieldValue

    init(_ column: Column, _ types: Set<NodeType>, analysis: Bool = false, _ compute: @escaping @Sendable (Corpus, Node) -> FieldValue) {
        self.column = column
        self.types = types
        isAnalysis = analysis
        self.compute = compute
    }

    public var name: String { column.name }

    /// The value for `node`; null for a kind of node the field does not describe.
    public func value(of node: Node, in corpus: Corpus) -> FieldValue {
        types.contains(NodeType(node.kind)) ? compute(corpus, node) : .null
    }
}

/// Every node field, in the order schemas list them.
public enum NodeFields {
    private static let everyType = Set(NodeType.allCases)
    private static let belowDocument: Set<NodeType> = [.section, .subsection, .point, .paragraph, .sentence, .heading]
    private static let headed: Set<NodeType> = [.section, .subsection, .point, .heading]

    public static let all: [NodeField] = [
        NodeField(SharedColumns.doc, everyType) { corpus, node in .text(corpus.documents[node.document].name) },
        NodeField(SharedColumns.ref, everyType) { corpus, node in .text(corpus.reference(of: node).description) },
        NodeField(Column("kind", .text, "node kind: \(NodeType.allCases.map(\.rawValue).joined(separator: ", "))"), everyType) { _, node in
            .text(node.kind.name)
        },
        NodeField(Column("part", .text, "front, preamble, section or closing"), belowDocument) { corpus, node in corpus.part(of: node) },
        NodeField(Column("level", .text, "what a heading heads: title, subtitle, section, subsection"), [.heading]) { _, node in
            if case .heading(let level) = node.kind { return .text(level.rawValue) }
            return .null
        },
        NodeField(Column("section", .integer, "ordinal of the section the node is in"), belowDocument) { corpus, node in
            corpus.enclosingOrdinal(of: node, .sections)
        },
        NodeField(Column("subsection", .integer, "ordinal of the subsection the node is in"), [.subsection, .point, .paragraph, .sentence, .heading]) { corpus, node in
            corpus.enclosingOrdinal(of: node, .subsections)
        },
        NodeField(Column("point", .integer, "ordinal of the point the node is in"), [.point, .sentence]) { corpus, node in
            corpus.enclosingOrdinal(of: node, .points)
        },
        NodeField(Column("paragraph", .integer, "ordinal of the paragraph the node is in"), [.paragraph, .sentence]) { corpus, node in
            corpus.enclosingOrdinal(of: node, .paragraphs)
        },
        NodeField(Column("sentence", .integer, "ordinal of the sentence in its paragraph"), [.sentence]) { corpus, node in
            .int(corpus.ordinal(of: node))
        },
        NodeField(Column("number", .integer, "the number as written in the heading or marker (二 → 2)"), headed) { corpus, node in
            corpus.writtenNumber(of: node)
        },
        NodeField(Column("style", .text, "how a point is marked: shi (一是), yao (一要), diyi (第一，), sequence (首先)"), [.point]) { corpus, node in
            .text(corpus.documents[node.document].outline.points[node.index].style.rawValue)
        },
        NodeField(SharedColumns.line, everyType) { corpus, node in .int(corpus.line(of: node)) },
        NodeField(Column("title", .text, "the title of the node's document", prose: true), everyType) { corpus, node in
            .optional(corpus.documents[node.document].metadata.title)
        },
        NodeField(Column("year", .integer, "the year the node's document was given"), everyType) { corpus, node in
            corpus.documents[node.document].metadata.year.map(FieldValue.int) ?? .null
        },
        NodeField(Column("date", .text, "the date of the node's document, as an ISO date (2023-04-18)"), everyType) { corpus, node in
            .optional(corpus.documents[node.document].metadata.date)
        },
        NodeField(Column("speaker", .text, "who gave the speech the node is in"), everyType) { corpus, node in
            .optional(corpus.documents[node.document].metadata.speaker)
        },
        NodeField(Column("position", .text, "the speaker's post (县委书记)"), everyType) { corpus, node in
            .optional(corpus.documents[node.document].metadata.role)
        },
        NodeField(Column("occasion", .text, "the meeting the speech was given at", prose: true), everyType) { corpus, node in
            .optional(corpus.documents[node.document].metadata.occasion)
        },
        NodeField(SharedColumns.origin, [.document]) { corpus, node in
            .text(corpus.documents[node.document].origin)
        },
        NodeField(Column("encoding", .text, "how the file was decoded: utf-8, gb18030, utf-16le, …"), [.document]) { corpus, node in
            .text(corpus.documents[node.document].encoding.rawValue)
        },
        NodeField(Column("heading", .text, "a heading's words without its number (一、, （一）); a point's lead sentence", prose: true), headed) { corpus, node in
            corpus.heading(of: node)
        },
        NodeField(Column("text", .text, "the node's whole text (a section's includes its heading line)", prose: true), everyType) { corpus, node in
            .text(corpus.documents[node.document].text(corpus.span(of: node)))
        },
        NodeField(Column("chars", .integer, "non-whitespace characters in text"), everyType) { corpus, node in
            .int(corpus.documents[node.document].characterCount(corpus.span(of: node)))
        },
        NodeField(Column("directive", .boolean, "whether the analysis reads the sentence as an order (points always are)"), [.point, .sentence], analysis: true) { corpus, node in
            .bool(node.kind == .point || corpus.isDirective(document: node.document, sentence: node.index))
        },
        NodeField(Column("actor", .text, "who the sentence tells to act", prose: true), [.sentence], analysis: true) { corpus, node in
            .optional(corpus.verdict(document: node.document, sentence: node.index).actor)
        },
        NodeField(Column("why", .text, "the rules of the analysis that fired"), [.sentence], analysis: true) { corpus, node in
            let reasons = corpus.verdict(document: node.document, sentence: node.index).reasons
            return reasons.isEmpty ? .null : .text(reasons.joined(separator: "; "))
        },
        NodeField(SharedColumns.deadline, [.sentence], analysis: true) { corpus, node in
            .optional(corpus.verdict(document: node.document, sentence: node.index).deadline?.text)
        },
        NodeField(SharedColumns.due, [.sentence], analysis: true) { corpus, node in
            let document = corpus.documents[node.document]
            let deadline = corpus.verdict(document: node.document, sentence: node.index).deadline
            return .optional(deadline?.normalized(speechDate: document.metadata.speechDate))
        },
    ]

    static let byName: [String: NodeField] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func named(_ name: String) -> NodeField? { byName[name] }
}

extension FieldValue {
    /// Text, or null when there is none: an empty value is one thing, an empty cell in TSV
    /// and CSV and `null` in JSON, never sometimes "" and sometimes null.
    static func optional(_ text: String?) -> FieldValue {
        guard let text, !text.isEmpty else { return .null }
        return .text(text)
    }
}

/// The outline lookups the node fields need beyond navigation.
extension Corpus {
    /// The ordinal of the node of `kind` that holds `node`: the node's own for its kind.
    func enclosingOrdinal(of node: Node, _ kind: QueryKind) -> FieldValue {
        enclosing(node, kind).map { .int(ordinal(of: $0)) } ?? .null
    }

    /// The node of `kind` that holds `node`: the node itself when it is of that kind.
    func enclosing(_ node: Node, _ kind: QueryKind) -> Node? {
        Corpus.queryKind(of: node.kind) == kind ? node : ancestor(of: node, kind: kind)
    }

    func part(of node: Node) -> FieldValue {
        let outline = documents[node.document].outline
        switch node.kind {
        case .paragraph: return .text(outline.paragraphs[node.index].part.rawValue)
        case .sentence: return .text(outline.sentences[node.index].part.rawValue)
        case .point: return .text(outline.sentences[outline.points[node.index].sentences.lowerBound].part.rawValue)
        case .section, .heading(.section): return .text(Part.section.rawValue)
        case .subsection, .heading(.subsection):
            // A subsection before any section belongs to the opening, as its paragraphs do.
            return .text((outline.subsections[node.index].section == nil ? Part.preamble : Part.section).rawValue)
        case .heading(.title), .heading(.subtitle): return .text(Part.frontMatter.rawValue)
        case .document: return .null
        }
    }

    func writtenNumber(of node: Node) -> FieldValue {
        let outline = documents[node.document].outline
        switch node.kind {
        case .section, .heading(.section): return .int(outline.sections[node.index].number)
        case .subsection, .heading(.subsection): return .int(outline.subsections[node.index].number)
        case .point: return .int(outline.points[node.index].number)
        default: return .null
        }
    }

    func heading(of node: Node) -> FieldValue {
        let document = documents[node.document]
        let outline = document.outline
        switch node.kind {
        case .section: return .text(document.text(outline.sections[node.index].heading))
        case .subsection: return .text(document.text(outline.subsections[node.index].heading))
        case .point: return .text(document.text(outline.points[node.index].heading))
        case .heading(.section): return .text(document.text(outline.sections[node.index].heading))
        case .heading(.subsection): return .text(document.text(outline.subsections[node.index].heading))
        case .heading: return .text(document.text(span(of: node)))
        default: return .null
        }
    }
}
