/// Dates as speeches write them: `2017年3月5日`, `１９５６年６月１５日`, `1 9 9 8 年3 月5 日`,
/// and in Chinese numerals, `二○一九年三月五日`, `二〇一九年十二月三十一日`, `二零一九年`.
///
/// Front-matter lines only, a few per document, so this works on Unicode scalars.
enum DateText {
    private static let yearMark: UInt32 = 0x5E74   // 年
    private static let monthMark: UInt32 = 0x6708  // 月
    private static let dayMark: UInt32 = 0x65E5    // 日
    private static let ten: UInt32 = 0x5341        // 十

    /// The first date written `YYYY年M月D日` as ISO `YYYY-MM-DD`; `YYYY年M月` gives `YYYY-MM`.
    static func isoDate(in text: String) -> String? {
        let digits = folded(text)
        var i = 0
        while i < digits.count {
            if let (y, afterYear) = number(in: digits, at: i, maxLength: 4), afterYear - i == 4, afterYear < digits.count, digits[afterYear] == yearMark,
               let (m, afterMonth) = number(in: digits, at: afterYear + 1, maxLength: 2), afterMonth < digits.count, digits[afterMonth] == monthMark, (1...12).contains(m) {
                if let (d, afterDay) = number(in: digits, at: afterMonth + 1, maxLength: 2), afterDay < digits.count, digits[afterDay] == dayMark, (1...31).contains(d) {
                    return padded(y, to: 4) + "-" + padded(m, to: 2) + "-" + padded(d, to: 2)
                }
                return padded(y, to: 4) + "-" + padded(m, to: 2)
            }
            i += 1
        }
        return nil
    }

    /// The first four-digit year followed by 年: `二零一九年` gives 2019.
    static func year(in text: String) -> Int? {
        let digits = folded(text)
        var i = 0
        while i < digits.count {
            if let (y, after) = number(in: digits, at: i, maxLength: 4), after - i == 4, after < digits.count, digits[after] == yearMark {
                return y
            }
            i += 1
        }
        return nil
    }

    /// A four-digit year at the start of a title: `2006政府工作报告`, `1954年政府工作报告`,
    /// `二〇〇六年政府工作报告`.
    static func leadingYear(in text: String) -> Int? {
        let digits = folded(text)
        let count = digits.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard count == 4 else { return nil }
        return number(in: digits, at: 0, maxLength: 4)?.value
    }

    /// Whether `text` holds nothing but a date, bare or in brackets: `（2019年3月5日）`,
    /// `(二○一九年三月五日)`, `2019年3月`.
    static func isDateOnly(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value))
        if let first = scalars.first, let last = scalars.last, (first == 0xFF08 && last == 0xFF09) || (first == 0x28 && last == 0x29) {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        guard !scalars.isEmpty, scalars.allSatisfy({ isDateScalar($0) }) else { return false }
        return year(in: text) != nil
    }

    private static func isDateScalar(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) || v == yearMark || v == monthMark || v == dayMark
            || chineseDigit(v) != nil || v == ten
    }

    /// A Chinese numeral that writes one decimal digit of a year. ○ (U+25CB, a circle) is the
    /// common stand-in for 〇 in typed text.
    static func chineseDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6, 0x25CB: 0   // 〇 零 ○
        case 0x4E00: 1                   // 一
        case 0x4E8C: 2                   // 二
        case 0x4E09: 3                   // 三
        case 0x56DB: 4                   // 四
        case 0x4E94: 5                   // 五
        case 0x516D: 6                   // 六
        case 0x4E03: 7                   // 七
        case 0x516B: 8                   // 八
        case 0x4E5D: 9                   // 九
        default: nil
        }
    }

    /// The text as scalars with whitespace dropped, full-width digits folded to ASCII, and
    /// Chinese numerals before 年, 月 and 日 rewritten in ASCII digits: a year digit by digit
    /// (二○一九 → 2019), a month or day by value (十二 → 12, 三十一 → 31).
    static func folded(_ text: String) -> [UInt32] {
        var scalars: [UInt32] = []
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            let v = scalar.value
            scalars.append(v >= 0xFF10 && v <= 0xFF19 ? v - 0xFF10 + 0x30 : v)
        }
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            var j = i
            while j < scalars.count, chineseDigit(scalars[j]) != nil || scalars[j] == ten { j += 1 }
            guard j > i else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let run = scalars[i..<j]
            let mark = j < scalars.count ? scalars[j] : 0
            if mark == yearMark, !run.contains(ten) {
                out += run.map { UInt32(chineseDigit($0)!) + 0x30 }
            } else if mark == monthMark || mark == dayMark, let value = smallNumber(run) {
                out += String(value).unicodeScalars.map(\.value)
            } else {
                out += run
            }
            i = j
        }
        return out
    }

    /// 一 … 九, 十, 十二, 二十, 三十一: a month or a day.
    private static func smallNumber(_ run: ArraySlice<UInt32>) -> Int? {
        let digits = Array(run)
        switch digits.count {
        case 1:
            return digits[0] == ten ? 10 : chineseDigit(digits[0])
        case 2 where digits[0] == ten:
            return chineseDigit(digits[1]).map { 10 + $0 }
        case 2 where digits[1] == ten:
            return chineseDigit(digits[0]).map { $0 * 10 }
        case 3 where digits[1] == ten:
            guard let tens = chineseDigit(digits[0]), let ones = chineseDigit(digits[2]) else { return nil }
            return tens * 10 + ones
        default:
            return nil
        }
    }

    private static func number(in digits: [UInt32], at start: Int, maxLength: Int) -> (value: Int, end: Int)? {
        var i = start, value = 0
        while i < digits.count, i - start < maxLength, digits[i] >= 0x30, digits[i] <= 0x39 {
            value = value * 10 + Int(digits[i] - 0x30)
            i += 1
        }
        return i > start ? (value, i) : nil
    }

    /// Zero-padded decimal: `padded(3, to: 2)` is `03`.
    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
