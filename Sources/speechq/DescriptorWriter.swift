import Foundation

/// Text written to a file descriptor with write(2), through a buffer of its own: no stdio
/// stream and no FileHandle, so a full disk, a closed descriptor or a vanished terminal is
/// a failure to report (with errno) rather than a trap or a silently cut output.
///
/// After a failure, what follows is dropped until the failure is taken (`takeFailure`), so
/// one statement's output is never written with a hole in it.
final class DescriptorWriter {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    /// errno of the first write that failed since the failure was last taken.
    private(set) var failure: Int32?

    /// Output is written in pieces of about this size.
    static let bufferSize = 64 * 1024

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    func write(_ text: String) {
        guard failure == nil, !text.isEmpty else { return }
        var text = text
        text.withUTF8 { bytes in
            if buffer.count + bytes.count <= Self.bufferSize {
                buffer.append(contentsOf: bytes)
                return
            }
            flush()
            guard failure == nil else { return }
            // Large text is written from where it is, not copied through the buffer.
            if bytes.count >= Self.bufferSize {
                failure = Self.writeAll(descriptor, UnsafeRawBufferPointer(bytes))
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    /// Writes out what the buffer holds.
    func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            failure = buffer.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Drops what the buffer holds, unwritten.
    func discardBuffered() {
        buffer.removeAll(keepingCapacity: true)
    }

    /// The failure since the last call, if any; writing is tried again after it.
    func takeFailure() -> Int32? {
        defer { failure = nil }
        return failure
    }

    /// Writes all of `bytes`, again after a signal or a short write. Returns errno when a
    /// write fails, nil when all were written.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // write(2) may return 0 only for a count of 0; guard against looping for ever.
            if written == 0 { return EIO }
            next += written
            left -= written
        }
        return nil
    }

    /// Writes all of `text` at once (messages on standard error), returning errno on failure.
    @discardableResult
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// The system's reason for `code`, in the lower case speechq's messages use.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
