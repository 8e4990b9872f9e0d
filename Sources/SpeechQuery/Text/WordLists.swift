import Foundation

/// A data file of word lists: `[name]` starts a list, one entry per line, `#` comments.
struct WordLists {
    private var lists: [String: [String]] = [:]

    init(parsing data: [UInt8]) {
        var current = ""
        for rawLine in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
            } else {
                lists[current, default: []].append(line)
            }
        }
    }

    func strings(_ name: String) -> [String] { lists[name] ?? [] }

    /// The list names the file uses (the unnamed part before any `[name]` is "").
    var names: [String] { Array(lists.keys).sorted() }

    func bytes(_ name: String) -> [[UInt8]] { strings(name).map { Array($0.utf8) } }
}
