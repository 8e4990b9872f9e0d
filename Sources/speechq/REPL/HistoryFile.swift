import Foundation

/// The REPL's history on disk: `$XDG_STATE_HOME/speechq/history` (default
/// `~/.local/state/speechq/history`), one statement per line.
///
/// Every statement is appended as soon as it is entered, so nothing is lost when a session
/// is killed. Appends and trims take an exclusive `flock` on a separate lock file
/// (`history.lock`) and open the history only once they hold it: a trim replaces the
/// history file by renaming a new one over it, and a session that had locked the old file
/// itself would have appended to the replaced copy, losing its entry.
///
/// The cost of a statement does not grow with the file: an append checks the size, and
/// only past `trimBytes` is the file rewritten to its newest `capacity` entries, read from
/// its last `tailBytes`. Loading reads the same tail, so a history of any size (one grown
/// by another tool, or by an older speechq) starts at once.
struct HistoryFile {
    let path: String
    let capacity: Int
    /// Past this size the file is rewritten.
    var trimBytes = 1 << 20
    /// How much of the file's end `load` and a trim read.
    var tailBytes = 1 << 20
    /// A longer statement (a generated query) is not written to the file: the tail read back
    /// could not hold it whole, and a trim would keep nothing.
    static let maximumEntryBytes = 64 << 10

    static let defaultCapacity = 1000

    /// The history file for this environment, or nil when history is turned off
    /// (`--no-history`, or `SPEECHQ_NO_HISTORY` set to anything but empty or `0`).
    static func resolve(disabled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryFile? {
        if disabled { return nil }
        if let off = environment["SPEECHQ_NO_HISTORY"], !off.isEmpty, off != "0" { return nil }
        guard let state = XDGDirectory.state.path(in: environment) else { return nil }
        return HistoryFile(path: state + "/speechq/history", capacity: defaultCapacity)
    }

    /// The lock that appends and trims take, beside the history.
    var lockPath: String { path + ".lock" }

    /// The newest entries, oldest first. A missing file is an empty history.
    func load() -> [String] {
        Array(newestLines().suffix(capacity).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Whether `entry` is short enough to be written (`maximumEntryBytes`).
    func keeps(_ entry: String) -> Bool {
        line(entry).count <= longestLine
    }

    /// The longest line written, its newline included.
    private var longestLine: Int { min(Self.maximumEntryBytes, tailBytes) }

    private func line(_ entry: String) -> [UInt8] {
        Array((entry.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
    }

    /// Appends one statement. Returns an error message when the file cannot be written.
    func append(_ entry: String) -> String? {
        let line = line(entry)
        guard line.count <= longestLine else { return "a statement of more than \(longestLine >> 10) KB is not kept in \(path)" }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory)"
        }
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return "cannot open \(lockPath): \(String(cString: strerror(errno)))" }
        // Closing the lock file releases the lock.
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { return "cannot lock \(lockPath): \(String(cString: strerror(errno)))" }
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        if let code = line.withUnsafeBytes({ DescriptorWriter.writeAll(fd, $0) }) { return "cannot write \(path): \(DescriptorWriter.reason(code))" }
        var status = stat()
        if fstat(fd, &status) == 0, Int(status.st_size) > trimBytes { trim() }
        return nil
    }

    /// Rewrites the file to its newest `capacity` entries. Called with the lock held.
    private func trim() {
        let newest = newestLines()
        // A tail that holds fewer than `capacity` whole lines (long lines, or one written by
        // something else) would rewrite the file to less than a full history, or to nothing:
        // keep the file as it is until it is far too large to keep.
        guard newest.count >= capacity || fileSize() > 8 * trimBytes, !newest.isEmpty else { return }
        let kept = newest.suffix(capacity).flatMap { $0 + [UInt8(ascii: "\n")] }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let failed = kept.withUnsafeBytes { DescriptorWriter.writeAll(fd, $0) } != nil
        close(fd)
        if failed || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private func fileSize() -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// The whole lines in the last `tailBytes` of the file.
    private func newestLines() -> [ArraySlice<UInt8>] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return [] }
        // From one byte before the tail, so that whether the tail starts a line is known.
        let start = max(0, Int(status.st_size) - tailBytes - 1)
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) - start)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(start + filled)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        var tail = bytes[..<filled]
        // Read from the middle of the file, the text up to the first newline is the end of
        // an older line.
        if start > 0 { tail = tail.drop { $0 != UInt8(ascii: "\n") } }
        return tail.split(separator: UInt8(ascii: "\n"))
    }
}
