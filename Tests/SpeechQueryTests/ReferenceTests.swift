import Testing
@testable import SpeechQuery

@Suite("References")
struct ReferenceTests {
    @Test(arguments: ["county-speech", "county-speech:sec2", "county-speech:sec2.pt3", "county-speech:sec1.para2.sen3",
                      "report:opening.para1", "report:closing.para1.sen2", "r:sec3.sub1.pt2", "r:subtitle2", "r:residue1", "a:b:sec1"])
    func printsWhatItParses(text: String) throws {
        let reference = try #require(Reference(parsing: text))
        #expect(reference.description == text)
    }

    @Test(arguments: ["", ":sec1", "doc:sec", "doc:sec0", "doc:section1", "doc:sec1..pt1", "doc:sec-1", "doc:sec１"])
    func rejectsMalformedReferences(text: String) {
        #expect(Reference(parsing: text) == nil)
    }

    @Test func nodesOfTheFixtureHaveReferencesThatResolveBack() throws {
        let doc = try loadDocument(Fixture.path("river-county.txt"))
        #expect(doc.reference(section: 1).description == "river-county:sec2")
        #expect(doc.reference(subsection: 1).description == "river-county:sec2.sub2")
        #expect(doc.reference(point: 4).description == "river-county:sec2.sub2.pt2")
        #expect(doc.reference(paragraph: 0).description == "river-county:opening.para1")
        let closingSentence = doc.outline.sentences.count - 1
        #expect(doc.reference(sentence: closingSentence).description == "river-county:closing.para1.sen2")
        let allSentenceReferences = doc.outline.sentences.indices.map { doc.reference(sentence: $0).description }
        #expect(Set(allSentenceReferences).count == allSentenceReferences.count)
        #expect(allSentenceReferences.allSatisfy { Reference(parsing: $0)?.description == $0 })
    }
}
