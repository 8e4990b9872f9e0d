import CEditLine
import CTerminal
import Foundation
import SpeechQuery

/// A libedit line editor with history and Tab completion. Owns the `EditLine` and
/// `History` handles and frees them when it goes away.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-D on an empty line.
        case endOfInput
        /// Ctrl-C.
        case interrupted
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The prompt libedit shows; kept alive here because libedit only borrows it.
    private var prompt: UnsafeMutablePointer<CChar>
    /// Supplies completions for the text before the cursor.
    var completer: () -> Completer
    /// The terminal streams libedit reads and writes (our own, not the C globals, which
    /// Swift 6 treats as shared mutable state).
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let errorOutput: UnsafeMutablePointer<FILE>

    init?(output: UnsafeMutablePointer<FILE>, completer: @escaping () -> Completer) {
        LineEditor.prepareLocale()
        guard let input = fdopen(STDIN_FILENO, "r"), let errorOutput = fdopen(STDERR_FILENO, "w") else { return nil }
        guard let editLine = el_init("speechq", input, output, errorOutput), let history = history_init() else { return nil }
        self.input = input
        self.output = output
        self.errorOutput = errorOutput
        self.editLine = editLine
        self.history = history
        self.completer = completer
        prompt = strdup("speechq> ")
        sq_history_set_size(history, Int32(HistoryFile.defaultCapacity))
        sq_history_set_unique(history, 1)
        sq_el_set_editor(editLine, "emacs")
        sq_el_set_history(editLine, history)
        sq_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        sq_el_set_prompt(editLine) { el in
            guard let el, let data = sq_el_client_data(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().prompt
        }
        sq_el_add_function(editLine, "speechq-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = sq_el_client_data(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        sq_el_bind(editLine, "^I", "speechq-complete")
        sq_el_bind(editLine, "^R", "em-inc-search-prev")
        // The user's own ~/.editrc may rebind keys, as in other libedit programs.
        el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(prompt)
    }

    /// libedit drops multibyte input unless LC_CTYPE names a UTF-8 locale.
    static func prepareLocale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    func readLine(prompt text: String) -> Input {
        free(prompt)
        prompt = strdup(text)
        var count: Int32 = 0
        errno = 0
        let line = el_gets(editLine, &count)
        let interrupted = sq_take_interrupt() != 0
        guard let line, !interrupted else {
            if line != nil || interrupted || count == -1 {
                el_reset(editLine)
                return .interrupted
            }
            return .endOfInput
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    func addToHistory(_ entry: String) {
        sq_history_enter(history, entry)
    }

    /// Tab: one candidate completes; several complete their common prefix, or are listed.
    private func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let bytes = UnsafeRawBufferPointer(start: info.buffer, count: length)
        let before = String(decoding: bytes, as: UTF8.self)
        let (word, candidates) = completer().complete(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if let edit = Completer.edit(completing: word, with: candidates) {
            // libedit counts wide characters, one per Unicode scalar, as `edit` does.
            if edit.deleting > 0 { el_deletestr(editLine, Int32(edit.deleting)) }
            el_insertstr(editLine, edit.inserting)
            return UInt8(CC_REFRESH)
        }
        // Document names come from file names, which can hold control characters.
        let listing = "\n" + CandidateListing.columns(candidates.map(ControlCharacters.escaped), width: Terminal.outputWidth() ?? 80) + "\n"
        fputs(listing, output)
        fflush(output)
        return UInt8(CC_REDISPLAY)
    }
}

/// Candidates laid out in columns, as shells list completions.
enum CandidateListing {
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map { DisplayWidth.columns(of: $0) }.max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var rows: [String] = []
        var index = 0
        while index < items.count {
            let row = items[index..<min(index + perRow, items.count)]
            rows.append(row.map { DisplayWidth.pad($0, to: cell) }.joined().trimmingCharacters(in: .whitespaces))
            index += perRow
        }
        return rows.joined(separator: "\n")
    }
}
