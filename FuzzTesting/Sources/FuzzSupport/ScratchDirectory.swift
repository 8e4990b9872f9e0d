import Foundation

/// A folder of this process's own for the files a target writes (the input as a file, so it
/// is loaded the way a file named on the command line is). On /dev/shm when there is one,
/// so an execution costs no disk write.
public enum ScratchDirectory {
    /// The folder made, removed at exit. Set once, before libFuzzer starts its thread.
    nonisolated(unsafe) private static var made: String?

    public static func make(_ label: String) -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array("\(base)/speechq-\(label)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { fatalError("cannot make a scratch folder in \(base)") }
        let path = String(cString: created)
        // Removed when libFuzzer exits normally; after a crash scripts/fuzz removes it.
        made = path
        atexit { if let made = ScratchDirectory.made { try? FileManager.default.removeItem(atPath: made) } }
        return path
    }

    /// Writes `bytes` to `path`, replacing what is there.
    public static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += n
        }
        close(fd)
    }
}
