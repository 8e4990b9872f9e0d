import Foundation
import Testing

/// What a second reading of the command line found: each was a crash, a lost or stray file,
/// or a word taken for what it was not.
@Suite("Command-line edges")
struct HostileCommandLineTests {
    func scratch() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-edges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Ctrl-C (or SIGTERM) during an export stops it with 130 and leaves nothing behind.
    @Test func anInterruptedExportLeavesNothing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Enough input that the export is still running when the signal comes.
        let corpus = "\(directory)/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let speech = try String(contentsOfFile: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path, encoding: .utf8)
        for k in 0..<400 { try speech.write(toFile: "\(corpus)/s\(k).txt", atomically: false, encoding: .utf8) }
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        process.arguments = ["export", "-o", "\(directory)/out.db", corpus]
        process.standardError = Pipe()
        try process.run()
        // Wait until the temporary database exists, then interrupt.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains(where: { $0.hasPrefix(".speechq-") }) {
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["corpus"])
    }

    @Test func nothingIsExportedWhenAnInputFails() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try SpeechQRun(["export", "-o", "\(directory)/x.db", SpeechQRun.safetySpeech, "\(directory)/missing.txt"], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr.contains("nothing exported: an input could not be read"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        let toStdout = try SpeechQRun(["export", "-o", "-", SpeechQRun.safetySpeech], environment: SpeechQRun.plainEnvironment)
        #expect(toStdout.status == 2)
        #expect(toStdout.stderr.contains("not standard output"))
    }

    /// An existing directory is written into from inside it, so `.` and mount points work.
    @Test func exportIntoTheCurrentDirectory() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        process.arguments = ["export", "--format", "csv", "-o", ".", SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.contains("sentences.csv"))
        #expect(!files.contains { $0.hasPrefix(".") })
    }

    /// A JSON Lines export inside a folder of speeches is not read back as speeches.
    @Test func anExportFolderIsNotLoadedAsDocuments() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let speech = SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path
        try FileManager.default.copyItem(atPath: speech, toPath: "\(directory)/safety.txt")
        _ = try SpeechQRun(["export", "--format", "jsonl", "-o", "\(directory)/export", directory], environment: SpeechQRun.plainEnvironment)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/export/sentences.jsonl"))
        #expect(try SpeechQRun(["-e", "count docs", directory], environment: SpeechQRun.plainEnvironment).stdout == "1\n")
    }

    /// After -e, a folder named like a subcommand is a folder.
    @Test func aFolderNamedLikeASubcommandAfterE() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: "\(directory)/export", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path, toPath: "\(directory)/export/s.txt")
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        process.arguments = ["-e", "count sections", "export"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == "3\n")
    }

    /// An absurd COLUMNS is capped instead of overflowing the prompt's arithmetic.
    @Test func aHugeColumnsDoesNotCrashThePrompt() throws {
        let repl = try TerminalSession(arguments: [SpeechQRun.safetySpeech], environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": FileManager.default.temporaryDirectory.path, "SPEECHQ_NO_HISTORY": "1", "COLUMNS": "9223372036854775807", "LINES": "9223372036854775807"])
        try repl.expect("speechq> ")
        repl.type("count points\r")
        try repl.expect("9")
    }
}
