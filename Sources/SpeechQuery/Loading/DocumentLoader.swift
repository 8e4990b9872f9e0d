import Foundation

/// Reads files, directories, JSON Lines and standard input into `SourceText`s.
///
/// A failure in one input never stops the others: every failure is returned as a value
/// with the path it concerns, and the caller decides how to report it. A file is loaded
/// once: naming it again (or a directory holding it) reports it in `alreadyLoaded`. A named
/// input that gives no document — an empty folder, a folder of nothing loadable, an empty
/// standard input — is reported in `skipped`, as is a named pipe, socket or device met in
/// a folder, which is never opened.
public struct DocumentLoader: Sendable {
    /// Extensions loaded from a directory walk. Files named explicitly load whatever their extension.
    public static let directoryExtensions: Set<String> = ["txt", "md", "markdown", "jsonl"]
    /// How many folders below a named one a walk goes.
    public static let defaultMaximumDepth = 64

    /// The largest input read (`--max-size`): a larger regular file is refused by its size,
    /// and reading a stream stops there.
    public var maximumFileSize: ByteSize
    /// How many folders below a named one a walk goes; a deeper one is reported and skipped.
    public var maximumDepth: Int

    public init(maximumFileSize: ByteSize = .defaultFileLimit, maximumDepth: Int = DocumentLoader.defaultMaximumDepth) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
    }

    public struct Result: Sendable {
        public var sources: [SourceText] = []
        public var failures: [LoadFailure] = []
        /// Inputs passed over on purpose, or that held no document: reported, never failures.
        public var skipped: [SkippedInput] = []
        /// Files skipped because they were loaded before this call or earlier in it.
        public var alreadyLoaded: [AlreadyLoaded] = []
        /// The files loaded before this call and by it: pass it to the next call.
        public var loadedFiles: LoadedFiles

        public init(loadedFiles: LoadedFiles = LoadedFiles()) {
            self.loadedFiles = loadedFiles
        }

        /// Every message for standard error, in the order the frontends print them:
        /// failures, inputs skipped, files already loaded.
        public var messages: [String] {
            failures.map(\.description) + skipped.map(\.description) + alreadyLoaded.map(\.description)
        }
    }

    /// Loads `paths` in order; `-` means standard input, read through `readStandardInput`
    /// when it is given (tests do), else from descriptor 0 under the size limit.
    /// `takenNames` are names already in use (documents loaded earlier); new names avoid them.
    /// `loadedFiles` are the files loaded earlier; they are not loaded again.
    ///
    /// Files are read and decoded on every core; naming them, and noticing a file named
    /// twice, happens afterwards in input order, so the result is the same on any machine.
    public func load(paths: [String], takenNames: Set<String> = [], loadedFiles: LoadedFiles = LoadedFiles(),
                     readStandardInput: (() -> [UInt8])? = nil) -> Result {
        var whole = Result(loadedFiles: loadedFiles)
        load(paths: paths, inBatchesOf: .max, takenNames: takenNames, loadedFiles: loadedFiles, readStandardInput: readStandardInput) { batch, _ in
            whole.sources += batch.sources
            whole.failures += batch.failures
            whole.skipped += batch.skipped
            whole.alreadyLoaded += batch.alreadyLoaded
            whole.loadedFiles = batch.loadedFiles
            return true
        }
        return whole
    }

    /// Loads `paths` as `load(paths:)` does, handing the documents over a batch at a time:
    /// each batch holds the inputs, in order, whose files add up to about `batchBytes`, with
    /// the messages that concern them (those about a named folder or standard input that
    /// gave nothing come with the last batch). Names stay unique across batches, and a file
    /// named twice is still reported as loaded already. `body` is called at least once, the
    /// last time with `isLast`; it returns false to stop reading.
    ///
    /// This is how a one-shot run of a query that reads each document alone keeps only a
    /// batch in memory and prints its first rows early.
    public func load(paths: [String], inBatchesOf batchBytes: Int, takenNames: Set<String> = [], loadedFiles: LoadedFiles = LoadedFiles(),
                     readStandardInput: (() -> [UInt8])? = nil, body: (_ batch: Result, _ isLast: Bool) -> Bool) {
        var names = UniqueNames(taken: takenNames)
        var loaded = loadedFiles
        let limit = maximumFileSize
        let (inputs, arguments) = inputs(of: paths, readStandardInput: {
            readStandardInput.map { .success($0()) } ?? FileReading.readStandardInput(limit: limit)
        })
        var yields = Array(repeating: Yield(), count: paths.count)
        var next = 0
        repeat {
            // The inputs of this batch: whole inputs, up to about `batchBytes` of files.
            var end = next
            var bytes = 0
            while end < inputs.count, bytes < batchBytes || end == next {
                if batchBytes < .max, case .file(let path, _, _) = inputs[end].kind {
                    var info = stat()
                    bytes += stat(path, &info) == 0 ? max(Int(info.st_size), 1) : 1
                }
                end += 1
            }
            var batch = Result(loadedFiles: loaded)
            append(inputs[next..<end], limit: limit, names: &names, yields: &yields, to: &batch)
            next = end
            let isLast = next == inputs.count
            if isLast { reportEmpty(arguments, yields: yields, in: &batch) }
            loaded = batch.loadedFiles
            guard body(batch, isLast), !isLast else { return }
        } while true
    }

    /// Reads and decodes `inputs` (each file once, on every core), then names their documents
    /// and records what each named path gave, in input order.
    private func append(_ inputs: ArraySlice<Input>, limit: ByteSize, names: inout UniqueNames, yields: inout [Yield], to result: inout Result) {
        // Each file is read once, even when named twice; one loaded before is not read at all.
        var readIndex: [String: Int] = [:]
        var reads: [Input] = []
        for input in inputs {
            guard case .file(_, let realPath, _) = input.kind,
                  readIndex[realPath] == nil, result.loadedFiles.documentNames(ofRealPath: realPath) == nil
            else { continue }
            readIndex[realPath] = reads.count
            reads.append(input)
        }
        let decoded = reads.parallelMap { $0.decoded(limit: limit) }
        for input in inputs {
            let before = Yield(documents: result.sources.count + result.alreadyLoaded.count, failures: result.failures.count, skipped: result.skipped.count)
            switch input.kind {
            case .failure(let failure):
                result.failures.append(failure)
            case .skipped(let skipped):
                result.skipped.append(skipped)
            case .standardInput:
                result.append(input.decoded(limit: limit), names: &names)
            case .file(let path, let realPath, _):
                if let earlier = result.loadedFiles.documentNames(ofRealPath: realPath) {
                    result.alreadyLoaded.append(AlreadyLoaded(path: path, documentNames: earlier))
                    break
                }
                let first = result.sources.count
                result.append(decoded[readIndex[realPath]!], names: &names)
                // A file that gave no document (undecodable, every JSON line bad) is not remembered:
                // naming it again reports its failure again.
                if result.sources.count > first {
                    result.loadedFiles.record(realPath: realPath, documentNames: result.sources[first...].map(\.name))
                } else if result.failures.count == before.failures {
                    result.skipped.append(SkippedInput(path: path, reason: .noRecords))
                }
            }
            yields[input.argument].add(Yield(documents: result.sources.count + result.alreadyLoaded.count, failures: result.failures.count,
                                             skipped: result.skipped.count), since: before)
        }
    }

    /// A named folder or standard input that gave nothing, and had no failure to say why.
    private func reportEmpty(_ arguments: [Argument], yields: [Yield], in result: inout Result) {
        for (argument, kind) in arguments.enumerated() where yields[argument].documents == 0 && yields[argument].failures == 0 {
            switch kind {
            case .directory(let path):
                result.skipped.append(SkippedInput(path: path, reason: yields[argument].skipped > 0 ? .everyFileSkipped : .noLoadableFiles))
            case .standardInput:
                result.skipped.append(SkippedInput(path: "<stdin>", reason: .emptyStandardInput))
            case .file:
                break  // reported as the file is loaded
            }
        }
    }

    /// What one named path is.
    private enum Argument {
        case standardInput, file, directory(String)
    }

    /// What one named path came to: documents (new or loaded before), failures, inputs skipped.
    private struct Yield {
        var documents = 0, failures = 0, skipped = 0

        mutating func add(_ after: Yield, since before: Yield) {
            documents += after.documents - before.documents
            failures += after.failures - before.failures
            skipped += after.skipped - before.skipped
        }
    }

    /// What `paths` name, in order: standard input, each file (directories walked), and the
    /// paths that name nothing; and what each path is.
    private func inputs(of paths: [String], readStandardInput: () -> Swift.Result<[UInt8], LoadFailure>) -> ([Input], [Argument]) {
        var inputs: [Input] = []
        var arguments: [Argument] = []
        let walk = DirectoryWalk(maximumDepth: maximumDepth)
        for (argument, path) in paths.enumerated() {
            if path == "-" {
                arguments.append(.standardInput)
                inputs.append(Input(argument: argument, kind: .standardInput(readStandardInput())))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                // A name given in GBK reaches us with its bytes replaced by U+FFFD.
                let failure = errno == ENOENT && path.unicodeScalars.contains("\u{FFFD}")
                    ? LoadFailure.nameNotUTF8(path) : LoadFailure(source: path, reason: FileReading.systemReason())
                arguments.append(.file)
                inputs.append(Input(argument: argument, kind: .failure(failure)))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                // A file named explicitly is read whatever it is (a pipe, a device), within limits.
                arguments.append(.file)
                inputs.append(Input(argument: argument, kind: .file(path: path, realPath: LoadedFiles.realPath(path), onlyRegular: false)))
                continue
            }
            arguments.append(.directory(path))
            for entry in walk.entries(below: path) {
                switch entry {
                case .file(let file):
                    inputs.append(Input(argument: argument, kind: .file(path: file, realPath: LoadedFiles.realPath(file), onlyRegular: true)))
                case .failure(let failure):
                    inputs.append(Input(argument: argument, kind: .failure(failure)))
                case .skipped(let skipped):
                    inputs.append(Input(argument: argument, kind: .skipped(skipped)))
                }
            }
        }
        return (inputs, arguments)
    }
}

