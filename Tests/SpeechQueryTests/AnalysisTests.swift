import Foundation
import Testing
@testable import SpeechQuery

@Suite("Directive rules on team-written sentences")
struct DirectiveRuleTests {
    @Test(arguments: [
        "各乡镇要把播种面积落实到村。",                 // modal 要
        "我们必须清醒地看到困难。",                     // 必须
        "千万不要掉以轻心。",                           // prohibition
        "不能只看数字，还要看质量。",                   // clause-initial 不能
        "坚持问题导向，补齐短板。",                     // verb-first
        "进一步压实各方责任。",                         // adverb-first
        "这项工作由应急办牵头。",                       // assignment
        "对照清单，逐项抓好落实，确保按期完成。",       // verb-first in a later clause
    ])
    func directives(_ sentence: String) {
        #expect(verdict(sentence).isDirective, "\(sentence): \(verdict(sentence).reasons)")
    }

    @Test(arguments: [
        "主要任务是部署春耕生产，确保粮食稳产。",       // assessment with 是
        "去年粮食总产达到12.5万吨。",                   // description
        "推动产业升级，是实现高质量发展的必由之路。",   // copula after a verb-first clause
        "市指挥部发布命令，各卡点必须于今日撤除。",     // reported order
        "这就意味着我们必须后移防线。",                 // consequence
        "他说：“要抓紧。”",                              // quotation
        "如果防控不力，就会前功尽弃。",                 // condition and consequence
        "加强了基础设施建设。",                         // completed action (了)
        "只要思想不滑坡，办法总比困难多。",             // 只要 is not the modal
        "这是一项重要工作，也是主要任务。",             // 重要, 主要
        "居民收入稳步增长。",                           // goal state
    ])
    func notDirectives(_ sentence: String) {
        #expect(!verdict(sentence).isDirective, "\(sentence): \(verdict(sentence).reasons)")
    }

    @Test func reviewsOfPastWorkReportRatherThanInstruct() {
        #expect(!verdict("一是扎实推进农业生产。", leadsPoint: true, inReview: true).isDirective)
        #expect(verdict("一是扎实推进农业生产。", leadsPoint: true, inReview: false).isDirective)
        #expect(!verdict("坚持稳中求进，经济运行平稳。", inReview: true).isDirective)
        // A modal still instructs inside a review.
        #expect(verdict("我们要清醒地看到不足。", inReview: true).isDirective)
    }

    @Test func actorsAndRoles() {
        #expect(verdict("这项工作由市场监督管理局牵头，尽快制定方案。").actor == "市场监督管理局")
        #expect(verdict("这项工作由市场监督管理局牵头，尽快制定方案。").role == .lead)
        #expect(verdict("工业和科技创新委要牵好头，协调解决问题。").role == .lead)
        #expect(verdict("但我们仍然要坚定目标不动摇。").actor == "我们")
        #expect(verdict("县委设立的各党组要及时报告工作。").actor == "各党组")
        #expect(verdict("各级党员领导干部尤其是四大班子领导要带头讲政治。").actor == "各级党员领导干部")
        #expect(verdict("工业和科技创新委等要制定方案。").actor == "工业和科技创新委")
        #expect(verdict("米面油等生活必需品必须保障供应。").actor == nil)
        #expect(verdict("各项具体工作要出腿见泥。").actor == nil)
        let tasks = verdict("由县领导牵头负责、各相关部门共同参与，加强总体谋划。").assignments
        #expect(tasks.map(\.actor) == ["县领导", "各相关部门"])
        #expect(tasks.map(\.role) == [.lead, .cooperate])
        let shared = verdict("发展改革和统计局、住建局要认真研究政策。").assignments
        #expect(shared.map(\.actor) == ["发展改革和统计局", "住建局"])
        #expect(shared.allSatisfy { $0.action == "认真研究政策。" })
        #expect(verdict("几位企业负责人作了表态发言。").assignments.isEmpty)
    }

    @Test func reasonsNameTheRules() {
        #expect(verdict("各乡镇要抓好春耕。").reasons == ["modal 要"])
        #expect(verdict("坚持问题导向。").reasons == ["verb-first 坚持"])
        #expect(verdict("市指挥部发布命令，卡点必须撤除。").reasons == ["必须 reported after 命令"])
    }

    @Test func theLexiconIsExtendedByAFile() throws {
        let sentence = "抢抓农时，不误春耕。"
        #expect(!verdict(sentence).isDirective)
        let extended = AnalysisLexicon.standard.adding(Array("[action-verbs]\n抢抓\n".utf8))
        #expect(DirectiveClassifier(lexicon: extended).classify(sentence, leadsPoint: false, inReview: false).isDirective)
        #expect(AnalysisLexicon.unknownLists(in: Array("[verbs]\n抢抓\n".utf8)) == ["verbs"])
    }
}

@Suite("Formulations and placeholders")
struct FormulationPlaceholderTests {
    @Test(arguments: ["两个责任", "三个支撑点", "四个意识", "三严三保", "两防五到位", "六稳", "三农"])
    func formulationShapes(_ phrase: String) {
        #expect(FormulationFinder.isFormulation(phrase))
    }

    @Test(arguments: ["最后一张纸", "最后一厘米", "一盘棋", "二传手", "半拉子", "回头看", "三", "三个"])
    func notFormulations(_ phrase: String) {
        #expect(!FormulationFinder.isFormulation(phrase))
    }

    @Test func repeatedTextIsReportedOncePerRun() {
        let paragraph = "各乡镇要把春耕生产各项措施落实到村、到户、到田块，确保不误农时。"
        let doc = document("标题\n一、部分\n\(paragraph)\n另一段内容不同，讲的是防汛准备工作，各部门要提前部署。\n\(paragraph)\n短句。\n")
        let repeats = DocumentChecks.repeats(doc)
        #expect(repeats.map(\.message) == ["a paragraph repeats earlier text word for word (first seen at line 3)"])
        #expect(doc.line(at: repeats[0].offset) == 5)
    }

