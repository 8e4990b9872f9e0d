import Foundation

/// Splits JSON Lines into documents: one JSON object per line, text from `content` or
/// `text`, title from `title`, `year` and `date` kept as metadata, `"format": "markdown"`
/// for a text written in Markdown. A bad line is a failure with its line number; the other
/// lines still load.
enum JSONLinesReader {
    struct Record {
        var index: Int          // the record's 1-based line number, used in `FILE#N`
        var text: [UInt8]
        var format: SourceFormat
        var given: GivenMetadata
    }

    static func read(_ bytes: [UInt8], origin: String, stem: String) -> (documents: [Record], failures: [LoadFailure]) {
        var documents: [Record] = []
        var failures: [LoadFailure] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.isEmpty { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(trimmed), options: [])
            } catch {
                failures.append(LoadFailure(source: origin, line: lineNumber, reason: "not valid JSON"))
                continue
            }
            guard let record = object as? [String: Any] else {
                failures.append(LoadFailure(source: origin, line: lineNumber, reason: "expected a JSON object"))
                continue
            }
            guard let content = (record["content"] ?? record["text"]) as? String else {
                failures.append(LoadFailure(source: origin, line: lineNumber, reason: "no \"content\" or \"text\" string"))
                continue
            }
            let title = (record["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let year: Int? = (record["year"] as? Int) ?? (record["year"] as? String).flatMap(Int.init)
            let date = record["date"] as? String
            let format: SourceFormat = (record["format"] as? String)?.lowercased() == "markdown" ? .markdown : .plain
            let text = TextDecoding.normaliseLineEndings(Array(content.utf8))
            documents.append(Record(index: lineNumber, text: text, format: format, given: GivenMetadata(title: title, year: year, date: date)))
        }
        return (documents, failures)
    }
}
