@testable import SpeechQuery

/// Three short reports for counting terms and rates: one dated, one with only the year its
/// title opens with, one with neither. Their counts were made by hand: report-2021 has 94
/// non-whitespace characters and 改革 four times (once in the opening, three times in
/// section 1, 改革改革 being two).
enum RateSpeeches {
    static let dated = """
    2021年政府工作报告
    ——2021年3月5日在县人民代表大会上
    各位代表：
    现在报告工作。改革取得进展。
    一、过去一年的工作
    深化改革，改革改革。
    二、今年的任务
    抓好发展。
    各位代表，让我们共同努力！
    """

    static let yearOnly = """
    2019年工作报告
    一、工作回顾
    推进改革。
    """

    static let undated = """
    工作要点
    抓好落实。
    """

    /// Loaded undated first and the 2021 report before the 2019 one, so that an order by
    /// time is not the order of loading.
    static var corpus: Corpus {
        Corpus(documents: [document(undated, name: "undated"), document(dated, name: "report-2021"), document(yearOnly, name: "report-2019")])
    }

    /// Runs `query` over the three as TSV with a header and returns the rows, cells split.
    static func rows(_ query: String, corpus: Corpus = corpus) -> (rows: [[String]], diagnostics: [Diagnostic]) {
        let session = Session(corpus: corpus, format: .tsv)
        session.header = true
        let host = CapturingHost()
        session.run(QuerySource(name: "<test>", text: query), host: host)
        let rows = host.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return (rows, host.diagnostics)
    }
}
