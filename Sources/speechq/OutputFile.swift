import CTerminal
import Foundation
import SpeechQuery

/// The file `.output PATH` sends results to. Results are written to a temporary file beside
/// it (ExportDestination, as exports are), which is renamed into place when the first
/// statement that wrote to it completes; later statements append to the file in place.
/// A statement that fails — the disk is full, an error, Ctrl-C — has what it wrote cut off
/// again, so the file holds only whole results of completed statements, never a cut one.
/// When `.output` switches away or the session ends, the file is put in place (empty when
/// nothing was written) unless a statement failed before anything was put in place: then
/// the temporary file is removed and what was at PATH is left as it was.
///
/// A signal that ends the process on the way (SIGTERM, SIGHUP, and Ctrl-C outside the
/// prompt) removes the temporary file or cuts the file back the same way (CTerminal).
///
/// What is not a regular file — a device such as /dev/null or /dev/stdout, a FIFO — is
/// written straight, as the shell's `>` would, and so is the file standard output or error
/// is open on. So is an existing file in a directory where no temporary file can be made,
/// when the file itself is writable: that file is emptied when `.output` names it, so what
/// was there is not kept after a failure.
final class OutputFile {
    /// The path as given, for messages.
    let path: String
    private let writer: DescriptorWriter
    /// The temporary file and its place, until it has been put there.
    private var destination: ExportDestination?
    /// A regular file, which a failed statement's output can be cut from.
    private let canTakeBack: Bool
    /// The length of the file after the last completed statement.
    private var committedLength: off_t = 0
    /// Something was written since the last completed statement.
    private var written = false
    /// A statement failed before anything was put in place: then what was at the path is
    /// left as it was.
    private var failedBeforePlacing = false
    /// `--bom`: the file still needs its byte-order mark before the first thing written.
    private let byteOrderMark: Bool
    private var markWritten = false

    /// Opens `path` for results. Throws the reason it cannot be ("no such file or directory").
    init(path: String, byteOrderMark: Bool) throws(OutputFileFailure) {
        // A signal between making a temporary file and registering it would leave it behind;
        // the signals are held for that branch only (a FIFO's open below waits for a reader,
        // and Ctrl-C must still end that wait).
        var holdsSignals = false
        defer { if holdsSignals { sq_release_ending_signals() } }
        self.path = path
        self.byteOrderMark = byteOrderMark
        var status = stat()
        let exists = stat(path, &status) == 0
        let type = status.st_mode & S_IFMT
        let descriptor: Int32
        if exists, let standard = Self.standardStream(sameAs: status) {
            // `.output /dev/stdout` with standard output sent to a file: that file is already
            // open; replacing it by a rename would leave speechq writing to the old one.
            descriptor = fcntl(standard, F_DUPFD_CLOEXEC, 0)
            guard descriptor >= 0 else { throw OutputFileFailure(errno) }
            canTakeBack = false
            // Standard output has its own byte-order mark, written once (OutputHost).
            markWritten = true
        } else if exists, type != S_IFREG, type != S_IFDIR {
            // A device, FIFO or socket: nothing to rename, nothing to take back. A FIFO waits
            // here for its reader, as the shell's `>` does.
            descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputFileFailure(errno) }
            canTakeBack = false
        } else if exists, type == S_IFREG, access(Self.directory(of: path), W_OK) != 0, access(path, W_OK) == 0 {
            descriptor = open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputFileFailure(errno) }
            canTakeBack = true
        } else {
            sq_hold_ending_signals()
            holdsSignals = true
            // A link is followed, so the file it points to gets the results, not the link.
            let target = exists && type == S_IFREG ? LoadedFiles.realPath(path) : path
            do throws(ExportFailure) {
                let staged = try ExportDestination(path: target, isDirectory: false, replacing: true)
                do throws(ExportFailure) {
                    descriptor = try staged.openForWriting()
                } catch {
                    staged.discard()
                    throw error
                }
                destination = staged
            } catch {
                throw OutputFileFailure(error)
            }
            if exists {
                // The new file takes the place of the old one with its permissions and owner.
                _ = fchmod(descriptor, status.st_mode & 0o7777)
                _ = fchown(descriptor, status.st_uid, status.st_gid)
            }
            canTakeBack = true
        }
        writer = DescriptorWriter(descriptor: descriptor)
        registerCleanup()
    }

    /// Standard output or standard error when `status` is the file it is open on.
    private static func standardStream(sameAs status: stat) -> Int32? {
        [STDOUT_FILENO, STDERR_FILENO].first { descriptor in
            var open = stat()
            return fstat(descriptor, &open) == 0 && open.st_dev == status.st_dev && open.st_ino == status.st_ino
        }
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        if byteOrderMark, !markWritten {
            writer.write("\u{FEFF}")
            markWritten = true
        }
        writer.write(text)
        written = true
    }

    /// Ends a statement: keeps what it wrote when it `completed`, else cuts it off again.
    /// Returns the message when the file could not be written.
    func endStatement(completed: Bool) -> String? {
        writer.flush()
        let failure = writer.takeFailure()
        guard completed, failure == nil else {
            takeBack()
            if destination != nil { failedBeforePlacing = true }
            return failure.map { message(DescriptorWriter.reason($0)) }
        }
        guard written else { return nil }
        if let destination {
            do throws(ExportFailure) {
                try destination.commit()
            } catch {
                // Kept, and tried again after the next statement and at the end.
                return message(OutputFileFailure(error).reason)
            }
            self.destination = nil
        }
        if canTakeBack { committedLength = lseek(writer.descriptor, 0, SEEK_CUR) }
        written = false
        registerCleanup()
        return nil
    }

    /// Puts the file in place (or, after a failure with nothing in place, removes the
    /// temporary file) and closes it. Returns the message when that failed.
    func close() -> String? {
        var failure = endStatement(completed: true)
        if let destination {
            if failedBeforePlacing {
                destination.discard()
            } else {
                do throws(ExportFailure) {
                    try destination.commit()
                } catch {
                    destination.discard()
                    failure = failure ?? message(OutputFileFailure(error).reason)
                }
            }
            self.destination = nil
        }
        if Glibc.close(writer.descriptor) != 0, failure == nil, errno != EINTR {
            failure = message(DescriptorWriter.reason(errno))
        }
        sq_set_output_cleanup(nil, -1, 0)
        return failure
    }

    /// Cuts off what was written since the last completed statement.
    private func takeBack() {
        writer.discardBuffered()
        written = false
        guard canTakeBack else { return }
        _ = ftruncate(writer.descriptor, committedLength)
        _ = lseek(writer.descriptor, committedLength, SEEK_SET)
        if committedLength == 0 { markWritten = false }
    }

    /// What a signal that ends the process cleans up: the temporary file while nothing is
    /// in place, then the file in place cut back to its completed statements.
    private func registerCleanup() {
        if let destination {
            sq_set_output_cleanup(destination.temporaryPath, -1, 0)
        } else {
            sq_set_output_cleanup(nil, canTakeBack ? writer.descriptor : -1, Int64(committedLength))
        }
    }

    private func message(_ reason: String) -> String {
        "cannot write to '\(path)': \(reason)"
    }

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}

/// Why `.output` could not open its file, in the system's words.
struct OutputFileFailure: Error {
    let reason: String

    init(_ code: Int32) {
        reason = DescriptorWriter.reason(code)
    }

    init(_ failure: ExportFailure) {
        switch failure {
        case .io(_, let reason): self.reason = reason
        default: reason = failure.description
        }
    }
}
