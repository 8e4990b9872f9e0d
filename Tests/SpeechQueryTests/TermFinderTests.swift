import Foundation
import Testing
@testable import SpeechQuery

@Suite("Terms without a dictionary")
struct TermFinderTests {
    static func runs(_ text: String, lexicon: AnalysisLexicon = .standard) -> IdeographRuns {
        TermFinder.runs([(Array(text.utf8), [0..<text.utf8.count])], lexicon: lexicon)
    }

    static func terms(_ text: String, lexicon: AnalysisLexicon = .standard, minimumCount: Int = 2) -> [FoundTerm] {
        TermFinder.terms(in: runs(text, lexicon: lexicon), lexicon: lexicon, minimumCount: minimumCount)
    }

    /// A term in many contexts, as a speech repeats its key phrase; the verbs and nouns
    /// around it vary, and each occurs often enough to be measured.
    static let speech: String = {
        let before = ["推动", "实现", "坚持", "促进", "引领", "保障", "服务", "奋力", "聚焦", "支撑"]
        let after = ["。", "，", "新局面。", "取得成效。", "迈出步伐。", "要求。", "目标。", "大局。", "道路。", "理念。"]
        var text = ""
        for (k, word) in before.enumerated() {
            text += word + "高质量发展" + after[k] + "\n"
            text += word + "基础设施" + after[(k + 3) % after.count] + "\n"
        }
        return text
    }()

    /// A stretch whose every occurrence lies in longer terms that add one character on the
    /// same side is their part, though no one of them holds it most of the time.
    @Test func aPartOfSeveralTermsIsNoTerm() {
        func term(_ text: String, _ count: Int) -> FoundTerm {
            FoundTerm(text: text, characters: text.unicodeScalars.count, count: count, cohesion: 9, leftEntropy: 1, rightEntropy: 1, isListed: false)
        }
        let kept = TermFinder.withoutNestedTerms([term("部地区", 13), term("西部地区", 6), term("中部地区", 4), term("东部地区", 3), term("地区发展", 5)])
        #expect(kept.map(\.text) == ["西部地区", "中部地区", "东部地区", "地区发展"])
        // Extensions covering less than four fifths leave the stretch a term of its own.
        let shared = TermFinder.withoutNestedTerms([term("部地区", 13), term("西部地区", 6), term("中部地区", 4)])
        #expect(shared.map(\.text).contains("部地区"))
    }

    /// Seen once, a stretch has no neighbours to be judged by: `min 1` does not make every
    /// stretch of a text a term.
    @Test func aStretchSeenOnceIsNoTerm() {
        let found = Self.terms("各地要抓好安全生产和防汛抗旱。明年要推进乡村振兴。", minimumCount: 1)
        #expect(found.allSatisfy { $0.count >= 2 || $0.isListed })
    }

