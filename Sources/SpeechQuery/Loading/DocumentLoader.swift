import Foundation

/// Reads files, directories, JSON Lines and standard input into `SourceText`s.
///
/// A failure in one input never stops the others: every failure is returned as a value
/// with the path it concerns, and the caller decides how to report it. A file is loaded
/// once: naming it again (or a directory holding it) reports it in `alreadyLoaded`.
public struct DocumentLoader: Sendable {
    /// Extensions loaded from a directory walk. Files named explicitly load whatever their extension.
    public static let directoryExtensions: Set<String> = ["txt", "md", "markdown", "jsonl"]

    public init() {}

    public struct Result: Sendable {
        public var sources: [SourceText] = []
        public var failures: [LoadFailure] = []
        /// Files skipped because they were loaded before this call or earlier in it.
        public var alreadyLoaded: [AlreadyLoaded] = []
        /// The files loaded before this call and by it: pass it to the next call.
        public var loadedFiles: LoadedFiles
    }

    /// Loads `paths` in order; `-` means standard input, read through `readStandardInput`.
    /// `takenNames` are names already in use (documents loaded earlier); new names avoid them.
    /// `loadedFiles` are the files loaded earlier; they are not loaded again.
    public func load(paths: [String], takenNames: Set<String> = [], loadedFiles: LoadedFiles = LoadedFiles(),
                     readStandardInput: () -> [UInt8] = DocumentLoader.readAllStandardInput) -> Result {
        var result = Result(loadedFiles: loadedFiles)
        var names = UniqueNames(taken: takenNames)
        for path in paths {
            if path == "-" {
                result.append(decoding: readStandardInput(), origin: "<stdin>", stem: "stdin", isJSONLines: false, format: .plain, names: &names)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.failures.append(LoadFailure(source: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                for file in filesBelow(path, failures: &result.failures) {
                    result.appendFile(file, names: &names)
                }
            } else {
                result.appendFile(path, names: &names)
            }
        }
        return result
    }

    /// The loadable files below `directory`, sorted by path so loading order is stable.
    /// Hidden files and folders are skipped, as `rg` and `git` do, and so are the folders
    /// `speechq export --format jsonl` writes (they hold `speechq_meta.jsonl`): their rows
    /// are tables, not documents.
    func filesBelow(_ directory: String, failures: inout [LoadFailure]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            failures.append(LoadFailure(source: directory, reason: "cannot read directory"))
            return []
        }
        var files: [String] = []
        var exportFolders = Set<String>()
        while let relative = enumerator.nextObject() as? String {
            let last = (relative as NSString).lastPathComponent
            if last.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if last == "speechq_meta.jsonl" {
                exportFolders.insert(((directory as NSString).appendingPathComponent(relative) as NSString).deletingLastPathComponent)
                continue
            }
            let ext = (last as NSString).pathExtension.lowercased()
            guard Self.directoryExtensions.contains(ext) else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.filter { !exportFolders.contains(($0 as NSString).deletingLastPathComponent) }.sorted()
    }

    /// Everything on standard input.
    public static func readAllStandardInput() -> [UInt8] {
        Array((try? FileHandle.standardInput.readToEnd()) ?? Data())
    }
}

extension DocumentLoader.Result {
    mutating func appendFile(_ path: String, names: inout UniqueNames) {
        if let earlier = loadedFiles.documentNames(ofFileAt: path) {
            alreadyLoaded.append(AlreadyLoaded(path: path, documentNames: earlier))
            return
        }
        let bytes: [UInt8]
        switch FileReading.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            failures.append(failure)
            return
        }
        let fileName = (path as NSString).lastPathComponent
        let stem = (fileName as NSString).deletingPathExtension
        let pathExtension = (fileName as NSString).pathExtension
        let isJSONLines = pathExtension.lowercased() == "jsonl"
        let first = sources.count
        append(decoding: bytes, origin: path, stem: stem.isEmpty ? fileName : stem, isJSONLines: isJSONLines,
               format: SourceFormat.forExtension(pathExtension), names: &names)
        // A file that gave no document (undecodable, every JSON line bad) is not remembered:
        // naming it again reports its failure again.
        if sources.count > first {
            loadedFiles.record(path, documentNames: sources[first...].map(\.name))
        }
    }

    mutating func append(decoding raw: [UInt8], origin: String, stem: String, isJSONLines: Bool, format: SourceFormat, names: inout UniqueNames) {
        switch TextDecoding.decode(raw) {
        case .failure(let reason):
            failures.append(LoadFailure(source: origin, reason: reason.rawValue))
        case .success(let (text, encoding)):
            if isJSONLines {
                let records = JSONLinesReader.read(text, origin: origin, stem: stem)
                failures += records.failures
                for record in records.documents {
                    let name = names.claim(record.given.title ?? "\(stem)#\(record.index)")
                    sources.append(SourceText(name: name, origin: "\(origin)#\(record.index)", bytes: record.text, encoding: encoding,
                                              format: record.format, given: record.given))
                }
            } else {
                sources.append(SourceText(name: names.claim(stem), origin: origin, bytes: text, encoding: encoding, format: format))
            }
        }
    }
}

/// Hands out document names, suffixing `-2`, `-3`, … when a name is taken.
struct UniqueNames {
    var taken: Set<String>

    mutating func claim(_ base: String) -> String {
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}

/// Reads a whole file with POSIX calls so that the failure reason is the system's own
/// (permission denied, is a directory, …).
public enum FileReading {
    public static func read(_ path: String) -> Swift.Result<[UInt8], LoadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(LoadFailure(source: path, reason: systemReason())) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(LoadFailure(source: path, reason: "is a directory"))
        }
        var bytes = [UInt8]()
        if info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(LoadFailure(source: path, reason: systemReason()))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
