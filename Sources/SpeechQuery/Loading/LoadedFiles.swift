import Foundation

/// The files loaded so far, by real path, with the names of the documents each gave. A file
/// named twice — directly, through a directory walk, a symbolic link or `..` — resolves to
/// the same real path, so the loader loads it once instead of counting it twice.
public struct LoadedFiles: Sendable {
    private var namesByRealPath: [String: [String]] = [:]

    public init() {}

    /// The documents the file at `path` gave, when it was loaded before.
    public func documentNames(ofFileAt path: String) -> [String]? {
        namesByRealPath[Self.realPath(path)]
    }

    /// Why nothing may be written over the file at `path` — "it is a loaded input
    /// (document NAME and 2 more)" — or nil when it is no loaded input. One wording for
    /// `.output`, `load` and `export --force`.
    public func overwriteRefusal(of path: String) -> String? {
        guard let names = documentNames(ofFileAt: path) else { return nil }
        let more = names.count > 1 ? " and \(names.count - 1) more" : ""
        return "it is a loaded input (document \(names.first ?? "")\(more))"
    }

    /// The documents the file at `realPath` (as `realPath(_:)` gives it) gave, when it was loaded before.
    func documentNames(ofRealPath realPath: String) -> [String]? {
        namesByRealPath[realPath]
    }

    mutating func record(realPath: String, documentNames: [String]) {
        namesByRealPath[realPath, default: []] += documentNames
    }

    /// `path` with symbolic links, `.` and `..` resolved; the path itself when it cannot be.
    public static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file not loaded again because it already was: reported, never a failure, since its
/// documents are there once as asked.
public struct AlreadyLoaded: Sendable, Equatable, CustomStringConvertible {
    /// The path as given this time.
    public var path: String
    /// The documents it gave when first loaded (several for JSON Lines).
    public var documentNames: [String]

    public init(path: String, documentNames: [String]) {
        self.path = path
        self.documentNames = documentNames
    }

    public var description: String {
        let first = documentNames.first ?? ""
        let more = documentNames.count > 1 ? " and \(documentNames.count - 1) more" : ""
        return "\(path): already loaded as \(first)\(more)"
    }
}
