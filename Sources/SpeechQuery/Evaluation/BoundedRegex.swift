import Foundation

/// A compiled regular expression that gives up instead of hanging. ICU backtracks, so a
/// pattern with nested repetition (`/(a+)+$/`) can take longer than the universe has on one
/// line of text; while it searches, ICU reports progress (`.reportProgress`), and the search
/// stops when it has run past its budget or the user pressed Ctrl-C.
struct BoundedRegex {
    let source: String
    private let regex: NSRegularExpression
    private let isInterrupted: InterruptCheck

    /// How long one search of one text may take: far beyond what a sane pattern needs on a
    /// sentence (microseconds) or on a whole report (milliseconds), short enough that a
    /// runaway pattern is reported while the user still waits for it. Longer texts get
    /// more: one second more per megabyte.
    static let budget: Duration = .seconds(2)

    init(_ source: String, caseInsensitive: Bool, anchorsMatchLines: Bool = false, isInterrupted: @escaping InterruptCheck) throws(StageFailure) {
        var options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
        if anchorsMatchLines { options.insert(.anchorsMatchLines) }
        guard let regex = try? NSRegularExpression(pattern: source, options: options) else {
            throw StageFailure("invalid regular expression /\(source)/")
        }
        self.source = source
        self.regex = regex
        self.isInterrupted = isInterrupted
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) throws(StageFailure) -> Bool {
        try !search(text, all: false).isEmpty
    }

    /// The matches in `text`, as ranges of `text`, in text order.
    func ranges(in text: String) throws(StageFailure) -> [NSRange] {
        try search(text, all: true)
    }

    private func search(_ text: String, all: Bool) throws(StageFailure) -> [NSRange] {
        let length = text.utf16.count
        let allowed = Self.budget + .seconds(Double(text.utf8.count) / 1_000_000)
        let deadline = ContinuousClock.now + allowed
        var found: [NSRange] = []
        var outcome = Outcome.finished
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { result, _, stop in
            if let result {
                found.append(result.range)
                if !all { stop.pointee = true }
                return
            }
            // A progress report: ICU is still searching.
            if isInterrupted() {
                outcome = .interrupted
                stop.pointee = true
            } else if ContinuousClock.now > deadline {
                outcome = .outOfTime
                stop.pointee = true
            }
        }
        switch outcome {
        case .finished:
            return found
        case .interrupted:
            throw StageFailure("interrupted")
        case .outOfTime:
            throw StageFailure("/\(source)/ gave up after \(allowed.components.seconds) s on one text: the pattern backtracks without end",
                               hint: "nested repetition such as (a+)+ tries every way to split the text; write it without the nesting, as a+")
        }
    }

    private enum Outcome {
        case finished, interrupted, outOfTime
    }
}
