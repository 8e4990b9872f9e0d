import Testing
@testable import SpeechQuery

@Suite("Output")
struct OutputTests {
    @Test func cjkTakesTwoColumns() {
        #expect(DisplayWidth.columns(of: "abc") == 3)
        #expect(DisplayWidth.columns(of: "讲话") == 4)
        #expect(DisplayWidth.columns(of: "（一）") == 6)
        #expect(DisplayWidth.columns(of: "e\u{301}") == 1)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("一二三四五", to: 6) == "一二…")
        #expect(DisplayWidth.truncate("一二三四五", to: 7) == "一二三…")
        #expect(DisplayWidth.truncate("一二三", to: 6) == "一二三")
        #expect(DisplayWidth.pad("一", to: 4) == "一  ")
    }

    @Test func jsonKeepsCJKAndOrderAndEscapesControls() {
        let value = JSONValue.object([("b", .string("讲话\"\n\u{1}")), ("a", .array([.int(1), .null, .bool(true)]))])
        #expect(value.serialized() == "{\"b\":\"讲话\\\"\\n\\u0001\",\"a\":[1,null,true]}")
    }

    @Test func treeFitsTheGivenWidth() throws {
        let doc = try loadDocument(Fixture.path("river-county.txt"))
        let narrow = OutlineTreePrinter(width: 40).render([doc])
        let lines = narrow.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.columns(of: String($0)) <= 40 })
        #expect(lines.contains { $0.hasPrefix("  sec2") })
        let wide = OutlineTreePrinter(width: nil).render([doc])
        #expect(wide.contains("二、突出重点，扎实推进各项工作"))
    }

    @Test func jsonTreeCarriesEveryNode() throws {
        let doc = try loadDocument(Fixture.path("river-county.txt"))
        let json = OutlineJSON.value(for: [doc]).serialized()
        #expect(json.contains("\"ref\":\"river-county:sec2.sub2.pt3\""))
        #expect(json.contains("\"kind\":\"residue\""))
        #expect(json.contains("\"speaker\":\"林文远\""))
        #expect(json.contains("\"text\":\"一是稳定面积不放松。\""))
    }
}