    @Test func aRecurringUnitIsFoundAndItsFragmentsAreNot() {
        let found = Self.terms(Self.speech).map(\.text)
        #expect(found.contains("高质量发展"))
        #expect(found.contains("基础设施"))
        // Fragments: one neighbour on a side (质量发, 量发展), or always inside the term (高质量).
        for fragment in ["质量发", "量发展", "高质量", "质量发展", "础设施"] { #expect(!found.contains(fragment), "\(fragment)") }
        let term = Self.terms(Self.speech).first { $0.text == "高质量发展" }!
        #expect(term.count == 10 && term.characters == 5 && !term.isListed)
        #expect(term.leftEntropy! > 2 && term.rightEntropy! > 2)
        // Short text: PMI is capped at log2(characters / count), and the parts always go together.
        #expect(term.cohesion! > 3)
    }

    /// Function characters never begin or end a term, and one next to a stretch marks its
    /// edge; 的 and 了 break the text as punctuation does.
    @Test func stopwordsStayOffTheEdges() {
        var text = ""
        for word in ["加强", "完善", "健全", "落实", "压实", "强化"] {
            text += "要\(word)安全生产责任制。我们把安全生产放在首位，在安全生产的工作中。\(word)了安全生产和\(word)的\n"
        }
        let found = Self.terms(text).map(\.text)
        #expect(found.contains("安全生产"))
        for term in found {
            for function in ["的", "了", "和", "是", "在", "要", "把", "我们"] {
                #expect(!term.hasPrefix(function) && !term.hasSuffix(function), "\(term)")
            }
            #expect(!term.contains("的") && !term.contains("了"), "\(term)")
        }
    }

    /// A not-stopword lets a term begin with a stopword's character: 和谐 in 和谐社会.
    @Test func notStopwordsAreContent() {
        var text = ""
        for word in ["构建", "建设", "促进", "维护", "推动", "走向"] { text += "\(word)和谐社会，\n" }
        #expect(Self.terms(text).map(\.text).contains("和谐社会"))
    }

    @Test func figuresAreNotTerms() {
        var text = ""
        for word in ["早在", "回顾", "到了", "自从", "直到"] { text += "\(word)一九五四年。\(word)一百九十万，\(word)十一五期间。\n" }
        let found = Self.terms(text).map(\.text)
        #expect(!found.contains { $0.contains("九五四") || $0.contains("百九十") }, "\(found)")
        #expect(found.contains("十一五") || found.contains("十一五期间"), "\(found)")
    }

    /// The user's terms are counted whole; nothing is counted inside or across them.
    @Test func listedTermsAreKeptWhole() throws {
        let lexicon = AnalysisLexicon.standard.adding(Array("[terms]\n质量发\n".utf8))
        let found = Self.terms(Self.speech, lexicon: lexicon)
        let listed = try #require(found.first { $0.text == "质量发" })
        #expect(listed.isListed && listed.count == 10 && listed.cohesion == nil)
        #expect(!found.contains { !$0.isListed && $0.text.contains("质量") }, "\(found.map(\.text))")
        #expect(found.contains { $0.text == "基础设施" })
    }

    /// Extra stopwords from a lexicon file keep a word off the edges.
    @Test func stopwordsAreExtendedByALexicon() {
        let lexicon = AnalysisLexicon.standard.adding(Array("[stopwords]\n基础\n".utf8))
        #expect(!Self.terms(Self.speech, lexicon: lexicon).contains { $0.text.hasPrefix("基础") })
    }

    @Test func aPartOfOneLongerTermIsDropped() {
        func term(_ text: String, _ count: Int) -> FoundTerm {
            FoundTerm(text: text, characters: text.unicodeScalars.count, count: count, cohesion: 6, leftEntropy: 2, rightEntropy: 2, isListed: false)
        }
        let kept = TermFinder.withoutNestedTerms([term("高质量发展", 9), term("高质量", 10), term("经济社会", 10), term("经济社会发展", 5)]).map(\.text)
        #expect(kept == ["高质量发展", "经济社会", "经济社会发展"])
    }

    /// The table's counts are the naive counts, for every length, on generated text; rare
    /// n-grams are left out, frequent ones are exact.
    @Test(arguments: [1, 2, 3])
    func nGramCountsAreExact(minimumCount: Int) {
        var random = SplitMix(state: UInt64(minimumCount))
        let alphabet = Array("发展改革安全生产，。")
        let text = String((0..<3000).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        let runs = IdeographRuns([(Array(text.utf8), [0..<text.utf8.count])])
        let table = NGramTable(runs, maximumLength: 5, minimumCount: minimumCount)
        let pieces = text.split(whereSeparator: { $0 == "，" || $0 == "。" }).map { Array($0) }
        for length in 1...5 {
            var naive: [String: Int] = [:]
            for piece in pieces where piece.count >= length {
                for start in 0...(piece.count - length) { naive[String(piece[start..<start + length]), default: 0] += 1 }
            }
            var counted: [String: Int] = [:]
            for (id, count) in table.counts[length - 1].enumerated() where Int(count) >= minimumCount {
                counted[runs.text(at: Int(table.firstPositions[length - 1][id]), length: length)] = Int(count)
            }
            #expect(counted == naive.filter { $0.value >= minimumCount }, "length \(length)")
        }
    }

    @Test func keyness() {
        #expect(abs(Keyness.logLikelihood(10, in: 1000, 30, in: 1000) - 10.465) < 0.001)
        #expect(abs(Keyness.logLikelihood(0, in: 5000, 6, in: 5000) - 8.318) < 0.001)
        #expect(Keyness.logLikelihood(5, in: 1000, 5, in: 1000) == 0)
        #expect(abs(Keyness.logRatio(10, in: 1000, 30, in: 1000)! - log2(3)) < 1e-9)
        // A zero count is taken as half an occurrence.
        #expect(abs(Keyness.logRatio(0, in: 5000, 6, in: 5000)! - log2(12)) < 1e-9)
        #expect(Keyness.logRatio(1, in: 0, 1, in: 10) == nil)
    }
}
