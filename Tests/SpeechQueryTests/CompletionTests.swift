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
        #expect(candidates("select sections | co") == ["count"])
        #expect(candidates("select sections | ").contains("filter"))
        #expect(candidates("x; sel") == ["select"])
    }

    @Test func kindsFieldsAndValuesWhereTheyBelong() {
        #expect(candidates("select sec") == ["sections"])
        #expect(candidates("sections | count po") == ["points"])
        #expect(candidates("sections | filter ch") == ["chars", "check"])
        #expect(candidates("sections | sort ye") == ["year"])
        #expect(candidates("docs | fields title, ye") == ["year"])
        #expect(candidates("points | group ") == ["by"])
        #expect(candidates("docs | filter doc = co") == ["county-speech"])
        #expect(candidates("docs | filter doc != ") == ["county-speech", "report"])
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
}
