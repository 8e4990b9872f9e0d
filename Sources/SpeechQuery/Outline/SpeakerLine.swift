/// `国务院总理　李克强`, `国务院总理周恩来`, `国务院副总理兼国家计划委员会主任李富春`,
/// `县委书记　张　明　华`: a role ending in a known title, then a name of two to four
/// characters, which may be spaced out. A web copy may put the name on a line of its own
/// (`县委书记` / `张　明`); the reader joins the two lines before parsing them.
enum SpeakerLine {
    static let maximumLength = 40
    static let nameLengths = 2...4

    static func parse(_ line: String, roles: [String]) -> (role: String, name: String)? {
        guard let compact = compactIdeographs(line) else { return nil }
        let words = line.split { $0.isWhitespace }
        if words.count >= 2, let name = words.last, nameLengths.contains(name.count), !name.contains("、") {
            let role = words.dropLast().joined()
            if roles.contains(where: { role.hasSuffix($0) }) { return (role, String(name)) }
        }
        // The role ends before a two-to-four character name; spaces inside the name (张　明　华)
        // are dropped with the rest.
        for role in roles {
            guard let found = compact.range(of: role, options: .backwards) else { continue }
            let name = compact[found.upperBound...]
            // 党委书记、董事长 is two roles, not 书记 and a name.
            if nameLengths.contains(name.count), !name.contains("、") {
                return (String(compact[..<found.upperBound]), String(name))
            }
        }
        return nil
    }

    /// `县委书记`: a role with no name after it.
    static func isRoleOnly(_ line: String, roles: [String]) -> Bool {
        guard let compact = compactIdeographs(line) else { return false }
        return roles.contains { compact.hasSuffix($0) }
    }

    /// `张　明`, `张　明　华`, `陈立新`: two to four ideographs and nothing else.
    static func isNameOnly(_ line: String) -> Bool {
        guard let compact = compactIdeographs(line), !compact.contains("、") else { return false }
        return nameLengths.contains(compact.unicodeScalars.count)
    }

    /// The line without whitespace, when it is short and all ideographs (a middle dot allowed
    /// for transliterated names, 、 between two roles: 党委书记、董事长); nil otherwise.
    private static func compactIdeographs(_ line: String) -> String? {
        let compact = line.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard !compact.isEmpty, compact.count <= maximumLength,
              compact.allSatisfy({ $0.properties.isIdeographic || $0 == "·" || $0 == "・" || $0 == "、" }),
              compact.first != "、", compact.last != "、"
        else { return nil }
        return String(String.UnicodeScalarView(compact))
    }
}
