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
    ///
    /// Files are read and decoded on every core; naming them, and noticing a file named
    /// twice, happens afterwards in input order, so the result is the same on any machine.
    public func load(paths: [String], takenNames: Set<String> = [], loadedFiles: LoadedFiles = LoadedFiles(),
                     readStandardInput: () -> [UInt8] = DocumentLoader.readAllStandardInput) -> Result {
        var result = Result(loadedFiles: loadedFiles)
        var names = UniqueNames(taken: takenNames)
        let inputs = inputs(of: paths, failures: &result.failures, readStandardInput: readStandardInput)
        // Each file is read once, even when named twice; one loaded before is not read at all.
        var readIndex: [String: Int] = [:]
        var reads: [Input] = []
        for input in inputs {
            guard case .file(_, let realPath) = input,
                  readIndex[realPath] == nil, loadedFiles.documentNames(ofRealPath: realPath) == nil
            else { continue }
            readIndex[realPath] = reads.count
            reads.append(input)
        }
        let decoded = reads.parallelMap { $0.decoded() }
        for input in inputs {
            switch input {
            case .failure(let failure):
                result.failures.append(failure)
            case .standardInput:
                result.append(input.decoded(), names: &names)
            case .file(let path, let realPath):
                if let earlier = result.loadedFiles.documentNames(ofRealPath: realPath) {
                    result.alreadyLoaded.append(AlreadyLoaded(path: path, documentNames: earlier))
                    continue
                }
                let first = result.sources.count
                result.append(decoded[readIndex[realPath]!], names: &names)
                // A file that gave no document (undecodable, every JSON line bad) is not remembered:
                // naming it again reports its failure again.
                if result.sources.count > first {
                    result.loadedFiles.record(realPath: realPath, documentNames: result.sources[first...].map(\.name))
                }
            }
        }
        return result
    }

    /// What `paths` name, in order: standard input, each file (directories walked), and the
    /// paths that name nothing.
    private func inputs(of paths: [String], failures: inout [LoadFailure], readStandardInput: () -> [UInt8]) -> [Input] {
        var inputs: [Input] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput(readStandardInput()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(.failure(LoadFailure(source: path, reason: "no such file or directory")))
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                var walkFailures: [LoadFailure] = []
                files = filesBelow(path, failures: &walkFailures)
                inputs += walkFailures.map(Input.failure)
            } else {
                files = [path]
            }
            inputs += files.map { .file(path: $0, realPath: LoadedFiles.realPath($0)) }
        }
        return inputs
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

/// One input of a `load` call, in the order named.
private enum Input: Sendable {
    case standardInput([UInt8])
    case file(path: String, realPath: String)
    /// A path that names nothing loadable, or a directory that cannot be walked.
    case failure(LoadFailure)

    /// The input read and decoded, its documents not yet named. Safe on any thread.
    func decoded() -> DecodedInput {
        switch self {
        case .standardInput(let bytes):
            return DecodedInput(decoding: bytes, origin: "<stdin>", stem: "stdin", isJSONLines: false, format: .plain)
        case .file(let path, _):
            switch FileReading.read(path) {
            case .success(let bytes):
                let fileName = (path as NSString).lastPathComponent
                let stem = (fileName as NSString).deletingPathExtension
                let pathExtension = (fileName as NSString).pathExtension
                return DecodedInput(decoding: bytes, origin: path, stem: stem.isEmpty ? fileName : stem,
                                    isJSONLines: pathExtension.lowercased() == "jsonl", format: SourceFormat.forExtension(pathExtension))
            case .failure(let failure):
                return DecodedInput(failures: [failure])
            }
        case .failure(let failure):
            return DecodedInput(failures: [failure])
        }
    }
}

/// A file's (or standard input's) texts and failures, before they are given names.
private struct DecodedInput: Sendable {
    /// A text and the name it asks for; `UniqueNames` makes the name unique.
    struct Text: Sendable {
        var name: String
        var source: SourceText
    }

    var texts: [Text] = []
    var failures: [LoadFailure] = []

    init(failures: [LoadFailure]) {
        self.failures = failures
    }

    init(decoding raw: [UInt8], origin: String, stem: String, isJSONLines: Bool, format: SourceFormat) {
        switch TextDecoding.decode(raw) {
        case .failure(let reason):
            failures.append(LoadFailure(source: origin, reason: reason.rawValue))
        case .success(let (text, encoding)):
            if isJSONLines {
                let records = JSONLinesReader.read(text, origin: origin, stem: stem)
                failures = records.failures
                texts = records.documents.map { record in
                    Text(name: record.given.title ?? "\(stem)#\(record.index)",
                         source: SourceText(name: "", origin: "\(origin)#\(record.index)", bytes: record.text, encoding: encoding,
                                            format: record.format, given: record.given))
                }
            } else {
                texts = [Text(name: stem, source: SourceText(name: "", origin: origin, bytes: text, encoding: encoding, format: format))]
            }
        }
    }
}

extension DocumentLoader.Result {
    /// Adds `decoded`'s failures and its texts under unique names.
    fileprivate mutating func append(_ decoded: DecodedInput, names: inout UniqueNames) {
        failures += decoded.failures
        for text in decoded.texts {
            var source = text.source
            source.name = names.claim(text.name)
            sources.append(source)
        }
    }
}

/// Hands out document names, suffixing `-2`, `-3`, … when a name is taken.
struct UniqueNames {
    var taken: Set<String>
    /// The suffix to try next for each base name claimed more than once. Names are never
    /// given back, so every suffix below it is still taken: a thousand files with one stem
    /// cost a thousand tries, not half a million.
    private var nextSuffix: [String: Int] = [:]

    init(taken: Set<String>) {
        self.taken = taken
    }

    mutating func claim(_ base: String) -> String {
        var candidate = base
        var n = nextSuffix[base] ?? 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        if n > 2 { nextSuffix[base] = n }
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
        // Straight into the final array at the size `fstat` gives; what is left after that
        // (a file that grew, a pipe or /proc file with no size) is read in chunks.
        let expected = info.st_size > 0 ? Int(info.st_size) : 0
        var bytes: [UInt8]
        do {
            bytes = try [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
                while count < buffer.count {
                    let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw LoadFailure(source: path, reason: systemReason())
                    }
                    if n == 0 { break }
                    count += n
                }
            }
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
                while true {
                    let n = Foundation.read(fd, chunk.baseAddress, chunk.count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw LoadFailure(source: path, reason: systemReason())
                    }
                    if n == 0 { break }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<n]))
                }
            }
        } catch let failure as LoadFailure {
            return .failure(failure)
        } catch {
            return .failure(LoadFailure(source: path, reason: "\(error)"))
        }
        return .success(bytes)
    }

    static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
