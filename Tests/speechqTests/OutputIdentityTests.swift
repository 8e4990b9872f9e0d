import Foundation
import Testing

/// The output identity guard: what `speechq --format jsonl` prints over the 49 government work
/// reports, for the queries that touch loading, the outline and the analysis, must not change
/// while the code is made faster. Each output is kept as its FNV-1a 64 checksum, its bytes and
/// its lines in `OutputChecksums.txt` beside this file (the target has no resources), so a
/// change shows which query moved and by how much.
///
/// `SPEECHQ_UPDATE_GOLDEN=1 swift test --filter OutputIdentity` rewrites the checksums; do that
/// only for a change meant to alter the output, and say so in the commit.
struct OutputIdentity: Sendable {
    let name: String
    let query: String

    static let all = [
        OutputIdentity(name: "sentences", query: "sentences | fields ref, line, text, directive, actor, why, deadline, due"),
        OutputIdentity(name: "tasks", query: "tasks"),
        OutputIdentity(name: "headings", query: "headings"),
    ]

    static let reports = SpeechQRun.packageRoot.appendingPathComponent("../shared/corpus/gov-reports").standardized.path
    static let reportsAvailable = FileManager.default.fileExists(atPath: reports)
    static let noReports: Comment = "../shared is absent: the output identity guard runs on ../shared/corpus/gov-reports"
    static let checksums = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("OutputChecksums.txt")

    /// One line of the checksum file: name, checksum, bytes, lines, query (tab-separated).
    func record() throws -> String {
        let run = try SpeechQRun(["--format", "jsonl", "-e", query, Self.reports], environment: SpeechQRun.plainEnvironment)
        #expect(run.status == 0, "\(name): exit \(run.status): \(run.stderr)")
        #expect(run.stderr.isEmpty, "\(name): \(run.stderr)")
        let bytes = Array(run.stdout.utf8)
        let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let checksum = String(Self.fnv1a64(bytes), radix: 16)
        return [name, String(repeating: "0", count: 16 - checksum.count) + checksum, String(bytes.count), String(lines), query].joined(separator: "\t")
    }

    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }

    static let header = """
        # Output identity of `speechq --format jsonl -e QUERY ../shared/corpus/gov-reports` (49 reports).
        # name, FNV-1a 64 of standard output, bytes, lines, query. Tests/speechqTests/OutputIdentityTests.swift
        # checks them; SPEECHQ_UPDATE_GOLDEN=1 swift test --filter OutputIdentity rewrites them.

        """
}

@Suite("Output identity over the 49 government work reports")
struct OutputIdentityTests {
    @Test(.enabled(if: OutputIdentity.reportsAvailable, OutputIdentity.noReports))
    func outputsMatchTheirChecksums() throws {
        let actual = try OutputIdentity.all.map { try $0.record() }
        if ProcessInfo.processInfo.environment["SPEECHQ_UPDATE_GOLDEN"] == "1" {
            try (OutputIdentity.header + actual.joined(separator: "\n") + "\n").write(to: OutputIdentity.checksums, atomically: true, encoding: .utf8)
            return
        }
        let text = try String(contentsOf: OutputIdentity.checksums, encoding: .utf8)
        let expected = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        for (identity, line) in zip(OutputIdentity.all, actual) {
            let kept = expected.first { $0.hasPrefix(identity.name + "\t") }
            #expect(kept == line, "\(identity.name): output differs from OutputChecksums.txt (name, checksum, bytes, lines, query)")
        }
    }
}
