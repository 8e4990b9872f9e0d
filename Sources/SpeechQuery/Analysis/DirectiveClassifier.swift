/// A task's role, as an inspection ledger records it.
public enum TaskRole: String, Sendable, Codable {
    /// 由住建局牵头, 工业和科技创新委要牵好头.
    case lead
    /// 扶贫办要抓紧制定…; 由…负责.
    case responsible
    /// 各相关部门共同参与, 配合, 协助.
    case cooperate
}

/// One assignment inside a directive: who, in what role, to do what.
public struct Assignment: Sendable, Equatable {
    public var actor: String
    public var role: TaskRole
    public var action: String
}

/// What the classifier decided about one sentence, and why.
public struct DirectiveVerdict: Sendable, Equatable {
    public var isDirective: Bool
    /// The rules that fired, in the order they were considered, including those that
    /// overruled a cue (`reported speech after 命令`).
    public var reasons: [String]
    /// The actor named for the directive: the lead of a 由…牵头, else the subject of the modal.
    public var actor: String?
    public var role: TaskRole?
    public var assignments: [Assignment]

    static let none = DirectiveVerdict(isDirective: false, reasons: [], actor: nil, role: nil, assignments: [])
}

/// Classifies body sentences as directives — sentences that instruct, require or exhort
/// someone to act or refrain — by rules a linguist can read (docs/analysis.md):
///
/// 1. A strong cue makes a directive: the modal 要 (outside 主要, 重要, 需要, 要靠 …), 必须,
///    务必, 一定要, 应当, 坚决, 不得, 严禁, 不要, 切忌, a clause opening with 不能, or a
///    牵头/负责 assignment — unless it stands inside a quotation or after a reporting word
///    (命令, 意味着, 指出, 讲，…), where it reports someone else's words or a consequence.
/// 2. Without one, in a review of past work nothing else makes a directive.
/// 3. Otherwise a point's lead sentence is a directive.
/// 4. Otherwise a clause that opens with an action verb or adverb (坚持, 加快, 推进, 切实,
///    进一步 …, not followed by 了 or 过) makes a directive, unless the sentence is an
///    assessment with the copula 是 (推动…，是…的重要举措).
public struct DirectiveClassifier: Sendable {
    public let lexicon: AnalysisLexicon

    public init(lexicon: AnalysisLexicon = .standard) {
        self.lexicon = lexicon
    }

    typealias Text = [Unicode.Scalar]

