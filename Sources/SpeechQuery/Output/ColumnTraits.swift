/// What the terminal table needs to know about a column, asked in this one place.
public enum ColumnTraits {
    /// Prose columns (text, heading…) give way first when the terminal is narrow, are
    /// centred on their highlighted match when cut, and are the ones highlighted. The row
    /// schema declares which they are.
    public static func isProse(_ column: Column) -> Bool {
        column.isProse
    }

    /// Context that leads up to something to its right (kwic's `left`): cut at its start
    /// and aligned to the right, so what is next to the match is what shows.
    public static func isLeadingContext(_ column: Column) -> Bool {
        column.concordance == .before
    }

    /// Columns people copy back into a query (`filter ref = "…"`) are never cut: a cut
    /// reference is no reference at all.
    public static func isKeptWhole(_ column: String) -> Bool {
        column == "ref"
    }

    /// Whether `value` in `column` says nothing the row's reference does not: the document
    /// a ref begins with, or a section, subsection, point, paragraph or sentence number that
    /// is one of its steps (`sec2.sub3`). A point's sentence has no `pt` step, so a point
    /// number there is news and is kept.
    public static func isRepeated(_ column: String, value: String, inReference reference: String) -> Bool {
        guard let parsed = Reference(parsing: reference) else { return false }
        if column == "doc" { return parsed.document == value }
        let number: (Reference.Step) -> Int?
        switch column {
        case "section": number = { if case .section(let n) = $0 { n } else { nil } }
        case "subsection": number = { if case .subsection(let n) = $0 { n } else { nil } }
        case "point": number = { if case .point(let n) = $0 { n } else { nil } }
        case "paragraph": number = { if case .paragraph(let n) = $0 { n } else { nil } }
        case "sentence": number = { if case .sentence(let n) = $0 { n } else { nil } }
        default: return false
        }
        let stated = parsed.steps.lazy.compactMap(number).first
        return value.isEmpty ? stated == nil : stated == Int(value)
    }
}
