import CTerminal
import Foundation
import SpeechQuery

/// Shows output longer than the window through a pager at the prompt, as psql and git do.
/// The window's size is asked for each output, so paging follows a resized window.
final class Pager {
    static let defaultCommand = "less -FRX"

    /// Where `.pager on|off|COMMAND` is kept.
    private let session: Session
    /// The pager that failed to start; it is not tried again, and was reported once.
    private var failedCommand: String?

    init(session: Session) {
        self.session = session
    }

    var isEnabled: Bool { session.pagerEnabled }

    /// `.pager COMMAND`, else `$PAGER`, else less: `-F` leaves at once when the text fits
    /// after all, `-R` passes the colour through, `-X` leaves the text on the screen.
    var command: String { Self.command(chosen: session.pagerCommand) }

    static func command(chosen: String?) -> String {
        if let chosen, !chosen.isEmpty { return chosen }
        if let environment = ProcessInfo.processInfo.environment["PAGER"], !environment.trimmingCharacters(in: .whitespaces).isEmpty {
            return environment
        }
        return defaultCommand
    }

    /// Whether `text` needs more rows than the window has, leaving one for the prompt.
    static func isTooLong(_ text: String, width: Int, height: Int) -> Bool {
        var rows = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            rows += max(1, (visibleWidth(line) + width - 1) / width)
            if rows > height - 1 { return true }
        }
        return false
    }

    /// Display columns, skipping ANSI colour sequences (ESC [ … letter).
    static func visibleWidth(_ line: Substring) -> Int {
        var width = 0
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += DisplayWidth.columns(of: scalar)
            }
        }
        return width
    }

    /// Pipes `text` to the pager and waits for it. False when the pager could not be
    /// started — the caller prints the text instead; `warn` is called the first time.
    func page(_ text: String, warn: (String) -> Void) -> Bool {
        let command = command
        guard command != failedCommand else { return false }
        let status = text.utf8CString.withUnsafeBufferPointer { buffer in
            sq_run_pager(command, buffer.baseAddress, buffer.count - 1)
        }
        // The shell says 126 or 127 when it cannot run the command (and names it on stderr).
        if status == -1 || status == 126 || status == 127 {
            failedCommand = command
            warn("cannot start the pager '\(command)'; printing instead (.pager off turns paging off)")
            return false
        }
        return true
    }
}
