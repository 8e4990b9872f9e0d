/// A task's role, as an inspection ledger records it.
public enum TaskRole: String, Sendable, Codable {
    /// 由住建局牵头, 工业和科技创新委要牵好头.
    case lead
    /// 扶贫办要抓紧制定…; 由…负责.
    case responsible
    /// 各相关部门共同参与, 配合, 协助.
    case cooperate
}

/// One assignment inside a directive: who, in what role, to do what, by when.
public struct Assignment: Sendable, Equatable {
    public var actor: String
    public var role: TaskRole
    public var action: String
    /// The time limit the assignment states, or the sentence's when it states none.
    public var deadline: Deadline?
}

/// What the classifier decided about one sentence, and why.
public struct DirectiveVerdict: Sendable, Equatable {
    public var isDirective: Bool
    /// The rules that fired, in the order they were considered, including those that
    /// overruled a cue (`reported speech after 命令`).
    public var reasons: [String]
    /// The actor named for the directive: the lead of a 由…牵头, else the subject of the cue.
    public var actor: String?
    public var role: TaskRole?
    public var assignments: [Assignment]
    /// The first time limit the sentence states.
    public var deadline: Deadline?

    static func not(_ reasons: [String]) -> DirectiveVerdict {
        DirectiveVerdict(isDirective: false, reasons: reasons, actor: nil, role: nil, assignments: [], deadline: nil)
    }
}

/// Classifies body sentences as directives — sentences that instruct, require, request or
/// exhort someone to act or refrain — by rules a linguist can read (docs/analysis.md, whose
/// numbering the comments below follow):
///
/// 1. In a review of past work, a sentence that reports what was done (了, 已经) is not a
///    directive, whatever its cues.
/// 2. A strong cue makes a directive: the modal 要, 必须, 务必, 决不能 …; outside a review
///    一律, 力争, 切实 and 确保 opening a later clause; a clause opening with 不能 (not in a
///    maxim); a request 请X / 希望X / 让我们; outside a review a commitment X将…; an assignment
///    由X牵头 / X负责 / X配合 / 由X + verb — unless it is quoted, reported (命令, 意味着 …), an
///    attribute (是……必须扛起的责任), a predicate (态度坚决，) or after the meeting's purpose.
/// 3. In a review, nothing else makes a directive.
/// 4. A point's lead sentence is a directive, unless it names a problem (一是思想认识还不到位).
/// 5. A clause that opens with an action — a verb, an adverb that orders alone, a manner
///    adverb and a verb, an actor and a verb — makes a directive, unless the sentence grants
///    leave, judges (是, 在于, 任务艰巨), describes some of a group or states the meeting's purpose.
public final class DirectiveClassifier: Sendable {
    public let lexicon: AnalysisLexicon
    let actors: ActorFinder
    private let notModalSpans: [(word: Text, offset: Int)]

    public init(lexicon: AnalysisLexicon = .standard) {
        self.lexicon = lexicon
        actors = ActorFinder(lexicon: lexicon)
        notModalSpans = Self.modalSpans(lexicon)
    }

    typealias Text = [Unicode.Scalar]

    /// A cue that makes a sentence a directive: where it stands, the word, and the actor
    /// its shape names (after 请, before 将) when it names one.
    struct Cue {
        var index: Int
        var word: Text
        var actor: String?
    }

