/// Moving between nodes: the children of a kind below a node, the ancestor above it, and
/// the byte span a node covers.
extension Corpus {
    /// The nodes of `kind` inside `node`, in document order.
    public func children(of node: Node, kind: QueryKind) -> [Node] {
        let doc = node.document
        let outline = documents[doc].outline
        func nodes(_ kind: NodeKind, _ indices: some Sequence<Int>) -> [Node] {
            indices.map { Node(document: doc, kind: kind, index: $0) }
        }
        // The sentence indices a node spans; every kind below it is found through them.
        let sentences: Range<Int>
        switch node.kind {
        case .document: sentences = 0..<outline.sentences.count
        case .section: sentences = outline.sections[node.index].sentences
        case .subsection: sentences = outline.subsections[node.index].sentences
        case .point: sentences = outline.points[node.index].sentences
        case .paragraph: sentences = outline.paragraphs[node.index].sentences
        case .sentence: sentences = node.index..<(node.index + 1)
        case .heading: return kind == .headings ? [node] : []
        }
        switch kind {
        case .docs:
            return node.kind == .document ? [node] : []
        case .sections:
            switch node.kind {
            case .document: return nodes(.section, outline.sections.indices)
            case .section: return [node]
            default: return []
            }
        case .subsections:
            switch node.kind {
            case .document: return nodes(.subsection, outline.subsections.indices)
            case .section: return nodes(.subsection, outline.sections[node.index].subsections)
            case .subsection: return [node]
            default: return []
            }
        case .points:
            switch node.kind {
            case .document: return nodes(.point, outline.points.indices)
            case .section: return nodes(.point, outline.sections[node.index].points)
            case .subsection: return nodes(.point, outline.subsections[node.index].points)
            case .point: return [node]
            case .paragraph:
                return nodes(.point, outline.points.indices.filter { sentences.contains(outline.points[$0].sentences.lowerBound) })
            default: return []
            }
        case .paragraphs:
            switch node.kind {
            case .document: return nodes(.paragraph, outline.paragraphs.indices)
            case .section: return nodes(.paragraph, outline.sections[node.index].paragraphs)
            case .subsection: return nodes(.paragraph, outline.subsections[node.index].paragraphs)
            case .paragraph: return [node]
            case .point: return sentences.isEmpty ? [] : [Node(document: doc, kind: .paragraph, index: outline.sentences[sentences.lowerBound].paragraph)]
            default: return []
            }
        case .sentences:
            return nodes(.sentence, sentences)
        case .directives:
            // The analysis fetched once, not once per sentence (each fetch takes a lock).
            let verdicts = analysis(of: doc).verdicts
            return nodes(.sentence, sentences.filter { verdicts[$0].isDirective })
        case .headings:
            var headings: [Node] = []
            if node.kind == .document {
                if outline.frontMatter.title != nil { headings.append(Node(document: doc, kind: .heading(.title), index: 0)) }
                headings += nodes(.heading(.subtitle), outline.frontMatter.subtitles.indices)
            }
            let sectionIndices: [Int]
            let subsectionIndices: [Int]
            switch node.kind {
            case .document:
                sectionIndices = Array(outline.sections.indices)
                subsectionIndices = Array(outline.subsections.indices)
            case .section:
                sectionIndices = [node.index]
                subsectionIndices = Array(outline.sections[node.index].subsections)
            case .subsection:
                sectionIndices = []
                subsectionIndices = [node.index]
            default:
                return headings
            }
            // Interleave in document order: a section heading before its subsections'.
            let heads = nodes(.heading(.section), sectionIndices) + nodes(.heading(.subsection), subsectionIndices)
            return headings + heads.sorted { line(of: $0) < line(of: $1) }
        }
    }

    /// The node of `kind` that contains `node`, or nil when there is none (a sentence of the
    /// opening has no section).
    public func ancestor(of node: Node, kind: QueryKind) -> Node? {
        let doc = node.document
        let outline = documents[doc].outline
        let firstSentence: Int?
        switch node.kind {
        case .document: firstSentence = nil
        case .section: firstSentence = nil
        case .subsection: firstSentence = nil
        case .point: firstSentence = outline.points[node.index].sentences.lowerBound
        case .paragraph: firstSentence = outline.paragraphs[node.index].sentences.first
        case .sentence: firstSentence = node.index
        case .heading: firstSentence = nil
        }
        let sentence = firstSentence.map { outline.sentences[$0] }
        switch kind {
        case .docs:
            return Node(document: doc, kind: .document, index: 0)
        case .sections:
            let section: Int?
            switch node.kind {
            case .section, .heading(.section): section = node.index
            case .subsection, .heading(.subsection): section = outline.subsections[node.index].section
            case .point: section = outline.points[node.index].section
            case .paragraph: section = outline.paragraphs[node.index].section
            default: section = sentence?.section
            }
            return section.map { Node(document: doc, kind: .section, index: $0) }
        case .subsections:
            let subsection: Int?
            switch node.kind {
            case .subsection, .heading(.subsection): subsection = node.index
            case .point: subsection = outline.points[node.index].subsection
            case .paragraph: subsection = outline.paragraphs[node.index].subsection
            default: subsection = sentence?.subsection
            }
            return subsection.map { Node(document: doc, kind: .subsection, index: $0) }
        case .points:
            return sentence?.point.map { Node(document: doc, kind: .point, index: $0) }
        case .paragraphs:
            return sentence.map { Node(document: doc, kind: .paragraph, index: $0.paragraph) }
        case .sentences, .directives, .headings:
            return nil
        }
    }

