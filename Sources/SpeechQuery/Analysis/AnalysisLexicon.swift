/// The word lists behind the analysis, from `Resources/analysis-lexicon.txt`, extended by
/// user lexicon files of the same shape.
public struct AnalysisLexicon: Sendable {
    typealias Word = [Unicode.Scalar]

    var strong = WordList()
    var modal = WordList()
    var notModal = WordList()
    var notStrong = WordList()
    var clauseProhibitions = WordList()
    var actionVerbs = WordList()
    var actionAdverbs = WordList()
    var mannerAdverbs = WordList()
    var nonActionOpeners = WordList()
    var reporting = WordList()
    var copulaExclusions = WordList()
    var review = WordList()
    var reviewClauseEndings = WordList()
    var planOpeners = WordList()
    var actorLeading = WordList()
    var actorTrailing = WordList()
    var actorAppositive = WordList()
    var actorHeads = WordList()
    var actorWords = WordList()
    var notActor = WordList()
    var actorAfterCue = WordList()
    var actorFollowers = WordList()
    var adverbialOpeners = WordList()
    var actorJoiners = WordList()
    var timeEndings = WordList()
    var leadingTimeEndings = WordList()
    var timeOpenings = WordList()
    var roleLead = WordList()
    var roleResponsible = WordList()
    var roleCooperate = WordList()
    var clauseFinalRoles = WordList()
    var notRole = WordList()
    var planCues = WordList()
    var maxim = WordList()
    var copulaLike = WordList()
    var assessmentFrames = WordList()
    var describingOpeners = WordList()
    var pastTime = WordList()
    var meeting = WordList()
    var purpose = WordList()
    var notVerbHao = WordList()
    var request = WordList()
    var notRequest = WordList()
    var commitment = WordList()
    var notCommitment = WordList()
    var permission = WordList()
    var assessmentEndings = WordList()
    var problem = WordList()
    var done = WordList()
    var notDone = WordList()
    var deadlineEvents = WordList()
    var stopwords = WordList()
    var stopwordEndings = WordList()
    var notStopwords = WordList()
    var termBreaks = WordList()
    var terms = WordList()
    var formulations: [String] = []

    /// The lexicon shipped with speechq.
    public static let standard = AnalysisLexicon(parsing: PackageResources.analysis_lexicon_txt)

    public init(parsing data: [UInt8]) {
        self = AnalysisLexicon.empty.adding(data)
    }

    private init() {}

    static let empty = AnalysisLexicon()

    /// Every word list a lexicon file may hold, by its name in the file: one declaration that
    /// reading, adding and the error for an unknown list all use.
    static let wordLists: [(name: String, keyPath: WritableKeyPath<AnalysisLexicon, WordList> & Sendable)] = [
        ("strong", \.strong),
        ("modal", \.modal),
        ("not-modal", \.notModal),
        ("not-strong", \.notStrong),
        ("clause-prohibitions", \.clauseProhibitions),
        ("action-verbs", \.actionVerbs),
        ("action-adverbs", \.actionAdverbs),
        ("manner-adverbs", \.mannerAdverbs),
        ("clause-openers-not-action", \.nonActionOpeners),
        ("reporting", \.reporting),
        ("copula-exclusions", \.copulaExclusions),
        ("review", \.review),
        ("review-clause-endings", \.reviewClauseEndings),
        ("plan-openers", \.planOpeners),
        ("actor-leading", \.actorLeading),
        ("actor-trailing", \.actorTrailing),
        ("actor-appositive", \.actorAppositive),
        ("actor-heads", \.actorHeads),
        ("actor-words", \.actorWords),
        ("not-actor", \.notActor),
        ("actor-after-cue", \.actorAfterCue),
        ("actor-followers", \.actorFollowers),
        ("adverbial-openers", \.adverbialOpeners),
        ("actor-joiners", \.actorJoiners),
        ("time-endings", \.timeEndings),
        ("leading-time-endings", \.leadingTimeEndings),
        ("time-openings", \.timeOpenings),
        ("role-lead", \.roleLead),
        ("role-responsible", \.roleResponsible),
        ("role-cooperate", \.roleCooperate),
        ("clause-final-roles", \.clauseFinalRoles),
        ("not-role", \.notRole),
        ("plan-cues", \.planCues),
        ("maxim", \.maxim),
        ("copula-like", \.copulaLike),
        ("assessment-frames", \.assessmentFrames),
        ("describing-openers", \.describingOpeners),
        ("past-time", \.pastTime),
        ("meeting", \.meeting),
        ("purpose", \.purpose),
        ("not-verb-hao", \.notVerbHao),
        ("request", \.request),
        ("not-request", \.notRequest),
        ("commitment", \.commitment),
        ("not-commitment", \.notCommitment),
        ("permission", \.permission),
        ("assessment-endings", \.assessmentEndings),
        ("problem", \.problem),
        ("done", \.done),
        ("not-done", \.notDone),
        ("deadline-events", \.deadlineEvents),
        ("stopwords", \.stopwords),
        ("stopword-endings", \.stopwordEndings),
        ("not-stopwords", \.notStopwords),
        ("term-breaks", \.termBreaks),
        ("terms", \.terms),
    ]

    /// The names of the lists a lexicon file may contain.
    public static let listNames = wordLists.map(\.name) + ["formulations"]

    /// This lexicon with the entries of another lexicon file added.
    public func adding(_ data: [UInt8]) -> AnalysisLexicon {
        let lists = WordLists(parsing: data)
        var copy = self
        for (name, keyPath) in Self.wordLists {
            var words = copy[keyPath: keyPath].words + lists.strings(name).map { Array($0.unicodeScalars) }
            // Longest first, so the longest matching word decides.
            words.sort { $0.count > $1.count }
            copy[keyPath: keyPath] = WordList(words)
        }
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
