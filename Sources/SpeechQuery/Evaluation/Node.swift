/// What a heading node heads.
public enum HeadingLevel: String, Sendable, Hashable {
    case title, subtitle, section, subsection
}

public enum NodeKind: Sendable, Hashable {
    case document, section, subsection, point, paragraph, sentence
    case heading(HeadingLevel)

    public var name: String {
        switch self {
        case .document: "document"
        case .section: "section"
        case .subsection: "subsection"
        case .point: "point"
        case .paragraph: "paragraph"
        case .sentence: "sentence"
        case .heading: "heading"
        }
    }
}

/// A node of a loaded document, by index: cheap to copy, hash and keep in results.
public struct Node: Sendable, Hashable {
    /// Index into `Corpus.documents`.
    public var document: Int
    public var kind: NodeKind
    /// Index into the outline's array for the kind (sections, points, …; the subtitle index,
    /// the section or subsection index for headings; 0 for documents and titles).
    public var index: Int
}

/// The loaded documents a session queries.
public struct Corpus: Sendable {
    public var documents: [Document] = []
    public let directives = DirectiveRule.standard

    public init(documents: [Document] = []) {
        self.documents = documents
    }

    public var documentNodes: [Node] {
        documents.indices.map { Node(document: $0, kind: .document, index: 0) }
    }

    public func document(of node: Node) -> Document { documents[node.document] }

    /// Whether sentence `index` of document `doc` is a directive (placeholder rule).
    public func isDirective(document doc: Int, sentence index: Int) -> Bool {
        let document = documents[doc]
        let sentence = document.outline.sentences[index]
        let leads = sentence.point.map { document.outline.points[$0].sentences.lowerBound == index } ?? false
        return directives.isDirective(sentence.range, in: document.bytes, leadsPoint: leads)
    }
}
