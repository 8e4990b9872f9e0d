import Foundation
import Testing

/// Control characters in a document are shown escaped on a terminal — in tables, the line
/// format, `show` and the outline — and reach pipes and files as they are; `TERM=dumb`
/// means no colour.
@Suite("Terminal safety", .serialized)
struct TerminalSafetyTests {
    /// A speech whose section heading clears the screen and rings the bell, and whose
    /// paragraph sets the window title, writes the clipboard (OSC 52), and holds a DEL and a
    /// C1 CSI; plain text around them keeps the file well below the loader's threshold for a
    /// binary file.
    static func hostileSpeech() throws -> String {
        var text = "在全镇工作会议上的讲话\n\n同志们：\n\n"
        for _ in 0..<20 { text += "我们要认真贯彻落实各项部署，切实做好本年度的安全生产工作，确保人民群众生命财产安全。\n\n" }
        text += "一、加强领导\u{1B}[2J\u{07}\n\n"
        text += "各部门要\u{1B}]0;pwned\u{07}抓好\u{7F}落实\u{9B}31m，\u{1B}]52;c;ZXZpbA==\u{07}确保到位。\n"
        return try temporaryFile(text, named: "hostile.txt")
    }

    static let escapedHeading = #"一、加强领导\x1b[2J\x07"#
    static let escapedParagraph = #"各部门要\x1b]0;pwned\x07抓好\x7f落实\x9b31m，\x1b]52;c;ZXZpbA==\x07确保到位。"#
    static let rawParagraph = "各部门要\u{1B}]0;pwned\u{07}抓好\u{7F}落实\u{9B}31m，\u{1B}]52;c;ZXZpbA==\u{07}确保到位。"

