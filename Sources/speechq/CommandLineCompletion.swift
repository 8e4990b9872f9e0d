import Foundation

/// Shell completion where ArgumentParser's scripts cannot know the answer. Its scripts
/// complete either a root command's FILE arguments or its subcommands, not both, and always
/// with the root's options; speechq has both, and its options may precede the subcommand.
/// So FILE offers the subcommand names where one may stand, then paths, and `--format`
/// offers the formats of the command the line is for.
enum CommandLineCompletion {
    /// Candidates for FILE: `prefix` is the word at `index` in `words` (`words[0]` is the command).
    @Sendable static func files(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let subcommands = subcommand(before: index, in: words) == nil && firstPositional(before: index, in: words) == nil
            ? SpeechQ.subcommandNames.filter { $0.hasPrefix(prefix) } : []
        return subcommands + paths(startingWith: prefix)
    }

    /// Candidates for `--format`: the outline's formats on an outline's command line.
    @Sendable static func formats(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let names = subcommand(before: index, in: words) == "outline" ? FormatChoice.outlineNames : FormatChoice.queryNames
        return names.filter { $0.hasPrefix(prefix) }
    }

    static func firstPositional(before index: Int, in words: [String]) -> String? {
        for (_, word) in ArgumentScan(Array(words.prefix(max(index, 0)).dropFirst())).words {
            if case .positional(let text) = word { return text }
        }
        return nil
    }

    static func subcommand(before index: Int, in words: [String]) -> String? {
        firstPositional(before: index, in: words).flatMap { SpeechQ.subcommandNames.contains($0) ? $0 : nil }
    }

    /// Files and directories whose path starts with `prefix`; hidden ones only when asked for.
    static func paths(startingWith prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directory = slash.map { String(prefix[...$0]) } ?? ""
        let start = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names
            .filter { $0.hasPrefix(start) && (start.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
            .map { directory + $0 }
    }
}
