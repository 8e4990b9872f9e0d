/// A printable address of a node that can be typed back as a selector:
/// `county-speech:sec2.pt3`, `county-speech:sec1.para2.sen3`, `report:opening.para1`.
///
/// Grammar: `DOCUMENT[:STEP(.STEP)*]` where a step is `secN`, `subN`, `ptN`, `paraN`,
/// `senN`, `opening`, `closing`, `title`, `subtitleN`, `occasion`, `date`, `speaker`,
/// `contents` or `residueN`. Numbers are 1-based ordinals within the enclosing step.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case section(Int), subsection(Int), point(Int), paragraph(Int), sentence(Int)
        case opening, closing, title, subtitle(Int), occasion, date, speaker, contents, residue(Int)

        var text: String {
            switch self {
            case .section(let n): "sec\(n)"
            case .subsection(let n): "sub\(n)"
            case .point(let n): "pt\(n)"
            case .paragraph(let n): "para\(n)"
            case .sentence(let n): "sen\(n)"
            case .opening: "opening"
            case .closing: "closing"
            case .title: "title"
            case .subtitle(let n): "subtitle\(n)"
            case .occasion: "occasion"
            case .date: "date"
            case .speaker: "speaker"
            case .contents: "contents"
            case .residue(let n): "residue\(n)"
            }
        }

        /// Longest prefixes first, so `subtitle2` is not read as `sub` + `title2`.
        private static let numberedPrefixes = ["subtitle", "residue", "para", "sec", "sub", "sen", "pt"]

        private static func numbered(_ prefix: String, _ n: Int) -> Step {
            switch prefix {
            case "subtitle": .subtitle(n)
            case "residue": .residue(n)
            case "para": .paragraph(n)
            case "sec": .section(n)
            case "sub": .subsection(n)
            case "sen": .sentence(n)
            default: .point(n)
            }
        }

        private static let plain: [String: Step] = [
            "opening": .opening, "closing": .closing, "title": .title,
            "occasion": .occasion, "date": .date, "speaker": .speaker, "contents": .contents,
        ]

        init?(parsing text: Substring) {
            if let step = Self.plain[String(text)] {
                self = step
                return
            }
            for prefix in Self.numberedPrefixes where text.hasPrefix(prefix) {
                let digits = text.dropFirst(prefix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n > 0 else { return nil }
                self = Self.numbered(prefix, n)
                return
            }
            return nil
        }
    }

    public var document: String
    public var steps: [Step]

    public init(document: String, steps: [Step] = []) {
        self.document = document
        self.steps = steps
    }

    public var description: String {
        steps.isEmpty ? document : document + ":" + steps.map(\.text).joined(separator: ".")
    }

    /// Parses a reference. The document name is everything before the last `:`, so names may
    /// contain colons of their own.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else {
            guard !text.isEmpty else { return nil }
            self.init(document: text)
            return
        }
        let document = String(text[..<colon])
        var steps: [Step] = []
        for piece in text[text.index(after: colon)...].split(separator: ".", omittingEmptySubsequences: false) {
            guard let step = Step(parsing: piece) else { return nil }
            steps.append(step)
        }
        guard !document.isEmpty else { return nil }
        self.init(document: document, steps: steps)
    }
}

extension Document {
    /// The steps that lead to the container holding paragraphs in `section`/`subsection`.
    func containerSteps(part: Part, section: Int?, subsection: Int?) -> [Reference.Step] {
        var steps: [Reference.Step] = []
        switch part {
        case .preamble: steps.append(.opening)
        case .closing: steps.append(.closing)
        default: break
        }
        if let section { steps.append(.section(outline.sections[section].ordinal)) }
        if let subsection { steps.append(.subsection(outline.subsections[subsection].ordinal)) }
        return steps
    }

    public func reference(section index: Int) -> Reference {
        Reference(document: name, steps: [.section(outline.sections[index].ordinal)])
    }

    public func reference(subsection index: Int) -> Reference {
        let sub = outline.subsections[index]
        return Reference(document: name, steps: containerSteps(part: sub.section == nil ? .preamble : .section, section: sub.section, subsection: index))
    }

    public func reference(point index: Int) -> Reference {
        let point = outline.points[index]
        let part = outline.sentences[point.sentences.lowerBound].part
        return Reference(document: name, steps: containerSteps(part: part, section: point.section, subsection: point.subsection) + [.point(point.ordinal)])
    }

    public func reference(paragraph index: Int) -> Reference {
        let paragraph = outline.paragraphs[index]
        return Reference(document: name, steps: containerSteps(part: paragraph.part, section: paragraph.section, subsection: paragraph.subsection) + [.paragraph(paragraph.ordinal)])
    }

    public func reference(sentence index: Int) -> Reference {
        let sentence = outline.sentences[index]
        var reference = reference(paragraph: sentence.paragraph)
        reference.steps.append(.sentence(sentence.ordinal))
        return reference
    }
}
