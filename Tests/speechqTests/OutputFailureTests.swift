import Foundation
import Testing

/// Every write that fails is reported with the path and the reason and exits with 2 (at the
/// prompt: an error, and the session goes on); standard error that cannot be written is no
/// crash; `.output` never leaves a cut file, and never replaces an input.
@Suite("Output failures", .serialized)
struct OutputFailureTests {
    let speech = SpeechQRun.safetySpeech
    let absoluteSpeech = SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path

    func scratch() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    // MARK: Found by a second reading

    /// `.output /dev/stdout` with standard output sent to a file: the rename over that file
    /// lost everything written before and after (speechq kept writing to the replaced file).
    @Test func outputToStandardOutputThatIsAFileKeepsEverything() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try RedirectedRun(["-e", "count docs", "-e", ".output /dev/stdout", "-e", "count sentences", "-e", ".output", "-e", "count points", speech],
                                    redirections: ">\(directory)/out.txt")
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: "\(directory)/out.txt", encoding: .utf8) == "1\n29\n9\n")
    }

    /// `.output` to a named pipe waits for a reader, as the shell's `>` does; Ctrl-C and
    /// SIGTERM must still end that wait (the signals were held around it).
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsTheWaitForAPipesReader(signal: Int32) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = "\(directory)/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        process.arguments = ["-e", ".output \(fifo)", "-e", "count docs", absoluteSpeech]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, after: 20)
        usleep(500_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(!watchdog.stop(), "only the watchdog's SIGKILL ended it")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
    }

    /// `.output FILE` and then `load FILE` replaced the document with the results; the load
    /// is refused, and the file keeps its text.
    @Test func loadingTheOutputFileIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copy = "\(directory)/a.txt"
        try FileManager.default.copyItem(atPath: absoluteSpeech, toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let run = try SpeechQRun(["-e", ".output \(copy)", "-e", "load \(copy)", "-e", "count sentences"], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("<-e>:1:1: error: cannot load '\(copy)': results are being written over '\(copy)' (.output)\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    /// After a `.output` that failed, results go to standard output, and the old file may
    /// be loaded again.
    @Test func aFailedOutputFreesTheOldFile() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try SpeechQRun(["--keep-going", "-e", ".output \(directory)/o1.txt", "-e", "docs | fields doc, title", "-e", ".output /nonexistent/x.txt",
                                  "-e", "load \(directory)/o1.txt", "-e", "count docs", absoluteSpeech], environment: SpeechQRun.plainEnvironment)
        #expect(run.stderr.contains("cannot write to '/nonexistent/x.txt'"))
        #expect(!run.stderr.contains("results are being written over"))
        #expect(run.stdout == "2\n")
    }

    // MARK: Standard output

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullStandardOutputFailsTheStatement() throws {
        let run = try RedirectedRun(["-e", "count docs", speech], redirections: ">/dev/full")
        #expect(run.status == 2 && run.signal == nil && !run.timedOut)
        #expect(run.stderr == "<-e>:1:1: error: cannot write to standard output: no space left on device\ncount docs\n^~~~~~~~~~\n")
        // Output larger than the buffer fails the same way, once.
        let large = try RedirectedRun(["-e", "sentences", speech], redirections: ">/dev/full")
        #expect(large.status == 2)
        #expect(large.stderr == "<-e>:1:1: error: cannot write to standard output: no space left on device\nsentences\n^~~~~~~~~\n")
        // With --keep-going every statement that could not be written says so.
        let going = try RedirectedRun(["--keep-going", "-e", "count docs", "-e", "count points", speech], redirections: ">/dev/full")
        #expect(going.status == 2)
        #expect(going.stderr.components(separatedBy: "error: cannot write to standard output: no space left on device").count == 3)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func theSubcommandsAndHelpReportAFullStandardOutput() throws {
        for arguments in [["outline", speech], ["version"], ["--help"], ["help", "outline"], ["outline", "--format", "json", speech]] {
            let run = try RedirectedRun(arguments, redirections: ">/dev/full")
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "speechq: cannot write to standard output: no space left on device\n", "\(arguments)")
        }
    }

    @Test func aClosedStandardOutputIsReported() throws {
        let run = try RedirectedRun(["-e", "count docs", speech], redirections: ">&-")
        #expect(run.status == 2 && run.signal == nil)
        #expect(run.stderr == "<-e>:1:1: error: cannot write to standard output: bad file descriptor\ncount docs\n^~~~~~~~~~\n")
        let outline = try RedirectedRun(["outline", speech], redirections: ">&-")
        #expect(outline.status == 2)
        #expect(outline.stderr == "speechq: cannot write to standard output: bad file descriptor\n")
    }

    // MARK: Standard error

    /// Errors written where they cannot go are passed over: no trap, and the exit status
    /// still says what happened.
    @Test func anUnwritableStandardErrorIsNoCrash() throws {
        var redirections = ["2>&-"]
        if FileManager.default.fileExists(atPath: "/dev/full") { redirections.append("2>/dev/full") }
        for redirection in redirections {
            let missing = try RedirectedRun(["missing-file.txt", "-e", "count docs"], redirections: redirection)
            #expect(missing.signal == nil, "\(redirection): ended by signal \(missing.signal ?? 0)")
            #expect(missing.status == 2 && missing.stdout == "0\n", "\(redirection)")
            let query = try RedirectedRun(["-e", "sentences | cuont", speech], redirections: redirection)
            #expect(query.signal == nil && query.status == 3, "\(redirection)")
            let usage = try RedirectedRun(["--no-such-option", speech], redirections: redirection)
            #expect(usage.signal == nil && usage.status == 2, "\(redirection)")
            let both = try RedirectedRun(["-e", "count docs", speech], redirections: ">&- \(redirection)")
            #expect(both.signal == nil && both.status == 2, "\(redirection)")
        }
    }

    /// A closed standard error is not taken over by the next file opened: the `.output`
    /// file gets the results and nothing else.
    @Test func aClosedStandardErrorIsNotReusedForAFile() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try RedirectedRun(["-e", ".output \(directory)/out.tsv", "-e", "count docs", "-e", "select sections | cuont", speech], redirections: "2>&-")
        #expect(run.status == 3)
        #expect(try String(contentsOfFile: "\(directory)/out.tsv", encoding: .utf8) == "1\n")
    }

    // MARK: .output

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func outputToAFullDeviceFailsTheStatement() throws {
        let run = try RedirectedRun(["-e", ".output /dev/full", "-e", "sentences", "-e", "count docs", speech])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "<-e>:1:1: error: cannot write to '/dev/full': no space left on device\nsentences\n^~~~~~~~~\n")
    }

    /// A full file system: a statement that does not fit is cut off again, so the file holds
    /// whole results only — never half a statement, never half a character — and what was
    /// at the path before stays when nothing could be written.
    @Test(.enabled(if: SmallFileSystem.isAvailable, SmallFileSystem.skipReason))
    func aFullFileSystemLeavesWholeResultsOnly() throws {
        let disk = try SmallFileSystem(bytes: 4096)
        defer { disk.unmount() }
        // One page: "1\n" and the TSV sentences (4,016 bytes) fit; the JSON ones (7,901) do not.
        let run = try RedirectedRun(["--keep-going", "-e", ".output \(disk.path)/out.tsv", "-e", "count docs",
                                     "-e", ".format json\nsentences\n.format tsv", "-e", "count points", speech])
        #expect(run.status == 2)
        #expect(run.stderr == "<-e>:2:1: error: cannot write to '\(disk.path)/out.tsv': no space left on device\nsentences\n^~~~~~~~~\n")
        #expect(try String(contentsOfFile: "\(disk.path)/out.tsv", encoding: .utf8) == "1\n9\n")
        #expect(disk.entries() == ["out.tsv"])

        // The file system is full: the old file is kept and no temporary file is left.
        try "old\n".write(toFile: "\(disk.path)/out.tsv", atomically: false, encoding: .utf8)
        let filler = FileHandle(forWritingAtPath: "\(disk.path)/out.tsv")
        try filler?.seekToEnd()
        try? filler?.write(contentsOf: Data(repeating: 0x41, count: 4092))
        try filler?.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(disk.path)/out.tsv"))
        let full = try RedirectedRun(["-e", ".output \(disk.path)/out.tsv", "-e", "count docs", speech])
        #expect(full.status == 2)
        #expect(full.stderr == "<-e>:1:1: error: cannot write to '\(disk.path)/out.tsv': no space left on device\ncount docs\n^~~~~~~~~~\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(disk.path)/out.tsv")) == before)
        #expect(disk.entries() == ["out.tsv"])
    }

    /// The results are written beside the file and renamed into place: a failing statement
    /// leaves the file as it was; one that completes replaces it, keeping its permissions,
    /// through a symbolic link to it.
    @Test func outputIsPutInPlaceWhenAStatementCompletes() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = "\(directory)/out.tsv"
        try "old\n".write(toFile: out, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out)
        let failing = try RedirectedRun(["-e", ".output \(out)", "-e", "outline nosuch", speech])
        #expect(failing.status == 3)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.tsv"])

        try FileManager.default.createSymbolicLink(atPath: "\(directory)/link.tsv", withDestinationPath: out)
        let run = try RedirectedRun(["-e", ".output \(directory)/link.tsv", "-e", "count docs", "-e", "outline nosuch", speech])
        #expect(run.status == 3)
        // The completed statement is kept; the failed one added nothing.
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "1\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/link.tsv") == out)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.tsv", "out.tsv"])

        // Asking for a file and writing nothing to it gives an empty file, as the shell's > does.
        let empty = try RedirectedRun(["-e", ".output \(directory)/empty.tsv", "-e", ".output", "-e", "count docs", speech])
        #expect(empty.status == 0 && empty.stdout == "1\n")
        #expect(try String(contentsOfFile: "\(directory)/empty.tsv", encoding: .utf8) == "")
    }

    @Test func outputOverALoadedInputIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = "\(directory)/speech.txt"
        try FileManager.default.copyItem(atPath: absoluteSpeech, toPath: input)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let run = try RedirectedRun(["-e", ".output \(directory)/./speech.txt", "-e", "count docs", directory])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            <-e>:1:1: error: cannot write to '\(directory)/./speech.txt': it is a loaded input (document speech)
            .output \(directory)/./speech.txt
            ^~~~~~~
            hint: name another file; the results would replace the document

            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["speech.txt"])
    }

    /// `speechq export --force` over one of its inputs would replace the speech with a database.
    @Test func anExportOverALoadedInputIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = "\(directory)/speech.txt"
        try FileManager.default.copyItem(atPath: absoluteSpeech, toPath: input)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let run = try RedirectedRun(["export", "--force", "-o", input, input])
        #expect(run.status == 2)
        #expect(run.stderr == "speechq: cannot export over \(input): it is a loaded input (document speech); name another file\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["speech.txt"])
    }

    // MARK: Interrupted

    /// Enough documents that a statement over them takes a moment.
    func corpus(in directory: String) throws -> String {
        let corpus = "\(directory)/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: absoluteSpeech, encoding: .utf8)
        for k in 0..<400 { try text.write(toFile: "\(corpus)/s\(k).txt", atomically: false, encoding: .utf8) }
        return corpus
    }

    /// Starts speechq, waits until `ready` holds for the directory's entries, then sends `signal`.
    func interrupt(_ arguments: [String], in directory: String, when ready: ([String]) -> Bool, signal: Int32 = SIGINT) throws -> Process {
        let process = Process()
        process.executableURL = SpeechQRun.binary
        process.environment = SanitizerEnvironment.child()
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, after: 60)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !ready((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []) {
            usleep(2_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(!watchdog.stop())
        return process
    }

    /// Ctrl-C before a statement has completed: the temporary file goes, nothing appears.
    @Test func anInterruptBeforeTheFirstResultLeavesNothing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try corpus(in: directory)
        let slow = Array(repeating: ["-e", "let s = sentences | sort text"], count: 300).flatMap { $0 }
        let process = try interrupt(["-e", ".output \(directory)/out.tsv"] + slow + ["-e", "count docs", corpus], in: directory,
                                    when: { $0.contains { $0.hasPrefix(".speechq-") } })
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["corpus"])
    }

    /// Ctrl-C or SIGTERM while results are written: the file keeps the statements that
    /// completed, whole, and nothing of the one under way.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptLeavesWholeResults(signal: Int32) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try corpus(in: directory)
        let one = try RedirectedRun(["-e", "sentences", corpus]).stdout.utf8.count
        #expect(one > 1_000_000)
        let statements = Array(repeating: ["-e", "sentences"], count: 40).flatMap { $0 }
        let process = try interrupt(["-e", ".output \(directory)/out.tsv", "-e", "count docs"] + statements + [corpus], in: directory,
                                    when: { $0.contains("out.tsv") }, signal: signal)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        let written = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/out.tsv"))
        #expect(written.prefix(4) == Data("400\n".utf8))
        #expect((written.count - 4) % one == 0, "\(written.count - 4) bytes of sentences is not a whole number of results of \(one)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["corpus", "out.tsv"])
    }

    // MARK: At the prompt

    func prompt(_ arguments: [String]) throws -> TerminalSession {
        let home = FileManager.default.temporaryDirectory.path
        let repl = try TerminalSession(arguments: ["-q"] + arguments,
                                       environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": home, "SPEECHQ_NO_HISTORY": "1", "PATH": "/usr/bin:/bin"])
        try repl.expect("speechq> ")
        return repl
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aWriteFailureAtThePromptIsAnErrorAndTheSessionGoesOn() throws {
        let repl = try prompt([absoluteSpeech])
        repl.type(".output /dev/full\r")
        try repl.expect("speechq> ")
        repl.type("count docs\r")
        let failed = try repl.expect("speechq> ")
        #expect(failed.contains("<stdin>:1:1: error: cannot write to '/dev/full': no space left on device\r\ncount docs\r\n^~~~~~~~~~\r\n"), "\(failed)")
        repl.type(".output\r")
        try repl.expect("speechq> ")
        repl.type("count points\r")
        #expect(try repl.expect("speechq> ").contains("\r\n9\r\n"))
        repl.type(".output \(absoluteSpeech)\r")
        #expect(try repl.expect("speechq> ").contains("error: cannot write to '\(absoluteSpeech)': it is a loaded input (document safety-production)"))
        repl.type(".quit\r")
        #expect(repl.exitStatus() == 0)
    }
}
