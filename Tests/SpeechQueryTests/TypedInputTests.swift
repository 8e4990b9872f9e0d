import Testing
@testable import SpeechQuery

/// Queries as people type them: with Chinese names.
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
        #expect(failure("let 6.7% = sections") != nil)
    }

    @Test func anUnboundChineseWordStillSuggestsAFilter() throws {
        let unbound = try #require(failure("疫情段 | count"))
        #expect(unbound.message == "expected a stage, found '疫情段'")
        #expect(unbound.hint == "to search for it, write: filter 疫情段")
        #expect(failure("sections | 疫情段", isBound: { _ in true })?.hint == "to search for it, write: filter 疫情段")
    }
}
