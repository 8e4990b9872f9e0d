/// Decides, one candidate at a time, which numbered headings belong to a sequence. A
/// heading is refused when it continues a numbered list — `一、二、三、` restarting inside a
/// section (the list items of 1955 and 1982), whose members follow an unaccepted member
/// numbered one lower — and when it restarts the sequence at 1 after it has begun.
///
/// Sections only go forward: a number no higher than the last accepted one is refused.
/// Subsections keep a misordered member (`（四）` before `（三）`, `（二）` twice) so that the
/// outline shows the text as written and `check` can report it.
struct HeadingNumbering {
    /// Whether a member numbered lower than or the same as the last accepted one is kept.
    let keepsMisordered: Bool
    private var last = 0
    private var previous: (number: Int, accepted: Bool)?

    init(keepsMisordered: Bool = false) {
        self.keepsMisordered = keepsMisordered
    }

    mutating func consider(_ number: Int, eligible: Bool) -> Bool {
        let continuesList = previous.map { !$0.accepted && $0.number == number - 1 } ?? false
        let inSequence = number > last || (keepsMisordered && last > 0 && number != 1)
        let accepted = eligible && inSequence && !continuesList
        if accepted { last = max(last, number) }
        previous = (number, accepted)
        return accepted
    }
}
