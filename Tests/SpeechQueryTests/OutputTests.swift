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

    // MARK: Tables of any width

    /// A table whose schema declares `prose` columns prose, as a stage's schema would.
    static func table(_ names: [String], prose: Set<String> = ["text", "message"], rows: [[FieldValue]]) -> Table {
        Table(schema: RowSchema("test", columns: names.map { Column($0, .text, "", prose: prose.contains($0)) }), rows: rows)
    }

    /// A table shaped like `sentences | filter 隐患` over one document.
    static let sentences: Table = {
        let long = "但是，我们也要看到，部分企业主体责任落实不到位，隐患排查流于形式，一些村的消防设施年久失修。"
        let rows: [[FieldValue]] = [
            [.text("safety-production"), .text("safety-production:sec1.para1.sen2"), .text("sentence"), .int(1), .null, .int(8), .text(long)],
            [.text("safety-production"), .text("safety-production:sec2.sub3.para1.sen3"), .text("sentence"), .int(2), .int(3), .int(16), .text("其次，要分类处置，对存在重大隐患的立即停用。")],
        ]
        return table(["doc", "ref", "kind", "section", "subsection", "line", "text"], rows: rows)
    }()

    func render(_ table: Table, _ settings: OutputSettings, highlights: [String] = []) -> String {
        ResultFormatter.render(QueryResult(.table(table), highlights: highlights), corpus: Corpus(documents: []), settings: settings)
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    @Test func aTableFitsTheWidthByDroppingWhatTheRefAlreadySays() {
        let out = render(Self.sentences, OutputSettings(format: .table, width: 80), highlights: ["隐患"])
        #expect(lines(out).allSatisfy { DisplayWidth.columns(of: $0) <= 80 }, "\(out)")
        let header = lines(out)[0].split(separator: " ").map(String.init)
        // One document, one kind, and section/subsection spelled out in each ref.
        #expect(header == ["ref", "line", "text"])
        // The ref is whole, for copying back into a query.
        #expect(out.contains("safety-production:sec2.sub3.para1.sen3"))
        // Wide enough for all of it: nothing is dropped.
        let wide = render(Self.sentences, OutputSettings(format: .table, width: 200))
        #expect(lines(wide)[0].hasPrefix("doc  "))
        #expect(!wide.contains("…"))
    }

    @Test func droppingIsForTheTerminalTableOnly() {
        for format in [OutputFormat.tsv, .csv, .json, .jsonl, .line] {
            let out = render(Self.sentences, OutputSettings(format: format, header: true, width: 80))
            #expect(out.contains("safety-production\t") || out.contains("safety-production,") || out.contains("\"doc\"") || out.contains("doc: safety-production"), "\(format)")
            #expect(out.contains("kind") && out.contains("subsection"), "\(format)")
        }
        // Without a width (a pipe) the table is neither cut nor narrowed.
        let piped = render(Self.sentences, OutputSettings(format: .table))
        #expect(lines(piped)[0].hasPrefix("doc  "))
        #expect(!piped.contains("…"))
    }

    @Test func aCutTextIsCentredOnItsFirstMatch() {
        let out = render(Self.sentences, OutputSettings(format: .table, width: 70), highlights: ["隐患"])
        let first = lines(out)[2]
        // The match sits past where a plain cut would end, and shows, with … at both cuts.
        #expect(first.contains("…") && first.contains("隐患"), "\(out)")
        #expect(first.hasSuffix("…"))
        let text = HighlightedText("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰", terms: ["庚辛"])
        #expect(text.fitted(to: 10, color: false).text == "…己庚辛壬…")
        #expect(text.fitted(to: 10, color: false).width == 10)
        // Near the end: only the start is cut.
        #expect(HighlightedText("一二三四五六七八九十", terms: ["九"]).fitted(to: 9, color: false).text == "…七八九十")
        // No match, or a match near the start: the end is cut as before.
        #expect(HighlightedText("一二三四五六七八九十", terms: ["二"]).fitted(to: 9, color: false).text == "一二三四…")
        // A match the cut runs through is still coloured, and the colour is closed.
        let coloured = HighlightedText("一二三四五六七八九十", terms: ["四五六"]).fitted(to: 7, color: true).text
        #expect(coloured == "…\u{1B}[1;31m四五\u{1B}[0m…", "\(coloured.debugDescription)")
    }

    @Test func leadingContextKeepsItsEndAndLinesUpOnTheMatch() {
        // The schema kwic declares, so the layout reads the concordance parts from it.
        let table = Table(schema: KwicStage.spec.output.projecting(["ref", "left", "match", "right"]), rows: [
            [.text("safety-production:sec1.para1.sen2"), .text("主体责任落实不到位，"), .text("隐患"), .text("排查流于形式，一些村")],
            [.text("safety-production:sec2.sub3.para1.sen3"), .text("对存在重大"), .text("隐患"), .text("的立即停用。")],
        ])
        let out = lines(render(table, OutputSettings(format: .table, width: 74)))
        #expect(out[2] == "safety-production:sec1.para1.sen2        …实不到位，  隐患   排查流于形式…", "\(out)")
        #expect(out[3] == "safety-production:sec2.sub3.para1.sen3    对存在重大  隐患   的立即停用。", "\(out)")
        #expect(HighlightedText("一二三四五", terms: []).fittedKeepingEnd(to: 7, color: false) == ("…三四五", 7))
    }

    @Test func aRowThatCannotFitIsShownOneFieldPerLine() {
        // Three wide non-prose columns beside a text: no table of 60 columns leaves the text room.
        let table = Self.table(["ref", "check", "origin", "text"], rows: [
            [.text("safety-production:sec2.sub3.para1.sen3"), .text("announced-count"), .text("examples/speeches/safety-production.txt"), .text(String(repeating: "隐患排查", count: 20))],
        ])
        let out = render(table, OutputSettings(format: .table, width: 60))
        #expect(lines(out).allSatisfy { DisplayWidth.columns(of: $0) <= 60 }, "\(out)")
        #expect(lines(out)[0] == "   ref: safety-production:sec2.sub3.para1.sen3")
        #expect(out.contains("\norigin: examples/speeches/safety-production.txt\n"))
        // A ref is never wrapped, even when it is longer than the line.
        let longRef = Self.table(["ref", "text"], rows: [[.text("a-very-long-document-name:sec2.sub3.para1.sen3"), .text("短")]])
        #expect(lines(render(longRef, OutputSettings(format: .line, width: 30)))[0] == " ref: a-very-long-document-name:sec2.sub3.para1.sen3")
        // The long text wraps under where it started, whole.
        let textLines = lines(out).drop { !$0.hasPrefix("  text: ") }
        #expect(textLines.count > 1)
        #expect(textLines.dropFirst().allSatisfy { $0.hasPrefix("        ") })
        #expect(textLines.map { String($0.dropFirst(8)) }.joined() == String(repeating: "隐患排查", count: 20))
    }

    @Test func theLineFormatAlignsNamesAndSeparatesRecords() {
        let out = render(Self.sentences, OutputSettings(format: .line, formatIsExplicit: true))
        let records = out.components(separatedBy: "\n\n")
        #expect(records.count == 2)
        #expect(lines(records[1]) == [
            "       doc: safety-production",
            "       ref: safety-production:sec2.sub3.para1.sen3",
            "      kind: sentence",
            "   section: 2",
            "subsection: 3",
            "      line: 16",
            "      text: 其次，要分类处置，对存在重大隐患的立即停用。",
        ])
        // Chinese wraps anywhere but before closing punctuation.
        let chinese = HighlightedText("但是，我们也要看到，部分企业", terms: [])
        #expect(chinese.wrapped(to: 18).map { chinese.rendered($0, color: false) } == ["但是，我们也要看", "到，部分企业"])
        // Latin text wraps at spaces.
        let english = Self.table(["message"], rows: [[.text("in order: 3 sections, 3 subsections, 9 points, 4 paragraphs and 12 sentences")]])
        let wrapped = lines(render(english, OutputSettings(format: .line, width: 40)))
        #expect(wrapped.allSatisfy { DisplayWidth.columns(of: $0) <= 40 })
        #expect(wrapped.allSatisfy { !$0.hasSuffix("sub") && !$0.hasSuffix("senten") }, "\(wrapped)")
    }

    @Test func aLoneValueIsBareOnlyInTheDefaultOutput() {
        let one = Self.table(["message"], rows: [[.text("in order: 3 sections, 9 points")]])
        #expect(render(one, OutputSettings(format: .tsv)) == "in order: 3 sections, 9 points\n")
        #expect(render(one, OutputSettings(format: .table, width: 80)) == "in order: 3 sections, 9 points\n")
        #expect(render(one, OutputSettings(format: .tsv, header: true)) == "message\nin order: 3 sections, 9 points\n")
        #expect(render(one, OutputSettings(format: .csv, formatIsExplicit: true)) == "\"in order: 3 sections, 9 points\"\n")
        #expect(render(one, OutputSettings(format: .csv, formatIsExplicit: true, header: true)) == "message\n\"in order: 3 sections, 9 points\"\n")
        #expect(render(one, OutputSettings(format: .json, formatIsExplicit: true)) == "[\n  {\n    \"message\": \"in order: 3 sections, 9 points\"\n  }\n]\n")
        #expect(render(one, OutputSettings(format: .jsonl, formatIsExplicit: true)) == "{\"message\":\"in order: 3 sections, 9 points\"}\n")
        #expect(render(one, OutputSettings(format: .line, formatIsExplicit: true)) == "message: in order: 3 sections, 9 points\n")
    }

    @Test func dotCommandsSetTheFormatAndThePager() throws {
        let session = Session(corpus: Corpus(documents: []), format: .table)
        let host = CapturingHost()
        #expect(!session.formatIsExplicit && session.pagerEnabled)
        session.run(QuerySource(name: "<test>", text: ".format line\n.pager off"), host: host)
        #expect(session.format == .line && session.formatIsExplicit && !session.pagerEnabled)
        session.run(QuerySource(name: "<test>", text: ".pager less -S \"-#\" 8"), host: host)
        #expect(session.pagerEnabled && session.pagerCommand == "less -S \"-#\" 8")
        session.run(QuerySource(name: "<test>", text: ".pager off\n.pager on"), host: host)
        #expect(session.pagerEnabled && session.pagerCommand == "less -S \"-#\" 8")
        session.run(QuerySource(name: "<test>", text: ".pager"), host: host)
        #expect(host.diagnostics.map(\.message) == ["'.pager' takes 'on', 'off' or a pager command"])
    }
}

