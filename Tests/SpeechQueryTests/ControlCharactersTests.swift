import Foundation
import Testing
@testable import SpeechQuery

/// Control characters from a document are shown, not obeyed, where a terminal shows them;
/// data formats keep them.
@Suite("Control characters on a terminal")
struct ControlCharactersTests {
    /// A speech with what a scraped page can carry: a title set (OSC 0), a screen cleared
    /// (CSI 2J), the clipboard written (OSC 52), DEL, a C1 CSI (U+009B), a carriage return.
    static let hostileSentence = "要\u{1B}]0;pwned\u{07}加强\u{1B}[2J领导\u{7F}和\u{9B}31m管理，\u{1B}]52;c;ZXZpbA==\u{07}落实\r到位。"
    static let escapedSentence = #"要\x1b]0;pwned\x07加强\x1b[2J领导\x7f和\x9b31m管理，\x1b]52;c;ZXZpbA==\x07落实\x0d到位。"#
    static let speech = document("在全镇工作会议上的讲话\n\n一、加强领导\u{1B}[2J\n\n\(hostileSentence)\n", name: "hostile")

    @Test func everyControlButTabAndLineFeedIsEscaped() {
        #expect(ControlCharacters.escaped(Self.hostileSentence) == Self.escapedSentence)
        #expect(ControlCharacters.escaped("\u{00}\u{08}\u{1F}\u{7F}\u{80}\u{85}\u{9F}") == #"\x00\x08\x1f\x7f\x80\x85\x9f"#)
        // Tab and line feed are layout, not commands.
        #expect(ControlCharacters.escaped("a\tb\nc") == "a\tb\nc")
        // Neighbours of the C1 range in UTF-8 (C2 A0, C3 80, U+0100) are text.
        #expect(ControlCharacters.escaped("\u{A0}À\u{100}é中文") == "\u{A0}À\u{100}é中文")
        #expect(ControlCharacters.escaped("") == "")
    }

    func render(_ query: String, format: OutputFormat, terminal: Bool) -> String {
        let session = Session(corpus: Corpus(documents: [Self.speech]), format: format, formatIsExplicit: true)
        let host = SettingsHost(escapes: terminal)
        session.run(QuerySource(name: "<test>", text: query), host: host)
        #expect(host.diagnostics.isEmpty, "\(host.diagnostics.map(\.message))")
        return host.output
    }

    @Test func tablesLinesShowAndBareValuesAreEscapedOnATerminal() {
        let query = "paragraphs | filter 落实 | fields ref, text"
        let table = render(query, format: .table, terminal: true)
        #expect(table.contains(Self.escapedSentence), "\(table)")
        #expect(!table.contains("\u{1B}") && !table.contains("\u{9B}") && !table.contains("\u{7F}"))
        // The table is laid out on the escaped text: the rule under `text` is as wide as it.
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(DisplayWidth.columns(of: lines[2]) == DisplayWidth.columns(of: lines[1]))
        #expect(render(query, format: .line, terminal: true).contains("text: " + Self.escapedSentence))
        let shown = render("paragraphs | filter 落实 | show", format: .table, terminal: true)
        #expect(shown.contains(Self.escapedSentence + "\n"), "\(shown)")
        #expect(render("paragraphs | filter 落实 | fields text", format: .table, terminal: true) == Self.escapedSentence + "\n")
    }

    @Test func dataFormatsAndPipesKeepTheText() {
        let query = "paragraphs | filter 落实 | fields text"
        #expect(render(query, format: .table, terminal: false) == Self.hostileSentence + "\n")
        #expect(render(query, format: .tsv, terminal: true) == Self.hostileSentence.replacingOccurrences(of: "\r", with: "\\r") + "\n")
        #expect(render(query, format: .csv, terminal: true) == "\"" + Self.hostileSentence + "\"\n")
    }

    /// JSON escapes every control character as \u, so it is safe on a terminal and reads
    /// back as the same text.
    @Test func jsonEscapesEveryControlAndReadsBackTheSame() throws {
        let json = render("paragraphs | filter 落实 | fields text", format: .jsonl, terminal: false)
        #expect(json == #"{"text":"要\u001b]0;pwned\u0007加强\u001b[2J领导\u007f和\u009b31m管理，\u001b]52;c;ZXZpbA==\u0007落实\r到位。"}"# + "\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["text"] == Self.hostileSentence)
    }

    @Test func theOutlineIsEscapedOnATerminal() {
        let terminal = OutlineTreePrinter(width: 60, escapesControlCharacters: true).render([Self.speech])
        #expect(terminal.contains(#"一、加强领导\x1b[2J"#), "\(terminal)")
        #expect(!terminal.contains("\u{1B}"))
        #expect(terminal.split(separator: "\n").allSatisfy { DisplayWidth.columns(of: String($0)) <= 60 })
        #expect(OutlineTreePrinter(width: nil).render([Self.speech]).contains("一、加强领导\u{1B}[2J"))
        // At the prompt `outline` asks the host whether it prints to a terminal.
        #expect(render("outline", format: .table, terminal: true).contains(#"一、加强领导\x1b[2J"#))
        #expect(render("outline", format: .table, terminal: false).contains("一、加强领导\u{1B}[2J"))
    }

    /// Renders with the settings a terminal (or a pipe) would give.
    final class SettingsHost: SessionHost {
        let escapesControlCharacters: Bool
        var output = ""
        var diagnostics: [Diagnostic] = []
        init(escapes: Bool) { escapesControlCharacters = escapes }
        func emit(_ result: QueryResult, session: Session) {
            let settings = OutputSettings(format: session.format, formatIsExplicit: session.formatIsExplicit, escapesControlCharacters: escapesControlCharacters)
            output += ResultFormatter.render(result, corpus: session.corpus, settings: settings)
        }
        func emitText(_ text: String) { output += text }
        func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
        func warn(_ message: String) {}
        func redirectOutput(to path: String?) -> String? { nil }
        func reportTiming(_ duration: Duration) {}
    }
}
