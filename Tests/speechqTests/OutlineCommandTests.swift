import Foundation
import Testing

/// Runs the built `speechq` binary the way a user does and checks what it prints.
struct SpeechQRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The run was killed at its `timeout`: what was tested hung.
    var timedOut = false

    /// The `speechq` built beside this test bundle.
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("speechq")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/speechq")
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled speech most tests query, relative to the package root.
    static let safetySpeech = "examples/speeches/safety-production.txt"
    /// An environment without colour or the caller's settings.
    static let plainEnvironment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]

    static let setpriv = "/usr/bin/setpriv"

    /// Whether tests can run speechq as nobody: they run as root, and setpriv can start
    /// the binary as nobody (it needs to reach it).
    static let canRunAsNobody: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return false }
        return (try? SpeechQRun(["--version"], asNobody: true).status) == 0
    }()

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/SpeechQueryTests/Fixtures/\(name)").path
    }

    /// Runs speechq with `arguments`. `stdin` is written to its standard input, or
    /// `stdinFile` is opened as it (`/dev/zero`). `timeout`: the child is killed after that
    /// many seconds and `timedOut` says so, for a test of something that could hang.
    /// `asNobody`: run as the user nobody through setpriv(1), for tests of permissions
    /// when the tests run as root.
    init(_ arguments: [String], stdin: String? = nil, stdinFile: String? = nil, environment: [String: String]? = nil,
         timeout: Double? = nil, asNobody: Bool = false) throws {
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = Self.packageRoot
        process.environment = SanitizerEnvironment.child(environment)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdinFile {
            guard let file = FileHandle(forReadingAtPath: stdinFile) else { throw POSIXError(.ENOENT) }
            process.standardInput = file
        } else {
            process.standardInput = input
        }
        try process.run()
        let watchdog = timeout.map { seconds in
            let pid = process.processIdentifier
            let item = DispatchWorkItem { kill(pid, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
            return item
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog?.cancel()
        timedOut = watchdog != nil && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite("speechq outline")
struct OutlineCommandTests {
    let fixture = SpeechQRun.fixture("river-county.txt")

    @Test func printsTheTree() throws {
        let run = try SpeechQRun(["outline", fixture])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "river-county  在全县春季农业生产工作会议上的讲话  2024-03-12 林文远（县长）  [3 sections, 9 points, 11 paragraphs, 28 sentences, 1 residue]")
        #expect(lines.contains("  sec2              3      2      6  二、突出重点，扎实推进各项工作"))
        #expect(lines.contains("    sub1                   1      2  （一）抓好粮食生产。"))
        #expect(lines.contains("      pt3                         1  最后，要打响品牌。"))
        #expect(lines.contains("  residue1                           line 20: 责任编辑：周岚"))
    }

    @Test func fitsTheRequestedWidth() throws {
        let run = try SpeechQRun(["outline", "--width", "30", fixture])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").allSatisfy { line in
            line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x2E80 && $1.value <= 0xFFEF) ? 2 : 1) } <= 30
        })
    }

    @Test func emitsTheFullTreeAsJSON() throws {
        let run = try SpeechQRun(["outline", "--format", "json", fixture])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let sections = try #require(documents.first?["sections"] as? [[String: Any]])
        #expect(sections.map { $0["heading"] as? String } == ["认清形势，增强做好春耕生产的紧迫感", "突出重点，扎实推进各项工作", "加强领导，确保各项任务落到实处"])
        #expect(sections.map { $0["ref"] as? String } == ["river-county:sec1", "river-county:sec2", "river-county:sec3"])
        #expect(run.stdout.contains("\"林文远\""))  // CJK is not \u-escaped
    }

    @Test func readsStandardInputWhenNoFileIsGiven() throws {
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
        let run = try SpeechQRun(["outline"], stdin: text)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("stdin  在全县春季农业生产工作会议上的讲话"))
        let dash = try SpeechQRun(["outline", "-"], stdin: text)
        #expect(dash.stdout == run.stdout)
    }

    @Test func aBadInputIsReportedAndTheRestStillPrinted() throws {
        let run = try SpeechQRun(["outline", "/nonexistent/speech.txt", fixture])
        #expect(run.status == 2)
        #expect(run.stderr == "speechq: /nonexistent/speech.txt: no such file or directory\n")
        #expect(run.stdout.hasPrefix("river-county"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let badWidth = try SpeechQRun(["outline", "--width", "5", fixture])
        #expect(badWidth.status == 2)
        #expect(badWidth.stderr.contains("--width must be at least 20 columns"))
        let badFormat = try SpeechQRun(["outline", "--format", "xml", fixture])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
    }
}
