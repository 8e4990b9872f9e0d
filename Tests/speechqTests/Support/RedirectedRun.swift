import Foundation
import Testing

/// Runs the built `speechq` through /bin/sh with redirections a test names — `>/dev/full`,
/// `2>&-` — which Process cannot set up, under a time limit: a run that hangs is killed
/// and says so (`timedOut`), instead of hanging the suite.
struct RedirectedRun {
    var status: Int32
    /// The signal that ended the process, when one did.
    var signal: Int32?
    var stdout: String
    var stderr: String
    var timedOut: Bool

    init(_ arguments: [String], redirections: String = "", stdin: String? = nil,
         environment: [String: String] = SpeechQRun.plainEnvironment, timeout: Double = 60) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // exec: the shell is replaced by speechq, so its status and signal are speechq's.
        process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirections)", SpeechQRun.binary.path] + arguments
        process.currentDirectoryURL = SpeechQRun.packageRoot
        process.environment = SanitizerEnvironment.child(environment)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, after: timeout)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timedOut = watchdog.stop()
        status = process.terminationStatus
        signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// Kills a process that is still running after a time limit.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var fired = false

    init(pid: pid_t, after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard running else { return }
            fired = true
            kill(pid, SIGKILL)
        }
    }

    /// Stops watching (the process has exited); true when it had to be killed.
    func stop() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        running = false
        return fired
    }
}

/// A small tmpfs that fills up, for the tests of a full disk. Mounting needs root (or
/// CAP_SYS_ADMIN); where it cannot be done those tests are skipped and say why.
final class SmallFileSystem {
    let path: String

    /// Whether a tmpfs can be mounted here; tried once.
    static let isAvailable: Bool = {
        guard let probe = try? SmallFileSystem(bytes: 4096) else { return false }
        probe.unmount()
        return true
    }()

    static let skipReason: Comment = "mounting a small tmpfs needs root: the full-disk cases run against /dev/full only"

    /// Mounts a tmpfs of `bytes` (whole pages) at a fresh directory.
    init(bytes: Int) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]
        mount.standardError = Pipe()
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw POSIXError(.EPERM)
        }
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The names in the file system, sorted.
    func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}
