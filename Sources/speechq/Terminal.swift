import ArgumentParser
import Foundation
import SpeechQuery

/// The documented exit codes.
enum ExitStatus {
    static let emptyResult: Int32 = 1
    static let usageOrIOError: Int32 = 2
    static let queryError: Int32 = 3
    /// Stopped by Ctrl-C, SIGTERM or SIGHUP, as shells report a SIGINT (128 + 2).
    static let interrupted: Int32 = 130
}

/// Which inputs to read when the user names none.
enum InputSelection {
    static func paths(_ files: [String]) throws -> [String] {
        if !files.isEmpty { return files }
        if isatty(STDIN_FILENO) == 0 { return ["-"] }
        Terminal.printError("no input: name a file or directory, or pipe a document to standard input")
        throw ExitCode(ExitStatus.usageOrIOError)
    }
}

/// `--lexicon FILE`, as the query command and `export` both take it.
enum LexiconFiles {
    /// The standard lexicon with the files' words added; a file that cannot be used is
    /// reported and ends the command with status 2.
    static func lexicon(adding paths: [String]) throws -> AnalysisLexicon {
        var lexicon = AnalysisLexicon.standard
        for path in paths {
            do {
                lexicon = try AnalysisLexicon.loading(path, onto: lexicon)
            } catch {
                Terminal.printError(error.description)
                throw ExitCode(ExitStatus.usageOrIOError)
            }
        }
        return lexicon
    }
}

/// Standard output and error, decided once at the edge. Both are written with write(2):
/// nothing here traps when a descriptor is full or closed.
enum Terminal {
    /// Writes `text` to standard output (an outline, the version, help). A failure is
    /// reported with the reason and ends the command with status 2.
    static func write(_ text: String) throws(ExitCode) {
        if let code = DescriptorWriter.writeAll(STDOUT_FILENO, text) {
            printError("cannot write to standard output: \(DescriptorWriter.reason(code))")
            throw ExitCode(ExitStatus.usageOrIOError)
        }
    }

    /// `speechq: message` on standard error, its control characters escaped when that is a
    /// terminal (a file name can hold anything).
    static func printError(_ message: String) {
        writeError("speechq: \(stderrIsTerminal ? ControlCharacters.escaped(message) : message)\n")
    }

    /// Writes `text` to standard error. A failure is ignored: there is nowhere left to
    /// report it, and the exit status still says what happened.
    static func writeError(_ text: String) {
        DescriptorWriter.writeAll(STDERR_FILENO, text)
    }

    /// Puts /dev/null, opened read-only, on any of descriptors 0, 1 and 2 that is closed
    /// (`2>&-`): otherwise the next file opened would take its number, and results or
    /// messages would land in it. Writing to it fails (EBADF), so a closed standard output
    /// is reported like a full one, and standard input reads as empty.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// What loading reported: failures, inputs skipped or empty, files named twice.
    static func printMessages(of loaded: DocumentLoader.Result) {
        for message in loaded.messages { printError(message) }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// The size of the terminal on standard output, or nil when it is not a terminal.
    static func windowSize() -> winsize? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? size : nil
    }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    /// `COLUMNS`, when set, wins over the window's size, as for ls; otherwise the window
    /// is asked each time, so a result printed after the window was resized fits it.
    static func outputWidth() -> Int? {
        guard stdoutIsTerminal else { return nil }
        if let columns = environmentSize("COLUMNS") { return columns }
        if let columns = windowSize()?.ws_col, columns > 0 { return Int(columns) }
        return 80
    }

    /// The height of the terminal on standard output (`LINES` wins, as `COLUMNS` does for
    /// the width), or nil when it is not known.
    static func outputHeight() -> Int? {
        guard stdoutIsTerminal else { return nil }
        if let lines = environmentSize("LINES") { return lines }
        return windowSize().flatMap { $0.ws_row > 0 ? Int($0.ws_row) : nil }
    }

    /// `COLUMNS` or `LINES` as a size; absurd values are capped, so arithmetic on the width
    /// cannot overflow.
    private static func environmentSize(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? min($0, 10_000) : nil }
    }

    /// `NO_COLOR` (any non-empty value) turns colour off unless `--color always`.
    static var noColorRequested: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Whether `--color auto` may colour: not with `NO_COLOR`, nor on a terminal that says
    /// it cannot (`TERM=dumb`, as Emacs shell buffers set it).
    static var colorAllowed: Bool {
        !noColorRequested && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
