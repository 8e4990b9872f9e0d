/// Why an export wrote nothing. Whatever was at the destination before is left as it was.
public enum ExportFailure: Error, Equatable, CustomStringConvertible {
    /// The destination exists and replacing it was not asked for.
    case exists(String)
    /// A directory export was asked into a directory that already holds files.
    case directoryNotEmpty(String)
    /// The file system refused: the path and the system's reason.
    case io(String, String)
    /// SQLite refused: the database path and SQLite's message.
    case database(String, String)
    /// A stage could not make its table.
    case stage(String, String)
    case interrupted

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists"
        case .directoryNotEmpty(let path): "\(path) is a directory that is not empty"
        case .io(let path, let reason): "\(path): \(reason)"
        case .database(let path, let message): "\(path): SQLite: \(message)"
        case .stage(let name, let message): "the \(name) table: \(message)"
        case .interrupted: "interrupted"
        }
    }

    /// Whether asking to replace the destination would get past this failure.
    public var isRefusalToReplace: Bool {
        switch self {
        case .exists, .directoryNotEmpty: true
        default: false
        }
    }
}
