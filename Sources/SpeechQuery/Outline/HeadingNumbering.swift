/// Decides, one candidate at a time, which numbered headings continue a sequence. A
/// heading is accepted when its number is higher than the last accepted one and it does not
/// continue a numbered list: `一、二、三、` restarting inside a section (the list items of
/// 1955 and 1982), whose members follow an unaccepted member numbered one lower.
struct HeadingNumbering {
    private var last = 0
    private var previous: (number: Int, accepted: Bool)?

    mutating func consider(_ number: Int, eligible: Bool) -> Bool {
        let continuesList = previous.map { !$0.accepted && $0.number == number - 1 } ?? false
        let accepted = eligible && number > last && !continuesList
        if accepted { last = number }
        previous = (number, accepted)
        return accepted
    }
}
