import CTerminal
import Foundation
import SpeechQuery

/// The interactive prompt: reads statements with the line editor, runs them in the
/// session, and carries on after errors. `speechq> ` asks for a statement, `   ...> ` for
/// the rest of an unfinished one (a trailing `|`, an open quote or parenthesis).
struct Repl {
    let session: Session
    let host: OutputHost
    let editor: LineEditor
    let history: HistoryFile?
    let quiet: Bool
    let startup: ReplStartup

    static let prompt = "speechq> "
    static let continuationPrompt = "   ...> "

    func run() {
        sq_install_interrupt_handler()
        // Results longer than the window go through a pager, here and nowhere else.
        host.pager = Pager(session: session)
        session.isInterrupted = { sq_interrupt_pending() != 0 }
        if !quiet { host.emitText(banner()) }
        guard startup.run(session: session, host: host) else { return }
        for entry in history?.load() ?? [] { editor.addToHistory(entry) }
        var historyWarningShown = false
        var pending: String?
        var lastEntry = history?.load().last
        while true {
            switch editor.readLine(prompt: pending == nil ? Self.prompt : Self.continuationPrompt) {
            case .endOfInput:
                if pending != nil {
                    // Ctrl-D in the middle of a statement abandons the statement.
                    pending = nil
                    host.emitText("\n")
                    continue
                }
                host.emitText("\n")
                return
            case .interrupted:
                pending = nil
                host.emitText("\n")
            case .line(let line):
                let text = pending.map { InputCompleteness.join($0, line) } ?? line
                if InputCompleteness.needsMoreInput(text) {
                    pending = text
                    continue
                }
                pending = nil
                let entry = text.trimmingCharacters(in: .whitespaces)
                guard !entry.isEmpty else { continue }
                editor.addToHistory(entry)
                // A statement recalled and run again is not written twice in a row.
                if entry != lastEntry, let history {
                    if !history.keeps(entry) {
                        // Said each time: it is about this statement, not about the file.
                        host.warn("history: a statement of more than \(HistoryFile.maximumEntryBytes >> 10) KB is run but not saved")
                    } else if let problem = history.append(entry), !historyWarningShown {
                        host.warn("history not saved: \(problem)")
                        historyWarningShown = true
                    }
                }
                lastEntry = entry
                let outcome = session.run(QuerySource(name: "<stdin>", text: text), host: host, keepGoing: true)
                _ = sq_take_interrupt()
                if outcome.quit { return }
            }
        }
    }

    func banner() -> String {
        let documents = session.corpus.documents
        let sections = documents.reduce(0) { $0 + $1.outline.sections.count }
        let points = documents.reduce(0) { $0 + $1.outline.points.count }
        let sentences = documents.reduce(0) { $0 + $1.outline.sentences.count }
        let loaded = documents.isEmpty
            ? "no documents loaded (load PATH loads some)"
            : "\(documents.count) document\(documents.count == 1 ? "" : "s"): \(sections) sections, \(points) points, \(sentences) sentences"
        return "speechq \(SpeechQueryVersion.current) — \(loaded)\nType .help for help, Tab to complete, Ctrl-D to leave.\n"
    }
}
