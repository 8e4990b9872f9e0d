import Foundation
import Testing
@testable import SpeechQuery

@Suite("Loading files, encodings and JSON Lines")
struct LoadingTests {
    let sample = "标题\n一、部分\n要抓好生产。“两个责任”要落实！\n"

    /// A fresh directory for one test's files.
    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func decodedText(_ raw: [UInt8]) throws -> (String, SourceEncoding) {
        let (text, encoding) = try TextDecoding.decode(raw).get()
        return (String(decoding: text, as: UTF8.self), encoding)
    }

    @Test func decodesEveryEncodingToTheSameText() throws {
        let utf8 = Array(sample.utf8)
        #expect(try decodedText(utf8) == (sample, .utf8))
        #expect(try decodedText([0xEF, 0xBB, 0xBF] + utf8) == (sample, .utf8WithBOM))
        let le = [UInt8](sample.data(using: .utf16LittleEndian)!)
        #expect(try decodedText([0xFF, 0xFE] + le) == (sample, .utf16LittleEndian))
        let be = [UInt8](sample.data(using: .utf16BigEndian)!)
        #expect(try decodedText([0xFE, 0xFF] + be) == (sample, .utf16BigEndian))
        let gb = [UInt8](try #require(sample.data(using: TextDecoding.gb18030)))
        #expect(gb != utf8)
        #expect(try decodedText(gb) == (sample, .gb18030))
    }

    @Test func normalisesLineEndings() throws {
        #expect(try decodedText(Array("一\r\n二\r三\n".utf8)).0 == "一\n二\n三\n")
    }

    @Test func rejectsBinaryAndMalformedInput() {
        #expect(throws: LoadFailure.Reason.binary) { try TextDecoding.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]).get() }
        #expect(throws: LoadFailure.Reason.invalidUTF16) { try TextDecoding.decode([0xFF, 0xFE, 0x41]).get() }
        #expect(throws: LoadFailure.Reason.invalidUTF8AfterBOM) { try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0xFF, 0xFF]).get() }
        let controls = [UInt8](repeating: 0x01, count: 40) + Array("文字".utf8)
        #expect(throws: LoadFailure.Reason.binary) { try TextDecoding.decode(controls).get() }
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        let dir = try scratchDirectory()
        let good = dir.appendingPathComponent("good.txt")
        let binary = dir.appendingPathComponent("image.txt")
        try Data(sample.utf8).write(to: good)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]).write(to: binary)
        let missing = dir.appendingPathComponent("missing.txt").path
        let result = DocumentLoader().load(paths: [binary.path, missing, good.path])
        #expect(result.sources.map(\.name) == ["good"])
        #expect(result.failures.map(\.source) == [binary.path, missing])
        #expect(result.failures[0].reason.contains("binary"))
        #expect(result.failures[1].reason == "no such file or directory")
    }

    @Test func unreadablePathsReportTheSystemReason() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("plain.txt")
        try Data(sample.utf8).write(to: file)
        // Works as root too, unlike a permission test: a file cannot be a folder.
        #expect(FileReading.read(file.path + "/inside.txt").failureReason == "not a directory")
    }

    @Test func walksDirectoriesRecursivelyInPathOrder() throws {
        let dir = try scratchDirectory()
        let nested = dir.appendingPathComponent("b/deeper")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        for (path, text) in [("a.txt", sample), ("b/deeper/c.md", sample), ("b/speech.txt", sample), ("z.csv", "x"), (".hidden/d.txt", sample), ("b/deeper/e.jsonl", "{\"text\":\"要抓好。\"}\n")] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(path))
        }
        let result = DocumentLoader().load(paths: [dir.path])
        #expect(result.failures.isEmpty)
        #expect(result.sources.map(\.name) == ["a", "c", "e#1", "speech"])
    }

    @Test func namesAreMadeUniqueAcrossInputs() throws {
        let dir = try scratchDirectory()
        for sub in ["x", "y"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try Data(sample.utf8).write(to: dir.appendingPathComponent("\(sub)/speech.txt"))
        }
        let result = DocumentLoader().load(paths: [dir.appendingPathComponent("x").path, dir.appendingPathComponent("y").path], takenNames: ["speech"])
        #expect(result.sources.map(\.name) == ["speech-2", "speech-3"])
    }

    @Test func uniqueNamesSkipSuffixesTakenInBetween() {
        var names = UniqueNames(taken: ["a", "a-3"])
        #expect((0..<4).map { _ in names.claim("a") } == ["a-2", "a-4", "a-5", "a-6"])
        #expect(names.claim("a-7") == "a-7")
        #expect(names.claim("a") == "a-8")
        #expect(names.claim("b") == "b")
    }

    @Test func manyFilesLoadInPathOrderWithTheirFailures() throws {
        let dir = try scratchDirectory()
        for i in 0..<40 {
            let name = String(format: "%02d.txt", i)
            try Data((i % 7 == 3 ? "\0\0binary" : "标题\(i)\n一、部分\n").utf8).write(to: dir.appendingPathComponent(name))
        }
        let result = DocumentLoader().load(paths: [dir.path, dir.appendingPathComponent("05.txt").path, dir.appendingPathComponent("03.txt").path])
        let expected = (0..<40).filter { $0 % 7 != 3 }.map { String(format: "%02d", $0) }
        #expect(result.sources.map(\.name) == expected)
        #expect(result.sources.map { String(decoding: $0.bytes.prefix { $0 != 0x0A }, as: UTF8.self) } == expected.map { "标题\(Int($0)!)" })
        // 03 failed, so naming it again reports its failure again; 05 was loaded.
        #expect(result.failures.map { ($0.source as NSString).lastPathComponent } == ["03.txt", "10.txt", "17.txt", "24.txt", "31.txt", "38.txt", "03.txt"])
        #expect(result.alreadyLoaded.map(\.documentNames) == [["05"]])
    }

    @Test func readsJSONLinesRecordByRecord() throws {
        let result = DocumentLoader().load(paths: [Fixture.path("report.jsonl")])
        #expect(result.sources.map(\.name) == ["全镇工作报告", "report#2"])
        #expect(result.failures.map { $0.line } == [3, 4])
        #expect(result.failures.map(\.reason) == ["not valid JSON", "no \"content\" or \"text\" string"])
        let first = Document(result.sources[0])
        #expect(first.metadata.title == "全镇工作报告")
        #expect(first.metadata.year == 2023)
        #expect(first.outline.sections.count == 2)
        #expect(first.outline.points.count == 2)
        let second = Document(result.sources[1])
        #expect(second.metadata.date == "2022-01-05")
        #expect(second.metadata.year == 2022)
        #expect(second.origin.hasSuffix("report.jsonl#2"))
    }

    @Test func readsStandardInputForADash() {
        let result = DocumentLoader().load(paths: ["-"], readStandardInput: { Array(self.sample.utf8) })
        #expect(result.sources.map(\.name) == ["stdin"])
        #expect(result.sources.first?.origin == "<stdin>")
    }

    @Test func aDirectoryNamedLikeATextFileIsWalkedNotRead() throws {
        let dir = try scratchDirectory()
        let odd = dir.appendingPathComponent("odd.txt")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        let result = DocumentLoader().load(paths: [dir.path])
        #expect(result.failures.isEmpty)
        #expect(result.sources.isEmpty)
        #expect(FileReading.read(odd.path).failureReason == "is a directory")
    }
}

extension Result where Failure == LoadFailure {
    var failureReason: String? {
        if case .failure(let failure) = self { return failure.reason }
        return nil
    }
}
