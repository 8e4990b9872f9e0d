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
    private var file: UnsafeMutablePointer<FILE>?
    /// A stdio stream of our own on descriptor 1 (the C global `stdout` is shared mutable
    /// state that Swift 6 rightly refuses).
    private let standardOutput: UnsafeMutablePointer<FILE>?
    private(set) var writeFailed = false

    /// At most this many rows of a result are printed (the REPL sets it from the window
    /// height so one query cannot flood the screen); nil prints everything.
    var maximumRows: Int?

    init(color: Bool, errorColor: Bool, standardOutput: UnsafeMutablePointer<FILE>? = fdopen(STDOUT_FILENO, "w")) {
        self.color = color
        self.errorColor = errorColor
        self.standardOutput = standardOutput
    }

    private var toTerminal: Bool { file == nil && Terminal.stdoutIsTerminal }

    var textWidth: Int? { toTerminal ? Terminal.outputWidth() : nil }

    func emit(_ result: QueryResult, session: Session) {
        let settings = OutputSettings(
            format: session.format, header: session.header,
            width: toTerminal ? Terminal.outputWidth() : nil,
            color: file == nil && color)
        var shown = result
        var hidden = 0
        if let maximumRows, file == nil, result.rowCount > maximumRows, !result.showFullText {
            hidden = result.rowCount - maximumRows
            shown = result.limited(to: maximumRows)
        }
        write(ResultFormatter.render(shown, corpus: session.corpus, settings: settings))
        if hidden > 0 {
            write("… \(hidden) more rows (add | limit N or | show, or send them to a file with .output FILE)\n")
        }
        if maximumRows != nil { fflush(standardOutput) }
    }

    func emitText(_ text: String) {
        write(text)
        if maximumRows != nil { fflush(standardOutput) }
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
        return nil
    }

    private func write(_ text: String) {
        guard let target = file ?? standardOutput else {
            writeFailed = true
            return
        }
        if fputs(text, target) < 0 { writeFailed = true }
    }

    private func closeFile() {
        if let file {
            if fclose(file) != 0 { writeFailed = true }
        }
        file = nil
    }

    func finish() {
        closeFile()
        if fflush(standardOutput) != 0 { writeFailed = true }
    }
}
