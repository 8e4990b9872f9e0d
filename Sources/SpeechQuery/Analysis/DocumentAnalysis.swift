/// The analysis of one document: a directive verdict for every body sentence.
public struct DocumentAnalysis: Sendable {
    /// Indexed like `Outline.sentences`.
    public var verdicts: [DirectiveVerdict]

    public init(_ document: Document, classifier: DirectiveClassifier) {
        let outline = document.outline
        let reviewWords = classifier.lexicon.review.map { String(String.UnicodeScalarView($0)) }
        func isReview(_ text: String) -> Bool { reviewWords.contains { text.contains($0) } }
        let clauseEndings = classifier.lexicon.reviewClauseEndings.map { String(String.UnicodeScalarView($0)) }
        // 过去一年，…… opens with a review word; 今年以来，…… has a first clause that looks back.
        func opensReview(_ text: String) -> Bool {
            if reviewWords.contains(where: { text.hasPrefix($0) }) { return true }
            guard let comma = text.firstIndex(where: { $0 == "，" || $0 == "," }) else { return false }
            let first = text[..<comma]
            return first.count <= 12 && clauseEndings.contains { first.hasSuffix($0) }
        }
        let reviewSections = outline.sections.map { isReview(document.text($0.heading)) }
        let reviewSubsections = outline.subsections.map { isReview(document.text($0.heading)) }
        let planWords = classifier.lexicon.planOpeners.map { String(String.UnicodeScalarView($0)) }
        // A sentence that opens a look back (过去一年，全县上下……) starts a review that runs to
        // the end of its paragraph, or until a sentence turns to what comes (今年，……).
        var lookingBack = false
        var paragraph = -1
        var reviewSentences = [Bool](repeating: false, count: outline.sentences.count)
        for (index, sentence) in outline.sentences.enumerated() {
            if sentence.paragraph != paragraph { paragraph = sentence.paragraph; lookingBack = false }
            let text = document.text(sentence.range)
            if opensReview(text) { lookingBack = true } else if planWords.contains(where: { text.hasPrefix($0) }) { lookingBack = false }
            reviewSentences[index] = lookingBack
        }
        verdicts = outline.sentences.indices.map { index in
            let sentence = outline.sentences[index]
            let leads = sentence.point.map { outline.points[$0].sentences.lowerBound == index } ?? false
            let inReview = (sentence.section.map { reviewSections[$0] } ?? false)
                || (sentence.subsection.map { reviewSubsections[$0] } ?? false)
                || reviewSentences[index]
            return classifier.classify(document.text(sentence.range), leadsPoint: leads, inReview: inReview)
        }
    }
}
