import CTerminal
import Foundation
import Testing

/// Drives the real `speechq` binary in a pseudo-terminal (forkpty) and types keys, as a
/// person at the prompt would.
final class TerminalSession {
    let pid: pid_t
    let fd: Int32
    private(set) var transcript = ""
    /// Where the next `expect` starts looking in the transcript.
    private var mark: String.Index

    init(arguments: [String], environment: [String: String], rows: Int = 40, columns: Int = 120) throws {
        let path = SpeechQRun.binary.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = SanitizerEnvironment.child(environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var master: Int32 = -1
        let child = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                sq_spawn_in_pty(path, a.baseAddress, e.baseAddress, Int32(rows), Int32(columns), &master)
            }
        }
        guard child > 0 else { throw POSIXError(.ECHILD) }
        pid = child
        fd = master
        mark = transcript.startIndex
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(fd)
    }

    /// Resizes the terminal, as dragging the window's corner does (the child gets SIGWINCH).
    func resize(rows: Int, columns: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
    }

    /// Types `keys`, one write per string, with a pause so each arrives on its own.
    func type(_ keys: String...) {
        for key in keys {
            _ = key.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            usleep(60_000)
        }
    }

    /// Reads until `text` appears after the mark; returns what came before it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = transcript.range(of: text, range: mark..<transcript.endIndex) {
                let before = String(transcript[mark..<found.lowerBound])
                mark = found.upperBound
                return before
            }
            guard Date() < deadline, read(waitingUntil: deadline) else {
                throw TerminalTimeout(expected: text, transcript: String(transcript[mark...]))
            }
        }
    }

    /// Reads what is available; false at the end of output.
    private func read(waitingUntil deadline: Date) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let wait = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        guard poll(&poller, 1, wait) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = Glibc.read(fd, &buffer, buffer.count)
        guard n > 0 else { return false }
        let offset = transcript.distance(from: transcript.startIndex, to: mark)
        transcript += String(decoding: buffer[0..<n], as: UTF8.self)
        mark = transcript.index(transcript.startIndex, offsetBy: offset)
        return true
    }

    /// Waits for the child to exit; returns its exit status, or nil if it did not exit.
    func exitStatus(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = read(waitingUntil: Date().addingTimeInterval(0.05))
            if waitpid(pid, &status, WNOHANG) == pid {
                // What it wrote just before exiting may still wait in the terminal: take it
                // (slow under a sanitizer, a table was lost this way and the test saw "").
                while read(waitingUntil: Date()) {}
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
            }
        }
        return nil
    }
}

struct TerminalTimeout: Error, CustomStringConvertible {
    let expected: String
    let transcript: String
    var description: String { "timed out waiting for \(expected.debugDescription); the terminal showed: \(transcript.debugDescription)" }
}

@Suite("The interactive prompt", .serialized)
struct ReplTests {
    let state: URL

    init() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    }

    func start(_ extra: [String] = [], environment: [String: String] = [:]) throws -> TerminalSession {
        var env = ["TERM": "xterm", "LANG": "C.UTF-8", "XDG_STATE_HOME": state.path, "HOME": state.path, "PATH": "/usr/bin:/bin"]
        env.merge(environment) { $1 }
        let speech = SpeechQRun.packageRoot.appendingPathComponent("examples/speeches/safety-production.txt").path
        let session = try TerminalSession(arguments: extra + [speech], environment: env)
        try session.expect("speechq> ")
        return session
    }

    var historyFile: URL { state.appendingPathComponent("speechq/history") }

    @Test func tabCompletesAStageName() throws {
        let repl = try start()
        repl.type("sel", "\t")
        try repl.expect("ect ")
        repl.type("sections | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func tabQuotesADocumentNameThatNeedsIt() throws {
        let repl = try start()
        // safety-production must be quoted after doc =: Tab replaces the typed "saf".
        repl.type("docs | filter doc = saf", "\t")
        repl.type("| count\r")
        let output = try repl.expect("speechq> ")
        #expect(output.contains("\r\n1\r\n"))
        #expect(!output.contains("error"))
    }

    @Test func chineseTypedCharacterByCharacterIsKept() throws {
        let repl = try start()
        repl.type("sentences | filter ", "隐", "患", " | fields ref\r")
        let output = try repl.expect("speechq> ")
        #expect(output.contains("safety-production:sec1.para1.sen2"))
        #expect(output.contains("safety-production:sec3.para1.sen6"))
        #expect(!output.contains("error"))
    }

    @Test func backspaceRemovesAWholeCharacter() throws {
        let repl = try start()
        repl.type("sentences | filter 隐患患", "\u{7F}", " | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func upRecallsThePreviousStatement() throws {
        let repl = try start()
        repl.type("select points | count\r")
        try repl.expect("\r\n9\r\n")
        repl.type("\u{1B}[A", "\r")
        try repl.expect("\r\n9\r\n")
    }

    @Test func ctrlCClearsAHalfTypedLineAndTheREPLCarriesOn() throws {
        let repl = try start()
        repl.type("select sect", "\u{03}")
        try repl.expect("speechq> ")
        repl.type("select sections | count\r")
        let output = try repl.expect("speechq> ")
        #expect(output.contains("\r\n3\r\n"))
        #expect(!output.contains("error"))
    }

    @Test func aTrailingPipeContinuesOnTheNextLineAndRunsOnce() throws {
        let repl = try start()
        repl.type("select sections |\r")
        try repl.expect("   ...> ")
        repl.type("count\r")
        let output = try repl.expect("speechq> ")
        #expect(output.components(separatedBy: "\r\n3\r\n").count == 2)
    }

    @Test func errorsAreShownAndTheREPLCarriesOn() throws {
        let repl = try start()
        repl.type("select sections | cuont\r")
        try repl.expect("did you mean 'count'?")
        repl.type("select sections | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func ctrlDExitsAndTheHistoryKeepsTheStatements() throws {
        let repl = try start()
        repl.type("sentences | filter 隐患 | count\r")
        try repl.expect("\r\n3\r\n")
        repl.type("select sections |\r")
        try repl.expect("   ...> ")
        repl.type("count\r")
        try repl.expect("speechq> ")
        repl.type("\u{04}")
        #expect(repl.exitStatus() == 0)
        let history = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(history == "sentences | filter 隐患 | count\nselect sections | count\n")
        // A second session starts with that history: Up brings back the last statement.
        let again = try start()
        again.type("\u{1B}[A", "\r")
        try again.expect("\r\n3\r\n")
    }

    @Test func historyCanBeTurnedOff() throws {
        let repl = try start(["--no-history"])
        repl.type("select points | count\r", "\u{04}")
        #expect(repl.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: historyFile.path))
        let byEnvironment = try start(environment: ["SPEECHQ_NO_HISTORY": "1"])
        byEnvironment.type("select points | count\r", "\u{04}")
        #expect(byEnvironment.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: historyFile.path))
    }

    @Test func quietStartsWithoutTheBanner() throws {
        let examples = SpeechQRun.packageRoot.appendingPathComponent("examples/speeches").path
        let loud = try TerminalSession(arguments: [examples], environment: ["TERM": "xterm", "LANG": "C.UTF-8", "SPEECHQ_NO_HISTORY": "1"])
        let banner = try loud.expect("speechq> ")
        #expect(banner.contains("4 documents: 11 sections"))
        let quiet = try TerminalSession(arguments: ["-q", examples], environment: ["TERM": "xterm", "LANG": "C.UTF-8", "SPEECHQ_NO_HISTORY": "1"])
        let nothing = try quiet.expect("speechq> ")
        #expect(!nothing.contains("speechq 0."))
    }
}
