/// Finds who a directive is addressed to: the subject before its cue, the actor named after
/// 请 or 由, the parties of a 由A牵头，B、C配合 assignment (docs/analysis.md, "Actors").
///
/// An actor is a noun phrase that is one of `[actor-words]` (我们, 全县上下) or ends in one
/// of `[actor-heads]` (局, 委, 部门, 队, 书记) — but not in one of `[not-actor]` (厕所, 大局).
final class ActorFinder: Sendable {
    typealias Text = [Unicode.Scalar]
    let lexicon: AnalysisLexicon
    /// Words that end an actor's noun phrase when they follow it: `[actor-followers]`, action
    /// verbs and adverbs, role words and cues.
    private let phraseEnders: WordList
    /// Words an action opens with: a phrase that starts with one is no actor.
    private let actionOpeners: WordList
    /// Cue words that no actor's name holds (必须, 一定要).
    private let cueWords: WordList
    /// 牵头, 负责, 配合 …: the words that give a party its role.
    let roleWords: WordList
    /// The last characters of every head and actor word: a phrase ending in none of them is
    /// no actor, which settles most candidates at once.
    private let actorEndings: ScalarSet
    /// The deadline of each task.
    let deadlines: DeadlineFinder
    /// What may stand between an actor and its verb without naming anyone: `[actor-trailing]`
    /// and adverbs.
    private let dismissibleWords: [Text]
    /// How far before its cue an actor may begin, in characters: an actor stands next to its
    /// cue, and a limit keeps a long sentence without punctuation linear.
    static let reach = 80
    /// How many clauses back an earlier clause may name the actor.
    static let clausesBack = 4

    init(lexicon: AnalysisLexicon) {
        self.lexicon = lexicon
        let enders: [WordList] = [lexicon.actorFollowers, lexicon.actionVerbs, lexicon.actionAdverbs, lexicon.mannerAdverbs, lexicon.roleLead,
                                  lexicon.roleResponsible, lexicon.roleCooperate, lexicon.strong, lexicon.planCues, lexicon.commitment]
        phraseEnders = WordList(enders.flatMap(\.words))
        let openers: [WordList] = [lexicon.actionVerbs, lexicon.actionAdverbs, lexicon.mannerAdverbs, lexicon.modal, lexicon.strong, lexicon.planCues]
        actionOpeners = WordList(openers.flatMap(\.words))
        cueWords = lexicon.strong
        roleWords = WordList(lexicon.roleLead.words + lexicon.roleResponsible.words + lexicon.roleCooperate.words)
        actorEndings = ScalarSet((lexicon.actorHeads.words + lexicon.actorWords.words).compactMap(\.last))
        deadlines = DeadlineFinder(lexicon: lexicon)
        dismissibleWords = lexicon.actorTrailing.words + lexicon.actionAdverbs.words + lexicon.mannerAdverbs.words
    }

    // MARK: The primary actor

    /// The actor a cue addresses, with its role: the actor its shape names (请X, X将), else
    /// the subject of the cue's clause, else an actor stated in an earlier clause of the
    /// sentence. The role is `lead` when 牵头 follows.
    func actor(of cue: DirectiveClassifier.Cue, in text: Text, clauses: [Int]) -> (String, TaskRole)? {
        var after = cue.index + cue.word.count + (cue.actor?.unicodeScalars.count ?? 0)
        // 请法律事务部积极协助: the role word may follow an adverb.
        while let adverb = lexicon.actionAdverbs.first(at: after, in: text) { after += adverb.count }
        func follows(_ words: WordList) -> Bool {
            words.first(at: after, in: text) { !lexicon.clauseFinalRoles.contains($0) || endsClause(text, at: after + $0.count) } != nil
        }
        let role: TaskRole = follows(lexicon.roleLead) ? .lead : follows(lexicon.roleCooperate) ? .cooperate : .responsible
        if let actor = cue.actor { return (actor, role) }
        let start = DirectiveClassifier.clauseStart(containing: cue.index, in: clauses)
        let subject = Array(text[max(start, cue.index - Self.reach)..<cue.index])
        if let actor = cleanActor(subject) { return (actor, role) }
        // 严禁各医疗机构违规开展……: a prohibition names whom it binds after itself.
        if stripped(subject).isEmpty, lexicon.actorAfterCue.contains(cue.word),
           let actor = actorOpening(text, at: cue.index + cue.word.count, addressee: true) {
            return (actor, .responsible)
        }
        // A subject that is a topic — time, adverbs, or those who 的 (能当场调解的要当场调解) —
        // leaves the actor to an earlier clause.
        if isDismissible(stripped(subject)) || subject.last == "的", let actor = earlierActor(text, before: start, clauses: clauses) {
            return (actor, role)
        }
        return nil
    }

