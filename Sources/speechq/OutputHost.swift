import Foundation
import SpeechQuery

/// Prints results to standard output or the `.output` file, messages and errors to
/// standard error. Writes go through C stdio so output is buffered; a closed pipe
/// (`| head -1`) ends the process quietly through SIGPIPE, as for other Unix tools.
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
    /// Whether standard output and the `.output` file still need their byte-order mark
    /// before the first thing written to them.
    private var standardOutputMarkPending: Bool
    private var fileMarkPending = false
    private var file: UnsafeMutablePointer<FILE>?
    /// A stdio stream of our own on descriptor 1 (the C global `stdout` is shared mutable
    /// state that Swift 6 rightly refuses).
    private let standardOutput: UnsafeMutablePointer<FILE>?
    /// Why results could not be written (a full disk, a closed file), reported once at the
    /// end; nil while every write succeeded.
    private(set) var writeFailure: String?

    private func failed(_ what: String) {
        if writeFailure == nil { writeFailure = "\(what): \(String(cString: strerror(errno)).lowercased())" }
    }

    /// Set by the interactive prompt: output longer than the window goes through a pager
    /// (when `.pager on`), and each output is flushed at once. Never set for `-e` or `-f`.
    var pager: Pager?

    init(color: Bool, errorColor: Bool, width: Int? = nil, byteOrderMark: Bool = false,
         standardOutput: UnsafeMutablePointer<FILE>? = fdopen(STDOUT_FILENO, "w")) {
        self.color = color
        self.errorColor = errorColor
        self.width = width
        self.byteOrderMark = byteOrderMark
        // A mark shown on a terminal would only be a stray character.
        standardOutputMarkPending = byteOrderMark && !Terminal.stdoutIsTerminal
        self.standardOutput = standardOutput
    }

    private var toTerminal: Bool { file == nil && Terminal.stdoutIsTerminal }

    var textWidth: Int? { width ?? (toTerminal ? Terminal.outputWidth() : nil) }

    func emit(_ result: QueryResult, session: Session) {
        let settings = OutputSettings(
            format: session.format, formatIsExplicit: session.formatIsExplicit, header: session.header,
            width: width ?? (toTerminal ? Terminal.outputWidth() : nil),
            color: file == nil && color)
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
            fflush(standardOutput)
            if pager.page(text, warn: warn) { return }
        }
        write(text)
        if pager != nil { fflush(standardOutput) }
    }

    func report(_ diagnostic: Diagnostic) {
        fflush(standardOutput)
        FileHandle.standardError.write(Data(DiagnosticFormatter.format(diagnostic, color: errorColor).utf8))
    }

    func warn(_ message: String) {
        Terminal.printError(message)
    }

    func reportTiming(_ duration: Duration) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data(String(format: "time: %.1f ms\n", milliseconds).utf8))
    }

    func redirectOutput(to path: String?) -> String? {
        closeFile()
        guard let path else { return nil }
        guard let opened = fopen(path, "w") else { return String(cString: strerror(errno)).lowercased() }
        file = opened
        filePath = path
        fileMarkPending = byteOrderMark
        return nil
    }

    /// The `.output` file in use, for messages.
    private var filePath: String?
    private var outputName: String { file == nil ? "standard output" : "'\(filePath ?? "")'" }

    private func write(_ text: String) {
        guard let target = file ?? standardOutput else {
            if writeFailure == nil { writeFailure = "standard output is not open" }
            return
        }
        if !text.isEmpty, file == nil ? standardOutputMarkPending : fileMarkPending {
            if file == nil { standardOutputMarkPending = false } else { fileMarkPending = false }
            if fputs("\u{FEFF}", target) < 0 { failed(outputName) }
        }
        if fputs(text, target) < 0 { failed(outputName) }
    }

    private func closeFile() {
        if let file {
            if fclose(file) != 0 { failed(outputName) }
        }
        file = nil
    }

    func finish() {
        closeFile()
        if fflush(standardOutput) != 0 { failed("standard output") }
    }
}
