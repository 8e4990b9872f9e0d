import Foundation
import Testing
@testable import SpeechQuery

/// The loader's bounds (issue 13): sizes as written and shown, the size limit, binary data
/// refused on its first chunk, directory walks that open only regular files and stop at a
/// depth, and inputs that give no document. End to end, with the exact messages and exit
/// statuses: Tests/speechqTests/HostileInputTests.swift.
@Suite("Loading within bounds: sizes, first chunks, walks, empty inputs")
struct InputBoundsTests {
    let sample = "标题\n一、部分\n要抓好生产。“两个责任”要落实！\n"

    func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-bounds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `body`'s result, or nil when it has not returned within `seconds`: a regression that
    /// opens a named pipe would wait for a writer forever, and must fail, not stall the suite.
    /// (A thread left waiting ends with the test process.)
    func within<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Thread {
            box.value = body()
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }

    // MARK: Sizes

    @Test func sizesAreReadAsWritten() {
        #expect(ByteSize(parsing: "500M")?.bytes == 500 << 20)
        #expect(ByteSize(parsing: "2G")?.bytes == 2 << 30)
        #expect(ByteSize(parsing: "2g")?.bytes == 2 << 30)
        #expect(ByteSize(parsing: "2GB")?.bytes == 2 << 30)
        #expect(ByteSize(parsing: "64k")?.bytes == 64 << 10)
        #expect(ByteSize(parsing: "1T")?.bytes == 1 << 40)
        #expect(ByteSize(parsing: "1.5G")?.bytes == 3 << 29)
        #expect(ByteSize(parsing: "65536")?.bytes == 65536)
        #expect(ByteSize(parsing: "100B")?.bytes == 100)
        for bad in ["", "0", "0K", "G", "abc", "2X", "1.", ".5G", "1.2.3", "-1", " 2G", "2 G", "99999999999T", "9223372036854775808"] {
            #expect(ByteSize(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func sizesAreShownInTheLargestWholeUnit() {
        #expect(ByteSize.defaultFileLimit.description == "2 GB")
        #expect(ByteSize(bytes: 3 << 30).description == "3 GB")
        #expect(ByteSize(bytes: 500 << 20).description == "500 MB")
        #expect(ByteSize(bytes: 3 << 29).description == "1.5 GB")
        #expect(ByteSize(bytes: 2_366).description == "2.3 KB")
        #expect(ByteSize(bytes: 1000).description == "1000 bytes")
        #expect(ByteSize(bytes: 1).description == "1 byte")
    }

    // MARK: The first chunk

    func refusal(_ bytes: [UInt8]) -> LoadFailure.Reason? {
        bytes.withUnsafeBufferPointer { TextDecoding.refusal(ofFirstChunk: $0) }
    }

    @Test func theFirstChunkRefusesWhatDecodingWouldRefuse() {
        #expect(refusal([UInt8](repeating: 0, count: 1 << 16)) == .binary)
        #expect(refusal(Array(sample.utf8) + [0] + Array(sample.utf8)) == .binary)
        #expect(refusal([UInt8](repeating: 0x01, count: 40) + Array(sample.utf8)) == .binary)
        // A lone surrogate after a UTF-16 mark, as decoding finds it.
        #expect(refusal([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC, 0x41, 0x00]) == .invalidUTF16)
        #expect(refusal([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]) == .invalidUTF16)
    }

    @Test func theFirstChunkOfTextPasses() throws {
        let text = Array(String(repeating: sample, count: 2000).utf8)
        #expect(refusal(text) == nil)
        #expect(refusal([0xEF, 0xBB, 0xBF] + text) == nil)
        #expect(refusal([0xFF, 0xFE] + [UInt8](String(repeating: sample, count: 10).data(using: .utf16LittleEndian)!)) == nil)
        #expect(refusal([0xFE, 0xFF] + [UInt8](String(repeating: sample, count: 10).data(using: .utf16BigEndian)!)) == nil)
        let gb = [UInt8](try #require(String(repeating: sample, count: 10).data(using: TextDecoding.gb18030)))
        #expect(refusal(gb) == nil)
        // CRLF line endings and a form feed are text; a high surrogate cut at the chunk's end too.
        #expect(refusal(Array("一\r\n二\u{0C}\r\n".utf8)) == nil)
        #expect(refusal([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8]) == nil)
        // A random chunk has NULs: no accident lets /dev/urandom through.
        var random = SplitMix(state: 13)
        #expect(refusal((0..<(1 << 16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }) == .binary)
    }

    // MARK: Reading under a limit

    @Test func aRegularFileOverTheLimitIsRefusedByItsSize() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/sparse.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 5 << 20) == 0)
        #expect(FileReading.read(path, limit: ByteSize(bytes: 4 << 20)).failureReason
            == "refused: 5 MB is over the size limit of 4 MB (--max-size changes it)")
        // Within the limit it is read — and five megabytes of NULs are binary on the first chunk.
        #expect(FileReading.read(path, limit: ByteSize(bytes: 5 << 20)).failureReason == LoadFailure.Reason.binary.rawValue)
    }

    @Test func aFileIsReadWholeUpToTheLimit() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/speech.txt"
        let text = Array(String(repeating: sample, count: 5000).utf8)  // several chunks
        try Data(text).write(to: URL(fileURLWithPath: path))
        #expect(try FileReading.read(path).get() == text)
        #expect(try FileReading.read(path, limit: ByteSize(bytes: text.count)).get() == text)
        #expect(FileReading.read(path, limit: ByteSize(bytes: text.count - 1)).failureReason?.hasPrefix("refused: ") == true)
    }

    /// A stream and an empty file start from the empty array, never writing to the storage
    /// every empty array shares: `[UInt8](unsafeUninitializedCapacity: 0)` wrote its count
    /// there, a data race ThreadSanitizer reported between this reading and any thread
    /// reading an empty array (`scripts/test --sanitize=thread`, docs/reliability.md).
    @Test func emptyInputsReadAsEmptyWhileOtherThreadsUseEmptyArrays() async throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/empty.txt"
        try Data().write(to: URL(fileURLWithPath: path))
        let empty: [UInt8] = []
        try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<200 {
                        if task.isMultiple(of: 2) {
                            total += try FileReading.read(path).get().count
                            var ends: [Int32] = [0, 0]
                            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else { throw POSIXError(.EMFILE) }
                            close(ends[1])
                            total += try FileReading.read(descriptor: ends[0], source: "<pipe>", limit: .defaultFileLimit, onlyRegular: false).get().count
                            close(ends[0])
                        } else {
                            total += empty.withUnsafeBufferPointer { $0.count } + [UInt8]().count
                        }
                    }
                    return total
                }
            }
            for try await total in group { #expect(total == 0) }
        }
    }

    @Test func aStreamStopsAtTheLimitAndBinaryAtItsFirstChunk() throws {
        let text = Array(String(repeating: sample, count: 3000).utf8)
        func stream(_ bytes: [UInt8], limit: Int) throws -> Result<[UInt8], LoadFailure> {
            // A stream written from another thread as a program would: a socket pair, so that
            // the writer learns of a reader that stopped early by an error, not SIGPIPE.
            var ends: [Int32] = [0, 0]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
            let (reader, writer) = (ends[0], ends[1])
            let feeding = Thread {
                bytes.withUnsafeBufferPointer { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let n = send(writer, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                        if n <= 0 { break }
                        offset += n
                    }
                }
                close(writer)
            }
            feeding.start()
            defer { close(reader) }
            return FileReading.read(descriptor: reader, source: "<pipe>", limit: ByteSize(bytes: limit), onlyRegular: false)
        }
        #expect(try stream(text, limit: 1 << 20).get() == text)
        #expect(try stream(text, limit: text.count).get() == text)
        #expect(try stream(text, limit: 100_000).failureReason == "refused: more than the size limit of 97.6 KB (--max-size changes it)")
        #expect(try stream([UInt8](repeating: 0, count: 200_000), limit: 1 << 20).failureReason == LoadFailure.Reason.binary.rawValue)
        // Binary under a limit smaller than a chunk is still called binary.
        #expect(try stream([UInt8](repeating: 0, count: 200_000), limit: 1000).failureReason == LoadFailure.Reason.binary.rawValue)
    }

    /// Every name of a folder of many files is read whole, the longest a file system allows
    /// (255 bytes) and Chinese ones too. The names were copied out of whole `dirent`s, and
    /// the last entries of readdir's buffer are shorter than one: AddressSanitizer found the
    /// read past the buffer in a folder of 400 files (`scripts/test --sanitize`).
    @Test func aWalkReadsEveryNameOfAFolderOfManyFiles() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // More entries than readdir's 32 KB buffer holds, so that it is filled to its end.
        var names = (0..<1500).map { "s\($0).txt" } + ["讲话稿.txt", String(repeating: "长", count: 83) + ".md"]
        names.append(String(repeating: "n", count: 251) + ".txt")  // 255 bytes
        for name in names { try Data("一、总体要求\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
        let found = DirectoryWalk(maximumDepth: 1).entries(below: dir).compactMap { entry -> String? in
            guard case .file(let path) = entry else { return nil }
            return (path as NSString).lastPathComponent
        }
        #expect(found.sorted() == names.sorted())
    }

    @Test func aWalkOpensOnlyRegularFiles() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo("\(dir)/pipe.txt", 0o644) == 0)
        // Had it become a pipe after the walk looked, opening it would still not wait.
        let read = within(seconds: 10) { FileReading.read("\(dir)/pipe.txt", onlyRegular: true).failureReason }
        #expect(read == "skipped: a named pipe (FIFO), not a regular file")
    }

    // MARK: Walks

    @Test func aWalkNamesWhatItPassesOverInPathOrder() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(sample.utf8).write(to: URL(fileURLWithPath: "\(dir)/b.txt"))
        #expect(mkfifo("\(dir)/a.txt", 0o644) == 0)
        #expect(mkfifo("\(dir)/c.fifo", 0o644) == 0)  // not a loadable name: not mentioned
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/d.md", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/e.txt", withDestinationPath: "\(dir)/b.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/f.txt", withDestinationPath: "\(dir)/gone")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/g.txt", withDestinationPath: dir)  // a folder: not followed
        let entries = DirectoryWalk(maximumDepth: 8).entries(below: dir).map { entry -> String in
            switch entry {
            case .file(let path): return "file \((path as NSString).lastPathComponent)"
            case .failure(let failure): return "failure \(failure)"
            case .skipped(let skipped): return "skipped \(skipped)"
            }
        }
        #expect(entries == [
            "skipped \(dir)/a.txt: skipped: a named pipe (FIFO), not a regular file",
            "file b.txt",
            "skipped \(dir)/d.md: skipped: a symbolic link to a character device, not a regular file",
            "file e.txt",
            "failure \(dir)/f.txt: skipped: a broken symbolic link (no such file or directory)",
        ])
    }

    @Test func aWalkStopsAtItsDepthAndSaysSo() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/1/2/3/4", withIntermediateDirectories: true)
        for path in ["1/a.txt", "1/2/b.txt", "1/2/3/c.txt", "1/2/3/4/d.txt"] {
            try Data(sample.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(path)"))
        }
        let result = DocumentLoader(maximumDepth: 2).load(paths: [dir])
        #expect(result.sources.map(\.name) == ["b", "a"])  // in path order: 1/2/b.txt, 1/a.txt
        #expect(result.failures.map(\.description) == ["\(dir)/1/2/3: skipped: more than 2 directories deep"])
        #expect(DocumentLoader(maximumDepth: 4).load(paths: [dir]).sources.count == 4)
    }

    // MARK: Inputs that give no document

    @Test func inputsThatGiveNoDocumentAreSaidToBeEmpty() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/empty", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: "\(dir)/pdfs", withIntermediateDirectories: false)
        try Data("%PDF".utf8).write(to: URL(fileURLWithPath: "\(dir)/pdfs/a.pdf"))
        try FileManager.default.createDirectory(atPath: "\(dir)/pipes", withIntermediateDirectories: false)
        #expect(mkfifo("\(dir)/pipes/a.txt", 0o644) == 0)
        try Data("\n\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/blank.jsonl"))
        let loaded = within(seconds: 10) {
            DocumentLoader().load(paths: ["\(dir)/empty", "\(dir)/pdfs", "\(dir)/pipes", "\(dir)/blank.jsonl", "-"], readStandardInput: { [] })
        }
        let result = try #require(loaded, "the load waited on a named pipe")
        #expect(result.sources.isEmpty)
        #expect(result.failures.isEmpty)
        #expect(result.skipped.map(\.path) == ["\(dir)/pipes/a.txt", "\(dir)/blank.jsonl", "\(dir)/empty", "\(dir)/pdfs", "\(dir)/pipes", "<stdin>"])
        #expect(result.skipped.map(\.reason) == [.notRegularFile(.namedPipe, throughLink: false), .noRecords, .noLoadableFiles, .noLoadableFiles,
                                                .everyFileSkipped, .emptyStandardInput])
        #expect(result.messages.last == "<stdin>: no documents: it is empty")
    }

    @Test func aFolderThatGaveDocumentsOrFailuresIsNotSaidToBeEmpty() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/bad", withIntermediateDirectories: false)
        try Data([0, 0, 0]).write(to: URL(fileURLWithPath: "\(dir)/bad/a.txt"))
        try FileManager.default.createDirectory(atPath: "\(dir)/good", withIntermediateDirectories: false)
        try Data(sample.utf8).write(to: URL(fileURLWithPath: "\(dir)/good/a.txt"))
        let first = DocumentLoader().load(paths: ["\(dir)/bad", "\(dir)/good"])
        #expect(first.failures.count == 1)
        #expect(first.skipped.isEmpty)
        // Loaded before, the folder's documents are there: nothing to warn of.
        let again = DocumentLoader().load(paths: ["\(dir)/good"], loadedFiles: first.loadedFiles)
        #expect(again.alreadyLoaded.count == 1)
        #expect(again.skipped.isEmpty)
        // An empty file named explicitly is an empty document, as before.
        try Data().write(to: URL(fileURLWithPath: "\(dir)/empty.txt"))
        #expect(DocumentLoader().load(paths: ["\(dir)/empty.txt"]).sources.map(\.name) == ["empty"])
    }
}

/// One value handed from a thread to the test waiting for it (under the semaphore's order).
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: T?
}
