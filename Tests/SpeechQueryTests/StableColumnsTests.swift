import Foundation
import Testing
@testable import SpeechQuery

/// The columns of a kind of row never depend on the rows: CSV with a header has the same
/// header for no rows, one row and many, for every kind of row there is.
@Suite("Stable columns")
struct StableColumnsTests {
    /// One pipeline per kind of row the language makes.
    static let producers: [(kind: String, pipeline: String)] =
        QueryKind.allCases.map { ($0.rawValue, "select \($0.rawValue)") }
        + StageCatalogue.all.map { ($0.output.name, $0.example) }
        + [("section counts", "sections | count points"), ("groups", "points | group by style | count"),
           ("fields", "sentences | fields ref, actor, due"), ("one column", "sentences | fields ref")]

    static func csv(_ text: String, session: Session) -> String {
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: text), host: host)
        #expect(host.diagnostics.isEmpty, "\(text): \(host.diagnostics.map(\.message))")
        return host.output
    }

    static func session() throws -> Session {
        let documents = try ["examples/speeches/safety-production.txt", "examples/speeches/economic-work.txt"].map { try loadDocument(PackageFiles.path($0)) }
        return Session(corpus: Corpus(documents: documents), format: .csv, header: true)
    }

    @Test(arguments: producers.map(\.pipeline))
    func sameHeaderForNoneOneAndMany(_ pipeline: String) throws {
        let session = try Self.session()
        let many = Self.csv(pipeline, session: session)
        #expect(Self.records(many).count > 1, "\(pipeline) should give rows on the examples")
        // A term in no speech empties the nodes (or table rows) before the last stage.
        let none = Self.csv("let empty = docs | filter \"不会出现的词\"\nempty | \(pipeline.replacingOccurrences(of: "select docs", with: "select docs | filter \"不会出现的词\""))", session: session)
        let one = Self.csv("\(pipeline) | limit 1", session: session)
        let header = many.split(separator: "\n").first.map(String.init)
        #expect(none.split(separator: "\n").first.map(String.init) == header, "no rows")
        #expect(Self.records(none).count == 1)
        #expect(one.split(separator: "\n").first.map(String.init) == header, "one row")
        #expect(Self.records(one).count == 2)
    }

    /// The records of RFC 4180 text: line breaks inside quotes belong to the field.
    static func records(_ csv: String) -> [String] {
        var records: [String] = []
        var current = ""
        var quoted = false
        for c in csv {
            if c == "\"" { quoted.toggle() }
            if c == "\n", !quoted {
                records.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { records.append(current) }
        return records
    }

    /// The header is the declared default columns, not a selection made from the values.
    @Test func nodeHeadersAreTheDeclaredDefaults() throws {
        let session = try Self.session()
        for type in NodeType.allCases {
            let query = "select \(type == .document ? "docs" : type.plural)"
            #expect(Self.csv(query, session: session).split(separator: "\n").first.map(String.init) == type.defaultColumns.joined(separator: ","))
        }
        for spec in StageCatalogue.all {
            #expect(Self.csv(spec.example, session: session).split(separator: "\n").first.map(String.init) == spec.output.columnNames.joined(separator: ","))
        }
    }

    /// An empty value is null in JSON and an empty cell in CSV, whatever the column; and
    /// `!= ""` keeps exactly the rows that have a value.
    @Test func emptyValuesAreNullInJSONAndEmptyInCSV() throws {
        let session = try Self.session()
        session.format = .jsonl
        let json = Self.csv("sentences | fields ref, actor, deadline, due, why", session: session)
        let objects = try json.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.contains { $0["actor"] is NSNull && $0["deadline"] is NSNull && $0["why"] is NSNull })
        #expect(!objects.contains { ($0["actor"] as? String) == "" || ($0["due"] as? String) == "" || ($0["why"] as? String) == "" })
        let withDue = objects.filter { !($0["due"] is NSNull) }.count
        session.format = .csv
        session.header = false
        #expect(Self.records(Self.csv("sentences | filter due != \"\" | fields ref", session: session)).count == withDue)
        #expect(Self.records(Self.csv("sentences | filter due = \"\" | fields ref", session: session)).count == objects.count - withDue)
        #expect(withDue > 0)
    }
}
