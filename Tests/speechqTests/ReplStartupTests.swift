import Foundation
import Testing

/// What the prompt runs before its first prompt: the startup file, then -e and -f under -i.
@Suite("The prompt's startup: init.sq and -i", .serialized)
struct ReplStartupTests {
    let home: URL
    let speech = SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        ["TERM": "xterm", "LANG": "C.UTF-8", "HOME": home.path, "SPEECHQ_NO_HISTORY": "1", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
    }

    /// Writes the startup file where the prompt looks for it by default.
    func writeInitFile(_ text: String, under config: URL? = nil) throws -> String {
        let directory = (config ?? home.appendingPathComponent(".config")).appendingPathComponent("speechq")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("init.sq").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theStartupFileRunsBeforeTheFirstPrompt() throws {
        _ = try writeInitFile("let s3 = select section 3\n")
        let repl = try TerminalSession(arguments: ["-q", speech], environment: environment)
        try repl.expect("speechq> ")
        repl.type("s3 | select points | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func xdgConfigHomeIsWhereItLives() throws {
        let config = home.appendingPathComponent("elsewhere")
        _ = try writeInitFile("let s3 = select section 3\n", under: config)
        var environment = environment
        environment["XDG_CONFIG_HOME"] = config.path
        let repl = try TerminalSession(arguments: ["-q", speech], environment: environment)
        try repl.expect("speechq> ")
        repl.type("s3 | select points | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func errorsInItNameItAndThePromptStillOpens() throws {
        let path = try writeInitFile("select sections | cuont\nlet s3 = select section 3\n")
        let repl = try TerminalSession(arguments: ["-q", speech], environment: environment)
        let before = try repl.expect("speechq> ")
        #expect(before.contains("\(path):1:19: error: unknown stage 'cuont'"))
        // The rest of the file still ran.
        repl.type("s3 | select points | count\r")
        try repl.expect("\r\n3\r\n")
    }

    @Test func noInitSkipsIt() throws {
        _ = try writeInitFile("let s3 = select section 3\n")
        let repl = try TerminalSession(arguments: ["-q", "--no-init", speech], environment: environment)
        try repl.expect("speechq> ")
        repl.type("s3 | select points | count\r")
        try repl.expect("unknown name 's3'")
    }

    @Test func interactiveRunsTheCommandLineThenStaysAtThePrompt() throws {
        let script = try temporaryFile("let s3 = select section 3\n", named: "setup.sq")
        let repl = try TerminalSession(arguments: ["-q", "-f", script, "-e", "s3 | select points | count", "-i", speech], environment: environment)
        let before = try repl.expect("speechq> ")
        #expect(before.contains("3\r\n"))
        repl.type("s3 | fields ref\r")
        try repl.expect("safety-production:sec3")
        repl.type("\u{04}")
        #expect(repl.exitStatus() == 0)
    }

    @Test func withoutIThereIsNoPrompt() throws {
        let repl = try TerminalSession(arguments: ["-e", "count points", speech], environment: environment)
        try repl.expect("9\r\n")
        #expect(repl.exitStatus() == 0)
    }

    @Test func loadingALoadedFileAtThePromptIsReported() throws {
        let repl = try TerminalSession(arguments: ["-q", speech], environment: environment)
        try repl.expect("speechq> ")
        repl.type("load \(speech)\r")
        try repl.expect("already loaded as safety-production")
        repl.type("select docs | count\r")
        try repl.expect("\r\n1\r\n")
    }
}
