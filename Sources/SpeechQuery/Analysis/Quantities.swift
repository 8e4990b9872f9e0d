/// A quantity a sentence states: 6%左右, 1100万人以上, 6.5%至7%, 一千二百万元, 120公里.
public struct Quantity: Sendable, Equatable {
    /// The sentence (index into `Outline.sentences`) and the bytes of the quantity as
    /// written, from its number to its unit and a qualifier after it.
    public var sentence: Int
    public var range: Range<Int>
    public var text: String
    /// The number, with 万, 亿 and the like applied; nil for a placeholder (X%) left unfilled.
    public var value: Double?
    /// The top of a range (6.5%至7% → 7).
    public var high: Double?
    public var unit: String
    /// 左右, 以上, 以内, 以下, 不低于, 不超过, 力争, 至 (a range), 多 …; nil for none.
    public var qualifier: String?
    /// What the quantity measures: the words of its clause before it (国内生产总值增长).
    public var indicator: String
}

/// Whether a quantity is something to reach, something reached, or neither.
public enum QuantityKind: String, Sendable {
    case target, result, other
}

/// Finds the quantities of sentences: numbers in Arabic, full-width or Chinese numerals,
/// with a magnitude (万, 亿), a unit, a range and qualifiers; years, dates, ordinals, section
/// numbers and plan names (十四五) are not quantities, as they have no unit or a unit of time.
/// docs/analysis.md describes the rules and their limits.
public struct QuantityFinder: Sendable {
    let lexicon: AnalysisLexicon

    public init(lexicon: AnalysisLexicon = .standard) {
        self.lexicon = lexicon
    }

    /// Units, longest first so 平方公里 wins over 公里 and 万元 is 万 and 元.
    static let units: [[Unicode.Scalar]] = [
        "个百分点", "百分点", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "公里", "千米", "千克", "公顷", "公斤", "人次", "元", "人", "户",
        "斤", "吨", "米", "亩", "个", "家", "所", "项", "座", "辆", "台", "套", "张", "度", "头", "只", "株", "棵", "名", "位", "次", "天",
        "小时", "倍", "%", "％", "‰", "条", "间", "处", "起", "件", "批", "篇", "岁", "册", "场", "栋", "宗", "片", "例", "km",
        "美元", "种", "担", "门", "架", "艘", "千伏",
    ].map { Array(($0 as String).unicodeScalars) }.sorted { $0.count > $1.count }

    /// Units that count things; after a single Chinese numeral they more often name how many
    /// parts a list has (三个方面, 两项工作) than a quantity, and are passed over.
    static let countingUnits: Set<String> = ["个", "项", "条", "次", "批", "件", "名", "位", "家", "处", "起", "场", "篇"]
    /// Words after a number that make it a time, not a quantity.
    static let timeWords: Set<Unicode.Scalar> = ["年", "月", "日", "号", "时", "季", "周", "点", "分", "秒"]
    static let magnitudes: [(Unicode.Scalar, Double)] = [("万", 1e4), ("亿", 1e8), ("千", 1e3)]
    static let rangeMarks: Set<Unicode.Scalar> = ["-", "－", "—", "–", "~", "～", "至", "到"]
    static let qualifiersAfter: [[Unicode.Scalar]] = ["左右", "以上", "以内", "以下", "上下", "之内", "之上"].map { Array(($0 as String).unicodeScalars) }
    static let qualifiersBefore = ["不低于", "不少于", "不超过", "不高于", "不到", "接近", "超过", "低于", "高于", "约", "近"]
    /// Words between a subject and its number that are no part of what is measured.
    static let linkingWords = ["控制在", "稳定在", "保持在", "提高到", "提高至", "降低到", "降至", "达到", "完成", "实现", "突破", "超过",
                               "不低于", "不少于", "不超过", "不高于", "不到", "接近", "低于", "高于", "约", "近", "为", "达", "在", "到", "是", "力争", "确保",
                               "由", "从", "上年的"]
    static let leadingWords = ["主要预期目标是", "主要预期目标", "预期目标是", "主要目标是", "目标是", "其中", "力争", "确保", "全年", "今年",
                               "全县", "全市", "要", "实现", "使", "并", "和", "及", "共", "累计", "目前", "新建改造", "新建", "新增", "改造", "推动",
                               "建成", "安排", "一是", "二是", "三是", "四是", "五是", "将", "由", "从"]
    /// Adverbs between what is measured and its number (收入全部达到…).
    static let trailingAdverbs = ["全部", "均", "都", "总共"]
    /// A clause that names only a change (增长6.2%) measures the change of what came before.
    static let changeWords = ["增长", "下降", "提高", "降低", "增加", "减少"]
    static let comparedWith = ["比上年", "较上年", "同比", "比去年", "比上年同期"]

