/// The word lists the outline parser consults, read from `Resources/outline-markers.txt`.
struct MarkerLexicon: Sendable {
    var vocatives: [[UInt8]]
    var residuePrefixes: FirstScalarIndex
    var residuePhrases: FirstScalarIndex
    var residueWords: [[UInt8]]
    var speakerRoles: [String]
    var contentsLabels: [[UInt8]]

    /// The lists shipped with speechq.
    static let standard = MarkerLexicon(parsing: PackageResources.outline_markers_txt)

    init(parsing data: [UInt8]) {
        let lists = WordLists(parsing: data)
        vocatives = lists.bytes("vocatives")
        residuePrefixes = FirstScalarIndex(lists.bytes("residue"))
        residuePhrases = FirstScalarIndex(lists.bytes("residue-phrases"))
        // Longest first, so 打印本页 is taken whole rather than as 打印 then an unknown 本页.
        residueWords = lists.bytes("residue-words").sorted { $0.count > $1.count }
        // Longest first, so a longer role wins over a shorter one it ends with.
        speakerRoles = lists.strings("speaker-roles").sorted { $0.count > $1.count }
        contentsLabels = lists.bytes("contents")
    }
}
