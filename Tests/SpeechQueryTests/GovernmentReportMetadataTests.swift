import Testing
@testable import SpeechQuery

/// The date, speaker and post of each of the 49 government work reports, as their own first
/// lines state them — read by hand from each file's header (`head -8`), not from speechq. The
/// file names are not the gold: the 1991 file is named for 李鹏, but its header gives the
/// report to 邹家华 (the plan report, 国务委员兼国家计划委员会主任). A report given over two
/// days (1955 7月5日至6日, 1964 12月21日和22日, 1981 11月30日和12月1日) is dated by its first.
/// Every report states both; none is left without.
@Suite("Metadata of the 49 government work reports", .enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct GovernmentReportMetadataTests {
    /// year in the file name → date, speaker, post.
    static let gold: [(file: String, date: String, speaker: String, position: String)] = [
        ("1954", "1954-05-23", "周恩来", "国务院总理"),
        ("1955", "1955-07-05", "李富春", "国务院副总理兼国家计划委员会主任"),
        ("1956", "1956-06-15", "李先念", "副总理兼财政部长"),
        ("1957", "1957-06-26", "周恩来", "国务院总理"),
        ("1958", "1958-02-03", "薄一波", "国务院副总理兼国家经济委员会主任"),
        ("1959", "1959-04-18", "周恩来", "国务院总理"),
        ("1960", "1960-04-06", "谭震林", "国务院副总理"),
        ("1964", "1964-12-21", "周恩来", "国务院总理"),
        ("1975", "1975-01-13", "周恩来", "国务院总理"),
        ("1978", "1978-02-26", "华国锋", "国务院总理"),
        ("1979", "1979-06-18", "华国锋", "国务院总理"),
        ("1980", "1980-08-30", "姚依林", "国务院副总理兼国家计划委员会主任"),
        ("1981", "1981-11-30", "赵紫阳", "国务院总理"),
        ("1982", "1982-11-30", "赵紫阳", "总理"),
        ("1983", "1983-06-06", "赵紫阳", "国务院总理"),
        ("1984", "1984-05-15", "赵紫阳", "国务院总理"),
        ("1985", "1985-03-27", "赵紫阳", "国务院总理"),
        ("1986", "1986-03-25", "赵紫阳", "国务院总理"),
        ("1987", "1987-03-25", "赵紫阳", "国务院总理"),
        ("1988", "1988-03-25", "李鹏", "国务院代总理"),
        ("1989", "1989-03-20", "李鹏", "国务院总理"),
        ("1990", "1990-03-20", "李鹏", "国务院总理"),
        ("1991", "1991-03-26", "邹家华", "国务委员兼国家计划委员会主任"),
        ("1992", "1992-03-20", "李鹏", "国务院总理"),
        ("1993", "1993-03-15", "李鹏", "国务院总理"),
        ("1994", "1994-03-10", "李鹏", "国务院总理"),
        ("1995", "1995-03-05", "李鹏", "国务院总理"),
        ("1996", "1996-03-05", "李鹏", "国务院总理"),
        ("1997", "1997-03-01", "李鹏", "国务院总理"),
        ("1998", "1998-03-05", "李鹏", "国务院总理"),
        ("1999", "1999-03-05", "朱镕基", "国务院总理"),
        ("2000", "2000-03-05", "朱镕基", "国务院总理"),
        ("2001", "2001-03-05", "朱镕基", "国务院总理"),
        ("2002", "2002-03-05", "朱镕基", "国务院总理"),
        ("2003", "2003-03-05", "朱镕基", "国务院总理"),
        ("2004", "2004-03-05", "温家宝", "国务院总理"),
        ("2005", "2005-03-05", "温家宝", "国务院总理"),
        ("2006", "2006-03-05", "温家宝", "国务院总理"),
        ("2007", "2007-03-05", "温家宝", "国务院总理"),
        ("2008", "2008-03-05", "温家宝", "国务院总理"),
        ("2009", "2009-03-05", "温家宝", "国务院总理"),
        ("2010", "2010-03-05", "温家宝", "国务院总理"),
        ("2011", "2011-03-05", "温家宝", "国务院总理"),
        ("2012", "2012-03-05", "温家宝", "国务院总理"),
        ("2013", "2013-03-05", "温家宝", "国务院总理"),
        ("2014", "2014-03-05", "李克强", "国务院总理"),
        ("2015", "2015-03-05", "李克强", "国务院总理"),
        ("2016", "2016-03-05", "李克强", "国务院总理"),
        ("2017", "2017-03-05", "李克强", "国务院总理"),
    ]

    let session: Session

    init() {
        let loaded = DocumentLoader().load(paths: [SharedCorpus.reports.path])
        session = Session(corpus: Corpus(documents: loaded.sources.map { Document($0) }), format: .tsv)
    }

    func rows(_ query: String) -> [[String]] { session.tsvRows(query) }

    /// The query the issue asks to be right, checked against the gold for every report.
    @Test func everyReportHasTheDateAndSpeakerItsHeaderStates() {
        let found = rows("select docs | sort date | fields doc, date, year, speaker, position")
        #expect(found.count == Self.gold.count)
        for (row, gold) in zip(found, Self.gold) {
            #expect(row[0].hasPrefix(gold.file), "\(row[0]) sorts where \(gold.file) should")
            #expect(row[1] == gold.date, "\(row[0]): date \(row[1]), the header says \(gold.date)")
            #expect(row[2] == gold.file, "\(row[0]): year \(row[2])")
            #expect(row[3] == gold.speaker, "\(row[0]): speaker \(row[3]), the header says \(gold.speaker)")
            #expect(row[4] == gold.position, "\(row[0]): position \(row[4]), the header says \(gold.position)")
        }
    }

    @Test func groupsBySpeakerAndYear() {
        var bySpeaker: [String: Int] = [:]
        for gold in Self.gold { bySpeaker[gold.speaker, default: 0] += 1 }
        let speakers = rows("docs | group by speaker | count")
        #expect(Dictionary(uniqueKeysWithValues: speakers.map { ($0[0], Int($0[1]) ?? 0) }) == bySpeaker)
        let years = rows("docs | group by year | count")
        #expect(years.map(\.first) == Self.gold.map(\.file) && years.allSatisfy { $0.last == "1" })
    }

    /// Every report is in the trend, in the order of the gold dates.
    @Test func trendRunsOverAllFortyNine() {
        let trend = rows("trend 改革")
        #expect(trend.map { String($0[0].prefix(4)) } == Self.gold.map(\.file))
        #expect(trend.map { $0[2] } == Self.gold.map(\.date))
        #expect(trend.allSatisfy { Int($0[4])! > 0 && !$0[5].isEmpty })
        // `cat *.txt | grep -o 改革 | wc -l` over the folder says 2932 too.
        #expect(rows("count hits 改革").first == ["2932"])
        #expect(rows("count hits 改革 by doc").map { Int($0[1])! }.reduce(0, +) == 2932)
    }
}
