import Foundation

/// The word lists the outline parser consults, read from `Resources/outline-markers.txt`.
struct MarkerLexicon: Sendable {
    var vocatives: [[UInt8]]
    var residuePrefixes: [[UInt8]]
    var speakerRoles: [String]
    var contentsLabels: [[UInt8]]

    /// The lists shipped with speechq.
    static let standard = MarkerLexicon(parsing: PackageResources.outline_markers_txt)

    init(parsing data: [UInt8]) {
        var lists: [String: [String]] = [:]
        var current = ""
        for rawLine in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            lists[current, default: []].append(line)
        }
        let bytes = { (name: String) in (lists[name] ?? []).map { Array($0.utf8) } }
        vocatives = bytes("vocatives")
        residuePrefixes = bytes("residue")
        // Longest first, so 秘书长 wins over 书记-like shorter endings.
        speakerRoles = (lists["speaker-roles"] ?? []).sorted { $0.count > $1.count }
        contentsLabels = bytes("contents")
    }
}
