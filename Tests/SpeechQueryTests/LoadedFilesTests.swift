import Foundation
import Testing
@testable import SpeechQuery

@Suite("A file is loaded once")
struct LoadedFilesTests {
    func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theSamePathTwiceIsLoadedOnce() {
        let path = Fixture.path("river-county.txt")
        let result = DocumentLoader().load(paths: [path, path])
        #expect(result.sources.map(\.name) == ["river-county"])
        #expect(result.alreadyLoaded == [AlreadyLoaded(path: path, documentNames: ["river-county"])])
        #expect(result.alreadyLoaded.first?.description == "\(path): already loaded as river-county")
        #expect(result.failures.isEmpty)
    }

    @Test func aDirectoryHoldingALoadedFileSkipsIt() throws {
        let dir = try scratchDirectory()
        let speech = dir.appendingPathComponent("speech.txt")
        try Data("一、总体要求\n要抓好落实。\n".utf8).write(to: speech)
        try Data("一、工作安排\n要加强领导。\n".utf8).write(to: dir.appendingPathComponent("other.txt"))
        // Named through `..` first: the real path, not the spelling, decides.
        let roundabout = dir.appendingPathComponent("../\(dir.lastPathComponent)/speech.txt").path
        let result = DocumentLoader().load(paths: [roundabout, dir.path])
        #expect(result.sources.map(\.name) == ["speech", "other"])
        #expect(result.alreadyLoaded.map(\.documentNames) == [["speech"]])
    }

    @Test func aSymbolicLinkIsTheFileItPointsTo() throws {
        let dir = try scratchDirectory()
        let speech = dir.appendingPathComponent("speech.txt")
        try Data("一、总体要求\n要抓好落实。\n".utf8).write(to: speech)
        let link = dir.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: speech)
        let result = DocumentLoader().load(paths: [speech.path, link.path])
        #expect(result.sources.count == 1)
        #expect(result.alreadyLoaded.map(\.path) == [link.path])
    }

    @Test func filesLoadedByAnEarlierCallAreRemembered() {
        let path = Fixture.path("report.jsonl")
        let first = DocumentLoader().load(paths: [path])
        let second = DocumentLoader().load(paths: [path], loadedFiles: first.loadedFiles)
        #expect(second.sources.isEmpty)
        #expect(second.failures.isEmpty)
        // A JSON Lines file gave several documents; the message names the first.
        #expect(second.alreadyLoaded.first?.description == "\(path): already loaded as 全镇工作报告 and 1 more")
    }
}
