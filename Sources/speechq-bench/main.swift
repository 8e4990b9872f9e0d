import Foundation
import SpeechQuery

// Measures outline parsing throughput: loads the given files once, then parses them
// repeatedly and reports MB/s of UTF-8 text. Run by hand (scripts/bench times speechq end to end); not a test.
let arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: speechq-bench FILE|DIR...\n".utf8))
    exit(2)
}
let loaded = DocumentLoader().load(paths: arguments)
for failure in loaded.failures { FileHandle.standardError.write(Data("speechq-bench: \(failure)\n".utf8)) }
let totalBytes = loaded.sources.reduce(0) { $0 + $1.bytes.count }
guard totalBytes > 0 else { exit(2) }
let parser = OutlineParser()
var sentences = 0
let clock = ContinuousClock()
var rounds = 0
let elapsed = clock.measure {
    // Enough rounds for a stable number (at least half a second, at least three rounds).
    let start = ContinuousClock.now
    while rounds < 3 || ContinuousClock.now - start < .milliseconds(500) {
        for source in loaded.sources { sentences += parser.parse(source.bytes).sentences.count }
        rounds += 1
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let megabytes = Double(totalBytes * rounds) / 1_000_000
print(String(format: "outline: %d documents, %.2f MB, %d rounds, %.1f MB/s, %d sentences per round",
             loaded.sources.count, Double(totalBytes) / 1_000_000, rounds, megabytes / seconds, sentences / rounds))

// The analysis over the same text: a directive verdict, actors, tasks and deadlines for every
// body sentence (the work behind `count directives` and `tasks`).
let documents = loaded.sources.map { Document($0, parser: parser) }
let classifier = DirectiveClassifier()
var directives = 0
var analysisRounds = 0
let analysisElapsed = clock.measure {
    let start = ContinuousClock.now
    while analysisRounds < 3 || ContinuousClock.now - start < .milliseconds(500) {
        for document in documents { directives += DocumentAnalysis(document, classifier: classifier).verdicts.filter(\.isDirective).count }
        analysisRounds += 1
    }
}
let analysisSeconds = Double(analysisElapsed.components.seconds) + Double(analysisElapsed.components.attoseconds) / 1e18
print(String(format: "analysis: %d rounds, %.1f MB/s, %d directives per round",
             analysisRounds, Double(totalBytes * analysisRounds) / 1_000_000 / analysisSeconds, directives / analysisRounds))
