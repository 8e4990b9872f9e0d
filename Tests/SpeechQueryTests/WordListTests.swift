import Testing
@testable import SpeechQuery

/// The indexed word lists and scalar sets the classifier asks at every character must give
/// the answers of the plain searches they replaced, word for word and scalar for scalar.
@Suite("Indexed word lists and scalar tests")
struct WordListTests {
    typealias Text = [Unicode.Scalar]

    static func text(_ string: String) -> Text { Array(string.unicodeScalars) }

    /// Sentences from the bundled speeches: every lexicon list is asked about each of them.
    static let sentences: [Text] = [
        "各乡镇要把播种面积落实到村，县农业农村局牵头负责，确保6月底前完成。",
        "由县应急管理局牵头，县公安局、县交通运输局配合，主要负责人要亲自抓。",
        "过去一年，全县上下开展了安全生产大检查，不能只看数字，还要看质量。",
        "我们必须清醒地看到，主要任务是部署春耕，确保粮食稳产，希望大家齐心协力。",
        "“要”字当头，必须，务必，决不能，切实加强，进一步压实责任人的责任。",
        "",
        "要",
    ].map(text)

    /// Every list of the shipped lexicon with the searches it replaced.
    static let lists: [(String, WordList)] = AnalysisLexicon.wordLists.map { ($0.name, AnalysisLexicon.standard[keyPath: $0.keyPath]) }

    @Test func firstAtEachPlaceIsTheFirstWordInListOrder() {
        for (name, list) in Self.lists {
            for text in Self.sentences {
                for i in -1...text.count {
                    let expected = list.words.first { DirectiveClassifier.hasPrefix($0, text, at: i) && i < text.count }
                    #expect(list.first(at: i, in: text) == expected, "\(name) at \(i)")
                    #expect(list.all(at: i, in: text) == list.words.filter { DirectiveClassifier.hasPrefix($0, text, at: i) && i < text.count })
                }
                for end in 0...text.count {
                    let expected = list.words.first { end >= $0.count && DirectiveClassifier.hasPrefix($0, text, at: end - $0.count) }
                    #expect(list.first(endingAt: end, in: text) == expected, "\(name) ending at \(end)")
                }
            }
        }
    }

    @Test func occurrencesAreWordByWordInListOrder() {
        for (name, list) in Self.lists {
            for text in Self.sentences {
                let expected = list.words.flatMap { word in DirectiveClassifier.occurrences(of: word, in: text).map { ($0, word) } }
                let found = list.occurrences(in: text)
                #expect(found.map(\.index) == expected.map(\.0) && found.map(\.word) == expected.map(\.1), "\(name)")
                #expect(list.appears(in: text) == !expected.isEmpty, "\(name)")
                let earliest = expected.min { $0.0 < $1.0 }
                #expect(list.firstOccurrence(in: text, where: { _ in true })?.index == earliest?.0, "\(name)")
            }
        }
    }

    /// `firstOccurrence` with a filter on places, against the search it replaced: each word's
    /// first allowed occurrence, the earliest of them, the first word in list order at a tie.
    @Test func firstAllowedOccurrenceIsTheEarliestOfEachWordsFirst() {
        for (name, list) in Self.lists {
            for text in Self.sentences {
                for allowed in [{ (i: Int) in i % 2 == 1 }, { (i: Int) in i > 10 }, { (_: Int) in false }] {
                    var best: (index: Int, word: Text)?
                    for word in list.words {
                        if let i = DirectiveClassifier.occurrences(of: word, in: text).first(where: allowed), i < (best?.index ?? .max) { best = (i, word) }
                    }
                    let found = list.firstOccurrence(in: text, where: allowed)
                    #expect(found?.index == best?.index && found?.word == best?.word, "\(name)")
                }
            }
        }
    }

    /// `covers` against the search it replaced: each longer word, at each offset where the
    /// shorter one stands inside it.
    @Test func coversMatchesTheSearchOverLongerWords() {
        let lexicon = AnalysisLexicon.standard
        for text in Self.sentences {
            for (i, word) in lexicon.strong.occurrences(in: text) + lexicon.modal.occurrences(in: text) {
                for longer in [lexicon.strong, lexicon.notStrong, lexicon.notModal] {
                    let expected = longer.words.contains { candidate in
                        candidate.count > word.count && (0...(candidate.count - word.count)).contains { offset in
                            Array(candidate[offset..<(offset + word.count)]) == word && DirectiveClassifier.hasPrefix(candidate, text, at: i - offset)
                        }
                    }
                    #expect(longer.covers(i, length: word.count, in: text) == expected)
                }
            }
        }
    }

    @Test func membershipIsExact() {
        let list = WordList([Self.text("牵头"), Self.text("负责"), Self.text("负责人")])
        #expect(list.contains(Self.text("负责")))
        #expect(!list.contains(Self.text("负")))
        #expect(!list.contains([]))
    }

    @Test func scalarSetAgreesWithASetOfScalars() {
        let members: [Unicode.Scalar] = ["a", "年", "\u{3000}", "\u{FFFF}", "\u{10000}", "\u{20BB7}"]
        let set = ScalarSet(members)
        for value in [0, 0x61, 0x62, 0x3000, 0x5E74, 0x5E75, 0xFFFF, 0x10000, 0x10001, 0x20BB7, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(set.contains(scalar) == members.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    /// Exhaustive: the fast answers equal the property table's for every scalar.
    @Test func fastPropertiesEqualTheTable() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhitespace != scalar.properties.isWhitespace || scalar.isIdeograph != scalar.properties.isIdeographic {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }
}
