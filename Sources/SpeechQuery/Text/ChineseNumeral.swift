/// Chinese numerals as they number sections and points: 一 … 九, 十, 十一, 二十三, 一百零一.
enum ChineseNumeral {
    /// The value of one numeral scalar, with 十 and 百 reported as multipliers.
    private static func digit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x3007, 0x96F6: return 0   // 〇 零
        case 0x4E00: return 1           // 一
        case 0x4E8C, 0x4E24: return 2   // 二 两
        case 0x4E09: return 3           // 三
        case 0x56DB: return 4           // 四
        case 0x4E94: return 5           // 五
        case 0x516D: return 6           // 六
        case 0x4E03: return 7           // 七
        case 0x516B: return 8           // 八
        case 0x4E5D: return 9           // 九
        default: return nil
        }
    }

    /// Whether `scalar` is a numeral character (一 … 九, 十, 百, 两, 〇, 零).
    static func isDigitScalar(_ scalar: UInt32) -> Bool {
        digit(scalar) != nil || scalar == ten || scalar == hundred
    }

    private static let ten: UInt32 = 0x5341      // 十
    private static let hundred: UInt32 = 0x767E  // 百

    /// The value of a numeral read one scalar at a time: digits wait for a multiplier (十, 百)
    /// or stand as the last digits. Shared by every reader of Chinese numerals.
    struct Reading {
        private var total = 0
        private var pending = 0

        /// Takes `scalar` into the numeral; false when it is no numeral character.
        mutating func take(_ scalar: UInt32) -> Bool {
            if let d = ChineseNumeral.digit(scalar) {
                pending = pending * 10 + d
            } else if scalar == ChineseNumeral.ten {
                total += (pending == 0 ? 1 : pending) * 10
                pending = 0
            } else if scalar == ChineseNumeral.hundred {
                total += (pending == 0 ? 1 : pending) * 100
                pending = 0
            } else {
                return false
            }
            return true
        }

        var value: Int { total + pending }
    }

    /// Parses the numeral that starts at `index`. Returns its value and the index just past it,
    /// or nil when no numeral starts there. Reads at most a few scalars.
    static func parse(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (value: Int, end: Int)? {
        var reading = Reading()
        var i = index
        while i < end {
            let (scalar, length) = UTF8Scanning.scalar(in: bytes, at: i)
            guard reading.take(scalar) else { break }
            i += length
            if i - index > 24 { return nil }  // too long to number anything
        }
        guard i > index else { return nil }
        return (reading.value, i)
    }

    /// The numeral for `value` (1 … 99), used when printing.
    static func spell(_ value: Int) -> String {
        let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
