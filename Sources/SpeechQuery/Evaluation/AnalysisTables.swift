/// The tables of the analysis stages — tasks, formulations, placeholders, check — over the
/// nodes of a pipeline (every document at its start).
struct AnalysisTables {
    let corpus: Corpus

    func table(for stage: StageKind, over nodes: [Node]) -> Table {
        switch stage {
        case .tasks: return tasks(nodes)
        case .formulations: return formulations(nodes)
        case .placeholders: return placeholders(nodes)
        default: return checks(nodes)
        }
    }

    /// One row per assignment: the inspection ledger.
    func tasks(_ nodes: [Node]) -> Table {
        var rows: [[FieldValue]] = []
        var seen = Set<Node>()
        for node in nodes {
            for sentence in corpus.children(of: node, kind: .sentences) where seen.insert(sentence).inserted {
                let verdict = corpus.verdict(document: sentence.document, sentence: sentence.index)
                guard verdict.isDirective else { continue }
                let document = corpus.documents[sentence.document]
                for task in verdict.assignments {
                    rows.append([.text(document.name), .text(corpus.reference(of: sentence).description),
                                 .int(corpus.line(of: sentence)), .text(task.actor), .text(task.role.rawValue), .text(task.action),
                                 .text(task.deadline?.text ?? ""), .text(task.deadline?.normalized(speechDate: document.metadata.speechDate) ?? "")])
                }
            }
        }
        return Table(columns: ["doc", "ref", "line", "actor", "role", "action", "deadline", "due"], rows: rows)
    }

    /// The byte spans of the input inside each document, for counting occurrences.
    private func spans(_ nodes: [Node]) -> [(document: Int, spans: [Range<Int>])] {
        var byDocument: [Int: [Range<Int>]] = [:]
        var order: [Int] = []
        for node in nodes {
            if byDocument[node.document] == nil { order.append(node.document) }
            byDocument[node.document, default: []].append(corpus.span(of: node))
        }
        return order.map { ($0, byDocument[$0]!) }
    }

    func formulations(_ nodes: [Node]) -> Table {
        var rows: [[FieldValue]] = []
        for (doc, spans) in spans(nodes) {
            let document = corpus.documents[doc]
            for formulation in FormulationFinder.find(in: document, lexicon: corpus.classifier.lexicon) {
                let inside = formulation.occurrences.filter { offset in spans.contains { $0.contains(offset) } }
                guard let first = inside.first else { continue }
                var references: [String] = []
                for offset in inside {
                    let reference = document.reference(at: offset).description
                    if !references.contains(reference) { references.append(reference) }
                }
                rows.append([.text(document.name), .text(formulation.text), .int(inside.count), .int(document.line(at: first)), .text(references.joined(separator: " "))])
            }
        }
        return Table(columns: ["doc", "formulation", "count", "line", "refs"], rows: rows)
    }

    func placeholders(_ nodes: [Node]) -> Table {
        var rows: [[FieldValue]] = []
        for (doc, spans) in spans(nodes) {
            let document = corpus.documents[doc]
            for placeholder in PlaceholderFinder.find(in: document) where spans.contains(where: { $0.contains(placeholder.range.lowerBound) }) {
                rows.append([.text(document.name), .text(document.reference(at: placeholder.range.lowerBound).description),
                             .int(document.line(at: placeholder.range.lowerBound)), .text(placeholder.text)])
            }
        }
        return Table(columns: ["doc", "ref", "line", "placeholder"], rows: rows)
    }

    /// Checks are about whole documents: the documents of the input are checked.
    func checks(_ nodes: [Node]) -> Table {
        var rows: [[FieldValue]] = []
        var documents: [Int] = []
        for node in nodes where !documents.contains(node.document) { documents.append(node.document) }
        for doc in documents {
            let document = corpus.documents[doc]
            for finding in DocumentChecks.run(document) {
                rows.append([.text(document.name), .text(finding.level.rawValue), .text(finding.check),
                             .text(document.reference(at: finding.offset).description), .int(document.line(at: finding.offset)), .text(finding.message)])
            }
        }
        return Table(columns: ["doc", "level", "check", "ref", "line", "message"], rows: rows)
    }
}
