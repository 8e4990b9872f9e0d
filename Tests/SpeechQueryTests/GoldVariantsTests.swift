import Testing
@testable import SpeechQuery

/// The team-written gold speeches as users have them: the same speech saved as Markdown and
/// as a web page must give the outline and the analysis of the plain text.
@Suite("Gold speeches as Markdown and web copies")
struct GoldVariantsTests {
    /// What must not change between copies: the shape of the outline, every body sentence
    /// with its part, and every verdict with its actor and tasks.
    struct Reading: Equatable {
        var sections: [Int]
        var subsections: Int
        var points: Int
        var sentences: [String]
        var parts: [Part]
        var verdicts: [String]

        init(_ doc: Document) {
            let corpus = Corpus(documents: [doc])
            sections = doc.outline.sections.map(\.points.count)
            subsections = doc.outline.subsections.count
            points = doc.outline.points.count
            sentences = doc.sentenceTexts
            parts = doc.outline.sentences.map(\.part)
            verdicts = doc.outline.sentences.indices.map { k in
                let v = corpus.verdict(document: 0, sentence: k)
                return "\(v.isDirective) \(v.actor ?? "-") " + v.assignments.map { "\($0.actor):\($0.role.rawValue)" }.joined(separator: "|")
            }
        }
    }

    @Test(arguments: GoldSpeechTests.speeches)
    func markdownReadsLikeText(_ speech: String) throws {
        let text = try loadDocument(Fixture.path("gold/\(speech)/speech.txt"))
        let markdown = try loadDocument(Fixture.path("gold/\(speech)/speech.md"))
        #expect(markdown.outline.sections.count == text.outline.sections.count)
        #expect(Reading(markdown) == Reading(text))
        #expect(markdown.metadata.title == text.metadata.title)
    }
}

extension GoldVariantsTests {
    /// Footers are residue, a speaker split over two lines is the speaker, and the body is
    /// the same.
    @Test(arguments: GoldSpeechTests.speeches)
    func webCopyReadsLikeText(_ speech: String) throws {
        let text = try loadDocument(Fixture.path("gold/\(speech)/speech.txt"))
        let web = try loadDocument(Fixture.path("gold/\(speech)/speech-web.txt"))
        #expect(Reading(web) == Reading(text))
        #expect(web.metadata.speaker == text.metadata.speaker)
        #expect(web.metadata.date == text.metadata.date)
        #expect(!web.outline.residue.isEmpty)
        #expect(web.outline.paragraphs.last.map { web.text($0.range) } == text.outline.paragraphs.last.map { text.text($0.range) })
    }
}