    /// Where a kind sits in the tree, top first; selecting a deeper kind descends.
    static func depth(of kind: QueryKind) -> Int {
        switch kind {
        case .docs: 0
        case .sections: 1
        case .subsections: 2
        case .points: 3
        case .paragraphs: 4
        case .sentences, .directives: 5
        case .headings: 6
        }
    }

    static func queryKind(of kind: NodeKind) -> QueryKind {
        NodeType(kind).queryKind
    }

    /// The byte range of the document's text a node covers: what terms are searched in and
    /// what `show` prints.
    public func span(of node: Node) -> Range<Int> {
        // Sentences and paragraphs, most of what a query touches, are read in place.
        switch node.kind {
        case .sentence: return documents[node.document].outline.sentences[node.index].range
        case .paragraph: return documents[node.document].outline.paragraphs[node.index].range
        default: break
        }
        let document = documents[node.document]
        let outline = document.outline
        func spanning(_ sentences: Range<Int>, from start: Int) -> Range<Int> {
            guard let last = sentences.last else { return start..<start }
            return start..<max(start, outline.sentences[last].range.upperBound)
        }
        switch node.kind {
        case .document: return 0..<document.bytes.count
        case .section:
            let section = outline.sections[node.index]
            let end = section.paragraphs.last.map { outline.paragraphs[$0].range.upperBound } ?? section.headingLine.upperBound
            return section.headingLine.lowerBound..<max(end, section.headingLine.upperBound)
        case .subsection:
            let sub = outline.subsections[node.index]
            let end = sub.paragraphs.last.map { outline.paragraphs[$0].range.upperBound } ?? sub.headingLine.upperBound
            return sub.headingLine.lowerBound..<max(end, sub.headingLine.upperBound)
        case .point:
            let point = outline.points[node.index]
            return spanning(point.sentences, from: point.heading.lowerBound)
        case .paragraph: return outline.paragraphs[node.index].range
        case .sentence: return outline.sentences[node.index].range
        case .heading(.title): return outline.frontMatter.title?.range ?? 0..<0
        case .heading(.subtitle): return outline.frontMatter.subtitles[node.index].range
        case .heading(.section): return outline.sections[node.index].headingLine
        case .heading(.subsection): return outline.subsections[node.index].headingLine
        }
    }

    public func line(of node: Node) -> Int {
        let outline = documents[node.document].outline
        switch node.kind {
        case .document: return 1
        case .section, .heading(.section): return outline.sections[node.index].line
        case .subsection, .heading(.subsection): return outline.subsections[node.index].line
        case .point: return outline.points[node.index].line
        case .paragraph: return outline.paragraphs[node.index].line
        case .sentence: return outline.sentences[node.index].line
        case .heading(.title): return outline.frontMatter.title?.line ?? 1
        case .heading(.subtitle): return outline.frontMatter.subtitles[node.index].line
        }
    }

    /// The node's position among its siblings, which selectors on the same kind use.
    public func ordinal(of node: Node) -> Int {
        let outline = documents[node.document].outline
        switch node.kind {
        case .document: return node.document + 1
        case .section: return outline.sections[node.index].ordinal
        case .subsection: return outline.subsections[node.index].ordinal
        case .point: return outline.points[node.index].ordinal
        case .paragraph: return outline.paragraphs[node.index].ordinal
        case .sentence: return outline.sentences[node.index].ordinal
        case .heading: return node.index + 1
        }
    }

    public func reference(of node: Node) -> Reference {
        let document = documents[node.document]
        switch node.kind {
        case .document: return Reference(document: document.name)
        case .section: return document.reference(section: node.index)
        case .subsection: return document.reference(subsection: node.index)
        case .point: return document.reference(point: node.index)
        case .paragraph: return document.reference(paragraph: node.index)
        case .sentence: return document.reference(sentence: node.index)
        case .heading(.title): return Reference(document: document.name, steps: [.title])
        case .heading(.subtitle): return Reference(document: document.name, steps: [.subtitle(node.index + 1)])
        case .heading(.section): return document.reference(section: node.index)
        case .heading(.subsection): return document.reference(subsection: node.index)
        }
    }
}
