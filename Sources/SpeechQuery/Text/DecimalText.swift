/// Decimals as every output writes them: two places, a point, no thousands separators and
/// no locale, so a rate reads the same in a table, TSV, CSV and JSON (where it is a number).
enum DecimalText {
    static func twoPlaces(_ value: Double) -> String {
        // Rates are never infinite (no characters gives no rate); say so rather than trap.
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        let hundredths = Int((abs(value) * 100).rounded())
        let fraction = hundredths % 100
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The value as it is shown: rounded to two places.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e15 else { return value }
        return (value * 100).rounded() / 100
    }

    /// A number written in decimal (`12.5`, `-3`, `.5` not accepted): never `nan`, `inf` or
    /// hexadecimal, which Double's own parser takes.
    static func parse(_ text: String) -> Double? {
        var digits = 0, points = 0
        for (k, scalar) in text.unicodeScalars.enumerated() {
            if ("0"..."9").contains(scalar) { digits += 1 } else if scalar == ".", digits > 0 { points += 1 } else if scalar == "-", k == 0 {} else { return nil }
        }
        guard digits > 0, points <= 1, text.last != "." else { return nil }
        return Double(text)
    }
}
