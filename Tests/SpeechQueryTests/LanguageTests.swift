import Testing
@testable import SpeechQuery

@Suite("Lexing and parsing queries")
struct LanguageTests {
    func parse(_ text: String) throws -> [Statement] {
        try Parser.parse(QuerySource(name: "<test>", text: text)).statements
    }

    func failure(_ text: String) -> Diagnostic? {
        do {
            _ = try Parser.parse(QuerySource(name: "<test>", text: text))
            return nil
        } catch {
            return error
        }
    }

    func stages(_ text: String) throws -> [StageKind] {
        guard case .pipeline(let pipeline) = try #require(try parse(text).first).kind else {
            Issue.record("not a pipeline")
            return []
        }
        return pipeline.stages.map(\.kind)
    }

    @Test func pipelinesAndSelectors() throws {
        #expect(try stages("select sections | select points 1") == [.select(.sections, nil), .select(.points, Selector(items: [.single(1)]))])
        #expect(try stages("section 2..3, 5, last") == [.select(.sections, Selector(items: [.range(2, 3), .single(5), .last]))])
        #expect(try stages("sections | filter 疫情 | count") == [.select(.sections, nil), .filter(.term("疫情")), .count(nil)])
        #expect(try stages("count directives") == [.count(.directives)])
        #expect(try stages("select docs | sort year desc, doc | limit 3 | fields title, year") == [
            .select(.docs, nil), .sort([SortKey(field: "year", descending: true), SortKey(field: "doc", descending: false)]),
            .limit(3), .fields(["title", "year"]),
        ])
        #expect(try stages("points | group by style | count") == [.select(.points, nil), .groupBy(["style"]), .count(nil)])
        #expect(try stages("s2 | count sentences") == [.name("s2"), .count(.sentences)])
        #expect(try stages("_ | show") == [.name("_"), .show])
    }

    @Test func predicatesNestAsWritten() throws {
        let expected = Predicate.and(.term("复工"), .not(.regex(pattern: "主要|重要", caseInsensitive: false)))
        #expect(try stages(#"sentences | filter "复工" and not /主要|重要/"#).last == .filter(expected))
        #expect(try stages("sentences | filter (line = 1 or “两个责任”) and chars >= 20").last == .filter(
            .and(.or(.comparison("line", .equal, .number(1)), .term("两个责任")), .comparison("chars", .greaterOrEqual, .number(20)))))
        #expect(try stages("sentences | filter directive and actor != '我们'").last == .filter(
            .and(.truthy("directive"), .comparison("actor", .notEqual, .text("我们")))))
        #expect(try stages("sentences | filter /covid/i").last == .filter(.regex(pattern: "covid", caseInsensitive: true)))
    }

    @Test func statementsSeparatorsCommentsAndContinuations() throws {
        let statements = try parse("""
        #!/usr/bin/env -S speechq -f
        let s2 = select section 2   # a comment
        s2 | count; _ | show
        select sections |
          count
        load "examples/my speeches" as demo
        .format json
        """)
        #expect(statements.count == 6)
        #expect(statements[0].kind == .binding(name: "s2", Pipeline(stages: [Stage(kind: .select(.sections, Selector(items: [.single(2)])), range: 38..<54)])))
        #expect(statements[4].kind == .load(path: "examples/my speeches", alias: "demo"))
        #expect(statements[5].kind == .meta(.format(.json)))
    }

    @Test func errorsPointAtTheSpotWithHints() throws {
        let misspelt = try #require(failure("select sections | fitler 疫情"))
        #expect(misspelt.message == "unknown stage 'fitler'")
        #expect(misspelt.hint == "did you mean 'filter'?")
        #expect(misspelt.location == (1, 19))

        let afterCJK = try #require(failure("sections | filter 疫情 and chrs > 3"))
        #expect(afterCJK.location == (1, 26))
        #expect(DiagnosticFormatter.format(afterCJK) == """
        <test>:1:26: error: unknown field 'chrs'
        sections | filter 疫情 and chrs > 3
                                   ^~~~
        hint: did you mean 'chars'? To search for the word, quote it: "chrs"

        """)

        #expect(failure("sections | filter \"疫情")?.message == "unterminated string")
        #expect(failure("sections | filter /[/")?.message.hasPrefix("invalid regular expression") == true)
        #expect(failure("select section 0")?.message == "positions start at 1")
        #expect(failure("select section 3..2")?.message == "the range ends before it starts")
        #expect(failure(".fromat json")?.hint == "did you mean '.format'?")
        #expect(failure(".format xml")?.message == "unknown format 'xml'")
        #expect(failure("sections | filter 42")?.message == "a bare number is not a condition")
        #expect(failure("let select = sections") != nil)
        #expect(failure("sections sections") != nil)
        #expect(try #require(failure("a\nb\n  sections | lmit 2")).location == (3, 14))
    }

    @Test func parsingResumesAfterABadStatement() {
        var parser = Parser(QuerySource(name: "<test>", text: "sections | fitler x; select points | count\n\"open\nselect docs"))
        var outcomes: [Bool] = []
        while let next = parser.nextStatement() {
            if case .success = next { outcomes.append(true) } else { outcomes.append(false) }
        }
        #expect(outcomes == [false, true, false, true])
    }

    @Test func suggestionsUseEditDistance() {
        #expect(Suggestion.closest(to: "fitler", among: ["filter", "fields"]) == "filter")
        #expect(Suggestion.closest(to: "sectoins", among: QueryKind.allCases.map(\.rawValue)) == "sections")
        #expect(Suggestion.closest(to: "xyz", among: ["filter", "count"]) == nil)
    }
}

@Suite("Hostile queries")
struct HostileQueryTests {
    /// Nesting deep enough to exhaust the stack is an error, not a crash; usual depths parse.
    @Test func nestingIsBounded() throws {
        let deep = "sentences | filter " + String(repeating: "(", count: 3000) + "安全" + String(repeating: ")", count: 3000)
        #expect(throws: Diagnostic.self) { try Parser.parse(QuerySource(name: "<test>", text: deep)) }
        let nots = "sentences | filter " + String(repeating: "not ", count: 2000) + "安全"
        #expect(throws: Diagnostic.self) { try Parser.parse(QuerySource(name: "<test>", text: nots)) }
        let fine = "sentences | filter " + String(repeating: "(", count: 30) + "安全" + String(repeating: ")", count: 30) + " and not not 生产"
        #expect(throws: Never.self) { try Parser.parse(QuerySource(name: "<test>", text: fine)) }
    }
}

@Suite("Values as shown")
struct ShownValueTests {
    /// A rate is compared as it is shown, to two places; nan and hex are no numbers; a
    /// negative number after a comparison is one.
    @Test func decimalsCompareAsShown() throws {
        #expect(FieldValue.decimal(155.0387).compare(.equal, .text("155.04")))
        #expect(FieldValue.decimal(155.0387).compare(.greaterOrEqual, .text("155.04")))
        #expect(!FieldValue.decimal(1).compare(.equal, .text("nan")))
        #expect(DecimalText.parse("0x10") == nil)
        #expect(DecimalText.parse("-1.5") == -1.5)
        let script = try Parser.parse(QuerySource(name: "<test>", text: "compare a b | filter log_ratio < -1 and g2 > 3.5"))
        guard case .pipeline(let pipeline) = script.statements[0].kind, case .filter(let predicate) = pipeline.stages[1].kind else {
            Issue.record("no filter")
            return
        }
        #expect(predicate == .and(.comparison("log_ratio", .less, .number(-1)), .comparison("g2", .greater, .text("3.5"))))
    }

    /// `outline` takes a name, or nothing before a comment, and passes nothing on.
    @Test func outlineStatements() throws {
        #expect(try Parser.parse(QuerySource(name: "<test>", text: "outline # the tree\ncount")).statements.map(\.kind).first == .outline(document: nil))
        #expect(throws: Diagnostic.self) { try Parser.parse(QuerySource(name: "<test>", text: "outline doc | count")) }
        let years = try Parser.parse(QuerySource(name: "<test>", text: "compare 2016 2017"))
        guard case .pipeline(let pipeline) = years.statements[0].kind, case .table(let call) = pipeline.stages[0].kind else {
            Issue.record("no compare")
            return
        }
        #expect(call.arguments.values.contains(.operand("2016")))
        #expect(call.arguments.values.contains(.operand("2017")))
    }
}