    /// The actors of a list, each named in full: 发展改革和统计局、住建局 → both; 各区县党委、
    /// 政府 → 各区县党委, 各区县政府 (a bare head shares the first member's modifier).
    func members(of actor: String) -> [String] {
        var parts = Self.listMembers(Array(actor.unicodeScalars))
        // 林业站和各村 are two parties when each half names one.
        parts = parts.flatMap { part -> [Text] in
            for joiner in lexicon.actorJoiners {
                if let at = DirectiveClassifier.occurrences(of: joiner, in: part).first {
                    let halves = [Array(part[..<at]), Array(part[(at + joiner.count)...])]
                    if halves.allSatisfy(isActor) { return halves }
                }
            }
            return [part]
        }
        guard let first = parts.first else { return [] }
        // Only a head of two characters or more is shared (党委 → 政府), by a modifier that names
        // a place or a group (各区县): 医院、银行 are two names, not 医院 and 医银行.
        let firstHead = lexicon.actorHeads.first { $0.count >= 2 && first.count > $0.count && Array(first.suffix($0.count)) == $0 }
        let modifier = firstHead.map { Array(first.dropLast($0.count)) } ?? []
        let members = parts.enumerated().map { k, part in
            if k > 0, !modifier.isEmpty, lexicon.actorHeads.contains(part), !lexicon.actorWords.contains(part) {
                return modifier + part
            }
            return part
        }
        // 新闻、出版、广播、电视等部门 names one group of offices, not 新闻 and 出版.
        guard members.allSatisfy(isActor) else { return [actor] }
        return members.map(DirectiveClassifier.string)
    }

    /// An actor stated in an earlier clause of the same sentence, nearest first: a clause
    /// that is an actor with an appositive (我们这样一个农业大县，必须……; 市住建局作为
    /// 行业主管部门，对……，要……) or that opens with an actor and goes on with its own verb
    /// (各村通过上门等方式逐户通知，决不能……). Prepositional and time clauses are skipped.
    func earlierActor(_ text: Text, before clauseStart: Int, clauses: [Int]) -> String? {
        // The subject of a clause is stated at most a few clauses before it; looking no
        // further keeps a sentence of thousands of clauses linear.
        let here = DirectiveClassifier.clausesUpTo(clauseStart - 1, in: clauses)
        for start in clauses[max(0, here - Self.clausesBack)..<here].reversed() {
            var end = DirectiveClassifier.clauseEnd(startingAt: start, in: clauses, count: text.count)
            while end > start, DirectiveClassifier.isClauseDelimiter(text[end - 1]) || text[end - 1].isWhitespace { end -= 1 }
            let clause = Array(text[start..<end])
            if lexicon.adverbialOpeners.matches(at: 0, in: clause) { continue }
            // A clause that assigns a role (市应急管理局、市水利局参与) names its own parties.
            if roleWords.occurrences(in: clause).contains(where: { i, word in !DirectiveClassifier.insideWord(i, word, lexicon.notRole, clause) }) {
                continue
            }
            if let actor = cleanActor(clause) { return actor }
            if let be = clause.firstIndex(of: "是"), be > 0 {
                var subject = Array(clause[..<be])
                while let last = subject.last, "就也都正更才还".unicodeScalars.contains(last) { subject.removeLast() }
                if let actor = cleanActor(subject) { return actor }
            }
            if let actor = actorOpening(clause, at: 0) { return actor }
        }
        return nil
    }

    // MARK: Assignments

