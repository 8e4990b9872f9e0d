import Foundation
import SpeechQuery

/// Prints results to standard output or the `.output` file, messages and errors to
/// standard error. Results are buffered and written with write(2) at the end of each
/// statement (DescriptorWriter); a write that fails makes that statement fail with the path
/// and the reason (`endStatement`). A closed pipe (`| head -1`) ends the process quietly
/// through SIGPIPE, as for other Unix tools.
final class OutputHost: SessionHost {
    /// Colour for results on the terminal.
    let color: Bool
    /// Colour for diagnostics on standard error.
    let errorColor: Bool
    /// `--width N`: tables fit N columns wherever they go; nil fits them to the terminal,
    /// and does not cut them at all when they do not go to a terminal.
    let width: Int?
    /// `--bom`: each output (standard output, every `.output` file) starts with a UTF-8
    /// byte-order mark, which spreadsheet programs need to read a CSV file as UTF-8.
    let byteOrderMark: Bool
    /// Whether standard output still needs its byte-order mark before the first thing
    /// written to it (each `.output` file keeps its own).
    private var standardOutputMarkPending: Bool
    private let standardOutput = DescriptorWriter(descriptor: STDOUT_FILENO)
    /// The `.output` file, while there is one.
    private var file: OutputFile?
    /// Why the previous `.output` file could not be closed, for the statement that closed it.
    private var closingFailure: String?

    /// Set by the interactive prompt: output longer than the window goes through a pager
    /// (when `.pager on`), and each output is flushed at once. Never set for `-e` or `-f`.
    var pager: Pager?

    init(color: Bool, errorColor: Bool, width: Int? = nil, byteOrderMark: Bool = false) {
        self.color = color
        self.errorColor = errorColor
        self.width = width
        self.byteOrderMark = byteOrderMark
        // A mark shown on a terminal would only be a stray character.
        standardOutputMarkPending = byteOrderMark && !Terminal.stdoutIsTerminal
    }

    private var toTerminal: Bool { file == nil && Terminal.stdoutIsTerminal }

    var textWidth: Int? { width ?? (toTerminal ? Terminal.outputWidth() : nil) }

    /// Control characters from documents are shown escaped on a terminal, never in a file.
    var escapesControlCharacters: Bool { toTerminal }

    func emit(_ result: QueryResult, session: Session) {
        let settings = OutputSettings(
            format: session.format, formatIsExplicit: session.formatIsExplicit, header: session.header,
            width: textWidth, color: file == nil && color, escapesControlCharacters: escapesControlCharacters)
        // A pipe or a file gets the rows as they are made; a terminal's pager needs the whole.
        guard toTerminal else { return ResultFormatter.render(result, corpus: session.corpus, settings: settings, into: write) }
        show(ResultFormatter.render(result, corpus: session.corpus, settings: settings))
    }

    func emitText(_ text: String) {
        show(text)
    }

    /// Writes `text`, through the pager when at the prompt and it is longer than the window.
    private func show(_ text: String) {
        if let pager, toTerminal, pager.isEnabled,
           let width = Terminal.outputWidth(), let height = Terminal.outputHeight(),
           Pager.isTooLong(text, width: width, height: height) {
            standardOutput.flush()
            if pager.page(text, warn: warn) { return }
        }
        write(text)
        if pager != nil { standardOutput.flush() }
    }

    private func write(_ text: String) {
        if let file { return file.write(text) }
        if !text.isEmpty, standardOutputMarkPending {
            standardOutputMarkPending = false
            standardOutput.write("\u{FEFF}")
        }
        standardOutput.write(text)
    }

    func report(_ diagnostic: Diagnostic) {
        // Results before the error that follows them; a failure here is the statement's.
        standardOutput.flush()
        var shown = diagnostic
        if Terminal.stderrIsTerminal {
            // A message or hint can name documents, whose names come from file names.
            shown.message = ControlCharacters.escaped(shown.message)
            shown.hint = shown.hint.map(ControlCharacters.escaped)
        }
        Terminal.writeError(DiagnosticFormatter.format(shown, color: errorColor))
    }

    func warn(_ message: String) {
        standardOutput.flush()
        Terminal.printError(message)
    }

    func reportTiming(_ duration: Duration) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        Terminal.writeError(String(format: "time: %.1f ms\n", milliseconds))
    }

    func redirectOutput(to path: String?) -> String? {
        if let file { closingFailure = file.close() }
        file = nil
        guard let path else { return nil }
        do throws(OutputFileFailure) {
            file = try OutputFile(path: path, byteOrderMark: byteOrderMark)
        } catch {
            return error.reason
        }
        return nil
    }

    func endStatement(completed: Bool) -> String? {
        var failures: [String] = []
        if let closingFailure { failures.append(closingFailure) }
        closingFailure = nil
        if let failure = file?.endStatement(completed: completed) { failures.append(failure) }
        if let failure = flushStandardOutput() { failures.append(failure) }
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    private func flushStandardOutput() -> String? {
        standardOutput.flush()
        return standardOutput.takeFailure().map { "cannot write to standard output: \(DescriptorWriter.reason($0))" }
    }

    /// Closes the `.output` file and writes out standard output. Returns what could not be
    /// written ("cannot write to …"), for the caller to report.
    func finish() -> [String] {
        var failures: [String] = []
        if let closingFailure { failures.append(closingFailure) }
        closingFailure = nil
        if let file, let failure = file.close() { failures.append(failure) }
        file = nil
        if let failure = flushStandardOutput() { failures.append(failure) }
        return failures
    }
}
