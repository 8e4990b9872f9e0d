import Testing
@testable import SpeechQuery

/// Sentences assembled at random from the pieces the rules look at — cues, actors, lists,
/// numerals, dates, quotes, punctuation — must classify without a crash, and what the
/// verdict names must stand in the sentence.
@Suite("Classifier invariants on generated sentences")
struct ClassifierInvariantTests {
    static let pieces = [
        "要", "必须", "请", "希望", "让我们", "将", "由", "牵头", "配合", "负责", "、", "，", "；", "：", "。", "“", "”", "\"",
        "各乡镇", "县住建局", "市交通局", "我们", "全县上下", "公共厕所", "一是", "二要", "第三，", "首先", "了", "是", "的",
        "6月底前", "3月15日前", "年内", "三季度末前", "汛期前", "节前", "10日内", "每月5日前", "二○○○年", "十二月",
        "一律", "力争", "确保", "决不能", "宁可", "不可", "鼓励", "可以", "稳妥推进", "扎扎实实", "认真地", "作为", "这样一个",
        "期间", "原则上", "至少", "每季度", "还是", "就是", "实事求是", "任务艰巨", "不到位", "X", " ", "a", "1", "０",
    ]

    @Test func generatedSentencesClassifyConsistently() {
        let classifier = DirectiveClassifier()
        var random = SplitMix(state: 2026)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...24, using: &random)
            let sentence = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let verdict = classifier.classify(sentence, leadsPoint: Bool.random(using: &random), inReview: Bool.random(using: &random))
            if let actor = verdict.actor {
                for member in actor.split(separator: "、") {
                    #expect(sentence.contains(member) || verdict.assignments.contains { $0.actor == member }, "\(sentence): actor \(actor)")
                }
            }
            for task in verdict.assignments {
                #expect(!task.actor.isEmpty && !task.action.isEmpty, "\(sentence)")
                if let deadline = task.deadline { #expect(sentence.contains(deadline.text), "\(sentence): \(deadline.text)") }
            }
            #expect(verdict.isDirective || verdict.assignments.isEmpty, "\(sentence)")
            _ = verdict.deadline?.normalized(speechDate: "2024-12-20")
        }
    }
}

extension ClassifierInvariantTests {
    /// Sentences without an end — thousands of clauses, or tens of thousands of characters
    /// with no punctuation — classify in one pass: actors are looked for near their cue only.
    /// (Before that limit the first of these took minutes.)
    @Test func hugeSentencesDoNotHang() {
        let classifier = DirectiveClassifier()
        let manyClauses = Array(repeating: "要做", count: 8_000).joined(separator: "，") + "。"
        #expect(classifier.classify(manyClauses, leadsPoint: false, inReview: false).isDirective)
        let noPunctuation = String(repeating: "各村要加强", count: 2_000) + "。"
        #expect(classifier.classify(noPunctuation, leadsPoint: false, inReview: false).actor == "各村")
    }
}
