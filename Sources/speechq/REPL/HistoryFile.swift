import Foundation

/// The REPL's history on disk: `$XDG_STATE_HOME/speechq/history` (default
/// `~/.local/state/speechq/history`), one statement per line.
///
/// Every statement is appended under an exclusive `flock` as soon as it is entered, so two
/// sessions running at once interleave their entries instead of overwriting each other's,
/// and nothing is lost when a session is killed. When the file grows past twice the cap it
/// is rewritten, under the same lock, to its newest `capacity` entries.
struct HistoryFile {
    let path: String
    let capacity: Int

    static let defaultCapacity = 1000

    /// The history file for this environment, or nil when history is turned off
    /// (`--no-history`, or `SPEECHQ_NO_HISTORY` set to anything but empty or `0`).
    static func resolve(disabled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryFile? {
        if disabled { return nil }
        if let off = environment["SPEECHQ_NO_HISTORY"], !off.isEmpty, off != "0" { return nil }
        guard let state = XDGDirectory.state.path(in: environment) else { return nil }
        return HistoryFile(path: state + "/speechq/history", capacity: defaultCapacity)
    }

    /// The newest entries, oldest first. A missing file is an empty history.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(lines.suffix(capacity))
    }

    /// Appends one statement. Returns an error message when the file cannot be written.
    func append(_ entry: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory)"
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        let line = entry.replacingOccurrences(of: "\n", with: " ") + "\n"
        let written = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == line.utf8.count else { return "cannot write \(path)" }
        trimIfLarge()
        return nil
    }

    /// Keeps the newest `capacity` entries once the file holds more than twice that.
    /// Called with the lock held.
    private func trimIfLarge() {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard lines.count > capacity * 2 else { return }
        let kept = lines.suffix(capacity).map { Data($0) + Data([UInt8(ascii: "\n")]) }.reduce(Data(), +)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: kept, attributes: [.posixPermissions: 0o600]) else { return }
        rename(temporary, path)
    }
}
