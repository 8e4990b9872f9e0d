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
}