    /// Who is assigned what: 由X牵头 / X牵头 / X负责 / A、B、C配合 … in the sentence, one
    /// assignment per actor, in text order.
    func assignments(in text: Text, clauses: [Int], counts: (Int) -> Bool, sentenceDeadline: Deadline?) -> [Assignment] {
        var found: [(position: Int, assignment: Assignment)] = []
        let roles: [(TaskRole, WordList)] = [(.lead, lexicon.roleLead), (.responsible, lexicon.roleResponsible), (.cooperate, lexicon.roleCooperate)]
        var taken = Set<Int>()
        func assign(_ actor: String, _ role: TaskRole, at position: Int, actionFrom: Int) {
            found.append((position, task(actor, role, actionFrom: actionFrom, in: text, sentenceDeadline: sentenceDeadline)))
        }
        for (role, words) in roles {
            do {
                for (i, word) in words.occurrences(in: text)
                where counts(i) && !taken.contains(i) && !DirectiveClassifier.insideWord(i, word, lexicon.notRole, text)
                    && (!lexicon.clauseFinalRoles.contains(word) || endsClause(text, at: i + word.count)) {
                    // The subject runs back to the clause's start or 由; 、 joins several actors.
                    var start = i
                    while start > max(0, i - Self.reach), !DirectiveClassifier.isClauseDelimiter(text[start - 1]), text[start - 1] != "由" { start -= 1 }
                    let subject = Array(text[start..<i])
                    var position = start
                    var any = false
                    var pieces: [String] = []
                    for piece in Self.listMembers(subject) {
                        var words = piece
                        // 县自然资源局要牵头、各乡镇配合: a member with its own role word is another party.
                        if roleWords.appears(in: words) {
                            pieces.removeAll()
                            continue
                        }
                        // 市生态环境局、市农业农村局要积极配合: the actors stand before the modal.
                        if let modal = lexicon.modal.firstOccurrence(in: words, where: { _ in true })?.index {
                            words.removeLast(words.count - modal)
                        }
                        if let actor = cleanActor(words) { pieces.append(actor) } else { pieces.removeAll() }
                    }
                    for actor in members(of: pieces.joined(separator: "、")) where !actor.isEmpty {
                        assign(actor, role, at: position, actionFrom: i + word.count)
                        position += 1
                        any = true
                    }
                    if any { for k in i..<(i + word.count) { taken.insert(k) } }
                }
            }
        }
        // 由包村干部逐户登记: 由 and an actor that acts with no role word.
        for start in clauses where DirectiveClassifier.hasPrefix(["由"], text, at: start) && !DirectiveClassifier.hasPrefix(["由", "于"], text, at: start) {
            guard let actor = actorOpening(text, at: start + 1) else { continue }
            let after = start + 1 + actor.unicodeScalars.count
            if found.contains(where: { $0.position >= start && $0.position <= after }) { continue }
            assign(actor, .responsible, at: start + 1, actionFrom: after)
        }
        return found.sorted { $0.position < $1.position }.map(\.assignment)
    }

    /// One task: the actor in its role, the action from `actionFrom` on, and the first time
    /// limit of that action — else the sentence's (县住建局要在6月底前排查，县交通局要在9月底前
    /// 整改 gives each its own).
    func task(_ actor: String, _ role: TaskRole, actionFrom: Int, in text: Text, sentenceDeadline: Deadline?) -> Assignment {
        let action = action(text, after: actionFrom)
        let deadline = deadlines.first(in: Array(action.unicodeScalars)) ?? sentenceDeadline
        return Assignment(actor: actor, role: role, action: action, deadline: deadline)
    }

    /// Whether a clause ends at `index`: 综合执法中队和各村协同， (a role) but not 协同推进 (a manner).
    private func endsClause(_ text: Text, at index: Int) -> Bool {
        index >= text.count || DirectiveClassifier.isClauseDelimiter(text[index]) || SentenceEnd.isClosing(text[index])
    }

    /// What the assignment asks for: the rest of the sentence after the role word, without
    /// further role words and without the clause naming the cooperating parties
    /// (由A牵头，B、C配合，6月底前完成…… → 6月底前完成……); the whole sentence when nothing follows.
    func action(_ text: Text, after index: Int) -> String {
        var start = index
        var moved = true
        while moved, start < text.count {
            moved = false
            if "，,、：:".unicodeScalars.contains(text[start]) || text[start].isWhitespace {
                start += 1
                moved = true
            } else if let word = roleWords.first(at: start, in: text) {
                // 牵头负责、…: the further role words are not the action.
                start += word.count
                moved = true
            } else {
                // A clause that only names parties and their role: 县财政局、县住建局配合，
                var end = start
                while end < text.count, !DirectiveClassifier.isClauseDelimiter(text[end]) { end += 1 }
                let clause = Array(text[start..<end])
                if end < text.count, let word = roleWords.first(endingAt: clause.count, in: clause, where: { clause.count > $0.count }),
                   cleanActor(Array(clause.dropLast(word.count)).split(separator: "、").first.map(Array.init) ?? []) != nil {
                    start = end
                    moved = true
                }
            }
        }
        return DirectiveClassifier.string(start < text.count ? Array(text[start...]) : text)
    }

    // MARK: Noun phrases

