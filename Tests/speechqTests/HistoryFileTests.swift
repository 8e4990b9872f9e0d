import Foundation
import Testing
@testable import speechq

@Suite("History file")
struct HistoryFileTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("speechq-history-\(UUID().uuidString)")
        return dir.appendingPathComponent("speechq/history").path
    }

    @Test func twoSessionsKeepEachOthersEntries() throws {
        let path = try scratch()
        let first = HistoryFile(path: path, capacity: 100)
        let second = HistoryFile(path: path, capacity: 100)
        #expect(first.load().isEmpty)
        #expect(first.append("select sections | count") == nil)
        #expect(second.append("sentences | filter 隐患") == nil)
        #expect(first.append("count points") == nil)
        #expect(second.load() == ["select sections | count", "sentences | filter 隐患", "count points"])
    }

    @Test func itIsTrimmedToTheNewestEntries() throws {
        let path = try scratch()
        // Each entry is 8 bytes; past 40 bytes the file is rewritten to the newest three.
        let history = HistoryFile(path: path, capacity: 3, trimBytes: 40, tailBytes: 40)
        for n in 1...7 { #expect(history.append("count \(n)") == nil) }
        #expect(history.load() == ["count 5", "count 6", "count 7"])
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 5)
        #expect(lines.last == "count 7")
    }

    /// Two prompts appending at once while the file is being trimmed lost an entry each time
    /// one of them trimmed (the lock was on the file the trim replaced). With a capacity
    /// above everything written, a trim drops nothing, so every entry must be there.
    @Test func concurrentAppendsAcrossTrimsLoseNothing() async throws {
        let path = try scratch()
        let perSession = 300
        await withTaskGroup(of: Void.self) { group in
            for session in ["a", "b"] {
                group.addTask {
                    // Each session its own HistoryFile, as two processes would have.
                    let history = HistoryFile(path: path, capacity: 10_000, trimBytes: 200, tailBytes: 1 << 20)
                    for n in 0..<perSession { _ = history.append("\(session) \(n)") }
                }
            }
        }
        let entries = HistoryFile(path: path, capacity: 10_000).load()
        #expect(entries.count == 2 * perSession)
        #expect(Set(entries) == Set((0..<perSession).flatMap { ["a \($0)", "b \($0)"] }))
        // Each session's entries keep their order.
        #expect(entries.filter { $0.hasPrefix("a ") } == (0..<perSession).map { "a \($0)" })
    }

    /// A history of 150 MB (grown by an older version, or another tool) made every statement
    /// take seconds: appending now reads only the file's tail, and loading too.
    @Test func aHugeHistoryIsReadByItsTail() throws {
        let path = try scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let line = Array(repeating: UInt8(ascii: "x"), count: 99) + [UInt8(ascii: "\n")]
        let chunk = Data((0..<10_000).flatMap { _ in line })  // 1 MB
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for _ in 0..<150 { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data("sentences | count\n".utf8))
        try handle.close()
        let history = HistoryFile(path: path, capacity: 1000)
        #expect(history.load().count == 1000)
        #expect(history.load().last == "sentences | count")
        #expect(history.append("count points") == nil)
        // The append trimmed the file to the newest thousand entries.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 200_000)
        #expect(history.load().suffix(2) == ["sentences | count", "count points"])
    }

    @Test func itLivesUnderXDGStateHomeOrTheHomeDirectory() {
        #expect(HistoryFile.resolve(disabled: false, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/speechq/history")
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h"])?.path == "/h/.local/state/speechq/history")
        #expect(HistoryFile.resolve(disabled: false, environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path == "/h/.local/state/speechq/history")
        #expect(HistoryFile.resolve(disabled: true, environment: ["HOME": "/h"]) == nil)
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h", "SPEECHQ_NO_HISTORY": "1"]) == nil)
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h", "SPEECHQ_NO_HISTORY": "0"]) != nil)
    }

    /// One generated statement of megabytes emptied the whole history: the tail read back
    /// held no whole line, and the trim kept nothing. Such a statement is not written, and a
    /// tail without a whole line is never trimmed to nothing.
    @Test func aHugeStatementDoesNotWipeTheHistory() throws {
        let path = try scratch()
        let history = HistoryFile(path: path, capacity: 1000)
        for n in 1...50 { #expect(history.append("count \(n)") == nil) }
        let huge = "sentences | filter " + (0..<400_000).map { "词\($0)" }.joined(separator: " or ")
        #expect(history.append(huge) == "a statement of more than 64 KB is not kept in \(path)")
        #expect(history.load().count == 50)
        #expect(history.append("count points") == nil)
        #expect(history.load().suffix(2) == ["count 50", "count points"])
        // A long line written by something else is kept, not trimmed away with the rest.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((String(repeating: "长", count: 700_000) + "\n").utf8))
        try handle.close()
        #expect(history.append("count sections") == nil)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size > 2_000_000)
    }

    @Test func anUnwritableLocationIsReportedNotFatal() {
        let history = HistoryFile(path: "/proc/speechq/history", capacity: 10)
        #expect(history.append("count points") != nil)
    }
}
