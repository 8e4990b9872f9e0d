/// Why one input could not be loaded. Loading carries on with the other inputs; the
/// frontend prints each failure as one line: `speechq: SOURCE[:LINE]: reason`.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path (or `<stdin>`) that failed.
    public var source: String
    /// The 1-based line inside the source, for failures of one JSON Lines record.
    public var line: Int?
    public var reason: String

    public init(source: String, line: Int? = nil, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(source):\(line): \(reason)" }
        return "\(source): \(reason)"
    }
}

extension LoadFailure {
    /// A regular file larger than the size limit, refused by its size before a byte is read.
    static func tooLarge(_ path: String, size: ByteSize, limit: ByteSize) -> LoadFailure {
        LoadFailure(source: path, reason: "refused: \(size) is over the size limit of \(limit) (--max-size changes it)")
    }

    /// A stream (a pipe, a device, standard input, a file that grew) that went on past the
    /// size limit: reading stopped there.
    static func overLimit(_ path: String, limit: ByteSize) -> LoadFailure {
        LoadFailure(source: path, reason: "refused: more than the size limit of \(limit) (--max-size changes it)")
    }

    /// A directory that could not be opened (permission denied, …): nothing below it is loaded.
    static func unreadableDirectory(_ path: String, reason: String) -> LoadFailure {
        LoadFailure(source: path, reason: "skipped: cannot open the directory: \(reason)")
    }

    /// A file or folder whose name is not UTF-8 (a GBK name from an old machine): a path
    /// held as a String cannot name it, so it cannot be opened.
    static func nameNotUTF8(_ path: String) -> LoadFailure {
        LoadFailure(source: path, reason: "its name is not UTF-8; rename it to UTF-8 (for GBK names: convmv -f gbk -t utf8)")
    }

    /// A directory deeper below the one named than the loader goes.
    static func tooDeep(_ path: String, limit: Int) -> LoadFailure {
        LoadFailure(source: path, reason: "skipped: more than \(limit) directories deep")
    }

    /// A symbolic link in a directory walk whose target cannot be reached.
    static func brokenLink(_ path: String, reason: String) -> LoadFailure {
        LoadFailure(source: path, reason: "skipped: a broken symbolic link (\(reason))")
    }

    /// A file met in a directory walk that turned out, when opened, not to be a regular file.
    static func notRegularFile(_ path: String, type: SkippedInput.FileType) -> LoadFailure {
        LoadFailure(source: path, reason: "skipped: \(type), not a regular file")
    }
}