    /// Every quantity in the sentences of `document`, in text order.
    public func quantities(in document: Document) -> [Quantity] {
        document.outline.sentences.indices.flatMap { quantities(in: document, sentence: $0) }
    }

    public func quantities(in document: Document, sentence index: Int) -> [Quantity] {
        let range = document.outline.sentences[index].range
        let text = document.text(range)
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = range.lowerBound
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        var found: [Quantity] = []
        var i = 0
        var previousEnd = 0
        while i < scalars.count {
            guard let match = quantity(at: i, in: scalars) else {
                // A number turned away is turned away whole: 完成二万三千 is not read from 三千.
                let numeral = Self.isChineseNumeral(scalars[i]) || Self.isArabicDigit(scalars[i])
                i += 1
                while numeral, i < scalars.count, Self.isChineseNumeral(scalars[i]) || Self.isArabicDigit(scalars[i])
                    || Self.magnitudes.contains(where: { $0.0 == scalars[i] }) {
                    i += 1
                }
                continue
            }
            let written = String(String.UnicodeScalarView(scalars[i..<match.end]))
            let indicator = self.indicator(before: i, after: previousEnd, in: scalars, previous: found.last?.indicator)
            found.append(Quantity(sentence: index, range: offsets[i]..<offsets[match.end], text: written, value: match.value, high: match.high,
                                  unit: match.unit, qualifier: match.qualifier ?? qualifierBefore(i, in: scalars), indicator: indicator))
            i = match.end
            previousEnd = match.end
        }
        return found
    }

    // MARK: Numbers

    struct Match {
        var value: Double?
        var high: Double?
        var unit: String
        var qualifier: String?
        var end: Int
    }

    private func quantity(at start: Int, in s: [Unicode.Scalar]) -> Match? {
        // Most characters start no number: decided before anything else is looked at.
        let first = s[start]
        guard Self.isArabicDigit(first) || Self.isChineseNumeral(first) || first == "X" || first == "×" || first == "x" else { return nil }
        if start > 0, Self.isArabicDigit(s[start - 1]) || s[start - 1] == "." || s[start - 1] == "第" || s[start - 1].isASCII && s[start - 1].properties.isAlphabetic {
            return nil
        }
        if start > 0, Self.isChineseNumeral(s[start - 1]) { return nil }
        if Self.matches(Self.percentOf, in: s, at: start) { return percentInWords(at: start, in: s) }
        guard var (value, i, chinese, single) = number(at: start, in: s) else { return nil }
        var unit = self.unit(at: i, in: s)
        var qualifier: String?
        var high: Double?
        if unit == nil, i < s.count, s[i] == "多" || s[i] == "余" {
            // 4500多人, 1000多万人: about, and more; a magnitude may follow.
            qualifier = String(s[i])
            i += 1
            while i < s.count, self.unit(at: i, in: s) == nil, let magnitude = Self.magnitudes.first(where: { $0.0 == s[i] }) {
                value = value.map { $0 * magnitude.1 }
                i += 1
            }
            unit = self.unit(at: i, in: s)
        }
        if let u = unit { i += u.count }
        // A range: 6.5%-7%, 6.5%至7%, 8至10万吨.
        if i < s.count, Self.rangeMarks.contains(s[i]), let second = number(at: i + 1, in: s) {
            var j = second.end
            let secondUnit = self.unit(at: j, in: s)
            if let u = secondUnit { j += u.count }
            if unit == nil || secondUnit == nil || secondUnit.map(Self.normalizedUnit) == unit.map(Self.normalizedUnit) {
                if unit == nil, secondUnit != nil, let low = value, let top = second.value, top > 0, low < top / 1000, magnitudeOf(second, in: s) > 1 {
                    // 8至10万: the low end takes the high end's magnitude.
                    value = low * magnitudeOf(second, in: s)
                }
                high = second.value
                unit = unit ?? secondUnit
                qualifier = "至"
                i = j
                chinese = chinese && second.chinese
                single = false
            }
        }
        guard let found = unit else {
            // A number with a magnitude and no unit counts people or things (人口56万).
            return hasMagnitude(before: i, in: s) ? finish(value, high, "", qualifier, i, in: s) : nil
        }
        let unitText = String(String.UnicodeScalarView(found))
        if chinese, single, Self.countingUnits.contains(unitText) { return nil }
        return finish(value, high, unitText, qualifier, i, in: s)
    }