/// One input of a `load` call, in the order named, with the named path it came from.
private struct Input: Sendable {
    enum Kind: Sendable {
        case standardInput(Swift.Result<[UInt8], LoadFailure>)
        /// `onlyRegular`: met in a directory walk, so opened only if it is a regular file.
        case file(path: String, realPath: String, onlyRegular: Bool)
        /// A path that names nothing loadable, or a directory that cannot be walked.
        case failure(LoadFailure)
        /// A named pipe, socket or device met in a directory walk.
        case skipped(SkippedInput)
    }

    /// The index of the path in `load(paths:)` this input came from.
    var argument: Int
    var kind: Kind

    /// The input read and decoded, its documents not yet named. Safe on any thread.
    func decoded(limit: ByteSize) -> DecodedInput {
        switch kind {
        case .standardInput(.success(let bytes)):
            // An empty standard input is no document, not an empty one.
            if bytes.isEmpty { return DecodedInput(failures: []) }
            return DecodedInput(decoding: bytes, origin: "<stdin>", stem: "stdin", isJSONLines: false, format: .plain)
        case .standardInput(.failure(let failure)):
            return DecodedInput(failures: [failure])
        case .file(let path, _, let onlyRegular):
            switch FileReading.read(path, limit: limit, onlyRegular: onlyRegular) {
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
        case .skipped:
            return DecodedInput(failures: [])
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
            // The outline keeps offsets in 32 bits (Compact32): GB18030 or UTF-16 text under
            // the size limit can still pass 4 GB once it is UTF-8.
            guard text.count < Int(UInt32.max) - 1 else {
                failures.append(LoadFailure(source: origin, reason: "too large: \(ByteSize(bytes: text.count)) once decoded to UTF-8; documents must stay under 4 GB"))
                return
            }
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
