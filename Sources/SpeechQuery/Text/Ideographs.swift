/// Which scalars are the Chinese characters that character counts, n-grams and terms are
/// made of.
enum Ideographs {
    /// CJK unified ideographs (the basic block, extension A, extensions B and later in planes
    /// 2 and 3), the compatibility ideographs, and 〇, the zero of 二〇二四年. Letters, digits,
    /// punctuation and kana are not.
    @inline(__always)
    static func contains(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3007: true
        default: false
        }
    }

    /// The numerals written digit by digit in years and figures (一九五四年, 二〇〇〇).
    @inline(__always)
    static func isDigitNumeral(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D: true  // 〇零一二三四五六七八九
        default: false
        }
    }

    /// 百, 千, 万 and 亿, which multiply the numerals before them (一百九十, 三千万).
    @inline(__always)
    static func isLargeNumeral(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x767E, 0x5343, 0x4E07, 0x4EBF: true  // 百千万亿
        default: false
        }
    }

    /// Any numeral: the digits, 十, 两 and the multipliers.
    @inline(__always)
    static func isNumeral(_ scalar: UInt32) -> Bool {
        isDigitNumeral(scalar) || isLargeNumeral(scalar) || scalar == 0x5341 || scalar == 0x4E24  // 十 两
    }
}
