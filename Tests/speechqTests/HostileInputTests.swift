import Foundation
import Testing

/// Inputs as a hostile or careless user gives them (issue 13): named pipes, sockets and
/// devices in a folder, /dev/zero, endless streams, sparse files, unreadable and deep
/// folders, folders of nothing. Each is named with what was done and why, and nothing hangs:
/// every run that could hang is killed after a timeout, so a regression fails the test
/// instead of stalling the suite.
@Suite("Hostile input: pipes, devices, sizes, unreadable and empty folders")
struct HostileInputTests {
    let speech = SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path
    let plain = SpeechQRun.plainEnvironment
    let binary = "binary file (not UTF-8, UTF-16 with BOM or GB18030 text)"

    /// A fresh folder, readable by every user (the tests as nobody read it).
    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-inputs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return path
    }

    func copySpeech(to path: String) throws {
        try FileManager.default.copyItem(atPath: speech, toPath: path)
    }

    func makeFIFO(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.EEXIST) }
    }

    /// A Unix socket bound at `path`; the file stays when the socket is closed.
    func makeSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8).prefix($0.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    /// A shell writing into `fifo` in the background, as another program would.
    func writer(_ command: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        return process
    }

    // MARK: Directory walks read only regular files

    @Test func aNamedPipeInAFolderIsSkippedNotOpened() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copySpeech(to: "\(folder)/speech.txt")
        try makeFIFO("\(folder)/x.txt")
        let run = try SpeechQRun(["-e", "count docs", folder], environment: plain, timeout: 20)
        #expect(!run.timedOut, "the load waited on the named pipe")
        #expect(run.stdout == "1\n")
        #expect(run.stderr == "speechq: \(folder)/x.txt: skipped: a named pipe (FIFO), not a regular file\n")
        #expect(run.status == 0)
    }

    @Test func socketsDevicesAndLinksToThemInAFolderAreSkipped() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copySpeech(to: "\(folder)/speech.txt")
        try makeSocket("\(folder)/a.jsonl")
        try makeFIFO("\(folder)/pipe")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/b.md", withDestinationPath: "\(folder)/pipe")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/c.txt", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/d.txt", withDestinationPath: "/dev/urandom")
        // Under a name that is not loaded anyway, a special file is passed over in silence.
        try makeFIFO("\(folder)/e.fifo")
        let run = try SpeechQRun(["-e", "count docs", folder], environment: plain, timeout: 20)
        #expect(!run.timedOut)
        #expect(run.stdout == "1\n")
        #expect(run.stderr == """
            speechq: \(folder)/a.jsonl: skipped: a socket, not a regular file
            speechq: \(folder)/b.md: skipped: a symbolic link to a named pipe (FIFO), not a regular file
            speechq: \(folder)/c.txt: skipped: a symbolic link to a character device, not a regular file
            speechq: \(folder)/d.txt: skipped: a symbolic link to a character device, not a regular file

            """)
        #expect(run.status == 0)
    }

    /// A link whose target is gone is a document that could not be read: a failure, 2.
    @Test func aBrokenLinkInAFolderIsReported() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copySpeech(to: "\(folder)/speech.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/gone.txt", withDestinationPath: "\(folder)/nowhere.txt")
        let run = try SpeechQRun(["-e", "count docs", folder], environment: plain, timeout: 20)
        #expect(run.stdout == "1\n")
        #expect(run.stderr == "speechq: \(folder)/gone.txt: skipped: a broken symbolic link (no such file or directory)\n")
        #expect(run.status == 2)
    }

    // MARK: Files given explicitly that are not regular: chunks, a limit, binary at once

    @Test(arguments: ["/dev/zero", "/dev/urandom"])
    func anEndlessDeviceIsRefusedAtOnceAsBinary(device: String) throws {
        let started = Date()
        let run = try SpeechQRun(["-e", "count docs", device], environment: plain, timeout: 20)
        #expect(!run.timedOut, "\(device) was read on and on")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.stdout == "0\n")
        #expect(run.stderr == "speechq: \(device): \(binary)\n")
        #expect(run.status == 2)
    }

    @Test func binaryOnStandardInputIsRefusedAtOnce() throws {
        let asDocument = try SpeechQRun(["-e", "count docs", "-"], stdinFile: "/dev/zero", environment: plain, timeout: 20)
        #expect(!asDocument.timedOut)
        #expect(asDocument.stderr == "speechq: <stdin>: \(binary)\n")
        #expect(asDocument.status == 2)
        // Statements read from standard input are held to the same limit and check.
        let asStatements = try SpeechQRun([speech], stdinFile: "/dev/zero", environment: plain, timeout: 20)
        #expect(!asStatements.timedOut)
        #expect(asStatements.stdout == "")
        #expect(asStatements.stderr == "speechq: <stdin>: \(binary)\n")
        #expect(asStatements.status == 2)
        let asScript = try SpeechQRun(["-f", "/dev/zero", speech], environment: plain, timeout: 20)
        #expect(!asScript.timedOut)
        #expect(asScript.stderr == "speechq: /dev/zero: \(binary)\n")
        #expect(asScript.status == 2)
    }

    /// A named pipe named on the command line is what the user asked for: read to its end.
    @Test func aNamedPipeGivenExplicitlyIsRead() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeFIFO("\(folder)/speech.txt")
        let feeding = try writer("cat '\(speech)' > '\(folder)/speech.txt'")
        defer { feeding.terminate() }
        let run = try SpeechQRun(["-e", "count points", "\(folder)/speech.txt"], environment: plain, timeout: 20)
        #expect(!run.timedOut)
        #expect(run.stdout == "9\n")
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }

    /// Named explicitly, a pipe is read as `cat` reads it: it waits for a writer. This is
    /// also the check that the tests' timeout turns a hang into a failure, not a stall.
    @Test func aNamedPipeWithoutAWriterWaitsAndTheTimeoutEndsIt() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeFIFO("\(folder)/waiting.txt")
        let started = Date()
        let run = try SpeechQRun(["-e", "count docs", "\(folder)/waiting.txt"], environment: plain, timeout: 1)
        #expect(run.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// Text without end (`yes`) stops at the limit instead of filling memory.
    @Test func anEndlessStreamOfTextStopsAtTheSizeLimit() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pipe = "\(folder)/endless.txt"
        try makeFIFO(pipe)
        let feeding = try writer("yes 要排查隐患。 > '\(pipe)'")
        defer { feeding.terminate() }
        let run = try SpeechQRun(["--max-size", "1M", "-e", "count docs", pipe], environment: plain, timeout: 20)
        #expect(!run.timedOut)
        #expect(run.stdout == "0\n")
        #expect(run.stderr == "speechq: \(pipe): refused: more than the size limit of 1 MB (--max-size changes it)\n")
        #expect(run.status == 2)
        let fromStandardInput = try SpeechQRun(["--max-size", "1000", "-e", "count docs", "-"], stdin: String(repeating: "要排查隐患。\n", count: 100),
                                               environment: plain, timeout: 20)
        #expect(fromStandardInput.stderr == "speechq: <stdin>: refused: more than the size limit of 1000 bytes (--max-size changes it)\n")
        #expect(fromStandardInput.status == 2)
    }

    @Test func aRegularFileOverTheLimitIsRefusedByItsSizeBeforeReading() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Sparse: 3 GB that take no room, and would take 3 GB of memory if read.
        let big = "\(folder)/big.txt"
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, 3 << 30) == 0)
        let started = Date()
        let run = try SpeechQRun(["-e", "count docs", big], environment: plain, timeout: 20)
        #expect(!run.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.stderr == "speechq: \(big): refused: 3 GB is over the size limit of 2 GB (--max-size changes it)\n")
        #expect(run.status == 2)
        // The same through a folder, and with the limit set lower.
        #expect(truncate(big, 600 << 20) == 0)
        let inFolder = try SpeechQRun(["--max-size", "500M", "-e", "count docs", folder], environment: plain, timeout: 20)
        #expect(inFolder.stderr == "speechq: \(big): refused: 600 MB is over the size limit of 500 MB (--max-size changes it)\n")
        #expect(inFolder.status == 2)
    }

    @Test func maxSizeSetsTheLimitForEveryCommand() throws {
        let refused = "speechq: \(speech): refused: 2.3 KB is over the size limit of 2 KB (--max-size changes it)\n"
        let query = try SpeechQRun(["--max-size", "2K", "-e", "count docs", speech], environment: plain)
        #expect(query.stderr == refused)
        #expect(query.status == 2)
        #expect(try SpeechQRun(["--max-size", "3K", "-e", "count docs", speech], environment: plain).stdout == "1\n")
        #expect(try SpeechQRun(["--max-size", "2400", "-e", "count docs", speech], environment: plain).stdout == "1\n")
        let outline = try SpeechQRun(["outline", "--max-size", "2k", speech], environment: plain)
        #expect(outline.stderr == refused)
        #expect(outline.status == 2)
        // Before the subcommand word, as other options may be.
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = try SpeechQRun(["--max-size", "2K", "export", "-o", "\(folder)/x.db", speech], environment: plain)
        #expect(export.stderr == refused + "speechq: nothing exported: no documents were loaded\n")
        #expect(export.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // At the prompt and in scripts, `load` keeps the command line's limit.
        let load = try SpeechQRun(["--max-size", "2K", "-e", "load \(speech)"], environment: plain)
        #expect(load.stderr == """
            <-e>:1:1: error: cannot load '\(speech)': refused: 2.3 KB is over the size limit of 2 KB (--max-size changes it)
            load \(speech)
            ^\(String(repeating: "~", count: "load \(speech)".count - 1))

            """)
        #expect(load.status == 2)
    }

    @Test(arguments: ["0", "abc", "2X", "1.", "1.5.2", "99999999999T"])
    func aSizeThatIsNotOneIsAUsageError(size: String) throws {
        let run = try SpeechQRun(["--max-size", size, "-e", "count docs", speech], environment: plain)
        #expect(run.stderr.hasPrefix("Error: The value '\(size)' is invalid for '--max-size <SIZE>': give a number of bytes above zero, or one with K, M, G or T after it (500M, 2G)\n"))
        #expect(run.status == 2)
    }

    /// The outline keeps offsets in 32 bits: a limit of 4G or more is refused, not obeyed.
    @Test func aLimitBeyondWhatADocumentCanHoldIsAUsageError() throws {
        let run = try SpeechQRun(["--max-size", "5G", "-e", "count docs", speech], environment: plain)
        #expect(run.stderr.hasPrefix("Error: The value '5G' is invalid for '--max-size <SIZE>': a document can be at most 4294967294 bytes (just under 4G)\n"))
        #expect(run.status == 2)
        let largest = try SpeechQRun(["--max-size", "4294967294", "-e", "count docs", speech], environment: plain)
        #expect(largest.status == 0)
    }

    /// A file or folder named in GBK (as files from old office machines are) was reported
    /// as "no such file or directory", a file that exists; the name is what is wrong.
    @Test func namesThatAreNotUTF8AreReportedAsSuch() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copySpeech(to: "\(folder)/ok.txt")
        let gbkName: [UInt8] = [0xB0, 0xB2, 0xC8, 0xAB]  // 安全 in GBK
        let filePath = Array(folder.utf8) + [UInt8(ascii: "/")] + gbkName + Array(".txt".utf8)
        let fd = open(filePath.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        let directoryPath = Array(folder.utf8) + [UInt8(ascii: "/")] + gbkName.prefix(2)
        #expect(mkdir(directoryPath.map { CChar(bitPattern: $0) } + [0], 0o755) == 0)
        let run = try SpeechQRun([folder, "-e", "count docs"], environment: plain)
        #expect(run.stdout == "1\n")
        #expect(run.status == 2)
        let shown = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self) }
        #expect(run.stderr == """
            speechq: \(shown(directoryPath)): its name is not UTF-8; rename it to UTF-8 (for GBK names: convmv -f gbk -t utf8)
            speechq: \(shown(filePath)): its name is not UTF-8; rename it to UTF-8 (for GBK names: convmv -f gbk -t utf8)

            """)
        // The same name given on the command line (the shell passes its bytes as they are).
        let named = try RedirectedRun(["-e", "count docs"], redirections: "\"\(folder)/$(printf '\\260\\262\\310\\253').txt\"")
        #expect(named.status == 2)
        #expect(named.stderr == "speechq: \(shown(filePath)): its name is not UTF-8; rename it to UTF-8 (for GBK names: convmv -f gbk -t utf8)\n")
    }

    // MARK: Unreadable and too deep folders are reported

    /// chmod 000 stops everyone but root; as root this runs as nobody instead (below).
    @Test(.enabled(if: geteuid() != 0, "skipped as root: chmod 000 does not stop root (anUnreadableFolderIsReportedAsNobody runs instead)"))
    func anUnreadableFolderIsReported() throws {
        try checkUnreadableFolders(asNobody: false)
    }

    @Test(.enabled(if: SpeechQRun.canRunAsNobody, "runs only as root, with setpriv(1) able to start speechq as nobody"))
    func anUnreadableFolderIsReportedAsNobody() throws {
        try checkUnreadableFolders(asNobody: true)
    }

    func checkUnreadableFolders(asNobody: Bool) throws {
        let folder = try scratch()
        defer {
            chmod("\(folder)/locked", 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try copySpeech(to: "\(folder)/speech.txt")
        try FileManager.default.createDirectory(atPath: "\(folder)/locked", withIntermediateDirectories: false)
        try copySpeech(to: "\(folder)/locked/inside.txt")
        chmod("\(folder)/locked", 0o000)
        let run = try SpeechQRun(["-e", "count docs", folder], environment: plain, timeout: 20, asNobody: asNobody)
        #expect(run.stdout == "1\n")
        #expect(run.stderr == "speechq: \(folder)/locked: skipped: cannot open the directory: permission denied\n")
        #expect(run.status == 2)
        // Named itself, it gives nothing at all.
        let named = try SpeechQRun(["-e", "count docs", "\(folder)/locked"], environment: plain, timeout: 20, asNobody: asNobody)
        #expect(named.stdout == "0\n")
        #expect(named.stderr == "speechq: \(folder)/locked: skipped: cannot open the directory: permission denied\n")
        #expect(named.status == 2)
    }

    @Test func aFolderNestedTooDeepIsReported() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let levels = Array(repeating: "d", count: 66)
        let deepest = ([folder] + levels).joined(separator: "/")
        try FileManager.default.createDirectory(atPath: deepest, withIntermediateDirectories: true)
        try copySpeech(to: "\(folder)/d/top.txt")
        try copySpeech(to: "\(deepest)/bottom.txt")
        let run = try SpeechQRun(["-e", ".docs", folder], environment: plain, timeout: 20)
        #expect(run.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) } == ["top"])
        #expect(run.stderr == "speechq: \(([folder] + levels.prefix(65)).joined(separator: "/")): skipped: more than 64 directories deep\n")
        #expect(run.status == 2)
    }

    // MARK: An input that yields no documents; nothing loaded at all is 2

    @Test func anEmptyFolderIsAWarningAndNothingLoadedExitsWith2() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warning = "speechq: \(folder): no documents: no .txt, .md, .markdown or .jsonl files in it\n"
        let alone = try SpeechQRun(["-e", "count docs", folder], environment: plain)
        #expect(alone.stdout == "0\n")
        #expect(alone.stderr == warning)
        #expect(alone.status == 2)
        // Beside an input that loads, it is a warning and no more.
        let beside = try SpeechQRun(["-e", "count docs", folder, speech], environment: plain)
        #expect(beside.stdout == "1\n")
        #expect(beside.stderr == warning)
        #expect(beside.status == 0)
        let outline = try SpeechQRun(["outline", folder], environment: plain)
        #expect(outline.stdout == "")
        #expect(outline.stderr == warning)
        #expect(outline.status == 2)
        let export = try SpeechQRun(["export", "-o", "\(folder)/x.db", folder], environment: plain)
        #expect(export.stderr == warning + "speechq: nothing exported: no documents were loaded\n")
        #expect(export.status == 2)
    }

    @Test func aFolderOfNothingLoadable() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("%PDF-1.4".utf8).write(to: URL(fileURLWithPath: "\(folder)/speech.pdf"))
        try FileManager.default.createDirectory(atPath: "\(folder)/.hidden", withIntermediateDirectories: false)
        try copySpeech(to: "\(folder)/.hidden/speech.txt")
        let run = try SpeechQRun(["-e", "count docs", folder], environment: plain)
        #expect(run.stderr == "speechq: \(folder): no documents: no .txt, .md, .markdown or .jsonl files in it\n")
        #expect(run.status == 2)
        // Loadable names that were all skipped: each is named, then the folder.
        try makeFIFO("\(folder)/pipe.txt")
        let skipped = try SpeechQRun(["-e", "count docs", folder], environment: plain, timeout: 20)
        #expect(!skipped.timedOut)
        #expect(skipped.stderr == """
            speechq: \(folder)/pipe.txt: skipped: a named pipe (FIFO), not a regular file
            speechq: \(folder): no documents: nothing in it could be loaded

            """)
        #expect(skipped.status == 2)
    }

    @Test func aJSONLinesFileWithoutRecords() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("\n  \n".utf8).write(to: URL(fileURLWithPath: "\(folder)/empty.jsonl"))
        let run = try SpeechQRun(["-e", "count docs", "\(folder)/empty.jsonl"], environment: plain)
        #expect(run.stderr == "speechq: \(folder)/empty.jsonl: no documents: no JSON records in it\n")
        #expect(run.status == 2)
    }

    @Test func anEmptyStandardInputNamedWithADash() throws {
        let named = try SpeechQRun(["-e", "count docs", "-"], stdin: "", environment: plain)
        #expect(named.stdout == "0\n")
        #expect(named.stderr == "speechq: <stdin>: no documents: it is empty\n")
        #expect(named.status == 2)
        // Read because no FILE was named, an empty standard input is nothing to speak of.
        let implicit = try SpeechQRun(["-e", "count docs"], stdin: "", environment: plain)
        #expect(implicit.stdout == "0\n")
        #expect(implicit.stderr == "")
        #expect(implicit.status == 0)
    }

    // MARK: `load` reports once

    @Test func loadReportsEachProblemOnceInScripts() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "\(folder)/load.sq"
        try Data("load /nonexistent/x.txt\n".utf8).write(to: URL(fileURLWithPath: script))
        let fromScript = try SpeechQRun(["-f", script, speech], environment: plain)
        #expect(fromScript.stderr == "\(script):1:1: error: cannot load '/nonexistent/x.txt': no such file or directory\nload /nonexistent/x.txt\n^~~~~~~~~~~~~~~~~~~~~~~\n")
        #expect(fromScript.status == 2)
        let fromStandardInput = try SpeechQRun([speech], stdin: "load /nonexistent/x.txt\ncount docs\n", environment: plain)
        #expect(fromStandardInput.stderr == "<stdin>:1:1: error: cannot load '/nonexistent/x.txt': no such file or directory\nload /nonexistent/x.txt\n^~~~~~~~~~~~~~~~~~~~~~~\n")
        #expect(fromStandardInput.status == 2)
        // A folder of nothing: the error says so, with no warning before it saying it again.
        let empty = "\(folder)/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let statement = "load \(empty)"
        let emptyFolder = try SpeechQRun(["-e", statement, speech], environment: plain)
        #expect(emptyFolder.stderr == """
            <-e>:1:1: error: cannot load '\(empty)': no documents: no .txt, .md, .markdown or .jsonl files in it
            \(statement)
            ^\(String(repeating: "~", count: statement.count - 1))

            """)
        #expect(emptyFolder.status == 2)
        // A folder whose one loadable name is a pipe: that one reason is the error.
        try makeFIFO("\(empty)/pipe.txt")
        let pipeOnly = try SpeechQRun(["-e", statement, speech], environment: plain, timeout: 20)
        #expect(!pipeOnly.timedOut)
        #expect(pipeOnly.stderr == """
            <-e>:1:1: error: cannot load '\(empty)': \(empty)/pipe.txt: skipped: a named pipe (FIFO), not a regular file
            \(statement)
            ^\(String(repeating: "~", count: statement.count - 1))

            """)
        #expect(pipeOnly.status == 2)
    }

    @Test func loadAtThePromptReportsOnce() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = "\(folder)/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let repl = try TerminalSession(arguments: ["-q", speech],
                                       environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "SPEECHQ_NO_HISTORY": "1",
                                                     "HOME": folder, "XDG_CONFIG_HOME": folder, "PATH": "/usr/bin:/bin"])
        try repl.expect("speechq> ")
        repl.type("load /nonexistent/x.txt\r")
        let missing = try repl.expect("speechq> ")
        // The typed line is echoed as it is typed; after it comes the error, once.
        #expect(missing.hasSuffix("\r\n<stdin>:1:1: error: cannot load '/nonexistent/x.txt': no such file or directory\r\nload /nonexistent/x.txt\r\n^~~~~~~~~~~~~~~~~~~~~~~\r\n"))
        #expect(missing.components(separatedBy: "cannot load").count == 2)
        repl.type("load \(empty)\r")
        let nothing = try repl.expect("speechq> ")
        #expect(nothing.hasSuffix("\r\n<stdin>:1:1: error: cannot load '\(empty)': no documents: no .txt, .md, .markdown or .jsonl files in it\r\nload \(empty)\r\n^\(String(repeating: "~", count: "load \(empty)".count - 1))\r\n"))
        #expect(nothing.components(separatedBy: "no documents").count == 2)
        #expect(!nothing.contains("speechq: "))
        repl.type("\u{04}")
        #expect(repl.exitStatus() == 0)
    }
}
