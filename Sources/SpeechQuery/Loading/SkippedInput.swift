import Foundation

/// An input the loader passed over on purpose, or one that held nothing to load: reported as
/// `speechq: PATH: reason`, never a failure. A named pipe, socket or device met in a
/// directory is never opened (opening a named pipe waits for a writer), and a folder of
/// nothing loadable is said to be one rather than passed over in silence.
public struct SkippedInput: Sendable, Equatable, CustomStringConvertible {
    /// The path as given or met in a directory walk, or `<stdin>`.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public enum Reason: Sendable, Equatable {
        /// Met in a directory walk under a loadable name, but not a regular file: never
        /// opened. `throughLink`: the name is a symbolic link to it.
        case notRegularFile(FileType, throughLink: Bool)
        /// A directory without a `.txt`, `.md`, `.markdown` or `.jsonl` file.
        case noLoadableFiles
        /// A directory whose loadable files were all skipped (each reported on its own).
        case everyFileSkipped
        /// A JSON Lines file without a record: empty, or blank lines only.
        case noRecords
        /// Standard input named as an input, and empty.
        case emptyStandardInput

        /// Whether the input gave no document at all (as opposed to one file of it skipped).
        public var meansNoDocuments: Bool {
            if case .notRegularFile = self { return false }
            return true
        }

        public var text: String {
            switch self {
            case .notRegularFile(let type, let throughLink):
                return "skipped: \(throughLink ? "a symbolic link to " : "")\(type.description), not a regular file"
            case .noLoadableFiles: return "no documents: no .txt, .md, .markdown or .jsonl files in it"
            case .everyFileSkipped: return "no documents: nothing in it could be loaded"
            case .noRecords: return "no documents: no JSON records in it"
            case .emptyStandardInput: return "no documents: it is empty"
            }
        }
    }

    /// What a path is, when it is not a regular file or a directory.
    public enum FileType: String, Sendable, Equatable, CustomStringConvertible {
        case namedPipe = "a named pipe (FIFO)"
        case socket = "a socket"
        case characterDevice = "a character device"
        case blockDevice = "a block device"
        case other = "a special file"

        /// The type `stat` gives in `st_mode`, for anything but regular files and directories.
        init(mode: UInt32) {
            switch mode & UInt32(S_IFMT) {
            case UInt32(S_IFIFO): self = .namedPipe
            case UInt32(S_IFSOCK): self = .socket
            case UInt32(S_IFCHR): self = .characterDevice
            case UInt32(S_IFBLK): self = .blockDevice
            default: self = .other
            }
        }

        public var description: String { rawValue }
    }

    public var description: String { "\(path): \(reason.text)" }
}