    /// The actor that opens the text at `index` (after 请, 由, 希望, or at a clause's
    /// start): the shortest actor followed by a word that ends a noun phrase, with further
    /// actors joined by 、 (请各区县、各部门于……).
    func actorOpening(_ text: Text, at index: Int, addressee: Bool = false) -> String? {
        var end = index + 2
        var longest: Text?
        var candidates = 0
        while end <= min(text.count, index + 20) {
            // Only a phrase that ends like an actor (or in a parenthesis) is worth a look.
            let last = text[end - 1]
            guard actorEndings.contains(last) || last == "）" || last == ")" else {
                end += 1
                continue
            }
            let candidate = Array(text[index..<end])
            if isActor(candidate) {
                if endsNounPhrase(text, at: end) {
                    if end < text.count, text[end] == "、", let more = actorOpening(text, at: end + 1, addressee: addressee) {
                        return DirectiveClassifier.string(candidate) + "、" + more
                    }
                    return DirectiveClassifier.string(candidate)
                }
                // For the fallback below only names whose every member names one count:
                // 各医疗机构违规开展过度检查、开具大处 is no second candidate.
                let members = Self.listMembers(candidate)
                if members.count == 1 || members.allSatisfy(isActor) {
                    longest = candidate
                    candidates += 1
                }
            }
            end += 1
        }
        // 希望大家齐心协力: no known word follows, but 大家 is one of the actor words. Right after
        // 请 or 严禁, where an addressee must stand, a single candidate is it too (请各新闻单位
        // 开设专栏) — unless a preposition or 的 inside shows it is no name (以任何名义对企业).
        return longest.flatMap { candidate in
            let single = addressee && candidates == 1 && !candidate.contains("的") && !lexicon.adverbialOpeners.appears(in: candidate)
            return single || lexicon.actorWords.contains(candidate) ? DirectiveClassifier.string(candidate) : nil
        }
    }

    private func endsNounPhrase(_ text: Text, at index: Int) -> Bool {
        guard index < text.count else { return true }
        let c = text[index]
        // 各县（市、区）政府: a parenthesis continues the name.
        if c == "（" || c == "(" { return false }
        if !c.isIdeograph { return true }
        return phraseEnders.matches(at: index, in: text)
    }

    /// A subject phrase reduced to the actor it names, or nil when it names none.
    func cleanActor(_ phrase: Text) -> String? {
        var words = stripped(phrase.count > Self.reach ? Array(phrase.suffix(Self.reach)) : phrase)
        guard !words.isEmpty else { return nil }
        // 节假日期间各区县 / 原则上县级领导: a time or condition phrase before the actor. A
        // one-character ending (前, 后) is tried only when the whole phrase names no actor:
        // 前进村, 后备干部 are names.
        func afterTimePhrase(longEndingsOnly: Bool) -> String? {
            for k in 1..<words.count where lexicon.leadingTimeEndings.first(endingAt: k, in: words, where: { $0.count > 1 || !longEndingsOnly }) != nil {
                if let actor = core(Array(words[k...])) { return actor }
            }
            return nil
        }
        if let actor = afterTimePhrase(longEndingsOnly: true) { return actor }
        for appositive in lexicon.actorAppositive {
            if let at = DirectiveClassifier.occurrences(of: appositive, in: words).first, at > 0 { words = Array(words[..<at]) }
        }
        // 医院、车站、银行等窗口单位: the parties are the ones listed before 等.
        if let etc = words.lastIndex(of: "等"), etc > 0, etc + 1 < words.count {
            let listed = Array(words[..<etc])
            let members = Self.listMembers(listed)
            if members.count > 1, isActor(listed), members.allSatisfy(isActor) { words = listed }
        }
        let whole = words
        // 县委设立的各党组: the actor follows the last 的 — unless 的 ends a time phrase
        // after the actor (大家在外面跑的时候也要……).
        if let lastDe = words.lastIndex(of: "的"), lastDe + 1 < words.count { words = Array(words[(lastDe + 1)...]) }
        let afterDe = whole.count - words.count
        let deEndsTime = afterDe > 0 && isDismissible(Array(whole.suffix(words.count)))
        return core(words) ?? (deEndsTime ? core(whole) : nil) ?? afterTimePhrase(longEndingsOnly: false)
    }

    /// The phrase without whitespace and without leading conjunctions and time words.
    private func stripped(_ phrase: Text) -> Text {
        var words = phrase.filter { !$0.isWhitespace }
        while let lead = lexicon.actorLeading.first(at: 0, in: words, where: { words.count > $0.count }) {
            words.removeFirst(lead.count)
        }
        return words
    }

