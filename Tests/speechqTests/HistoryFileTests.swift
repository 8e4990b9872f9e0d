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
        let history = HistoryFile(path: path, capacity: 3)
        for n in 1...7 { #expect(history.append("count \(n)") == nil) }
        // Past twice the capacity the file is rewritten to the newest three.
        #expect(history.load() == ["count 5", "count 6", "count 7"])
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 6)
    }

    @Test func itLivesUnderXDGStateHomeOrTheHomeDirectory() {
        #expect(HistoryFile.resolve(disabled: false, environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/speechq/history")
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h"])?.path == "/h/.local/state/speechq/history")
        #expect(HistoryFile.resolve(disabled: false, environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path == "/h/.local/state/speechq/history")
        #expect(HistoryFile.resolve(disabled: true, environment: ["HOME": "/h"]) == nil)
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h", "SPEECHQ_NO_HISTORY": "1"]) == nil)
        #expect(HistoryFile.resolve(disabled: false, environment: ["HOME": "/h", "SPEECHQ_NO_HISTORY": "0"]) != nil)
    }

    @Test func anUnwritableLocationIsReportedNotFatal() {
        let history = HistoryFile(path: "/proc/speechq/history", capacity: 10)
        #expect(history.append("count points") != nil)
    }
}