    public func classify(_ sentence: String, leadsPoint: Bool, inReview: Bool) -> DirectiveVerdict {
        let text = Array(sentence.unicodeScalars)
        let quoted = Self.quotedMask(text)
        let frame = firstOccurrence(of: lexicon.reporting, in: text, where: { !quoted[$0] })
        func counts(_ i: Int) -> Bool { !quoted[i] && (frame.map { i < $0.index } ?? true) }
        var reasons: [String] = []

        // 1. Strong cues.
        var anchor: (index: Int, word: Text)?
        func consider(_ i: Int, _ word: Text, _ reason: String) {
            guard counts(i) else {
                if let frame, !quoted[i] { reasons.append("\(String(String.UnicodeScalarView(word))) reported after \(String(String.UnicodeScalarView(frame.word)))") }
                return
            }
            if anchor == nil || i < anchor!.index { anchor = (i, word) }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        for word in lexicon.strong {
            for i in Self.occurrences(of: word, in: text) where !insideLongerStrong(i, word, text) {
                consider(i, word, "marker \(String(String.UnicodeScalarView(word)))")
            }
        }
        for word in lexicon.modal {
            for i in Self.occurrences(of: word, in: text) where !insideNotModal(i, text) && !insideLongerStrong(i, word, text) {
                consider(i, word, "modal \(String(String.UnicodeScalarView(word)))")
            }
        }
        let clauses = Self.clauseStarts(text)
        for start in clauses {
            for word in lexicon.clauseProhibitions where Self.hasPrefix(word, text, at: start) {
                consider(start, word, "prohibition \(String(String.UnicodeScalarView(word)))")
            }
        }
        let assignments = assignments(in: text, counts: counts)
        if let first = assignments.first { reasons.append("assignment (\(first.role.rawValue))") }
        if anchor != nil || !assignments.isEmpty {
            let actor = primaryActor(text, anchor: anchor, assignments: assignments)
            var tasks = assignments
            if tasks.isEmpty, let (name, role) = actor, let anchor {
                // 发展改革和统计局、住建局要… assigns the work to each of them.
                let action = action(text, after: anchor.index + anchor.word.count)
                tasks = name.split(separator: "、").map { Assignment(actor: String($0), role: role, action: action) }
            }
            return DirectiveVerdict(isDirective: true, reasons: reasons, actor: actor?.0, role: actor?.1, assignments: tasks)
        }

        // 2. A review of past work reports what was done.
        if inReview {
            return DirectiveVerdict(isDirective: false, reasons: reasons + ["review of past work"], actor: nil, role: nil, assignments: [])
        }
        // 3. Point lead sentences.
        if leadsPoint {
            return DirectiveVerdict(isDirective: true, reasons: reasons + ["point lead"], actor: nil, role: nil, assignments: [])
        }
        // 4. Clauses that open with an action verb or adverb.
        var weak: String?
        for start in clauses where counts(start) && weak == nil {
            weak = actionOpening(text, at: start)
        }
        guard let weak else { return DirectiveVerdict(isDirective: false, reasons: reasons, actor: nil, role: nil, assignments: []) }
        if hasCopula(text, quoted: quoted) {
            return DirectiveVerdict(isDirective: false, reasons: reasons + [weak, "assessment with 是"], actor: nil, role: nil, assignments: [])
        }
        return DirectiveVerdict(isDirective: true, reasons: reasons + [weak], actor: nil, role: nil, assignments: [])
    }

    // MARK: Cues

    /// 不要 inside 千万不要, 要 inside 一定要: counted once, as the longer word.
    private func insideLongerStrong(_ i: Int, _ word: Text, _ text: Text) -> Bool {
        insideWord(i, word, lexicon.strong, text)
    }

    /// Whether the `word` at `i` is part of one of `longer` (负责 in 负责人).
    private func insideWord(_ i: Int, _ word: Text, _ longer: [Text], _ text: Text) -> Bool {
        for candidate in longer where candidate.count > word.count {
            for offset in 0...(candidate.count - word.count) where Array(candidate[offset..<(offset + word.count)]) == word {
                if i - offset >= 0, Self.hasPrefix(candidate, text, at: i - offset) { return true }
            }
        }
        return false
    }

    private func insideNotModal(_ i: Int, _ text: Text) -> Bool {
        for word in lexicon.notModal {
            for offset in word.indices where lexicon.modal.contains(where: { Self.hasPrefix($0, word, at: offset) }) {
                if i - offset >= 0, Self.hasPrefix(word, text, at: i - offset) { return true }
            }
        }
        return false
    }

    /// `verb-first 坚持` or `adverb-first 切实` when the clause at `start` opens with one.
    private func actionOpening(_ text: Text, at start: Int) -> String? {
        if lexicon.nonActionOpeners.contains(where: { Self.hasPrefix($0, text, at: start) }) { return nil }
        var i = start
        var adverb: Text?
        while let word = lexicon.actionAdverbs.first(where: { Self.hasPrefix($0, text, at: i) }) {
            adverb = adverb ?? word
            i += word.count
        }
        func completed(_ after: Int) -> Bool { after < text.count && (text[after] == "了" || text[after] == "过") }
        if let verb = lexicon.actionVerbs.first(where: { Self.hasPrefix($0, text, at: i) }), !completed(i + verb.count) {
            return "verb-first \(String(String.UnicodeScalarView(verb)))"
        }
        if let adverb, !completed(i) {
            return "adverb-first \(String(String.UnicodeScalarView(adverb)))"
        }
        return nil
    }

    /// The copula 是 outside 但是, 特别是 … and outside point markers (一是, 二是).
    private func hasCopula(_ text: Text, quoted: [Bool]) -> Bool {
        for i in Self.occurrences(of: ["是"], in: text) where !quoted[i] {
            if i > 0, ChineseNumeral.isDigitScalar(text[i - 1].value) { continue }
            let excluded = lexicon.copulaExclusions.contains { word in
                word.indices.contains { offset in word[offset] == "是" && i - offset >= 0 && Self.hasPrefix(word, text, at: i - offset) }
            }
            if !excluded { return true }
        }
        return false
    }

    // MARK: Actors

    /// Who is assigned what: 由X牵头 / X牵头 / X负责 / X参与 … in the sentence.
    private func assignments(in text: Text, counts: (Int) -> Bool) -> [Assignment] {
        var result: [Assignment] = []
        let roles: [(TaskRole, [Text])] = [(.lead, lexicon.roleLead), (.responsible, lexicon.roleResponsible), (.cooperate, lexicon.roleCooperate)]
        var taken = Set<Int>()
        for (role, words) in roles {
            for word in words {
                for i in Self.occurrences(of: word, in: text) where counts(i) && !taken.contains(i) && !insideWord(i, word, lexicon.notRole, text) {
                    // The subject runs back to the previous delimiter, 由, or the modal.
                    var start = i
                    while start > 0, !Self.isActorDelimiter(text[start - 1]) { start -= 1 }
                    var subject = Array(text[start..<i])
                    if let modal = lexicon.modal.first(where: { subject.count >= $0.count && Array(subject.suffix($0.count)) == $0 }) {
                        subject.removeLast(modal.count)
                    }
                    guard let actor = cleanActor(subject) else { continue }
                    for k in i..<(i + word.count) { taken.insert(k) }
                    result.append(Assignment(actor: actor, role: role, action: action(text, after: i + word.count)))
                }
            }
        }
        return result.sorted { a, b in
            (Self.firstIndex(of: a.actor, in: text) ?? 0) < (Self.firstIndex(of: b.actor, in: text) ?? 0)
        }
    }

    private static func isActorDelimiter(_ c: Unicode.Scalar) -> Bool {
        "，,；;：:、由。".unicodeScalars.contains(c)
    }

    /// The lead of a 由…牵头, else the subject of the first modal when it is an actor.
    private func primaryActor(_ text: Text, anchor: (index: Int, word: Text)?, assignments: [Assignment]) -> (String, TaskRole)? {
        if let lead = assignments.first(where: { $0.role == .lead }) { return (lead.actor, .lead) }
        if let anchor {
            var start = anchor.index
            while start > 0, !"，,；;：:".unicodeScalars.contains(text[start - 1]) { start -= 1 }
            if let actor = cleanActor(Array(text[start..<anchor.index])) {
                let after = anchor.index + anchor.word.count
                let leads = lexicon.roleLead.contains { Self.hasPrefix($0, text, at: after) }
                return (actor, leads ? .lead : .responsible)
            }
        }
        return assignments.first.map { ($0.actor, $0.role) }
    }

    /// A subject phrase reduced to the actor it names, or nil when it names none.
    func cleanActor(_ phrase: Text) -> String? {
        var words = phrase.filter { !$0.properties.isWhitespace }
        var changed = true
        while changed {
            changed = false
            if let lead = lexicon.actorLeading.first(where: { Self.hasPrefix($0, words, at: 0) && words.count > $0.count }) {
                words.removeFirst(lead.count)
                changed = true
            }
        }
        for appositive in lexicon.actorAppositive {
            if let at = Self.occurrences(of: appositive, in: words).first, at > 0 { words = Array(words[..<at]) }
        }
        if let lastDe = words.lastIndex(of: "的"), lastDe + 1 < words.count { words = Array(words[(lastDe + 1)...]) }
        changed = true
        while changed {
            changed = false
            if let trail = lexicon.actorTrailing.first(where: { words.count > $0.count && Array(words.suffix($0.count)) == $0 }) {
                words.removeLast(trail.count)
                changed = true
            }
        }
        guard (2...20).contains(words.count),
              words.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) || $0 == "、" })
        else { return nil }
        // A phrase that opens with a verb (强化部门协同) is an action, not an actor.
        if (lexicon.actionVerbs + lexicon.actionAdverbs).contains(where: { Self.hasPrefix($0, words, at: 0) }) { return nil }
        let isActor = lexicon.actorWords.contains(words)
            || lexicon.actorHeads.contains { words.count > $0.count && Array(words.suffix($0.count)) == $0 }
            || lexicon.actorHeads.contains { words == $0 && $0.count >= 2 }
        return isActor ? String(String.UnicodeScalarView(words)) : nil
    }

    /// What the assignment asks for: the rest of the sentence after the role word, or the
    /// whole sentence when nothing follows.
    private func action(_ text: Text, after index: Int) -> String {
        var start = index
        let roleWords = lexicon.roleLead + lexicon.roleResponsible + lexicon.roleCooperate
        var moved = true
        while moved, start < text.count {
            moved = false
            if "，,、：:".unicodeScalars.contains(text[start]) || text[start].properties.isWhitespace {
                start += 1
                moved = true
            } else if let word = roleWords.first(where: { Self.hasPrefix($0, text, at: start) }) {
                // 牵头负责、…: the further role words are not the action.
                start += word.count
                moved = true
            }
        }
        let rest = start < text.count ? Array(text[start...]) : text
        return String(String.UnicodeScalarView(rest))
    }

    // MARK: Text helpers

    static func hasPrefix(_ word: Text, _ text: Text, at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        for k in 0..<word.count where text[index + k] != word[k] { return false }
        return true
    }

    static func occurrences(of word: Text, in text: Text) -> [Int] {
        guard !word.isEmpty, word.count <= text.count else { return [] }
        return (0...(text.count - word.count)).filter { hasPrefix(word, text, at: $0) }
    }

    static func firstIndex(of word: String, in text: Text) -> Int? {
        occurrences(of: Array(word.unicodeScalars), in: text).first
    }

    private func firstOccurrence(of words: [Text], in text: Text, where allowed: (Int) -> Bool) -> (index: Int, word: Text)? {
        var best: (index: Int, word: Text)?
        for word in words {
            if let i = Self.occurrences(of: word, in: text).first(where: allowed), i < (best?.index ?? .max) { best = (i, word) }
        }
        return best
    }

    /// The start of each clause: the sentence start and the places after ，,；;：:.
    static func clauseStarts(_ text: Text) -> [Int] {
        var starts = [0]
        for (i, c) in text.enumerated() where "，,；;：:".unicodeScalars.contains(c) && i + 1 < text.count {
            starts.append(i + 1)
        }
        return starts.map { start in
            var s = start
            while s < text.count, text[s].properties.isWhitespace { s += 1 }
            return s
        }
    }

    /// True for scalars inside “…”, 「…」, 『…』 or paired straight quotes.
    static func quotedMask(_ text: Text) -> [Bool] {
        var mask = [Bool](repeating: false, count: text.count)
        var depth = 0
        var straight = false
        for (i, c) in text.enumerated() {
            switch c {
            case "“", "「", "『": depth += 1
            case "”", "」", "』": depth = max(0, depth - 1)
            case "\"": straight.toggle()
            default: mask[i] = depth > 0 || straight
            }
        }
        return mask
    }
}