    /// The actor a cleaned phrase names: the phrase itself, or its longest opening actor
    /// when what follows is only adverbs and time (县级领导每季度至少, 包村干部汛期期间).
    private func core(_ words: Text) -> String? {
        if isActor(words) { return DirectiveClassifier.string(words) }
        // An actor is at most 20 characters and what may follow it at most about 16.
        var k = min(words.count - 1, 60)
        guard words.count - k <= 16 else { return nil }
        while k >= 2, words.count - k <= 16 {
            if isActor(Array(words[..<k])), isDismissible(Array(words[k...])) { return DirectiveClassifier.string(Array(words[..<k])) }
            k -= 1
        }
        return nil
    }

    /// Empty, or only `[actor-trailing]` words and a time phrase: nothing that names anyone.
    func isDismissible(_ tail: Text) -> Bool {
        var rest = tail
        var changed = true
        while changed, !rest.isEmpty {
            changed = false
            // 都, 还是, 至少 …, and manner adverbs (各分公司积极参与).
            for word in dismissibleWords {
                if Self.hasSuffix(word, rest) { rest.removeLast(word.count); changed = true }
                if DirectiveClassifier.hasPrefix(word, rest, at: 0) { rest.removeFirst(word.count); changed = true }
            }
        }
        if rest.isEmpty { return true }
        guard rest.count <= 10 else { return false }
        return lexicon.timeOpenings.matches(at: 0, in: rest) || lexicon.timeEndings.endsText(rest)
    }

    /// Whether a phrase names an actor by itself.
    func isActor(_ words: Text) -> Bool {
        // Up to 20 characters an actor, and a list of actors joined by 、 up to 60.
        guard (2...60).contains(words.count), words.first != "、", words.last != "、" else { return false }
        // 各乡镇（街道）: the head is read before a closing parenthetical.
        let named = Self.withoutClosingParenthetical(words)
        guard let last = named.last, actorEndings.contains(last) else { return false }
        let members = Self.listMembers(words)
        if words.count > 20, members.count < 2 || members.contains(where: { $0.count > 20 }) { return false }
        // Cheapest tests first: most candidate phrases end in no head at all.
        let isWord = lexicon.actorWords.contains(words)
        guard isWord || lexicon.actorHeads.first(endingAt: named.count, in: named, where: { named.count > $0.count || $0.count >= 2 }) != nil,
              words.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) || "、（）()".unicodeScalars.contains($0) }),
              Self.parenthesesBalance(words)
        else { return false }
        if isWord { return true }
        // A phrase that opens with a verb (强化部门协同) or a cue (要定期检查各部门) is an
        // action, and one that holds the copula (股份制是……一种企业) a judgement: no actor.
        // 由 inside says who fills a post (网格长一般由村“两委”成员担任), no name holds it.
        if actionOpeners.matches(at: 0, in: words)
            || words.contains("是") || words.contains("了") || words.contains("由") { return false }
        // Nor is a prepositional phrase (对各级政府, 在农村) or one that holds a cue
        // (我们必须……坚持以经济建设为中心 ends in 中心, but orders).
        if lexicon.adverbialOpeners.matches(at: 0, in: words) { return false }
        if cueWords.appears(in: words) { return false }
        return !lexicon.notActor.endsText(named)
    }

    /// The members of a list joined by 、, leaving 、 inside parentheses alone:
    /// 各县（市、区）政府、市水利局 → 各县（市、区）政府, 市水利局.
    static func listMembers(_ words: Text) -> [Text] {
        var members: [Text] = [[]]
        var depth = 0
        for c in words {
            switch c {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            default: break
            }
            if c == "、", depth == 0 { members.append([]) } else { members[members.count - 1].append(c) }
        }
        return members
    }

    static func withoutClosingParenthetical(_ words: Text) -> Text {
        guard let last = words.last, last == "）" || last == ")", let open = words.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 else { return words }
        return Array(words[..<open])
    }

    static func parenthesesBalance(_ words: Text) -> Bool {
        var depth = 0
        for c in words {
            if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth -= 1 }
            if depth < 0 || depth > 1 { return false }
        }
        return depth == 0
    }

    /// Whether `text` ends with `word`, without copying either.
    static func hasSuffix(_ word: Text, _ text: Text) -> Bool {
        DirectiveClassifier.hasPrefix(word, text, at: text.count - word.count)
    }
}