    @Test func placeholderSites() {
        let doc = document("标题\n一、部分\n20XX年X月，XX县召开会议，×××同志讲话。\n某某局要落实**项措施。XML格式和Xinhua不是占位。3×4不是。\n")
        #expect(PlaceholderFinder.find(in: doc).map(\.text) == ["20XX", "X", "XX", "×××", "某某", "**"])
    }
}

/// The acceptance standard of the analysis: the reference speech against its gold annotation.
@Suite("Analysis of the reference speech", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct ReferenceAnalysisTests {
    let doc: Document
    let corpus: Corpus

    init() throws {
        doc = try loadDocument(SharedCorpus.referenceSpeech.path)
        corpus = Corpus(documents: [doc])
    }

    @Test func directivesAndActorsAgainstTheGold() throws {
        let gold = try GoldSentence.load()
        #expect(gold.count == doc.outline.sentences.count)
        var truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0
        var actorsRight = 0, goldActors = 0, leadsRight = 0, goldLeads = 0
        var mistakes: [String] = []
        for (index, expected) in gold.enumerated() {
            let verdict = corpus.verdict(document: 0, sentence: index)
            switch (expected.directive, verdict.isDirective) {
            case (true, true): truePositive += 1
            case (false, true): falsePositive += 1; mistakes.append("FP line \(expected.line): \(verdict.reasons) \(expected.sentence)")
            case (true, false): falseNegative += 1; mistakes.append("FN line \(expected.line): \(verdict.reasons) \(expected.sentence)")
            case (false, false): trueNegative += 1
            }
            if !expected.actor.isEmpty {
                goldActors += 1
                if verdict.actor == expected.actor { actorsRight += 1 } else { mistakes.append("actor line \(expected.line): gold \(expected.actor), got \(verdict.actor ?? "none")") }
            }
            if expected.role == "lead" {
                goldLeads += 1
                if verdict.role == .lead { leadsRight += 1 }
            }
        }
        let precision = Double(truePositive) / Double(max(1, truePositive + falsePositive))
        let recall = Double(truePositive) / Double(max(1, truePositive + falseNegative))
        let actorAccuracy = Double(actorsRight) / Double(max(1, goldActors))
        print("""
        directive confusion table (reference speech, \(gold.count) sentences)
                        gold yes  gold no
          speechq yes   \(String(truePositive).leftPadded(8))  \(String(falsePositive).leftPadded(7))
          speechq no    \(String(falseNegative).leftPadded(8))  \(String(trueNegative).leftPadded(7))
        precision \(String(format: "%.3f", precision))  recall \(String(format: "%.3f", recall))  actors \(actorsRight)/\(goldActors) (\(String(format: "%.1f", actorAccuracy * 100))%)  leads \(leadsRight)/\(goldLeads)
        """)
        for mistake in mistakes { print("  " + mistake) }
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
        #expect(actorAccuracy >= 0.90)
        #expect(leadsRight == goldLeads)
    }

    @Test func allTenFormulationsAndNoFalseOnes() {
        let found = FormulationFinder.find(in: doc, lexicon: corpus.classifier.lexicon).map(\.text)
        #expect(Set(found) == ["两个责任", "三个支撑点", "四个防控", "三严三保", "两防五到位", "六稳", "三农", "四个意识", "四个自信", "两个维护"])
        #expect(!found.contains("最后一张纸") && !found.contains("最后一厘米"))
    }

    @Test func everyPlaceholderSite() {
        let sites = PlaceholderFinder.find(in: doc)
        #expect(sites.map(\.text) == ["X", "X", "X", "X", "X", "X", "XX", "XX"])
        #expect(sites.map { doc.line(at: $0.range.lowerBound) } == [7, 7, 7, 7, 7, 11, 25, 25])
    }

    @Test func checksOfTheSpeechAsWritten() {
        let findings = DocumentChecks.run(doc)
        #expect(!findings.contains { $0.check == "numbering" && $0.level == .warning })
        #expect(findings.contains { $0.check == "announced-count" && $0.level == .ok })
        #expect(findings.filter { $0.check == "residue" }.map(\.message) == ["residue line: 下一篇:在安全生产约谈会上的讲话"])
        #expect(findings.filter { $0.check == "placeholder" }.count == 8)
    }

    @Test func theReportThatHoldsItselfTwice() throws {
        let report = try loadDocument(SharedCorpus.reports.appendingPathComponent("1991政府工作报告_李鹏.txt").path)
        let repeats = DocumentChecks.run(report).filter { $0.check == "repeat" }
        #expect(repeats.first.map { report.line(at: $0.offset) } == 160)
        #expect(repeats.first?.message == "23 paragraphs repeat earlier text word for word (first seen at line 12)")
    }

    @Test func checksAfterDeletingTheThirdSectionsHeading() throws {
        let text = try String(contentsOf: SharedCorpus.referenceSpeech, encoding: .utf8)
        let damaged = text.components(separatedBy: "\n").filter { !$0.hasPrefix("三、加强生态环境保护") }.joined(separator: "\n")
        let findings = DocumentChecks.run(document(damaged, name: "damaged"))
        let numbering = findings.filter { $0.check == "numbering" }
        #expect(numbering.map(\.message) == ["section 四、 comes after section 二、: section 三、 is missing"])
        #expect(numbering.first?.level == .warning)
        let count = try #require(findings.first { $0.check == "announced-count" })
        #expect(count.level == .warning)
        #expect(count.message == "“讲四点” announces 4, but the speech has 3 sections")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