    static let percentOf = Array("百分之".unicodeScalars)

    /// 百分之七点八, 百分之八至九, 百分之八至百分之九: a percentage in words.
    private func percentInWords(at start: Int, in s: [Unicode.Scalar]) -> Match? {
        guard let low = number(at: start + Self.percentOf.count, in: s), let value = low.value else { return nil }
        var end = low.end
        var high: Double?
        if end < s.count, Self.rangeMarks.contains(s[end]) {
            let next = Self.matches(Self.percentOf, in: s, at: end + 1) ? end + 1 + Self.percentOf.count : end + 1
            if let top = number(at: next, in: s), let topValue = top.value {
                high = topValue
                end = top.end
            }
        }
        return finish(value, high, "%", high == nil ? nil : "至", end, in: s)
    }

    private func finish(_ value: Double?, _ high: Double?, _ unit: String, _ qualifier: String?, _ end: Int, in s: [Unicode.Scalar]) -> Match {
        var end = end, qualifier = qualifier
        // The unit as one spelling, so ３％ and 3% group and compare alike; `text` keeps the writing.
        let unit = Self.normalizedUnit(Array(unit.unicodeScalars)).description
        if let after = Self.qualifiersAfter.first(where: { Self.matches($0, in: s, at: end) }) {
            qualifier = String(String.UnicodeScalarView(after))
            end += after.count
        }
        return Match(value: value, high: high, unit: unit, qualifier: qualifier, end: end)
    }

