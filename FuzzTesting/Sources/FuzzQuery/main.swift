import Foundation
import FuzzSupport
import SpeechQuery

// FuzzQuery: query text → lexer and parser, evaluation over a small corpus (the team's
// speeches in examples/speeches, loaded once), every output format, diagnostics with their
// source line and caret, and completion at several cursor positions.
//
// Statements that reach the file system — load, .read, .lexicon, .export — are parsed but
// not run, so an input can never read a device, walk / or write a file; `.output` goes to
// a host that never opens anything.

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // FuzzQuery
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let speeches = repository.appendingPathComponent("examples/speeches").path
let loaded = DocumentLoader().load(paths: [speeches])
guard loaded.sources.count >= 3, loaded.failures.isEmpty else {
    fatalError("FuzzQuery needs the speeches in \(speeches): \(loaded.messages)")
}
let corpus = Corpus(documents: Document.parse(loaded.sources))
let documentNames = corpus.documents.map(\.name)
/// FUZZ_VERBOSE=1: print what each input printed and its diagnostics.
let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil

/// Whether running `text` would touch a file: any statement that loads, reads or exports.
func reachesFiles(_ source: QuerySource) -> Bool {
    var parser = Parser(source)
    while let next = parser.nextStatement() {
        guard case .success(let statement) = next else { continue }
        switch statement.kind {
        case .load, .meta(.read), .meta(.lexicon), .meta(.export): return true
        case .pipeline, .binding, .outline, .meta: continue
        }
    }
    return false
}

/// The text up to a cursor at `scalars` Unicode scalars in.
func prefix(_ text: String, scalars: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: text.unicodeScalars.prefix(scalars))
    return String(view)
}

func runQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    let source = QuerySource(name: "<fuzz>", text: text)

    // Completion where a cursor may be: the end, the middle, a quarter in, after the first
    // line, and just after each of the first few `|`.
    let completer = Completer(names: ["疫情段", "x"], documents: documentNames,
                              listDirectory: { _ in [("speech.txt", false), ("folder", true)] })
    let scalarCount = text.unicodeScalars.count
    var cursors = [scalarCount, scalarCount / 2, scalarCount / 4]
    if let newline = text.unicodeScalars.firstIndex(of: "\n") {
        cursors.append(text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: newline))
    }
    var position = 0
    for scalar in text.unicodeScalars {
        position += 1
        if scalar == "|" {
            cursors.append(position)
            if cursors.count >= 8 { break }
        }
    }
    for cursor in cursors {
        let line = prefix(text, scalars: cursor)
        let (word, candidates) = completer.complete(line)
        _ = Completer.edit(completing: word, with: candidates)
        _ = InputCompleteness.needsMoreInput(line)
    }
    _ = InputCompleteness.join(prefix(text, scalars: scalarCount / 2), prefix(text, scalars: scalarCount / 3))

    // Parse every statement, whatever the session would bind.
    var parser = Parser(source)
    while let next = parser.nextStatement() {
        if case .failure(let diagnostic) = next {
            _ = DiagnosticFormatter.format(diagnostic, color: true)
        }
    }
    guard !reachesFiles(source) else { return 0 }

    let session = Session(corpus: corpus, format: .tsv)
    let host = RenderingHost(rendering: .inTurn(start: size))
    session.run(source, host: host, keepGoing: true)
    if verbose {
        print("\(host.renderedBytes) bytes rendered, \(host.diagnostics.count) diagnostics")
        for diagnostic in host.diagnostics { print(DiagnosticFormatter.format(diagnostic)) }
    }
    return 0
}

// libFuzzer's library refers to the usual entry, though its own main never runs.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    runQuery(data, size)
}

FuzzDriver.run(testOneInput)
