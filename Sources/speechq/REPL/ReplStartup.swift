import CTerminal
import SpeechQuery

/// What the prompt runs before its first prompt: the startup file, then the `-e` and `-f`
/// statements given with `-i`. Their errors are shown like any other; the prompt opens anyway.
struct ReplStartup {
    let initFile: InitFile?
    let statements: [QuerySource]
    /// `--keep-going`: the command line's statements carry on after a failing one.
    let keepGoing: Bool

    /// Runs them all; false when one of them said `.quit`.
    func run(session: Session, host: OutputHost) -> Bool {
        switch initFile?.read() {
        case nil:
            break
        case .failure(let failure)?:
            host.warn(failure.description)
        case .success(let source)?:
            // Every statement of the file is tried: one bad setting should not cost the others.
            let outcome = session.run(source, host: host, keepGoing: true)
            _ = sq_take_interrupt()
            if outcome.quit { return false }
        }
        for source in statements {
            let outcome = session.run(source, host: host, keepGoing: keepGoing)
            _ = sq_take_interrupt()
            if outcome.quit { return false }
            if outcome.errors > 0, !keepGoing { break }
        }
        return true
    }
}