    /// The number at `start`: Arabic or full-width digits (with a decimal point and a
    /// magnitude), a Chinese numeral, or a placeholder X (value nil). `chinese` and `single`
    /// say whether it was a Chinese numeral of one character.
    func number(at start: Int, in s: [Unicode.Scalar]) -> (value: Double?, end: Int, chinese: Bool, single: Bool)? {
        guard start < s.count else { return nil }
        var i = start
        if Self.isArabicDigit(s[i]) {
            var digits = ""
            while i < s.count {
                if let d = Self.arabicValue(s[i]) {
                    digits.append(Character(Unicode.Scalar(UInt8(48 + d))))
                } else if (s[i] == "." || s[i] == "．"), i + 1 < s.count, Self.isArabicDigit(s[i + 1]), !digits.contains(".") {
                    digits.append(".")
                } else if s[i] == "," || s[i] == "，", i + 3 < s.count, (1...3).allSatisfy({ Self.isArabicDigit(s[i + $0]) }),
                          i + 4 >= s.count || !Self.isArabicDigit(s[i + 4]) && s[i + 4] != "." && s[i + 4] != "．" || i + 4 < s.count && (s[i + 4] == "," || s[i + 4] == "，") {
                    // 1,200 and ３３，２１２: a thousands separator, not a clause break.
                } else {
                    break
                }
                i += 1
            }
            guard var value = Double(digits) else { return nil }
            if i < s.count, Self.timeWords.contains(s[i]) { return nil }
            // 千 of 千瓦 and 千米 belongs to the unit; 万 of 万千瓦 is a magnitude.
            while i < s.count, unit(at: i, in: s) == nil || s[i] == "万", let magnitude = Self.magnitudes.first(where: { $0.0 == s[i] }) {
                value *= magnitude.1
                i += 1
            }
            return (value, i, false, false)
        }
        if s[i] == "X" || s[i] == "×" || s[i] == "x" {
            // A placeholder left in a draft (增长X%): a quantity without its number.
            while i < s.count, s[i] == "X" || s[i] == "×" || s[i] == "x" { i += 1 }
            guard unit(at: i, in: s) != nil else { return nil }
            return (nil, i, false, false)
        }
        guard Self.isChineseNumeral(s[i]) else { return nil }
        var run: [Unicode.Scalar] = []
        while i < s.count, Self.isChineseNumeral(s[i]) || Self.magnitudes.contains(where: { $0.0 == s[i] }) {
            // 二十五万千瓦: the 千 of 千瓦 is the unit's.
            if s[i] == "千", !run.isEmpty, unit(at: i, in: s) != nil { break }
            run.append(s[i])
            i += 1
        }
        // 七点八: a decimal point in words.
        var decimals: Double?
        if i + 1 < s.count, s[i] == "点", let first = Self.chineseDigits[s[i + 1]] {
            var fraction = first / 10, scale = 0.01
            i += 2
            while i < s.count, let d = Self.chineseDigits[s[i]] {
                fraction += d * scale
                scale /= 10
                i += 1
            }
            decimals = fraction
        }
        // A magnitude alone (万), 千万 (as in 千万不能), a run ending in a time word, or one
        // after 几 or 数 (几千万人: no number is stated) is no quantity.
        guard run.contains(where: { Self.chineseDigits[$0] != nil }) || run.first == "十", let whole = Self.chineseValue(run) else { return nil }
        let value = whole + (decimals ?? 0)
        if start > 0, ["几", "数"].contains(s[start - 1]) { return nil }
        // 成千上万, 成百上千: no number is stated.
        if start > 0, s[start - 1] == "成", i < s.count, s[i] == "上" { return nil }
        // 一 alone is an article more often than a count (一公里 of 最后一公里, 一批).
        if run == ["一"] { return nil }
        if i < s.count, Self.timeWords.contains(s[i]) { return nil }
        return (value, i, true, run.count == 1)
    }

    private func magnitudeOf(_ number: (value: Double?, end: Int, chinese: Bool, single: Bool), in s: [Unicode.Scalar]) -> Double {
        var magnitude = 1.0
        var i = number.end - 1
        while i >= 0, let m = Self.magnitudes.first(where: { $0.0 == s[i] }) {
            magnitude *= m.1
            i -= 1
        }
        return magnitude
    }

    private func hasMagnitude(before end: Int, in s: [Unicode.Scalar]) -> Bool {
        end > 0 && Self.magnitudes.contains { $0.0 == s[end - 1] }
    }

    private func unit(at i: Int, in s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard let unit = Self.units.first(where: { Self.matches($0, in: s, at: i) }) else { return nil }
        // 人 of 人员, 人口, 人才 and 个 of 个人 start a word; they measure nothing.
        if i + unit.count < s.count, let next = Self.wordAfterUnit[String(String.UnicodeScalarView(unit))], next.contains(s[i + unit.count]) {
            return nil
        }
        return unit
    }

