/// One cell of a result: what a field of a node, or a column of a table, holds.
public enum FieldValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case text(String)

    /// How the value prints in table, TSV and CSV output.
    public var display: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let n): String(n)
        case .text(let s): s
        }
    }

    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let n): .int(n)
        case .text(let s): .string(s)
        }
    }

    /// Whether the value counts as "empty or zero" for `--exit-status`.
    var isEmptyOrZero: Bool {
        switch self {
        case .null: true
        case .bool(let b): !b
        case .int(let n): n == 0
        case .text(let s): s.isEmpty
        }
    }

    /// Order for `sort`: nulls last, numbers numerically, text by code point.
    static func ascending(_ a: FieldValue, _ b: FieldValue) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.int(let x), .int(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        default: return a.display < b.display
        }
    }

    /// `self OP literal`, numeric when both sides are numbers; false when the field is null.
    func compare(_ op: ComparisonOperator, _ literal: Literal) -> Bool {
        let ordering: Int
        switch (self, literal) {
        case (.null, _):
            return false
        case (.int(let x), .number(let y)):
            ordering = x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .number(let y)):
            ordering = (x ? 1 : 0) - y
        case (.bool(let x), .text(let y)):
            ordering = (x ? "true" : "false") == y.lowercased() ? 0 : 1
            guard op == .equal || op == .notEqual else { return false }
        default:
            let left = display, right: String
            switch literal {
            case .number(let n): right = String(n)
            case .text(let t): right = t
            }
            ordering = left < right ? -1 : (left > right ? 1 : 0)
        }
        switch op {
        case .equal: return ordering == 0
        case .notEqual: return ordering != 0
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        }
    }
}

extension Corpus {
    /// The value of `field` for `node`; `.null` where the field does not apply.
    public func value(_ field: Field, of node: Node) -> FieldValue {
        let document = documents[node.document]
        let outline = document.outline
        let meta = document.metadata
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .null }
        func int(_ n: Int?) -> FieldValue { n.map(FieldValue.int) ?? .null }
        func sectionOrdinal(_ index: Int?) -> FieldValue { int(index.map { outline.sections[$0].ordinal }) }
        func subsectionOrdinal(_ index: Int?) -> FieldValue { int(index.map { outline.subsections[$0].ordinal }) }
        let sentence: Sentence? = node.kind == .sentence ? outline.sentences[node.index] : nil

        switch field {
        case .doc: return .text(document.name)
        case .ref: return .text(reference(of: node).description)
        case .kind: return .text(node.kind.name)
        case .line: return .int(line(of: node))
        case .text: return .text(document.text(span(of: node)))
        case .chars: return .int(document.characterCount(span(of: node)))
        case .year: return int(meta.year)
        case .date: return text(meta.date)
        case .title: return text(meta.title)
        case .speaker: return text(meta.speaker)
        case .role: return text(meta.role)
        case .occasion: return text(meta.occasion)
        case .count, .action, .formulation, .refs, .placeholder, .check, .message: return .null
        case .part:
            switch node.kind {
            case .paragraph: return .text(outline.paragraphs[node.index].part.rawValue)
            case .sentence: return .text(sentence!.part.rawValue)
            case .point: return .text(outline.sentences[outline.points[node.index].sentences.lowerBound].part.rawValue)
            case .section, .subsection: return .text(Part.section.rawValue)
            case .heading(.title), .heading(.subtitle): return .text(Part.frontMatter.rawValue)
            default: return .null
            }
        case .heading:
            switch node.kind {
            case .section: return .text(document.text(outline.sections[node.index].heading))
            case .subsection: return .text(document.text(outline.subsections[node.index].heading))
            case .point: return .text(document.text(outline.points[node.index].heading))
            case .heading: return .text(document.text(span(of: node)))
            default: return .null
            }
        case .section:
            switch node.kind {
            case .document, .heading(.title), .heading(.subtitle): return .null
            case .section, .heading(.section): return sectionOrdinal(node.index)
            case .subsection, .heading(.subsection): return sectionOrdinal(outline.subsections[node.index].section)
            case .point: return sectionOrdinal(outline.points[node.index].section)
            case .paragraph: return sectionOrdinal(outline.paragraphs[node.index].section)
            case .sentence: return sectionOrdinal(sentence!.section)
            }
        case .subsection:
            switch node.kind {
            case .subsection, .heading(.subsection): return subsectionOrdinal(node.index)
            case .point: return subsectionOrdinal(outline.points[node.index].subsection)
            case .paragraph: return subsectionOrdinal(outline.paragraphs[node.index].subsection)
            case .sentence: return subsectionOrdinal(sentence!.subsection)
            default: return .null
            }
        case .point:
            switch node.kind {
            case .point: return .int(outline.points[node.index].ordinal)
            case .sentence: return int(sentence!.point.map { outline.points[$0].ordinal })
            default: return .null
            }
        case .paragraph:
            switch node.kind {
            case .paragraph: return .int(outline.paragraphs[node.index].ordinal)
            case .sentence: return .int(outline.paragraphs[sentence!.paragraph].ordinal)
            default: return .null
            }
        case .sentence:
            return node.kind == .sentence ? .int(sentence!.ordinal) : .null
        case .number:
            switch node.kind {
            case .section, .heading(.section): return .int(outline.sections[node.index].number)
            case .subsection, .heading(.subsection): return .int(outline.subsections[node.index].number)
            case .point: return .int(outline.points[node.index].number)
            default: return .null
            }
        case .style:
            return node.kind == .point ? .text(outline.points[node.index].style.rawValue) : .null
        case .level:
            if case .heading(let level) = node.kind { return .text(level.rawValue) }
            return .null
        case .directive:
            switch node.kind {
            case .sentence: return .bool(isDirective(document: node.document, sentence: node.index))
            case .point: return .bool(true)
            default: return .null
            }
        case .actor:
            guard node.kind == .sentence else { return .null }
            return text(verdict(document: node.document, sentence: node.index).actor)
        case .why:
            guard node.kind == .sentence else { return .null }
            return .text(verdict(document: node.document, sentence: node.index).reasons.joined(separator: "; "))
        case .deadline:
            guard node.kind == .sentence else { return .null }
            return .text(verdict(document: node.document, sentence: node.index).deadline?.text ?? "")
        case .due:
            guard node.kind == .sentence else { return .null }
            return .text(verdict(document: node.document, sentence: node.index).deadline?.normalized(speechDate: meta.speechDate) ?? "")
        }
    }
}
