/// The word lists behind the analysis, from `Resources/analysis-lexicon.txt`, extended by
/// user lexicon files of the same shape.
public struct AnalysisLexicon: Sendable {
    typealias Word = [Unicode.Scalar]

    var strong: [Word] = []
    var modal: [Word] = []
    var notModal: [Word] = []
    var clauseProhibitions: [Word] = []
    var actionVerbs: [Word] = []
    var actionAdverbs: [Word] = []
    var nonActionOpeners: [Word] = []
    var reporting: [Word] = []
    var copulaExclusions: [Word] = []
    var review: [Word] = []
    var actorLeading: [Word] = []
    var actorTrailing: [Word] = []
    var actorAppositive: [Word] = []
    var actorHeads: [Word] = []
    var actorWords: [Word] = []
    var roleLead: [Word] = []
    var roleResponsible: [Word] = []
    var roleCooperate: [Word] = []
    var notRole: [Word] = []
    var planCues: [Word] = []
    var maxim: [Word] = []
    var copulaLike: [Word] = []
    var describingOpeners: [Word] = []
    var pastTime: [Word] = []
    var planOpeners: [Word] = []
    var meeting: [Word] = []
    var purpose: [Word] = []
    var notVerbHao: [Word] = []
    var request: [Word] = []
    var notRequest: [Word] = []
    var commitment: [Word] = []
    var notCommitment: [Word] = []
    var permission: [Word] = []
    var assessmentEndings: [Word] = []
    var problem: [Word] = []
    var done: [Word] = []
    var notDone: [Word] = []
    var reviewClauseEndings: [Word] = []
    var notActor: [Word] = []
    var formulations: [String] = []

    /// The lexicon shipped with speechq.
    public static let standard = AnalysisLexicon(parsing: PackageResources.analysis_lexicon_txt)

    public init(parsing data: [UInt8]) {
        self = AnalysisLexicon.empty.adding(data)
    }

    private init() {}

    static let empty = AnalysisLexicon()

    /// The names of the lists a lexicon file may contain.
    public static let listNames = [
        "strong", "modal", "not-modal", "clause-prohibitions", "action-verbs", "action-adverbs",
        "clause-openers-not-action", "reporting", "copula-exclusions", "review", "actor-leading",
        "actor-trailing", "actor-appositive", "actor-heads", "actor-words", "role-lead",
        "role-responsible", "role-cooperate", "not-role", "plan-cues", "maxim", "copula-like", "describing-openers", "past-time", "plan-openers", "meeting", "purpose", "not-verb-hao", "request", "not-request",
        "commitment", "not-commitment", "permission", "assessment-endings", "problem", "done",
        "not-done", "review-clause-endings", "not-actor", "formulations",
    ]

    /// This lexicon with the entries of another lexicon file added.
    public func adding(_ data: [UInt8]) -> AnalysisLexicon {
        let lists = WordLists(parsing: data)
        var copy = self
        func add(_ keyPath: WritableKeyPath<AnalysisLexicon, [Word]>, _ name: String) {
            copy[keyPath: keyPath] += lists.strings(name).map { Array($0.unicodeScalars) }
            // Longest first, so the longest matching word decides.
            copy[keyPath: keyPath].sort { $0.count > $1.count }
        }
        add(\.strong, "strong")
        add(\.modal, "modal")
        add(\.notModal, "not-modal")
        add(\.clauseProhibitions, "clause-prohibitions")
        add(\.actionVerbs, "action-verbs")
        add(\.actionAdverbs, "action-adverbs")
        add(\.nonActionOpeners, "clause-openers-not-action")
        add(\.reporting, "reporting")
        add(\.copulaExclusions, "copula-exclusions")
        add(\.review, "review")
        add(\.actorLeading, "actor-leading")
        add(\.actorTrailing, "actor-trailing")
        add(\.actorAppositive, "actor-appositive")
        add(\.actorHeads, "actor-heads")
        add(\.actorWords, "actor-words")
        add(\.roleLead, "role-lead")
        add(\.roleResponsible, "role-responsible")
        add(\.roleCooperate, "role-cooperate")
        add(\.notRole, "not-role")
        add(\.planCues, "plan-cues")
        add(\.maxim, "maxim")
        add(\.copulaLike, "copula-like")
        add(\.describingOpeners, "describing-openers")
        add(\.pastTime, "past-time")
        add(\.planOpeners, "plan-openers")
        add(\.meeting, "meeting")
        add(\.purpose, "purpose")
        add(\.notVerbHao, "not-verb-hao")
        add(\.request, "request")
        add(\.notRequest, "not-request")
        add(\.commitment, "commitment")
        add(\.notCommitment, "not-commitment")
        add(\.permission, "permission")
        add(\.assessmentEndings, "assessment-endings")
        add(\.problem, "problem")
        add(\.done, "done")
        add(\.notDone, "not-done")
        add(\.reviewClauseEndings, "review-clause-endings")
        add(\.notActor, "not-actor")
        copy.formulations += lists.strings("formulations")
        return copy
    }

    /// `base` with the words of the lexicon file at `path` added. Fails on an unreadable
    /// file, text that is not UTF-8, or a list name the analysis does not know.
    public static func loading(_ path: String, onto base: AnalysisLexicon) throws(LoadFailure) -> AnalysisLexicon {
        let bytes: [UInt8]
        switch FileReading.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure): throw failure
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw LoadFailure(source: path, reason: "not UTF-8 text") }
        let unknown = unknownLists(in: bytes)
        guard unknown.isEmpty else {
            throw LoadFailure(source: path, reason: "unknown list [\(unknown[0])]; lists are \(listNames.joined(separator: ", "))")
        }
        return base.adding(bytes)
    }

    /// Names in `data` that are not lists of a lexicon, for a clear error.
    public static func unknownLists(in data: [UInt8]) -> [String] {
        WordLists(parsing: data).names.filter { !listNames.contains($0) && !$0.isEmpty }
    }
}
