import Foundation

/// Where an export lands, or the file `.output` writes results to. It is written under a
/// temporary name beside the destination (so on the same file system) and renamed into
/// place only when complete: a failed or interrupted export leaves neither half a database
/// under the name asked for nor a damaged copy of what was there, and nothing is replaced
/// unless replacing was asked for.
public struct ExportDestination: Sendable {
    public let path: String
    /// A directory of files (JSON Lines, CSV) rather than one database file.
    public let isDirectory: Bool
    public let replacing: Bool
    /// Where the export is written until it is complete.
    public let temporaryPath: String

    /// Refuses at once, before any work, a destination that would be overwritten without
    /// `replacing`, and a file where a directory is wanted or the other way round.
    public init(path: String, isDirectory: Bool, replacing: Bool) throws(ExportFailure) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = trimmed
        self.isDirectory = isDirectory
        self.replacing = replacing
        let url = URL(fileURLWithPath: trimmed)
        // Short, so a destination name near the file system's limit still has room.
        let hidden = ".speechq-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        var existingDirectory: ObjCBool = false
        if isDirectory, FileManager.default.fileExists(atPath: trimmed, isDirectory: &existingDirectory), existingDirectory.boolValue {
            // Inside the directory: its parent may be another file system (a mount point, a
            // volume) or not writable, and `.` has no name to be renamed to.
            temporaryPath = url.appendingPathComponent(hidden).path
        } else {
            temporaryPath = url.deletingLastPathComponent().appendingPathComponent(hidden).path
        }
        try checkReplaceable()
        // Made here, not by the writer, so a missing or read-only directory is reported in
        // the system's words (SQLite says only "unable to open database file"); SQLite takes
        // an empty file as a new database.
        if isDirectory {
            if mkdir(temporaryPath, 0o777) != 0 { throw Self.systemFailure(trimmed) }
        } else {
            let descriptor = open(temporaryPath, O_CREAT | O_EXCL | O_WRONLY, 0o666)
            guard descriptor >= 0 else { throw Self.systemFailure(trimmed) }
            close(descriptor)
        }
    }

    /// The temporary file, opened for writing (a file destination only); the caller closes it.
    public func openForWriting() throws(ExportFailure) -> Int32 {
        let descriptor = open(temporaryPath, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.systemFailure(path) }
        return descriptor
    }

    /// Puts the finished export in place of the destination.
    public func commit() throws(ExportFailure) {
        try checkReplaceable()
        var existingDirectory: ObjCBool = false
        if isDirectory, FileManager.default.fileExists(atPath: path, isDirectory: &existingDirectory), existingDirectory.boolValue {
            // Other files in the directory are the user's; only the tables are replaced.
            for name in Self.directoryEntries(temporaryPath) ?? [] {
                if rename("\(temporaryPath)/\(name)", "\(path)/\(name)") != 0 { throw Self.systemFailure("\(path)/\(name)") }
            }
            rmdir(temporaryPath)
            return
        }
        // rename(2) replaces a file, or an empty directory, in one step.
        if rename(temporaryPath, path) != 0 { throw Self.systemFailure(path) }
    }

    /// Removes what was written so far.
    public func discard() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func checkReplaceable() throws(ExportFailure) {
        var isDirectoryNow: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectoryNow) else { return }
        if isDirectory {
            guard isDirectoryNow.boolValue else { throw .io(path, "not a directory") }
            let temporaryName = (temporaryPath as NSString).lastPathComponent
            if !replacing, let entries = Self.directoryEntries(path), entries.contains(where: { $0 != temporaryName }) { throw .directoryNotEmpty(path) }
        } else {
            if isDirectoryNow.boolValue { throw .io(path, "is a directory") }
            if !replacing { throw .exists(path) }
        }
    }

    private static func directoryEntries(_ path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }

    /// The failure `errno` describes, worded as the rest of speechq words them.
    public static func systemFailure(_ path: String) -> ExportFailure {
        .io(path, String(cString: strerror(errno)).lowercased())
    }
}
