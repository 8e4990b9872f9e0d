/// How a one-shot query can run over the documents a batch at a time and print what it
/// would print over all of them at once: when each of its stages reads each document on its
/// own. `select` and `filter` keep or find nodes document by document; `fields` shapes each
/// row; a final `limit` is the first rows of the whole, which the first batches give; a final
/// `count` is the sum of the batches' counts. Sorting, grouping, names and the catalogue's
/// stages (which compare documents, or rank across them) need every document at once.
public struct BatchPlan: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// Rows, printed as each batch gives them, up to `limit` in all.
        case rows(limit: Int?)
        /// One number, the sum over the batches.
        case count
    }

    public let ending: Ending

    /// The plan for `pipeline`, or nil when it needs all the documents at once.
    public init?(_ pipeline: Pipeline) {
        var stages = pipeline.stages[...]
        while let first = stages.first, first.isPerDocument { stages.removeFirst() }
        if stages.count == 1, case .count(let kind) = stages.first?.kind {
            // `count` counts its input, and `count KIND` on its own everything loaded: one
            // number. After other stages `count KIND` gives a row per input node (how many
            // points each section holds): rows like any other.
            ending = kind == nil || pipeline.stages.count == 1 ? .count : .rows(limit: nil)
            return
        }
        // `fields` and `limit` at the end, each at most once, in either order.
        var limit: Int?
        var sawFields = false
        for stage in stages {
            switch stage.kind {
            case .limit(let n) where limit == nil: limit = n
            // One column: a batch that gives one row would print it bare, as a lone value.
            case .fields(let names) where !sawFields && names.count > 1: sawFields = true
            default: return nil
            }
        }
        ending = .rows(limit: limit)
    }
}

extension Stage {
    /// Whether the stage reads each node, and so each document, on its own.
    fileprivate var isPerDocument: Bool {
        switch kind {
        // A document's ordinal is its place in the corpus (`docs 2`), not in a batch.
        case .select(.docs, .some): false
        case .select, .filter: true
        default: false
        }
    }
}