    static let wordAfterUnit: [String: Set<Unicode.Scalar>] = [
        "人": ["员", "口", "民", "才", "大", "类", "们", "事", "均"], "个": ["人", "体", "性", "别", "月"], "户": ["籍", "口"],
        "元": ["素", "旦"], "度": ["过"], "家": ["庭", "园", "乡", "长"], "名": ["单", "义", "称"],
    ]

    /// One spelling per unit: ％ is %, km is 公里.
    static func normalizedUnit(_ unit: [Unicode.Scalar]) -> String {
        let text = String(String.UnicodeScalarView(unit))
        return text == "％" ? "%" : text == "km" ? "公里" : text
    }

    static func matches(_ word: [Unicode.Scalar], in s: [Unicode.Scalar], at i: Int) -> Bool {
        i + word.count <= s.count && s[i..<i + word.count].elementsEqual(word)
    }

    static func isArabicDigit(_ c: Unicode.Scalar) -> Bool { arabicValue(c) != nil }

    static func arabicValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: Int(c.value - 0x30)
        case 0xFF10...0xFF19: Int(c.value - 0xFF10)
        default: nil
        }
    }

    static let chineseDigits: [Unicode.Scalar: Double] = ["〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let chineseUnits: [Unicode.Scalar: Double] = ["十": 10, "百": 100, "千": 1000]

    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": true
        default: false
        }
    }

    /// 一千二百万 → 12,000,000; 十亿八千万 → 1,080,000,000; 十二 → 12; 三 → 3. 亿 closes
    /// everything before it; 万 closes only what came after the last 亿.
    static func chineseValue(_ run: [Unicode.Scalar]) -> Double? {
        var total = 0.0, tenThousands = 0.0, section = 0.0, digit = 0.0
        var sawDigit = false
        for c in run {
            if let d = chineseDigits[c] {
                digit = d
                sawDigit = true
            } else if let u = chineseUnits[c] {
                section += (sawDigit ? digit : 1) * u
                digit = 0
                sawDigit = false
            } else if c == "万" {
                tenThousands = (tenThousands + section + digit) * 1e4
                section = 0
                digit = 0
                sawDigit = false
            } else if c == "亿" {
                total = (total + tenThousands + section + digit) * 1e8
                tenThousands = 0
                section = 0
                digit = 0
                sawDigit = false
            } else {
                return nil
            }
        }
        return total + tenThousands + section + digit
    }

    // MARK: Words around the number

    /// A qualifier just before the number (不低于5万吨): read when none follows it.
    private func qualifierBefore(_ start: Int, in s: [Unicode.Scalar]) -> String? {
        let before = String(String.UnicodeScalarView(s[max(0, start - 4)..<start]))
        if let near = Self.qualifiersBefore.first(where: { before.hasSuffix($0) }) { return near }
        // 力争…达到140家: the clause's 力争 or 确保 qualifies the number it leads to.
        let clause = String(String.UnicodeScalarView(s[Self.clauseStart(before: start, in: s)..<start]))
        return ["力争", "确保"].first { clause.containsBytes($0) }
    }

    /// Where the clause holding position `start` begins: after the last clause break before
    /// it, and not before `lowest` (the end of the quantity before, in the same clause).
    static func clauseStart(before start: Int, in s: [Unicode.Scalar], notBefore lowest: Int = 0) -> Int {
        var from = start
        while from > lowest, !clauseBreaks.contains(s[from - 1]) { from -= 1 }
        return from
    }

    /// What the quantity measures: its clause up to the number, without the words that
    /// only link a subject to its number (达到, 控制在) or open a list (主要预期目标是). A
    /// clause that says only 比上年增长 measures what the quantity before it did.
    func indicator(before start: Int, after lowest: Int, in s: [Unicode.Scalar], previous: String?) -> String {
        var words = String(String.UnicodeScalarView(s[Self.clauseStart(before: start, in: s, notBefore: lowest)..<start]))
        var changed = true
        while changed {
            changed = false
            for word in Self.leadingWords where words.hasPrefix(word) && words.count > word.count {
                words.removeFirst(word.count)
                changed = true
            }
            for word in Self.linkingWords + Self.trailingAdverbs where words.hasSuffix(word) && words.count > word.count {
                words.removeLast(word.count)
                changed = true
            }
        }
        if Self.changeWords.contains(words), let previous {
            return Self.subject(of: previous) + words
        }
        if let compared = Self.comparedWith.first(where: { words.hasPrefix($0) }), let previous {
            // 一般公共预算收入完成8.6亿元，比上年增长5.1% → 一般公共预算收入增长.
            return Self.subject(of: previous) + words.dropFirst(compared.count)
        }
        if words.isEmpty, let previous { return previous }
        return words
    }

    /// What an indicator is about, without its change or comparison (钢产量比上年增加 → 钢产量).
    static func subject(of indicator: String) -> String {
        var subject = indicator
        if let compared = comparedWith.compactMap({ subject.range(of: $0) }).first { subject = String(subject[..<compared.lowerBound]) }
        var changed = true
        while changed {
            changed = false
            for word in changeWords + linkingWords where subject.hasSuffix(word) && subject.count > word.count {
                subject.removeLast(word.count)
                changed = true
            }
        }
        return subject
    }

    static let clauseBreaks: Set<Unicode.Scalar> = ["，", "。", "；", "：", "、", ",", ";", ":", "（", "(", "“", "”", "！", "？", "—"]

    // MARK: Targets and results

    /// Target, result or neither, from the sentence's words, whether it looks back on work
    /// done, and whether the analysis reads it as an order.
    /// `targetsSet` says an earlier sentence of the paragraph set out targets (主要预期目标是：
    /// …；居民消费价格涨幅3%左右；…): the list goes on in the sentences after it.
    /// `inPlan` says the sentence's section is about what comes (its heading says 今年, 目标,
    /// 重点工作); `hasDeadline` that the sentence sets a time limit (6月底前): both commit.
    public func kind(of quantity: Quantity, sentenceText: String, inReview: Bool, isDirective: Bool, targetsSet: Bool = false,
                     inPlan: Bool = false, hasDeadline: Bool = false) -> QuantityKind {
        if inReview || Self.doneCues.contains(where: sentenceText.containsBytes) { return .result }
        // 今年拟安排赤字7500亿元，比上年增加…: a plan compared with last year is still a plan.
        if targetsSet || (Self.targetCues + Self.planCues).contains(where: sentenceText.containsBytes) { return .target }
        if Self.comparedCues.contains(where: sentenceText.containsBytes) { return .result }
        if isDirective || hasDeadline || inPlan { return .target }
        return .other
    }

    /// Words of a section heading about what is to be done.
    static let planHeadingWords = ["今年", "明年", "目标", "任务", "重点工作", "工作安排", "主要工作", "工作部署"]

    public func isPlanHeading(_ heading: String) -> Bool {
        Self.planHeadingWords.contains(where: heading.containsBytes)
    }

    /// Words that open a list of targets for the sentences after them.
    static let targetListCues = ["主要预期目标", "预期目标", "主要目标", "目标任务"]

    public func setsTargets(_ sentenceText: String) -> Bool {
        Self.targetListCues.contains(where: sentenceText.containsBytes)
    }

    /// Words that report something done: 完成了, 实际; and figures set against last year's.
    static let doneCues = ["完成了", "实现了", "达到了", "增长了", "下降了", "提高了", "累计完成", "累计实现", "已经", "已", "实际完成", "实际建成", "实际达到"]
    static let comparedCues = ["比上年", "较上年", "同比", "比去年"]
    /// Words of a plan for the coming period: 今年拟安排, 明年将.
    static let planCues = ["拟", "今年", "明年", "预计"]
    /// Words that set something to reach: 目标, 力争, 确保.
    static let targetCues = ["目标", "预期", "力争", "确保", "计划", "争取"]
}
