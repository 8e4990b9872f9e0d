import Testing
@testable import SpeechQuery

@Suite("Completion and continuation")
struct CompletionTests {
    let completer = Completer(names: ["s2", "demo"], documents: ["county-speech", "report"], listDirectory: { directory in
        directory == "." ? [("examples", true), ("README.md", false), (".git", true)] : [("speeches", true), ("queries", true)]
    })

    func candidates(_ line: String) -> [String] { completer.complete(line).candidates }

    @Test func stagesKindsAndNamesAtTheStart() {
        #expect(candidates("sel") == ["select"])
        #expect(candidates("s").contains("sections") && candidates("s").contains("s2") && candidates("s").contains("show"))
        #expect(candidates("select sections | cou") == ["count"])
        #expect(candidates("select sections | co") == ["count", "compare"])
        #expect(candidates("select sections | ").contains("filter"))
        #expect(candidates("x; sel") == ["select"])
    }

    @Test func kindsFieldsAndValuesWhereTheyBelong() {
        #expect(candidates("select sec") == ["sections"])
        #expect(candidates("sections | count po") == ["points"])
        #expect(candidates("sections | filter ch") == ["chars", "check", "change"])
        #expect(candidates("sections | sort ye") == ["year"])
        #expect(candidates("docs | fields title, ye") == ["year"])
        #expect(candidates("points | group ") == ["by"])
        #expect(candidates("docs | filter doc = co") == ["\"county-speech\""])
        #expect(candidates("docs | filter doc != ") == ["\"county-speech\"", "report"])
    }

    @Test func dotCommandsAndTheirArguments() {
        #expect(candidates(".fo") == [".format"])
        #expect(candidates(".format j") == ["json", "jsonl"])
        #expect(candidates(".header o") == ["on", "off"])
    }

    @Test func pathsAfterLoadReadAndOutput() {
        #expect(candidates("load ex") == ["examples/"])
        #expect(candidates("load examples/s") == ["examples/speeches/"])
        #expect(candidates(".read examples/") == ["examples/queries/", "examples/speeches/"])
        #expect(candidates("load ") == ["README.md", "examples/"])
    }

    /// A value that would not read back bare is offered quoted: `county-speech` lexes as
    /// `county` and a stray `-`, `my speech` as two words, `2023` as a number.
    @Test func valuesAndPathsThatNeedQuotesAreCompletedQuoted() {
        let completer = Completer(names: ["疫情段"], documents: ["county-speech", "my speech", "2023", "2023年县政府工作报告（节选）", "report"], listDirectory: { directory in
            switch directory {
            case ".": [("my speeches", true), ("notes.txt", false)]
            case "my speeches/": [("a b.txt", false), ("town", true)]
            default: []
            }
        })
        func candidates(_ line: String) -> [String] { completer.complete(line).candidates }
        #expect(candidates("docs | filter doc = co") == ["\"county-speech\""])
        #expect(candidates("docs | filter doc = \"co") == ["\"county-speech\""])
        #expect(candidates("docs | filter doc = my") == ["\"my speech\""])
        #expect(candidates("docs | filter doc = \"my sp") == ["\"my speech\""])
        #expect(candidates("docs | filter doc = 20") == ["\"2023\"", "2023年县政府工作报告（节选）"])
        #expect(candidates("docs | filter doc ＝ re") == ["report"])
        #expect(candidates("docs | filter doc！＝re") == ["report"])
        #expect(candidates("load my") == ["\"my speeches/"])
        #expect(candidates("load \"my speeches/") == ["\"my speeches/a b.txt\"", "\"my speeches/town/"])
        #expect(candidates(".read no") == ["notes.txt"])
        #expect(candidates("疫") == ["疫情段"])
        #expect(candidates("sections｜cou") == ["count"])
        #expect(candidates("sections；sel") == ["select"])
    }

    @Test func tabReplacesWhatWasTypedWithTheQuotedCandidate() {
        #expect(Completer.edit(completing: "sel", with: ["select"])! == (0, "ect "))
        #expect(Completer.edit(completing: "co", with: ["\"county-speech\""])! == (2, "\"county-speech\" "))
        #expect(Completer.edit(completing: "\"co", with: ["\"county-speech\""])! == (0, "unty-speech\" "))
        #expect(Completer.edit(completing: "my", with: ["\"my speeches/"])! == (2, "\"my speeches/"))
        #expect(Completer.edit(completing: "co", with: ["\"county-a\"", "\"county-b\""])! == (2, "\"county-"))
        #expect(Completer.edit(completing: "疫", with: ["疫情段"])! == (0, "情段 "))
        #expect(Completer.edit(completing: "json", with: ["json", "jsonl"]) == nil)
        #expect(Completer.edit(completing: "x", with: []) == nil)
    }

    @Test func commonPrefix() {
        #expect(Completer.commonPrefix(["json", "jsonl"]) == "json")
        #expect(Completer.commonPrefix(["filter", "fields"]) == "fi")
        #expect(Completer.commonPrefix([]) == "")
    }

    @Test func unfinishedStatementsAskForMore() {
        #expect(InputCompleteness.needsMoreInput("select sections |"))
        #expect(InputCompleteness.needsMoreInput("sentences | filter (疫情 or"))
        #expect(InputCompleteness.needsMoreInput("sentences | filter \"疫"))
        #expect(!InputCompleteness.needsMoreInput("select sections | count"))
        #expect(!InputCompleteness.needsMoreInput("select sections | cuont"))
        #expect(!InputCompleteness.needsMoreInput(".help"))
        #expect(InputCompleteness.join("select sections |", "count") == "select sections | count")
        #expect(InputCompleteness.join("filter \"两个", "责任\"") == "filter \"两个责任\"")
    }

    /// A catalogue stage's keywords and choices complete from its declaration.
    @Test func stageArgumentsCompleteFromTheCatalogue() {
        let completer = Completer(names: [], documents: [], listDirectory: { _ in [] })
        #expect(completer.complete("kwic 安全 w").candidates == ["width", "within"])
        #expect(completer.complete("kwic 安全 within p").candidates == ["paragraph"])
        #expect(completer.complete("kwic 安全 width 5 wi").candidates == ["within"])
        #expect(completer.complete("kwic 安全 | so").candidates == ["sort"])
    }

    /// compare takes documents and names: they complete, quoted where they must be.
    @Test func operandsCompleteToDocumentsAndNames() {
        let completer = Completer(names: ["s2"], documents: ["county-speech", "report2017"], listDirectory: { _ in [] })
        #expect(completer.complete("compare co").candidates == ["\"county-speech\""])
        #expect(completer.complete("compare report2017 s").candidates == ["s2"])
        #expect(completer.complete("compare ").candidates.contains("report2017"))
    }

    /// A stage's positional choice comes before its keywords; a required term is waited for.
    @Test func positionalChoicesAndRequiredArguments() {
        let completer = Completer(names: [], documents: [], listDirectory: { _ in [] })
        #expect(completer.complete("freq t").candidates == ["terms"])
        #expect(completer.complete("freq ").candidates == ["chars", "ngrams", "terms"])
        #expect(completer.complete("freq terms by ").candidates == ["doc"])
        #expect(completer.complete("kwic ").candidates.isEmpty)
    }
}
