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

/// The loaded documents a session queries, with their analysis.
public struct Corpus: Sendable {
    public private(set) var documents: [Document] = []
    /// Indexed like `documents`.
    public private(set) var analyses: [DocumentAnalysis] = []
    public private(set) var classifier: DirectiveClassifier

    public init(documents: [Document] = [], lexicon: AnalysisLexicon = .standard) {
        classifier = DirectiveClassifier(lexicon: lexicon)
        append(documents)
    }

    /// Adds documents and analyses them.
    public mutating func append(_ more: [Document]) {
        documents += more
        analyses += more.map { DocumentAnalysis($0, classifier: classifier) }
    }

    /// Replaces the lexicon and analyses every document again.
    public mutating func setLexicon(_ lexicon: AnalysisLexicon) {
        classifier = DirectiveClassifier(lexicon: lexicon)
        analyses = documents.map { DocumentAnalysis($0, classifier: classifier) }
    }

    public var documentNodes: [Node] {
        documents.indices.map { Node(document: $0, kind: .document, index: 0) }
    }

    public func document(of node: Node) -> Document { documents[node.document] }

    public func verdict(document doc: Int, sentence index: Int) -> DirectiveVerdict {
        analyses[doc].verdicts[index]
    }

    public func isDirective(document doc: Int, sentence index: Int) -> Bool {
        analyses[doc].verdicts[index].isDirective
    }
}
