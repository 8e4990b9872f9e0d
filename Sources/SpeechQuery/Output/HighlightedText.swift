/// A value's text with the places the filter terms matched. Cutting and wrapping work on
/// it rather than on the finished string, so a slice of the text is still highlighted —
/// even a match that a cut or a line end runs through — and a cut can be placed around
/// the first match instead of cutting it off.
struct HighlightedText {
    let scalars: [Unicode.Scalar]
    /// The display width of each scalar.
    let widths: [Int]
    /// For each scalar, whether a term matched there.
    let marked: [Bool]
    /// The earliest match, in scalar offsets.
    let firstMatch: Range<Int>?

    static let markOn = "\u{1B}[1;31m"
    static let markOff = "\u{1B}[0m"
    static let ellipsis = "…"
    /// Punctuation that closes what comes before it, and so never begins a wrapped line.
    static let closingPunctuation: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "”", "’", "…", ",", ".", ";", ":", "!", "?", ")"]

    init(_ text: String, terms: [String]) {
        scalars = Array(text.unicodeScalars)
        widths = scalars.map { DisplayWidth.columns(of: $0) }
        var marked = [Bool](repeating: false, count: scalars.count)
        var first: Range<Int>?
        for term in Set(terms) where !term.isEmpty {
            let needle = Array(term.unicodeScalars)
            guard needle.count <= scalars.count else { continue }
            var start = 0
            while start + needle.count <= scalars.count {
                if scalars[start] == needle[0], scalars[start..<start + needle.count].elementsEqual(needle) {
                    for i in start..<start + needle.count { marked[i] = true }
                    if start < first?.lowerBound ?? Int.max { first = start..<start + needle.count }
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        self.marked = marked
        firstMatch = first
    }

    var width: Int { widths.reduce(0, +) }

    /// The text, with its matches in bold red when `color`.
    func rendered(color: Bool) -> String {
        rendered(0..<scalars.count, color: color)
    }

    func rendered(_ range: Range<Int>, color: Bool) -> String {
        var out = String.UnicodeScalarView()
        var inMark = false
        for i in range {
            if color, marked[i] != inMark {
                out.append(contentsOf: (inMark ? Self.markOff : Self.markOn).unicodeScalars)
                inMark.toggle()
            }
            out.append(scalars[i])
        }
        if inMark { out.append(contentsOf: Self.markOff.unicodeScalars) }
        return String(out)
    }

    /// The text cut to at most `width` columns, with `…` where it was cut. When the first
    /// match would fall past the cut, the slice is moved to show the match, centred where
    /// the text goes on beyond it on both sides. Also gives the columns it takes, which a
    /// wide character that did not fit can leave one short of `width`.
    func fitted(to width: Int, color: Bool) -> (text: String, width: Int) {
        let cut = window(width)
        let text = (cut.startCut ? Self.ellipsis : "") + rendered(cut.range, color: color) + (cut.endCut ? Self.ellipsis : "")
        let columns = widths[cut.range].reduce(0, +) + (cut.startCut ? 1 : 0) + (cut.endCut ? 1 : 0)
        return (text, columns)
    }

    /// The end of the text in at most `width` columns, `…` where it was cut.
    func fittedKeepingEnd(to width: Int, color: Bool) -> (text: String, width: Int) {
        guard self.width > width else { return (rendered(color: color), self.width) }
        guard width > 1 else { return (width == 1 ? Self.ellipsis : "", width) }
        var start = scalars.count, used = 0
        while start > 0, used + widths[start - 1] <= width - 1 {
            start -= 1
            used += widths[start]
        }
        return (Self.ellipsis + rendered(start..<scalars.count, color: color), used + 1)
    }

    /// Which scalars `fitted(to:)` shows, and at which ends it puts `…` (one column each).
    func window(_ width: Int) -> (range: Range<Int>, startCut: Bool, endCut: Bool) {
        let count = scalars.count
        if self.width <= width { return (0..<count, false, false) }
        guard width > 1 else { return (0..<0, false, width == 1) }
        /// The end of the longest run from `start` that fits `budget` columns.
        func extend(from start: Int, budget: Int) -> Int {
            var end = start, used = 0
            while end < count, used + widths[end] <= budget {
                used += widths[end]
                end += 1
            }
            return end
        }
        let headEnd = extend(from: 0, budget: width - 1)
        guard let match = firstMatch, match.upperBound > headEnd else { return (0..<headEnd, false, true) }

        // The match is near the end: show the end, cut at the start only.
        let tailWidth = widths[match.lowerBound...].reduce(0, +)
        if tailWidth <= width - 1 {
            var start = match.lowerBound, used = tailWidth
            while start > 0, used + widths[start - 1] <= width - 1 {
                start -= 1
                used += widths[start]
            }
            return (start..<count, true, false)
        }

        // Cut at both ends, the match in the middle of what is left.
        let budget = width - 2
        let matchWidth = widths[match].reduce(0, +)
        if matchWidth >= budget {
            return (match.lowerBound..<extend(from: match.lowerBound, budget: budget), true, true)
        }
        var start = match.lowerBound, end = match.upperBound
        var used = matchWidth, left = 0
        let leftShare = (budget - matchWidth) / 2
        while start > 0, left + widths[start - 1] <= leftShare {
            start -= 1
            left += widths[start]
        }
        used += left
        while end < count, used + widths[end] <= budget {
            used += widths[end]
            end += 1
        }
        // A column the right side could not use (a wide character did not fit) goes left.
        while start > 0, used + widths[start - 1] <= budget {
            start -= 1
            used += widths[start]
        }
        return (start..<end, start > 0, end < count)
    }

    /// The text broken into lines of at most `width` columns. Chinese breaks between any
    /// two characters, except before closing punctuation; a run of Latin text breaks after
    /// its last space when there is one in the second half of the line, so words are not split.
    func wrapped(to width: Int) -> [Range<Int>] {
        guard width > 0, self.width > width else { return [0..<scalars.count] }
        var lines: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            var end = start, used = 0
            while end < scalars.count, used + widths[end] <= width {
                used += widths[end]
                end += 1
            }
            if end == start { end = start + 1 }  // a character wider than the line
            if end < scalars.count, scalars[end] != " ",
               let space = (start..<end).last(where: { scalars[$0] == " " }), space + 1 > start + (end - start) / 2 {
                end = space + 1
            } else if end < scalars.count, end - start > 1, Self.closingPunctuation.contains(scalars[end]) {
                // A line does not start with a comma or a full stop: the character before
                // goes down with it, as Chinese typesetting does.
                end -= 1
            }
            lines.append(start..<end)
            start = end
        }
        return lines
    }
}