    public func classify(_ sentence: String, leadsPoint: Bool, inReview: Bool) -> DirectiveVerdict {
        let text = Array(sentence.unicodeScalars)
        let quoted = Self.quotedMask(text)
        let frame = lexicon.reporting.firstOccurrence(in: text, where: { !quoted[$0] && !speakersOwn($0, in: text) })
        func counts(_ i: Int) -> Bool { !quoted[i] && (frame.map { i < $0.index } ?? true) }
        let clauses = Self.clauseStarts(text)
        let deadline = actors.deadlines.first(in: text)
        var reasons: [String] = []
        // 上个月市创建办开展暗访 reports the past: no clause of it orders by its shape.
        let aboutThePast = lexicon.pastTime.appears(in: text)

        // 1. A review of past work that reports what was done orders nothing now.
        if inReview, reportsDone(text, quoted: quoted) {
            return .not(["review of past work", "reports what was done"])
        }

        // 2. Strong cues.
        // 今天召开这次会议，主要任务是……／就是要……: what the meeting is for, from the purpose on.
        let meetingPurpose = lexicon.meeting.firstOccurrence(in: text, where: { _ in true }).flatMap { meeting in
            lexicon.purpose.firstOccurrence(in: text, where: { $0 > meeting.index })?.index
        }
        var cues: [Cue] = []
        func consider(_ cue: Cue, _ reason: String) {
            guard counts(cue.index) else {
                if let frame, !quoted[cue.index] { reasons.append("\(Self.string(cue.word)) reported after \(Self.string(frame.word))") }
                return
            }
            // 态度坚决，措施具体; 马虎不得。: a cue that ends its clause is a predicate, no order.
            var after = cue.index + cue.word.count
            while after < text.count, text[after].isWhitespace { after += 1 }  // 各乡镇要 加强巡查
            if cue.actor == nil, after < text.count, Self.isClauseDelimiter(text[after]) || SentenceEnd.isClosing(text[after]) {
                if !reasons.contains("predicate \(Self.string(cue.word))") { reasons.append("predicate \(Self.string(cue.word))") }
                return
            }
            if let purpose = meetingPurpose, cue.index >= purpose {
                if !reasons.contains("purpose of the meeting") { reasons.append("purpose of the meeting") }
                return
            }
            if attributive(cue, in: text, clauses: clauses) {
                if !reasons.contains("attributive \(Self.string(cue.word))") { reasons.append("attributive \(Self.string(cue.word))") }
                return
            }
            cues.append(cue)
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        for (i, word) in lexicon.strong.occurrences(in: text)
        where !Self.insideWord(i, word, lexicon.strong, text) && !Self.insideWord(i, word, lexicon.notStrong, text) {
            consider(Cue(index: i, word: word), "marker \(Self.string(word))")
        }
        if !inReview {
            for (i, word) in lexicon.planCues.occurrences(in: text)
            where !Self.insideWord(i, word, lexicon.strong, text) && !Self.insideWord(i, word, lexicon.notStrong, text) {
                consider(Cue(index: i, word: word), "marker \(Self.string(word))")
            }
        }
        for (i, word) in lexicon.modal.occurrences(in: text) where !insideNotModal(i, text) && !Self.insideWord(i, word, lexicon.strong, text) {
            consider(Cue(index: i, word: word), "modal \(Self.string(word))")
        }
        let maxim = lexicon.maxim.appears(in: text)
        for start in clauses {
            for word in lexicon.clauseProhibitions.all(at: start, in: text) {
                if maxim {
                    if !reasons.contains("maxim") { reasons.append("maxim") }
                } else {
                    consider(Cue(index: start, word: word), "prohibition \(Self.string(word))")
                }
            }
        }
        // 确保 opening a later clause states what the order must secure — unless an earlier
        // clause is a copula that it completes (主要任务是部署春耕，确保粮食稳产).
        for start in clauses.dropFirst() where !inReview && Self.hasPrefix(Self.ensure, text, at: start)
            && !completed(text, start + Self.ensure.count) && !hasCopula(Array(text[..<start]), quoted: quoted) {
            consider(Cue(index: start, word: Self.ensure), "确保 in a later clause")
        }
        for cue in requests(text, clauses: clauses) {
            consider(cue, "request \(Self.string(cue.word))")
        }
        // 随着……，我县将……: what a circumstance will bring is a forecast, not a commitment.
        if !inReview, !lexicon.nonActionOpeners.matches(at: 0, in: text) {
            for cue in commitments(text, clauses: clauses) {
                consider(cue, "commitment \(Self.string(cue.word))")
            }
        }
        // In a review a role word reports who did what (群众参与创建的热情不断高涨); it assigns
        // only beside a cue.
        let assignments = inReview && cues.isEmpty ? [] : actors.assignments(in: text, clauses: clauses, counts: counts, sentenceDeadline: deadline)
        if let first = assignments.first { reasons.append("assignment (\(first.role.rawValue))") }
        if !cues.isEmpty || !assignments.isEmpty {
            cues.sort { $0.index < $1.index }
            // Each cue that names its actor adds that actor's task; the first named is the
            // sentence's actor (要深化改革，县委组织部要加强指导 → 县委组织部).
            var tasks = assignments
            var named: [(String, TaskRole)] = []
            for cue in cues {
                guard let (name, role) = actors.actor(of: cue, in: text, clauses: clauses) else { continue }
                named.append((name, role))
                // 发展改革和统计局、住建局要… assigns the work to each of them.
                let actionFrom = cue.index + cue.word.count + (cue.actor?.unicodeScalars.count ?? 0)
                for one in actors.members(of: name) where !tasks.contains(where: { $0.actor == one }) {
                    tasks.append(actors.task(one, role, actionFrom: actionFrom, in: text, sentenceDeadline: deadline))
                }
            }
            // 县委办、县政府办要牵头: co-leads are the actor together.
            let leads = assignments.filter { $0.role == .lead }.map(\.actor)
            let lead = leads.isEmpty ? nil : (leads.joined(separator: "、"), TaskRole.lead)
            // A later clause that opens with an actor and an action is that actor's order
            // too: 安全环保部要修订预案，各分公司每半年至少组织一次演练.
            var clausesWithCues = Set<Int>()
            var nextCue = 0
            for (k, start) in clauses.enumerated() {
                let end = k + 1 < clauses.count ? clauses[k + 1] : text.count
                while nextCue < cues.count, cues[nextCue].index < start { nextCue += 1 }
                if nextCue < cues.count, cues[nextCue].index < end { clausesWithCues.insert(start) }
            }
            for start in clauses.dropFirst() where counts(start) && !aboutThePast && !clausesWithCues.contains(start) {
                guard let (actor, _) = actorThenAction(text, at: start) else { continue }
                for one in actors.members(of: actor) where !tasks.contains(where: { $0.actor == one }) {
                    tasks.append(actors.task(one, .responsible, actionFrom: start + actor.unicodeScalars.count, in: text, sentenceDeadline: deadline))
                }
            }
            // Without a lead or a cue's actor, the parties of the first assignment together
            // (县工信局、县商务局配合做好……).
            let firstGroup = assignments.first.map { first in
                (assignments.prefix { $0.role == first.role && $0.action == first.action }.map(\.actor).joined(separator: "、"), first.role)
            }
            let actor = lead ?? named.first ?? firstGroup
            return DirectiveVerdict(isDirective: true, reasons: reasons, actor: actor?.0, role: actor?.1, assignments: tasks, deadline: deadline)
        }

        // 3. In a review, nothing else.
        if inReview {
            return .not(reasons + ["review of past work"])
        }
        // 4. Point lead sentences, unless they name a problem.
        if leadsPoint {
            let content = PointMarkerPrefix.length(of: text)
            if actionOpening(text, at: content) == nil, let word = lexicon.problem.firstOccurrence(in: text, where: { !quoted[$0] }) {
                return .not(reasons + ["point lead", "names a problem (\(Self.string(word.word)))"])
            }
            return DirectiveVerdict(isDirective: true, reasons: reasons + ["point lead"], actor: nil, role: nil, assignments: [], deadline: deadline)
        }
        // 5. Clauses that open with an action verb or adverb, or with an actor and then one
        // (各乡镇党委每年至少召开一次警示教育大会).
        var weak: (reason: String, clause: Int, actor: String?)?
        for start in clauses where counts(start) && weak == nil {
            if let opening = actionOpening(text, at: start) {
                weak = (opening, start, nil)
            } else if !aboutThePast, let (actor, opening) = actorThenAction(text, at: start) {
                weak = ("actor-first; \(opening)", start, actor)
            }
        }
        guard let weak else { return .not(reasons) }
        if meetingPurpose != nil {
            return .not(reasons + [weak.reason, "purpose of the meeting"])
        }
        // 从机遇看，国家加快建设交通强国，……: weighing the situation, not ordering.
        if analysesTheSituation(text, clauses: clauses) {
            return .not(reasons + [weak.reason, "weighs the situation"])
        }
        // 少数干部畏难情绪重，……主动出击少: a sentence about some of a group describes them.
        if let some = lexicon.describingOpeners.first(at: 0, in: text) {
            return .not(reasons + [weak.reason, "describes \(Self.string(some))…"])
        }
        // Leave granted up to the opening clause (可以, 允许, 鼓励) is no order.
        let clauseEnd = Self.clauseEnd(startingAt: weak.clause, in: clauses, count: text.count)
        if let permission = lexicon.permission.firstOccurrence(in: text, where: { $0 < clauseEnd && !quoted[$0] }) {
            return .not(reasons + [weak.reason, "permission \(Self.string(permission.word))"])
        }
        if hasCopula(text, quoted: quoted) {
            return .not(reasons + [weak.reason, "assessment with 是"])
        }
        if let judgement = lexicon.copulaLike.firstOccurrence(in: text, where: { !quoted[$0] }) {
            return .not(reasons + [weak.reason, "assessment with \(Self.string(judgement.word))"])
        }
        if let ending = judgingEnding(text) {
            return .not(reasons + [weak.reason, "assessment \(ending)"])
        }
        let tasks = weak.actor.map { actor in
            actors.members(of: actor).map { actors.task($0, .responsible, actionFrom: weak.clause + actor.unicodeScalars.count, in: text, sentenceDeadline: deadline) }
        } ?? []
        return DirectiveVerdict(isDirective: true, reasons: reasons + weak.reason.components(separatedBy: "; "), actor: weak.actor, role: weak.actor.map { _ in .responsible },
                                assignments: tasks, deadline: deadline)
    }

    /// Whether the sentence opens with a frame that weighs the situation: 总的看，……, or a first
    /// clause from 从 to 看 (从机遇看，……; 从全省来看，……).
    private func analysesTheSituation(_ text: Text, clauses: [Int]) -> Bool {
        if lexicon.assessmentFrames.matches(at: 0, in: text) { return true }
        guard text.first == "从", clauses.count > 1 else { return false }
        var end = clauses[1] - 1
        while end > 0, Self.isClauseDelimiter(text[end]) || text[end].isWhitespace { end -= 1 }
        return end < 12 && text[end] == "看"
    }

    /// An actor opening the clause, then — past adverbs and time (每年至少) — an action:
    /// the actor's name and the rule that fired (`召开`).
    private func actorThenAction(_ text: Text, at start: Int) -> (String, String)? {
        // 有的区县排查走过场 describes some of them.
        if lexicon.describingOpeners.matches(at: start, in: text) { return nil }
        guard let actor = actors.actorOpening(text, at: start) else { return nil }
        let afterActor = start + actor.unicodeScalars.count
        var i = afterActor
        while i <= min(text.count, afterActor + 8) {
            if let opening = actionOpening(text, at: i), actors.isDismissible(Array(text[afterActor..<i])) {
                return (actor, opening)
            }
            i += 1
        }
        return nil
    }

    static let ensure: Text = Array("确保".unicodeScalars)

    /// A reporting word that frames the speaker's own words, not someone else's: 我要强调，……,
    /// 需要指出的是，……, 总的来说，…….
    private func speakersOwn(_ i: Int, in text: Text) -> Bool {
        if text[max(0, i - 3)..<i].contains("我") { return true }
        let word = lexicon.reporting.first(at: i, in: text) ?? []
        if Self.hasPrefix(["的", "是"], text, at: i + word.count) { return true }
        return i > 0 && text[i - 1] == "来"
    }

    /// A cue inside an attribute of a copula's complement orders nothing: 粮食安全……是我县
    /// 必须扛起的政治责任 — 是 before the cue and 的 after it, in the same clause.
    private func attributive(_ cue: Cue, in text: Text, clauses: [Int]) -> Bool {
        // Within an actor's reach on either side, so a long sentence stays linear.
        let start = max(Self.clauseStart(containing: cue.index, in: clauses), cue.index - ActorFinder.reach)
        var end = cue.index
        let limit = min(text.count, cue.index + ActorFinder.reach)
        while end < limit, !Self.isClauseDelimiter(text[end]), !SentenceEnd.isClosing(text[end]) { end += 1 }
        let after = min(end, cue.index + cue.word.count)
        guard text[after..<end].contains("的") else { return false }
        let before = Array(text[start..<cue.index])
        return hasCopula(before, quoted: [Bool](repeating: false, count: before.count))
    }

    // MARK: Cues

    /// Whether the `word` at `i` is part of one of `longer` (负责 in 负责人).
    static func insideWord(_ i: Int, _ word: Text, _ longer: WordList, _ text: Text) -> Bool {
        longer.covers(i, length: word.count, in: text)
    }

    /// Whether the modal at `i` is part of one of `[not-modal]` (要 in 主要), at a place of
    /// that word where a modal stands.
    private func insideNotModal(_ i: Int, _ text: Text) -> Bool {
        for (word, offset) in notModalSpans where i - offset >= 0 && Self.hasPrefix(word, text, at: i - offset) { return true }
        return false
    }

    /// Each `[not-modal]` word with each place in it where a modal word stands.
    private static func modalSpans(_ lexicon: AnalysisLexicon) -> [(word: Text, offset: Int)] {
        lexicon.notModal.flatMap { word in
            word.indices.filter { lexicon.modal.matches(at: $0, in: word) }.map { (word, $0) }
        }
    }

    /// 请各乡镇……, 希望大家……, 让我们……: a clause that opens with a request word and names
    /// who is asked right after it.
    private func requests(_ text: Text, clauses: [Int]) -> [Cue] {
        clauses.compactMap { start in
            guard let word = lexicon.request.first(at: start, in: text), !lexicon.notRequest.matches(at: start, in: text)
            else { return nil }
            // 让我们 names its actor itself.
            if word.last == "们" { return Cue(index: start, word: word, actor: String(String.UnicodeScalarView(word.suffix(2)))) }
            guard let actor = actors.actorOpening(text, at: start + word.count, addressee: true) else { return nil }
            return Cue(index: start, word: word, actor: actor)
        }
    }

    /// 县财政局将安排……: a named actor, then 将, commits itself to act.
    private func commitments(_ text: Text, clauses: [Int]) -> [Cue] {
        var cues: [Cue] = []
        for (i, word) in lexicon.commitment.occurrences(in: text) where !Self.insideWord(i, word, lexicon.notCommitment, text) {
            let start = Self.clauseStart(containing: i, in: clauses)
            guard i > start, let actor = actors.cleanActor(Array(text[max(start, i - ActorFinder.reach)..<i])) else { continue }
            cues.append(Cue(index: i, word: word, actor: actor))
        }
        return cues
    }

    /// Whether a clause in the sentence reports a completed act: 开展了, 已经.
    private func reportsDone(_ text: Text, quoted: [Bool]) -> Bool {
        lexicon.done.occurrences(in: text).contains { i, word in !quoted[i] && !Self.insideWord(i, word, lexicon.notDone, text) }
    }

    /// A sentence ending that judges what comes before it: 任务艰巨、责任重大.
    private func judgingEnding(_ text: Text) -> String? {
        var end = text.count
        while end > 0, SentenceEnd.isClosing(text[end - 1]) { end -= 1 }
        return lexicon.assessmentEndings.first(endingAt: end, in: text).map(Self.string)
    }

    /// `verb-first 坚持` or `adverb-first 切实` when the clause at `start` opens with one.
    private func actionOpening(_ text: Text, at start: Int) -> String? {
        if lexicon.nonActionOpeners.matches(at: start, in: text) { return nil }
        var i = start
        var adverb: Text?
        var standsAlone = false
        while let (word, alone) = adverbOfManner(text, at: i) {
            adverb = adverb ?? word
            standsAlone = standsAlone || alone
            i += word.count
        }
        // 用好, 管好, 当好 …: a verb of doing well, by its shape.
        let verbHao: Text? = i + 2 < text.count && text[i + 1] == "好" && text[i].isIdeograph
            && !lexicon.notVerbHao.matches(at: i, in: text) ? Array(text[i...(i + 1)]) : nil
        if let verb = lexicon.actionVerbs.first(at: i, in: text) ?? verbHao, !completed(text, i + verb.count) {
            // 稳妥推进: the manner adverb is named with its verb.
            return adverb.map { "adverb-first \(Self.string($0)) \(Self.string(verb))" } ?? "verb-first \(Self.string(verb))"
        }
        // 切实把……, 进一步加大……: these adverbs order on their own; 重点, 有效, 扎扎实实 before a
        // word that is no known verb modify a noun (重点项目进展顺利).
        if let adverb, standsAlone, !completed(text, i) {
            return "adverb-first \(Self.string(adverb))"
        }
        return nil
    }

    /// An adverb of manner at `i`, and whether it orders without a verb after it: one of
    /// `[action-adverbs]` (it does), one of `[manner-adverbs]`, a word ending in 地 (认真地) or a
    /// reduplicated AABB word (扎扎实实) (they need a verb).
    private func adverbOfManner(_ text: Text, at i: Int) -> (Text, Bool)? {
        let adverb = lexicon.actionAdverbs.first(at: i, in: text).map { ($0, true) } ?? lexicon.mannerAdverbs.first(at: i, in: text).map { ($0, false) }
        if let (word, alone) = adverb {
            if i + word.count < text.count, text[i + word.count] == "地" { return (Array(text[i...(i + word.count)]), false) }
            return (word, alone)
        }
        if i + 3 < text.count, text[i] == text[i + 1], text[i + 2] == text[i + 3], text[i] != text[i + 2],
           text[i...(i + 3)].allSatisfy({ $0.isIdeograph }) {
            return (Array(text[i...(i + 3)]), false)
        }
        return nil
    }

    private func completed(_ text: Text, _ after: Int) -> Bool {
        after < text.count && (text[after] == "了" || text[after] == "过")
    }

    /// The copula 是 outside 但是, 特别是, 实事求是 … and outside point markers (一是, 二是).
    private func hasCopula(_ text: Text, quoted: [Bool]) -> Bool {
        for i in Self.occurrences(of: ["是"], in: text) where !quoted[i] {
            if i > 0, ChineseNumeral.isDigitScalar(text[i - 1].value) { continue }
            if !Self.insideWord(i, ["是"], lexicon.copulaExclusions, text) { return true }
        }
        return false
    }

    // MARK: Text helpers

    static func string(_ word: Text) -> String { String(String.UnicodeScalarView(word)) }

    static func hasPrefix(_ word: Text, _ text: Text, at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        for k in 0..<word.count where text[index + k] != word[k] { return false }
        return true
    }

    static func occurrences(of word: Text, in text: Text) -> [Int] {
        guard let first = word.first, word.count <= text.count else { return [] }
        // Compare the first scalar before the word: most positions fail there, and an empty
        // result allocates nothing.
        var found: [Int] = []
        var i = 0
        let last = text.count - word.count
        while i <= last {
            if text[i] == first, hasPrefix(word, text, at: i) { found.append(i) }
            i += 1
        }
        return found
    }

    static func isClauseDelimiter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "；", ";", "：", ":": true
        default: false
        }
    }

    /// How many clause starts are at or before `index` (clauses are in text order: binary search).
    static func clausesUpTo(_ index: Int, in clauses: [Int]) -> Int {
        var low = 0, high = clauses.count
        while low < high {
            let mid = (low + high) / 2
            if clauses[mid] <= index { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The start of the clause that holds `index`.
    static func clauseStart(containing index: Int, in clauses: [Int]) -> Int {
        let k = clausesUpTo(index, in: clauses)
        return k > 0 ? clauses[k - 1] : 0
    }

    /// Where the clause that starts at `start` ends: the next clause's start, or the sentence's end.
    static func clauseEnd(startingAt start: Int, in clauses: [Int], count: Int) -> Int {
        let k = clausesUpTo(start, in: clauses)
        return k < clauses.count ? clauses[k] : count
    }

    /// The start of each clause: the sentence start and the places after ，,；;：:.
    static func clauseStarts(_ text: Text) -> [Int] {
        var starts = [0]
        for (i, c) in text.enumerated() where isClauseDelimiter(c) && i + 1 < text.count {
            starts.append(i + 1)
        }
        // A delimiter followed only by spaces opens no clause (and no index past the end).
        return starts.map { start in
            var s = start
            while s < text.count, text[s].isWhitespace { s += 1 }
            return s
        }.filter { $0 < text.count }
    }

    /// True for scalars inside “…”, 「…」, 『…』 or paired straight quotes. An unpaired last
    /// straight quote opens nothing: it does not mark the rest of the sentence as quoted.
    static func quotedMask(_ text: Text) -> [Bool] {
        var mask = [Bool](repeating: false, count: text.count)
        var depth = 0
        var straight = false
        let straightQuotes = text.indices.filter { text[$0] == "\"" }
        let unpaired = straightQuotes.count % 2 == 1 ? straightQuotes.last : nil
        for (i, c) in text.enumerated() {
            switch c {
            case "“", "「", "『": depth += 1
            case "”", "」", "』": depth = max(0, depth - 1)
            case "\"" where i != unpaired: straight.toggle()
            default: mask[i] = depth > 0 || straight
            }
        }
        return mask
    }
}

/// Sentence-final punctuation and closing marks.
enum SentenceEnd {
    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "；", "!", "?", ";", "”", "’", "」", "』", "）", ")", "…", " ", "\u{3000}", "\t", "\n": true
        default: c.value >= 0x80 && c.value < 0x3000 ? c.isWhitespace : false
        }
    }
}

/// The point marker at the start of a point's lead sentence (一是, 二要, 第三，, 首先，), so
/// the rules can read what follows it.
enum PointMarkerPrefix {
    static func length(of text: [Unicode.Scalar]) -> Int {
        var i = 0
        if i < text.count, text[i] == "第" { i += 1 }
        while i < text.count, ChineseNumeral.isDigitScalar(text[i].value) { i += 1 }
        if i > 0, i < text.count, ["是", "要", "，", ",", "、"].contains(text[i]) { return i + 1 }
        for word in ["首先", "其次", "再次", "最后"] where DirectiveClassifier.hasPrefix(Array(word.unicodeScalars), text, at: 0) {
            let after = 2
            return after < text.count && "，,、".unicodeScalars.contains(text[after]) ? after + 1 : after
        }
        return 0
    }
}
