import Foundation

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
    public private(set) var classifier: DirectiveClassifier
    /// Analyses are made on first use: a keyword count never pays for them.
    private(set) var analyses: AnalysisCache

    public init(documents: [Document] = [], lexicon: AnalysisLexicon = .standard) {
        classifier = DirectiveClassifier(lexicon: lexicon)
        analyses = AnalysisCache()
        append(documents)
    }

    /// Adds documents.
    public mutating func append(_ more: [Document]) {
        documents += more
    }

    /// Replaces the lexicon; documents are analysed again when next asked.
    public mutating func setLexicon(_ lexicon: AnalysisLexicon) {
        classifier = DirectiveClassifier(lexicon: lexicon)
        analyses = AnalysisCache()
    }

    public var documentNodes: [Node] {
        documents.indices.map { Node(document: $0, kind: .document, index: 0) }
    }

    public func document(of node: Node) -> Document { documents[node.document] }

    public func analysis(of doc: Int) -> DocumentAnalysis {
        analyses.analysis(of: doc) { DocumentAnalysis(documents[doc], classifier: classifier) }
    }

    public func verdict(document doc: Int, sentence index: Int) -> DirectiveVerdict {
        analysis(of: doc).verdicts[index]
    }

    public func isDirective(document doc: Int, sentence index: Int) -> Bool {
        verdict(document: doc, sentence: index).isDirective
    }
}

/// Document analyses made on first use and kept. A class behind a lock, so `Corpus` stays
/// a value that can be shared: every copy made before `setLexicon` shares the same,
/// still valid, analyses.
final class AnalysisCache: @unchecked Sendable {
    // @unchecked: `analyses` is only touched with `lock` held.
    private let lock = NSLock()
    private var analyses: [Int: DocumentAnalysis] = [:]

    func analysis(of doc: Int, make: () -> DocumentAnalysis) -> DocumentAnalysis {
        lock.lock()
        let cached = analyses[doc]
        lock.unlock()
        if let cached { return cached }
        // Made outside the lock, so callers on several threads do not queue behind one
        // analysis; two making the same one get the same result, and the first kept wins.
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let cached = analyses[doc] { return cached }
        analyses[doc] = made
        return made
    }

    /// Those of `docs` not analysed yet, in order.
    func missing(among docs: [Int]) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        return docs.filter { analyses[$0] == nil }
    }

    /// Keeps analyses made elsewhere; one already kept stays.
    func store(_ made: [Int: DocumentAnalysis]) {
        lock.lock()
        defer { lock.unlock() }
        analyses.merge(made) { kept, _ in kept }
    }
}
