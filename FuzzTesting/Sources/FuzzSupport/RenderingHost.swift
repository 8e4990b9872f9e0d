import Foundation
import SpeechQuery

/// A session host that renders results in every output format — table, line, TSV, CSV,
/// JSON and JSON Lines, the table also narrow with colour, and as a terminal gets them —
/// and every diagnostic with and without colour, then checks what holds of each for any
/// input: JSON parses, a terminal's text without colour has no control character left, and
/// the rendering in pieces of rows joins to the whole. Nothing is written anywhere; `.output` is accepted
/// and ignored, so a query can never open a file.
public final class RenderingHost: SessionHost {
    /// How many bytes were rendered (kept so that the rendering is not optimised away).
    public private(set) var renderedBytes = 0
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var warnings: [String] = []

    /// Which of `variants` renders each result: all of them, or one at a time in turn.
    public enum Rendering {
        case everyVariant
        /// The first result in variant `start`, the next in the one after, and so on: each
        /// result once, every variant in turn. The turn is this host's own, so a host made
        /// for each input renders an input the same way every time it is run.
        case inTurn(start: Int)
    }

    private let rendering: Rendering
    private var emitted = 0

    public init(rendering: Rendering = .everyVariant) {
        self.rendering = rendering
    }

    /// Each format once as a pipe gets it, with a header; the table also narrow with colour,
    /// and the table and the line format as a terminal gets them, control characters
    /// escaped, without colour (so that no control character may be left in them).
    static let variants: [OutputSettings] = OutputFormat.allCases.map { OutputSettings(format: $0, formatIsExplicit: true, header: true) }
        + [OutputSettings(format: .table), OutputSettings(format: .table, header: true, width: 24, color: true, escapesControlCharacters: true),
           OutputSettings(format: .table, width: 160, escapesControlCharacters: true),
           OutputSettings(format: .line, width: 40, escapesControlCharacters: true)]

    public func emit(_ result: QueryResult, session: Session) {
        let chosen: ArraySlice<OutputSettings>
        switch rendering {
        case .everyVariant:
            chosen = Self.variants[...]
        case .inTurn(let start):
            let index = (start + emitted) % Self.variants.count
            chosen = Self.variants[index...index]
        }
        emitted += 1
        for settings in chosen {
            let text = ResultFormatter.render(result, corpus: session.corpus, settings: settings)
            renderedBytes += text.utf8.count
            switch settings.format {
            case .json: RenderedOutput.expectJSON(text, what: "--format json")
            case .jsonl:
                for line in text.split(separator: "\n") { RenderedOutput.expectJSON(String(line), what: "--format jsonl, one line") }
            case .table, .line, .tsv, .csv: break
            }
            if settings.escapesControlCharacters, !settings.color {
                RenderedOutput.expectNoControlCharacters(text, what: "--format \(settings.format) on a terminal")
            }
            // What a pipe gets is written in pieces of rows; joined, they are the whole.
            var pieces = ""
            ResultFormatter.render(result, corpus: session.corpus, settings: settings, chunk: 3) { pieces += $0 }
            if pieces != text {
                fatalError("--format \(settings.format) written in pieces of 3 rows differs from the whole:\n\(pieces.prefix(1000))\n---\n\(text.prefix(1000))")
            }
        }
    }

    public func emitText(_ text: String) {
        renderedBytes += text.utf8.count
    }

    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        renderedBytes += DiagnosticFormatter.format(diagnostic).utf8.count
        renderedBytes += DiagnosticFormatter.format(diagnostic, color: true).utf8.count
    }

    public func warn(_ message: String) {
        warnings.append(message)
    }

    public func redirectOutput(to path: String?) -> String? { nil }

    public func reportTiming(_ duration: Duration) {}

    public var textWidth: Int? { 60 }
}

/// Checks on rendered output that hold for any input.
public enum RenderedOutput {
    /// `text`, written for a terminal without colour, holds no control character that
    /// would act there (all but tab and line feed); a crash (with the text) if it does.
    public static func expectNoControlCharacters(_ text: String, what: String) {
        guard ControlCharacters.escaped(text) != text else { return }
        fatalError("\(what) lets a control character through:\n\(ControlCharacters.escaped(String(text.prefix(2000))))")
    }

    /// `text` is one JSON value; a crash (with the text) if not.
    public static func expectJSON(_ text: String, what: String) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            fatalError("\(what) is not JSON:\n\(text.prefix(2000))")
        }
    }
}
