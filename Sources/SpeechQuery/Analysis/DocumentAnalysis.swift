/// The analysis of one document: a directive verdict for every body sentence.
public struct DocumentAnalysis: Sendable {
    /// Indexed like `Outline.sentences`.
    public var verdicts: [DirectiveVerdict]
    /// Whether each sentence looks back on work done (a review section, or a paragraph
    /// that opens with 过去一年…): what it reports is a result, not a target.
    public var inReview: [Bool] = []

    public init(_ document: Document, classifier: DirectiveClassifier) {
        let outline = document.outline
        let reviewWords = classifier.lexicon.review.map { String(String.UnicodeScalarView($0)) }
        func isReview(_ text: String) -> Bool { reviewWords.contains { text.contains($0) } }
        func utf8(_ words: WordList) -> [[UInt8]] { words.map { Array(String(String.UnicodeScalarView($0)).utf8) } }
        let reviewOpeners = utf8(classifier.lexicon.review)
        let clauseEndings = utf8(classifier.lexicon.reviewClauseEndings)
        let planOpeners = utf8(classifier.lexicon.planOpeners)
        let reviewSections = outline.sections.map { isReview(document.text($0.heading)) }
        let reviewSubsections = outline.subsections.map { isReview(document.text($0.heading)) }
        // A sentence that opens a look back (过去一年，全县上下……) starts a review that runs to
        // the end of its paragraph, or until a sentence turns to what comes (今年，……). Read on
        // the UTF-8 bytes: every sentence of a corpus passes here.
        var reviewSentences = [Bool](repeating: false, count: outline.sentences.count)
        document.bytes.withUnsafeBufferPointer { bytes in
            func opens(_ words: [[UInt8]], _ range: Range<Int>) -> Bool {
                words.contains { UTF8Scanning.matches($0, in: bytes, at: range.lowerBound, end: range.upperBound) }
            }
            // 过去一年，…… opens with a review word; 今年以来，…… has a first clause of at most
            // twelve characters that ends looking back.
            func opensReview(_ range: Range<Int>) -> Bool {
                if opens(reviewOpeners, range) { return true }
                var i = range.lowerBound
                var characters = 0
                while i < range.upperBound, characters <= 12 {
                    if bytes[i] == 0x2C || (i + 2 < range.upperBound && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C) {
                        return clauseEndings.contains { i - $0.count >= range.lowerBound && UTF8Scanning.matches($0, in: bytes, at: i - $0.count, end: i) }
                    }
                    if bytes[i] & 0xC0 != 0x80 { characters += 1 }
                    i += 1
                }
                return false
            }
            var lookingBack = false
            var paragraph = -1
            for (index, sentence) in outline.sentences.enumerated() {
                if sentence.paragraph != paragraph { paragraph = sentence.paragraph; lookingBack = false }
                if opensReview(sentence.range) { lookingBack = true } else if opens(planOpeners, sentence.range) { lookingBack = false }
                reviewSentences[index] = lookingBack
            }
        }
        inReview = outline.sentences.indices.map { index in
            let sentence = outline.sentences[index]
            return (sentence.section.map { reviewSections[$0] } ?? false)
                || (sentence.subsection.map { reviewSubsections[$0] } ?? false)
                || reviewSentences[index]
        }
        verdicts = outline.sentences.indices.map { [inReview] index in
            let sentence = outline.sentences[index]
            let leads = sentence.point.map { outline.points[$0].sentences.lowerBound == index } ?? false
            return classifier.classify(document.text(sentence.range), leadsPoint: leads, inReview: inReview[index])
        }
    }
}
