/// A time limit stated for a task: 6月底前, 3月15日前, 年内, 三季度末前, 汛期前, 10日内.
///
/// `text` is the phrase as written (what an inspection ledger quotes); the month, day and
/// year it names, where it names one, let `normalized(speechDate:)` give an ISO date.
public struct Deadline: Sendable, Equatable {
    public var text: String
    /// 2025 in 2025年6月底前; 明年 and 今年 are kept as offsets from the speech's year.
    var year: Int?
    var yearOffset = 0
    /// The month that ends the limit: 6 for 6月底前, 9 for 三季度末前, 12 for 年内.
    var month: Int?
    var day: Int?
    /// 本月底前 (0), 下月底前 (1): a month counted from the speech's.
    var monthsAfterSpeech: Int?
    /// 年内, 年底前: the limit is a year, with no month said.
    var yearLevel = false

    /// The deadline as ISO 8601: `YYYY-MM-DD` for a date, `YYYY-MM` for a month (月底前,
    /// 三季度末前, 年内 → December), `--MM-DD` / `--MM` when the year is not known, empty when
    /// the limit is an event (汛期前, 节前), a duration (10日内) or recurs (每月5日前).
    ///
    /// Without a year in the text the speech's year is used, and a month already past at
    /// the speech's date belongs to the next year: a December conference's 6月底前 is next June.
    public func normalized(speechDate: String?) -> String {
        guard month != nil || monthsAfterSpeech != nil || yearLevel else { return "" }
        let speechYear = speechDate.flatMap { Int($0.prefix(4)) }
        let speechMonth = speechDate.flatMap { $0.count >= 7 ? Int($0.dropFirst(5).prefix(2)) : nil }
        var y = year ?? speechYear.map { $0 + yearOffset }
        let m: Int
        if let offset = monthsAfterSpeech {
            guard let sm = speechMonth else { return "" }
            m = (sm - 1 + offset) % 12 + 1
            if sm + offset > 12 { y = y.map { $0 + 1 } }
        } else if let month {
            m = month
            // A month earlier in the year than the speech itself is next year's.
            if year == nil, yearOffset == 0, let sy = speechYear, let sm = speechMonth, m < sm { y = sy + 1 }
        } else {
            m = 12  // 年内, 年底前: the speech's year (or the one the text names), as 12月底前 is.
        }
        let monthDay = Self.twoDigits(m) + (day.map { "-" + Self.twoDigits($0) } ?? "")
        return y.map { String($0) + "-" + monthDay } ?? "--" + monthDay
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Finds the first deadline in a sentence. Works on the sentence's scalars, as the
/// classifier does.
struct DeadlineFinder: Sendable {
    typealias Text = [Unicode.Scalar]

    /// Events a task may be due before: 汛期前, 春节前, 开学前 (`[deadline-events]`). Longest first.
    let events: [Text]
    /// The characters other than numerals that can open a deadline: 年内, 今年, 明年, 本年,
    /// 上半年, 半年, 第三季度, 每月, 下月底, and the first character of each event.
    let starters: ScalarSet

    init(lexicon: AnalysisLexicon) {
        events = lexicon.deadlineEvents.words
        starters = ScalarSet(["年", "今", "明", "本", "上", "半", "第", "每", "下"] + events.compactMap(\.first))
    }

    /// The finder over the shipped lexicon.
    static let standard = DeadlineFinder(lexicon: .standard)

    /// What follows the number of a deadline: 月, 年, 季(度), 日, 号, 天, 周, 小(时), 个(月), 点, 时.
    static let timeUnits: ScalarSet = ["月", "年", "季", "日", "号", "天", "周", "小", "个", "点", "时"]
    /// What may follow 前 in a deadline without making another word (前期, 前列, 前置).
    static let notAfterQian: ScalarSet = ["期", "列", "沿", "提", "景", "途", "面", "往", "进", "后", "置", "线", "端", "移"]
    /// What makes 节 part of another word (环节前, 季节前): then 节前 is no deadline.
    static let notBeforeJie: ScalarSet = ["环", "季", "细", "关", "章", "礼", "情", "调", "音", "时", "气", "名", "枝", "晚", "过", "小", "脱", "衔"]
    /// Words that end a deadline: 前, 之前, 以前, 为止, 止.
    static let limitWords: [Text] = ["之前", "以前", "为止", "前", "止"].map { Array($0.unicodeScalars) }

    func first(in text: Text) -> Deadline? {
        var i = 0
        while i < text.count {
            // Most characters cannot open a deadline; test the forms only where one can.
            // …and no form starts inside a number: a long run of digits is passed over once.
            guard Self.isNumeral(text[i]) || starters.contains(text[i]), i == 0 || !(Self.isNumeral(text[i]) && Self.isNumeral(text[i - 1])) else {
                i += 1
                continue
            }
            // A number opens a deadline only when a unit of time follows it (6月, 2025年,
            // 三季度, 10日, 48小时, 两个月): 6.5%, 一是, 三个支撑点 are passed over at once.
            if Self.isNumeral(text[i]), !starters.contains(text[i]) {
                var j = i
                while j < text.count, Self.isNumeral(text[j]) { j += 1 }
                guard j < text.count, Self.timeUnits.contains(text[j]) else {
                    i = j
                    continue
                }
            }
            if let found = Self.dated(text, at: i) ?? Self.yearly(text, at: i) ?? Self.quarterly(text, at: i) ?? event(text, at: i)
                ?? Self.duration(text, at: i) ?? Self.daily(text, at: i) {
                return found
            }
            i += 1
        }
        return nil
    }

    // MARK: Forms

    /// [YYYY年|明年|今年] M月 [D日|底|末|上旬|中旬|下旬] 前 — or M月底 with no 前.
    private static func dated(_ text: Text, at start: Int) -> Deadline? {
        var deadline = Deadline(text: "")
        var i = start
        if has("每月", text, at: i) {
            // 每月5日前: a limit that recurs, with no single date.
            guard let (d, afterDay) = number(text, at: i + 2), (1...31).contains(d), afterDay < text.count,
                  text[afterDay] == "日" || text[afterDay] == "号", let end = limit(text, at: afterDay + 1, strict: false)
            else { return nil }
            return Deadline(text: String(String.UnicodeScalarView(text[start..<end])))
        }
        if let (y, after) = number(text, at: i), after - i == 4, after < text.count, text[after] == "年" {
            deadline.year = y
            i = after + 1
        } else if let offset = relativeYear(text, at: i) {
            deadline.yearOffset = offset
            i += 2
        } else if start > 0, isNumeral(text[start - 1]) || text[start - 1] == "每" {
            return nil  // inside a longer number, or 每月
        }
        guard let (m, afterMonth) = number(text, at: i), (1...12).contains(m), afterMonth < text.count, text[afterMonth] == "月" else { return nil }
        deadline.month = m
        i = afterMonth + 1
        if i < text.count, text[i] == "份" { i += 1 }
        var endOfMonth = false
        if let (d, afterDay) = number(text, at: i), (1...31).contains(d), afterDay < text.count, text[afterDay] == "日" || text[afterDay] == "号" {
            deadline.day = d
            i = afterDay + 1
        } else if i < text.count, text[i] == "底" || text[i] == "末" {
            endOfMonth = true
            i += 1
        } else if i + 1 < text.count, ["上", "中", "下"].contains(text[i]), text[i + 1] == "旬" {
            i += 2
        }
        // 5月底前提交: after a month, 前 always closes the limit (前提 is no word here).
        if let end = limit(text, at: i, strict: false) {
            i = end
        } else if !endOfMonth {
            return nil
        }
        deadline.text = String(String.UnicodeScalarView(text[start..<i]))
        return deadline
    }

    /// 年底前, 年内, 年底, 年末, 上半年 — with a year or 今年/明年 before, or none.
    private static func yearly(_ text: Text, at start: Int) -> Deadline? {
        var deadline = Deadline(text: "", yearLevel: true)
        var i = start
        if let (y, after) = number(text, at: i), after - i == 4, after < text.count, text[after] == "年" {
            deadline.year = y
            i = after
        } else if let offset = relativeYear(text, at: i) {
            deadline.yearOffset = offset
            i += 1  // onto the 年 of 今年, 明年
        } else if start > 0, isNumeral(text[start - 1]) || ["去", "近", "多", "每", "全", "当", "新", "往", "同"].contains(text[start - 1]) {
            return nil  // 三年内 is a duration, 去年底 is past, 全年 is not a limit
        }
        // 2025年上半年, 明年上半年, 今年年底前: the year is named before the half or the end.
        if i > start, i < text.count, text[i] == "年", has("上半年", text, at: i + 1) || has("年", text, at: i + 1) { i += 1 }
        if has("上半年", text, at: i) || has("半年", text, at: i) {
            // 去年上半年 is past: a half-year right after 年 belongs to the year before it.
            if i == start, start > 0, text[start - 1] == "年" { return nil }
            deadline.yearLevel = false
            deadline.month = 6
            let end = i + (has("上半年", text, at: i) ? 3 : 2)
            // 上半年完成 needs no 前: the half-year is the limit. 半年 alone needs 内 or 前.
            guard let after = limit(text, at: end) ?? (has("内", text, at: end) ? end + 1 : nil) ?? (has("上半年", text, at: i) ? end : nil)
            else { return nil }
            deadline.text = String(String.UnicodeScalarView(text[start..<after]))
            return deadline
        }
        guard i < text.count, text[i] == "年" else { return nil }
        var j = i + 1
        if has("度", text, at: j) { j += 1 }
        if has("内", text, at: j) {
            j += 1
        } else if has("底", text, at: j) || has("末", text, at: j) {
            j += 1
            j = limit(text, at: j) ?? j
        } else if has("前", text, at: j), deadline.year == nil, deadline.yearOffset == 0 {
            return nil  // 年前 is an event (before the New Year): see `event`
        } else {
            return nil
        }
        deadline.text = String(String.UnicodeScalarView(text[start..<j]))
        return deadline
    }

    /// 三季度末前, 第一季度末, 二季度前.
    private static func quarterly(_ text: Text, at start: Int) -> Deadline? {
        guard start == 0 || text[start - 1] != "每" else { return nil }
        var i = start
        // 明年一季度前, 2025年三季度末: the year may come first.
        var year: Int?, yearOffset = 0
        if let offset = relativeYear(text, at: i) {
            yearOffset = offset
            i += 2
        } else if let (y, after) = number(text, at: i), after - i == 4, after < text.count, text[after] == "年" {
            year = y
            i = after + 1
        }
        if has("第", text, at: i) { i += 1 }
        guard let (q, after) = number(text, at: i), (1...4).contains(q), has("季度", text, at: after) else { return nil }
        var j = after + 2
        if has("末", text, at: j) || has("底", text, at: j) {
            j += 1
            j = limit(text, at: j) ?? j
        } else if has("内", text, at: j) {
            j += 1
        } else if let end = limit(text, at: j) {
            j = end
        } else {
            return nil
        }
        var deadline = Deadline(text: String(String.UnicodeScalarView(text[start..<j])))
        deadline.month = q * 3
        deadline.year = year
        deadline.yearOffset = yearOffset
        return deadline
    }

    /// 汛期前, 春节前, 节前, 本月底前.
    private func event(_ text: Text, at start: Int) -> Deadline? {
        for word in events where Self.has(word, text, at: start) {
            let end = start + word.count
            // 本学期内, 本月内: a current period closes with 内 as well as with 前.
            let within = word.first == "本" && Self.has("内", text, at: end) ? end + 1 : nil
            guard let after = Self.limit(text, at: end) ?? within else { continue }
            // 环节前期, 三年前: the word is part of a longer one.
            if start > 0, word.count == 1, text[start - 1].isIdeograph,
               (word == ["年"] ? !["在", "于", "到", "赶"].contains(text[start - 1]) : Self.notBeforeJie.contains(text[start - 1])) { return nil }
            if start > 0, Self.isNumeral(text[start - 1]) { return nil }
            if word == Array("月底".unicodeScalars), start > 0, text[start - 1] == "每" || text[start - 1] == "下" {
                // 每月底前 recurs and has no date; 下月底前 is the month after the speech's.
                var deadline = Deadline(text: String(String.UnicodeScalarView(text[(start - 1)..<after])))
                if text[start - 1] == "下" { deadline.monthsAfterSpeech = 1 }
                return deadline
            }
            var deadline = Deadline(text: String(String.UnicodeScalarView(text[start..<after])))
            if word == Array("本月底".unicodeScalars) || word == Array("月底".unicodeScalars) { deadline.monthsAfterSpeech = 0 }
            return deadline
        }
        return nil
    }

    /// 每天下午6点前, 每日18时前: a limit that recurs every day, with no date.
    private static func daily(_ text: Text, at start: Int) -> Deadline? {
        guard has("每天", text, at: start) || has("每日", text, at: start) else { return nil }
        var i = start + 2
        for part in ["上午", "下午", "晚上", "早上", "中午"] where has(part, text, at: i) { i += 2 }
        guard let (hour, after) = number(text, at: i), (0...24).contains(hour), after < text.count, text[after] == "点" || text[after] == "时" else { return nil }
        i = after + 1
        if has("半", text, at: i) { i += 1 }
        guard let end = limit(text, at: i, strict: false) else { return nil }
        return Deadline(text: String(String.UnicodeScalarView(text[start..<end])))
    }

    /// 10日内, 一周内, 两个月内, 3个工作日内.
    private static func duration(_ text: Text, at start: Int) -> Deadline? {
        guard start == 0 || !isNumeral(text[start - 1]), let (_, after) = number(text, at: start) else { return nil }
        for unit in ["个工作日", "个小时", "小时", "个月", "天", "日", "周", "个星期"] {
            let word = Array(unit.unicodeScalars)
            if has(word, text, at: after), has("内", text, at: after + word.count) {
                return Deadline(text: String(String.UnicodeScalarView(text[start..<(after + word.count + 1)])))
            }
        }
        return nil
    }

    // MARK: Pieces

    /// The end of 前, 之前, 以前, 为止 or 止 at `index`, when it closes a limit.
    private static func limit(_ text: Text, at index: Int, strict: Bool = true) -> Int? {
        for word in limitWords where has(word, text, at: index) {
            let end = index + word.count
            if strict, word.last == "前", end < text.count, notAfterQian.contains(text[end]) { return nil }
            return end
        }
        return nil
    }

    /// 今年 (0) or 明年 (1) at `index`.
    private static func relativeYear(_ text: Text, at index: Int) -> Int? {
        if has("明年", text, at: index) { return 1 }
        if has("今年", text, at: index) || has("本年", text, at: index) { return 0 }
        return nil
    }

    /// Arabic (half- or full-width) or Chinese digits at `index`: 12, １２, 十二, 二〇二五.
    static func number(_ text: Text, at index: Int) -> (Int, Int)? {
        guard index < text.count else { return nil }
        var i = index
        var value = 0
        while i < text.count, let d = arabicDigit(text[i]) {
            // No part of a date has more than four digits; a longer run (an account number) is none.
            guard i - index < 6 else { return nil }
            value = value * 10 + d
            i += 1
        }
        if i > index { return (value, i) }
        // Chinese numerals: 十二, 二〇二五.
        var reading = ChineseNumeral.Reading()
        while i < text.count, i - index < 8, reading.take(text[i].value) { i += 1 }
        return i > index ? (reading.value, i) : nil
    }

    private static func arabicDigit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: Int(c.value - 0x30)
        case 0xFF10...0xFF19: Int(c.value - 0xFF10)
        default: nil
        }
    }

    private static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        arabicDigit(c) != nil || ChineseNumeral.isDigitScalar(c.value)
    }

    private static func has(_ word: String, _ text: Text, at index: Int) -> Bool {
        guard index >= 0, index < text.count else { return false }
        var i = index
        for scalar in word.unicodeScalars {
            guard i < text.count, text[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private static func has(_ word: Text, _ text: Text, at index: Int) -> Bool {
        DirectiveClassifier.hasPrefix(word, text, at: index)
    }
}
