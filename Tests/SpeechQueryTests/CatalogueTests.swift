import Foundation
import Testing
@testable import SpeechQuery

@Suite("The catalogue of stages, rows and fields")
struct CatalogueTests {
    /// docs/language.md's tables are the catalogue's: a stage or field added, renamed or
    /// described anew without the docs fails here. `SPEECHQ_UPDATE_GOLDEN=1` rewrites them.
    @Test func theLanguageReferenceListsTheCatalogue() throws {
        let url = PackageFiles.root.appendingPathComponent("docs/language.md")
        let docs = try String(contentsOf: url, encoding: .utf8)
        for (name, _) in CatalogueMarkdown.sections {
            #expect(docs.contains(CatalogueMarkdown.startMarker(name)), "docs/language.md lost the \(name) table")
        }
        let updated = CatalogueMarkdown.updating(docs)
        if ProcessInfo.processInfo.environment["SPEECHQ_UPDATE_GOLDEN"] == "1", updated != docs {
            try updated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(updated == docs, "docs/language.md's generated tables differ from the catalogue")
    }

    /// Every stage file is registered: a stage is one file, and forgetting to list it fails.
    @Test func everyStageFileIsInTheCatalogue() throws {
        let directory = PackageFiles.root.appendingPathComponent("Sources/SpeechQuery/Stages")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix("Stage.swift") }
        #expect(files.count == StageCatalogue.all.count)
        for file in files {
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let declared = try #require(source.firstMatch(of: /name: "([a-z]+)"/)?.1)
            #expect(StageCatalogue.named(String(declared)) != nil, "\(file) declares '\(declared)', which StageCatalogue.all does not list")
        }
    }

    @Test func namesAreUniqueWithinEverySchema() {
        let schemas = NodeType.allCases.map(\.schema) + StageCatalogue.all.map(\.output) + [Catalogue.loadedDocuments]
        for schema in schemas {
            #expect(Set(schema.columnNames).count == schema.columns.count, "\(schema.name) repeats a column")
            for key in schema.key { #expect(schema.index(of: key) != nil, "\(schema.name)'s key \(key) is no column") }
        }
        let words = Catalogue.stageWords + StageCatalogue.all.flatMap(\.aliases)
        #expect(Set(words).count == words.count)
        for type in NodeType.allCases {
            #expect(type.defaultColumns.allSatisfy { type.schema.index(of: $0) != nil }, "\(type) shows a column it does not have")
        }
    }

    /// The help lists every stage and field, aligned by display width and within the window.
    @Test func helpIsBuiltFromTheCatalogue() throws {
        let stages = try #require(HelpText.text(for: "stages", width: 60))
        for spec in StageCatalogue.all { #expect(stages.contains(spec.synopsis)) }
        #expect(stages.contains("also: lint"))
        let fields = try #require(HelpText.text(for: "fields", width: 60))
        for field in NodeFields.all { #expect(fields.contains("  \(field.name) ")) }
        for line in (stages + fields).split(separator: "\n") { #expect(DisplayWidth.columns(of: String(line)) <= 60, "\(line)") }
        let tasks = try #require(HelpText.text(for: "tasks", width: 80))
        for column in TasksStage.spec.output.columns { #expect(tasks.contains("  \(column.name) ")) }
    }

    /// Every topic fits 80 columns, and descriptions line up by display width, not by
    /// character count (疫情 is two characters and four columns).
    @Test func helpAlignsByDisplayWidth() throws {
        for topic in [nil] + HelpText.topics {
            let text = try #require(HelpText.text(for: topic, width: 80))
            for line in text.split(separator: "\n") { #expect(DisplayWidth.columns(of: String(line)) <= 80, "\(topic ?? "overview"): \(line)") }
        }
        let overview = try #require(HelpText.text(for: nil, width: 80)).split(separator: "\n").map(String.init)
        func descriptionColumn(_ prefix: String) throws -> Int {
            let line = try #require(overview.first { $0.hasPrefix("  " + prefix) })
            let description = try #require(line.range(of: "  ", options: .backwards, range: line.index(line.startIndex, offsetBy: 2 + prefix.count)..<line.endIndex))
            return DisplayWidth.columns(of: String(line[..<description.upperBound]))
        }
        #expect(try descriptionColumn("sections | filter 疫情 | count") == descriptionColumn("count directives"))
        #expect(try descriptionColumn("_ | filter 企业") == descriptionColumn("select sections | count"))
    }

    @Test func helpWrapsChineseWithoutSpaces() {
        let lines = TwoColumnText.wrap("谁在什么时候之前做什么：每个指派一行，包括牵头、负责和配合单位", to: 20)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.columns(of: $0) <= 20 })
        #expect(lines.joined() == "谁在什么时候之前做什么：每个指派一行，包括牵头、负责和配合单位")
        #expect(TwoColumnText.wrap("one two three four", to: 9) == ["one two", "three", "four"])
    }

    /// A field the input lacks is an error at the field, with a renamed column's new name.
    @Test func missingFieldsAreReportedWhereTheyAreWritten() throws {
        let session = Session(corpus: Corpus(documents: [try loadDocument(PackageFiles.path("examples/speeches/safety-production.txt"))]), format: .tsv)
        let cases: [(query: String, underlined: String, hint: String)] = [
            ("select sections | filter chars > 10 and level = 2", "level", "sections have: doc, ref"),
            ("check | filter level = \"warning\"", "level", "'level' is now called 'severity'"),
            ("docs | fields doc, role", "role", "'role' is now called 'position'"),
            ("sentences | sort Actr", "Actr", "did you mean 'actor'?"),
        ]
        for (query, underlined, hint) in cases {
            let host = CapturingHost()
            session.run(QuerySource(name: "<test>", text: query), host: host)
            let diagnostic = try #require(host.diagnostics.first, "\(query)")
            #expect(String(decoding: Array(query.utf8)[diagnostic.range], as: UTF8.self) == underlined, "\(query)")
            #expect(diagnostic.hint?.contains(hint) == true, "\(query): \(diagnostic.hint ?? "")")
        }
    }

    /// Every node carries its document's metadata, so sentences group by year.
    @Test func metadataIsAFieldOfEveryNode() throws {
        let session = Session(corpus: Corpus(documents: try ["safety-production.txt", "economic-work.txt"].map { try loadDocument(PackageFiles.path("examples/speeches/\($0)")) }), format: .tsv)
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: "sentences | group by year | count\npoints | filter year = 2024 | count"), host: host)
        #expect(host.diagnostics.isEmpty, "\(host.diagnostics.map(\.message))")
        let lines = host.output.split(separator: "\n")
        #expect(lines.first == "2023\t29")
        #expect(lines.count == 3)
    }

    /// A subsection before the first section is part of the opening, like its paragraphs.
    @Test func aSubsectionOfTheOpeningIsInThePreamble() {
        let session = Session(corpus: Corpus(documents: [document("（一）抓好安全。\n要落实责任。\n（二）抓好环境。\n要守住底线。\n", name: "t")]), format: .tsv)
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: "subsections | fields ref, part\nparagraphs | fields part"), host: host)
        #expect(host.output == "t:opening.sub1\tpreamble\nt:opening.sub2\tpreamble\npreamble\npreamble\n")
    }
}
