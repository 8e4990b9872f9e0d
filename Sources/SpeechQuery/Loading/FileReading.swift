import Foundation

/// Reads a file or standard input with POSIX calls, so that a failure's reason is the
/// system's own (permission denied, is a directory, …), under a size limit.
///
/// A regular file over the limit is refused by its size before a byte is read; one within
/// it is read straight into an array of its size. Anything else — a pipe, a device,
/// standard input, a `/proc` file — is read in chunks and stops at the limit. Either way
/// the first 64 KB are looked at before the rest is read, and data that is plainly not
/// text is refused there: `/dev/zero` and `/dev/urandom` at once, not after filling memory.
public enum FileReading {
    /// How much of an input is looked at for binary data before the rest is read.
    static let firstChunkLength = 1 << 16

    /// Reads the file at `path`. `onlyRegular`: the path was met in a directory walk, so it
    /// is opened without waiting (a named pipe would otherwise block until a writer came)
    /// and refused unless it is a regular file.
    public static func read(_ path: String, limit: ByteSize = .defaultFileLimit, onlyRegular: Bool = false) -> Result<[UInt8], LoadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (onlyRegular ? O_NONBLOCK : 0))
        guard fd >= 0 else { return .failure(LoadFailure(source: path, reason: systemReason())) }
        defer { close(fd) }
        return read(descriptor: fd, source: path, limit: limit, onlyRegular: onlyRegular)
    }

    /// Reads standard input to its end, as `<stdin>`, under the same limit and checks.
    public static func readStandardInput(limit: ByteSize = .defaultFileLimit) -> Result<[UInt8], LoadFailure> {
        read(descriptor: STDIN_FILENO, source: "<stdin>", limit: limit, onlyRegular: false)
    }

    static func read(descriptor fd: Int32, source: String, limit: ByteSize, onlyRegular: Bool) -> Result<[UInt8], LoadFailure> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(LoadFailure(source: source, reason: systemReason())) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(LoadFailure(source: source, reason: "is a directory")) }
        var expected = 0
        if type == S_IFREG {
            let size = Int(info.st_size)
            guard size <= limit.bytes else { return .failure(.tooLarge(source, size: ByteSize(bytes: size), limit: limit)) }
            expected = size
        } else if onlyRegular {
            return .failure(.notRegularFile(source, type: SkippedInput.FileType(mode: info.st_mode)))
        }
        var looked = false
        do {
            // A regular file: straight into the final array, its first chunk first. A stream
            // starts from the empty array: `unsafeUninitializedCapacity: 0` would write its
            // count into the one empty-array storage every thread shares (ThreadSanitizer
            // reports the race with any thread reading an empty array).
            var bytes = expected == 0 ? [] : try [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
                let firstChunk = min(buffer.count, firstChunkLength)
                while count < buffer.count {
                    let n = try readSome(fd, into: buffer.baseAddress! + count, count: (looked ? buffer.count : firstChunk) - count, source: source)
                    if n == 0 { break }
                    count += n
                    if !looked, count >= firstChunk {
                        looked = true
                        try refuseBinary(UnsafeBufferPointer(rebasing: buffer[..<count]), source: source)
                    }
                }
            }
            // What is left: all of a stream, or what a file gained since `fstat`.
            try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: firstChunkLength) { chunk in
                while true {
                    let n = try readSome(fd, into: chunk.baseAddress!, count: chunk.count, source: source)
                    if n == 0 { break }
                    let overLimit = n > limit.bytes - bytes.count
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<(overLimit ? limit.bytes - bytes.count : n)]))
                    // Binary data is refused as binary, even under a limit below the first chunk.
                    if !looked, overLimit || bytes.count >= firstChunkLength {
                        looked = true
                        try bytes.withUnsafeBufferPointer { try refuseBinary(UnsafeBufferPointer(rebasing: $0.prefix(firstChunkLength)), source: source) }
                    }
                    if overLimit { throw LoadFailure.overLimit(source, limit: limit) }
                }
            }
            return .success(bytes)
        } catch let failure as LoadFailure {
            return .failure(failure)
        } catch {
            return .failure(LoadFailure(source: source, reason: "\(error)"))
        }
    }

    /// One `read(2)`, retried when a signal interrupts it; 0 at the end.
    private static func readSome(_ fd: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int, source: String) throws -> Int {
        while true {
            let n = Foundation.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno != EINTR { throw LoadFailure(source: source, reason: systemReason()) }
        }
    }

    private static func refuseBinary(_ firstChunk: UnsafeBufferPointer<UInt8>, source: String) throws {
        if let reason = TextDecoding.refusal(ofFirstChunk: firstChunk) {
            throw LoadFailure(source: source, reason: reason.rawValue)
        }
    }

    static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
