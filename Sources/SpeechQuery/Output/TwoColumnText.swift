/// Help-style listings: a name column aligned by display width (CJK counts two) and a
/// description wrapped to the window, continuation lines indented under the description.
public enum TwoColumnText {
    public static func render(_ rows: [(String, String)], indent: Int = 2, width: Int? = nil) -> String {
        let nameWidth = min(36, rows.map { DisplayWidth.columns(of: $0.0) }.max() ?? 0)
        let descriptionColumn = indent + nameWidth + 2
        var out = ""
        for (name, description) in rows {
            let lead = String(repeating: " ", count: indent) + name
            let available = width.map { max(20, $0 - descriptionColumn) }
            let lines = available.map { wrap(description, to: $0) } ?? [description]
            if DisplayWidth.columns(of: name) > nameWidth {
                // A long name takes its own line; the description starts under the column.
                out += lead + "\n"
                out += lines.map { String(repeating: " ", count: descriptionColumn) + $0 + "\n" }.joined()
                continue
            }
            out += DisplayWidth.pad(lead, to: descriptionColumn) + (lines.first ?? "") + "\n"
            out += lines.dropFirst().map { String(repeating: " ", count: descriptionColumn) + $0 + "\n" }.joined()
        }
        return out
    }

    /// `text` broken into lines of at most `width` columns: at spaces where there are any,
    /// between any two CJK characters otherwise (Chinese has no spaces to break at).
    public static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var lineWidth = 0
        var lastSpace: Int?
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.columns(of: scalar)
            if lineWidth + w > width, !line.isEmpty {
                if scalar == " " {
                    lines.append(String(line))
                    line = String.UnicodeScalarView()
                    lineWidth = 0
                    lastSpace = nil
                    continue
                }
                if let space = lastSpace, w == 1 {
                    // Carry the unfinished word to the next line.
                    let cut = line.index(line.startIndex, offsetBy: space)
                    lines.append(String(line[..<cut]))
                    line = String.UnicodeScalarView(line[line.index(after: cut)...])
                    lineWidth = DisplayWidth.columns(of: String(line))
                } else {
                    lines.append(String(line))
                    line = String.UnicodeScalarView()
                    lineWidth = 0
                }
                lastSpace = nil
            }
            if scalar == " " { lastSpace = line.count }
            line.append(scalar)
            lineWidth += w
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }
}