    let terminal = ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]

    /// What the terminal received, with line ends as a pipe's.
    func onTerminal(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let run = try TerminalSession(arguments: arguments, environment: environment ?? terminal, rows: 50, columns: 200)
        #expect(run.exitStatus() == 0, "\(arguments)")
        return run.transcript.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// No escape, DEL or C1 character at all (colour is off: nothing of ours either).
    func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }

    @Test func tablesLinesShowAndTheOutlineAreEscapedOnATerminal() throws {
        let speech = try Self.hostileSpeech()
        let table = try onTerminal(["-e", "paragraphs | filter 确保到位 | fields ref, text", speech])
        #expect(table.contains("hostile:sec1.para1  " + Self.escapedParagraph), "\(table)")
        #expect(isInert(table), "\(table.debugDescription)")
        let line = try onTerminal(["--format", "line", "-e", "paragraphs | filter 确保到位 | fields text", speech])
        #expect(line.contains("text: " + Self.escapedParagraph), "\(line)")
        #expect(isInert(line))
        let show = try onTerminal(["-e", "paragraphs | filter 确保到位 | show", speech])
        #expect(show.contains("\n" + Self.escapedParagraph + "\n"), "\(show)")
        #expect(isInert(show))
        let outline = try onTerminal(["outline", speech])
        #expect(outline.contains("  sec1  ") && outline.contains(Self.escapedHeading + "\n"), "\(outline)")
        #expect(isInert(outline))
        let atThePrompt = try onTerminal(["-e", "outline", speech])
        #expect(atThePrompt.contains(Self.escapedHeading))
        #expect(isInert(atThePrompt))
    }

    @Test func pipesFilesAndJSONKeepTheText() throws {
        let speech = try Self.hostileSpeech()
        let piped = try SpeechQRun(["-e", "paragraphs | filter 确保到位 | fields text", speech], environment: SpeechQRun.plainEnvironment)
        #expect(piped.stdout == Self.rawParagraph + "\n")
        let table = try SpeechQRun(["--format", "table", "-e", "paragraphs | filter 确保到位 | fields ref, text", speech], environment: SpeechQRun.plainEnvironment)
        #expect(table.stdout.contains(Self.rawParagraph))
        // JSON writes every control character as \u, on a terminal too.
        let json = try onTerminal(["--format", "jsonl", "-e", "paragraphs | filter 确保到位 | fields text", speech])
        #expect(json.contains(#"{"text":"各部门要\u001b]0;pwned\u0007抓好\u007f落实\u009b31m，\u001b]52;c;ZXZpbA==\u0007确保到位。"}"#), "\(json)")
        // An `.output` file from the terminal gets the text as it is.
        let file = URL(fileURLWithPath: speech).deletingLastPathComponent().appendingPathComponent("out.tsv").path
        _ = try onTerminal(["-e", ".output \(file)", "-e", "paragraphs | filter 确保到位 | fields text", speech])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.rawParagraph + "\n")
    }

    /// A file name is shown escaped in messages on a terminal too.
    @Test func messagesOnATerminalAreEscaped() throws {
        let output = try TerminalSession(arguments: ["-e", "count docs", "no\u{1B}[2Jsuch.txt"], environment: terminal)
        #expect(output.exitStatus() == 2)
        #expect(output.transcript.contains(#"speechq: no\x1b[2Jsuch.txt: no such file or directory"#), "\(output.transcript)")
        let piped = try SpeechQRun(["-e", "count docs", "no\u{1B}[2Jsuch.txt"], environment: SpeechQRun.plainEnvironment)
        #expect(piped.stderr == "speechq: no\u{1B}[2Jsuch.txt: no such file or directory\n")
        // A query error's hint lists the loaded documents, named after their files.
        let named = URL(fileURLWithPath: try Self.hostileSpeech()).deletingLastPathComponent().appendingPathComponent("title\u{1B}]0;x\u{07}.txt").path
        try FileManager.default.copyItem(atPath: SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path, toPath: named)
        let error = try TerminalSession(arguments: ["-e", "outline nosuch", named], environment: terminal)
        #expect(error.exitStatus() == 3)
        #expect(error.transcript.contains(#"hint: loaded: title\x1b]0;x\x07"#), "\(error.transcript)")
        #expect(isInert(error.transcript))
    }

    /// Tab lists document names, named after their files, escaped.
    @Test func completionListsNamesEscaped() throws {
        let directory = URL(fileURLWithPath: try Self.hostileSpeech()).deletingLastPathComponent()
        let speech = SpeechQRun.packageRoot.appendingPathComponent(SpeechQRun.safetySpeech).path
        for name in ["x\u{1B}[2Ja.txt", "x\u{1B}[3Jb.txt"] {
            try FileManager.default.copyItem(atPath: speech, toPath: directory.appendingPathComponent(name).path)
        }
        var environment = terminal
        environment["HOME"] = directory.path
        environment["SPEECHQ_NO_HISTORY"] = "1"
        let repl = try TerminalSession(arguments: ["-q", "--no-init", directory.appendingPathComponent("x\u{1B}[2Ja.txt").path, directory.appendingPathComponent("x\u{1B}[3Jb.txt").path],
                                       environment: environment)
        try repl.expect("speechq> ")
        repl.type("docs | filter doc = ", "\t", "\t")
        let listing = try repl.expect(#"\x1b[3Jb"#)
        #expect(listing.contains(#"\x1b[2Ja"#), "\(listing.debugDescription)")
        #expect(!listing.contains("\u{1B}[2J") && !listing.contains("\u{1B}[3J"), "\(listing.debugDescription)")
    }

    /// `TERM=dumb` (an Emacs shell buffer) gets no colour; xterm does.
    @Test func aDumbTerminalGetsNoColour() throws {
        let query = ["--format", "table", "-e", "kwic 隐患", SpeechQRun.safetySpeech]
        let coloured = try onTerminal(query, environment: ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(coloured.contains("\u{1B}[1;31m隐患\u{1B}[0m"))
        let dumb = try onTerminal(query, environment: ["TERM": "dumb", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(dumb.contains("隐患"))
        #expect(!dumb.contains("\u{1B}"), "\(dumb.debugDescription)")
        // Errors too.
        let error = try TerminalSession(arguments: ["-e", "sentences | cuont", SpeechQRun.safetySpeech], environment: ["TERM": "dumb", "LANG": "C.UTF-8"])
        #expect(error.exitStatus() == 3)
        #expect(error.transcript.contains("error: unknown stage 'cuont'") && !error.transcript.contains("\u{1B}"))
        // --color always still colours.
        let forced = try onTerminal(["--color", "always"] + query, environment: ["TERM": "dumb", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(forced.contains("\u{1B}[1;31m"))
    }
}
