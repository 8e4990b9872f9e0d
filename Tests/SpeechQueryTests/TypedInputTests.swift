import Testing
@testable import SpeechQuery

/// Queries as people type them: with a Chinese input method on, with numbers copied from a
/// speech, with Chinese names, and with shell habits.
@Suite("Input as people type it")
struct TypedInputTests {
    func parse(_ text: String, isBound: @escaping (String) -> Bool = { _ in false }) throws -> [Statement] {
        var parser = Parser(QuerySource(name: "<test>", text: text), isBound: isBound)
        var statements: [Statement] = []
        while let next = parser.nextStatement() { statements.append(try next.get()) }
        return statements
    }

    func stages(_ text: String, isBound: @escaping (String) -> Bool = { _ in false }) throws -> [StageKind] {
        guard case .pipeline(let pipeline) = try #require(try parse(text, isBound: isBound).last).kind else {
            Issue.record("not a pipeline")
            return []
        }
        return pipeline.stages.map(\.kind)
    }

    func filter(_ predicate: String) throws -> Predicate? {
        guard case .filter(let parsed) = try stages("sentences | filter \(predicate)").last else { return nil }
        return parsed
    }

    func failure(_ text: String, isBound: @escaping (String) -> Bool = { _ in false }) -> Diagnostic? {
        do {
            _ = try parse(text, isBound: isBound)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func kinds(_ text: String) throws -> [TokenKind] {
        var lexer = Lexer(QuerySource(name: "<test>", text: text))
        var kinds: [TokenKind] = []
        while true {
            let token = try lexer.next()
            if token.kind == .end { return kinds }
            kinds.append(token.kind)
        }
    }

    // MARK: Chinese names

    @Test func letTakesChineseNamesThatThenStartAPipeline() throws {
        let statements = try parse("let 疫情段 = sentences | filter 疫情; 疫情段 | count")
        #expect(statements[0].kind == .binding(name: "疫情段", Pipeline(stages: [
            Stage(kind: .select(.sentences, nil), range: 16..<25), Stage(kind: .filter(.term("疫情")), range: 28..<41),
        ])))
        #expect(try stages("let 疫情段 = sentences; 疫情段 | count") == [.name("疫情段"), .count(nil)])
        #expect(try stages("load x.txt as 报告; 报告 | count") == [.name("报告"), .count(nil)])
        #expect(try stages("疫情段 | count", isBound: { $0 == "疫情段" }) == [.name("疫情段"), .count(nil)])
        #expect(try stages("let s2 = sections; let 二段 = s2; 二段 | count") == [.name("二段"), .count(nil)])
        #expect(failure("let （一） = sections")?.message == "expected a name for the result (letters, digits, _; not a keyword or kind), found '（一）'")
        #expect(failure("let 6.7% = sections") != nil)
    }

    @Test func anUnboundChineseWordStillSuggestsAFilter() throws {
        let unbound = try #require(failure("疫情段 | count"))
        #expect(unbound.message == "expected a stage, found '疫情段'")
        #expect(unbound.hint == "to search for it, write: filter 疫情段")
        #expect(failure("sections | 疫情段", isBound: { _ in true })?.hint == "to search for it, write: filter 疫情段")
    }

    // MARK: Full-width operators and digits

    @Test func fullWidthOperatorsAndDigitsMeanTheirASCIIForms() throws {
        #expect(try stages("sections｜count") == stages("sections | count"))
        #expect(try stages("select section ２") == [.select(.sections, Selector(items: [.single(2)]))])
        #expect(try stages("section ２..３，５") == stages("section 2..3, 5"))
        #expect(try stages("select section １，３") == stages("select section 1, 3"))
        #expect(try stages("sentences | limit １０") == [.select(.sentences, nil), .limit(10)])
        #expect(try stages("docs | fields title，year") == stages("docs | fields title, year"))
        #expect(try filter("chars ＞ ２００") == filter("chars > 200"))
        #expect(try filter("chars ＞＝ 3 and line ＜＝ ５ and line ＜ 9") == filter("chars >= 3 and line <= 5 and line < 9"))
        #expect(try filter("actor ！＝ “我们” and doc ＝ report") == filter("actor != “我们” and doc = report"))
        #expect(try parse("sections；count").count == 2)
        #expect(try kinds("！= !＝") == [.comparison(.notEqual), .comparison(.notEqual)])
        #expect(failure("sentences | filter ！疫情")?.hint == "write 'not' to negate, or '!=' to compare")
    }

    @Test func aBareNumberIsQuotedAsTypedInTheHint() {
        #expect(failure("sentences | filter ２００")?.hint == "quote it to search for it: \"２００\", or compare a field: chars > 200")
    }

    // MARK: Brackets and commas inside terms

    /// The rule: a full-width bracket that opens a piece of text with no space inside and
    /// closes on it — （一）, 第（三）条 — is part of a term; a `（` followed by a space, or
    /// round an ASCII word of the language, or never closed before a space, groups.
    @Test func bracketsRoundTextWithoutSpacesAreText() throws {
        #expect(try filter("（一）") == .term("（一）"))
        #expect(try filter("第（三）条") == .term("第（三）条"))
        #expect(try filter("（一）抓好") == .term("（一）抓好"))
        #expect(try filter("（1）") == .term("（1）"))
        #expect(try filter("（２０２４年）") == .term("（２０２４年）"))
        #expect(try filter("（（一））") == .term("（（一））"))
        #expect(try filter("国发〔2023〕5号 or 【通知】 or 《决定》") == .or(.or(.term("国发〔2023〕5号"), .term("【通知】")), .term("《决定》")))
    }

    @Test func bracketsThatAreNotTextGroup() throws {
        #expect(try filter("（疫情 or 防控） and chars ＞ 3") == filter("(疫情 or 防控) and chars > 3"))
        #expect(try filter("（ 疫情 ）") == .term("疫情"))
        #expect(try filter("（directive）") == filter("directive"))
        #expect(try filter("not （一）") == .not(.term("（一）")))
        // ASCII parentheses always group, as before.
        #expect(try filter("(一)") == .term("一"))
        #expect(InputCompleteness.needsMoreInput("sentences | filter （疫情 or"))
        #expect(!InputCompleteness.needsMoreInput("sentences | filter （一）"))
    }

    /// `，` and `、` between pieces of text, with no space, are text: a phrase copied from a
    /// speech is searched as it stands. Elsewhere `，` is the list comma.
    @Test func commasBetweenTextAreText() throws {
        #expect(try filter("疫情，防控") == .term("疫情，防控"))
        #expect(try filter("县委、县政府") == .term("县委、县政府"))
        #expect(try filter("部署，（一）") == .term("部署，（一）"))
        #expect(failure("sentences | filter 疫情 ， 防控")?.message == "expected '|', ';' or a new line, found ','")
        #expect(failure("sentences | filter 疫情，")?.message == "expected '|', ';' or a new line, found ','")
    }

    // MARK: Numbers with units

    @Test func numbersWithUnitsAreSearchedAsWritten() throws {
        for written in ["6.7%", "74.4万亿元", "3.5万", "10%以上", "增长6.5%", "1.5‰", "６．７％", "12.5万吨"] {
            #expect(try filter(written) == .term(written), "\(written)")
        }
        #expect(try kinds("2..3 10 ２０") == [.number(2), .dotDot, .number(3), .number(10), .number(20)])
        // A word of the language takes no decimal point: v1.2 is not a version number here.
        #expect((try? kinds("v1.2")) == nil)
        #expect(try stages("select section 2..3 | limit 10") == [.select(.sections, Selector(items: [.range(2, 3)])), .limit(10)])
        #expect(failure("sentences | limit 2.5")?.message == "expected how many rows to keep (a number), found '2.5'")
    }

    // MARK: Commands of the shell and dot-commands without their dot

    @Test func commandsFromElsewhereSayWhereTheyBelong() throws {
        // `outline` is a statement; as a stage it says so.
        #expect(try Parser.parse(QuerySource(name: "<test>", text: "outline")).statements.map(\.kind) == [.outline(document: nil)])
        #expect(try Parser.parse(QuerySource(name: "<test>", text: "outline county-speech")).statements.map(\.kind) == [.outline(document: "county-speech")])
        #expect(failure("sections | outline")?.hint == "'outline' is a statement of its own: write `outline` or `outline DOC` alone, not as a stage")
        #expect(failure("help")?.hint == "'help' is a dot-command here: type .help")
        #expect(failure("quit")?.hint == "'quit' is a dot-command here: type .quit")
        #expect(failure("exit")?.hint == "'exit' is a dot-command here: type .quit")
        #expect(failure("format json")?.hint == "'format' is a dot-command here: type .format")
        #expect(failure("help")?.message == "unknown stage 'help'")
        #expect(failure("export x")?.hint == "'export' is a dot-command here: type .export")
        // No such command anywhere: the usual answers.
        #expect(failure("exprot x")?.message == "unknown stage 'exprot'")
        #expect(failure("exprot x")?.hint?.hasPrefix("stages: ") == true)
        #expect(try stages("exprot") == [.name("exprot")])
        #expect(failure("sections | fitler 疫情")?.hint == "did you mean 'filter'?")
        // A name the user bound wins.
        #expect(try stages("let outline = sections; outline | count") == [.name("outline"), .count(nil)])
    }

    // MARK: End to end

    @Test func typedInputFindsWhatItSays() throws {
        let session = Session(corpus: Corpus(documents: [try loadDocument(Fixture.path("river-county.txt"))]), format: .tsv)
        func run(_ text: String) -> String {
            let host = CapturingHost()
            session.run(QuerySource(name: "<test>", text: text), host: host)
            #expect(host.diagnostics.isEmpty, "\(host.diagnostics.map(\.message))")
            return host.output
        }
        // （一） finds the one heading numbered so, not every heading with 一 in it.
        #expect(run("headings｜filter （一）｜fields ref") == "river-county:sec2.sub1\n")
        #expect(run("headings | filter 一 | count") == "2\n")
        #expect(run("sentences | filter 3.6% | count；sentences | filter 12.5万吨 | count") == "1\n1\n")
        #expect(run("sentences | filter 县委、县政府 | count") == "1\n")
        #expect(run("let 重点段 = select section ２; 重点段 | count sentences | fields count") == "6\n")
        #expect(run("重点段 | count") == "1\n")
    }
}
