import Foundation
import FuzzSupport
import SpeechQuery

// FuzzLoad: bytes → a file → load (decoding, JSON Lines, Markdown) → outline → analysis
// (directive classifier, tasks, quantities, checks) → every output format, the outline tree
// and the outline JSON.
//
// The first byte says what the rest is: its low two bits pick the file's extension (.txt,
// .md, .jsonl, or a lexicon file read with `.lexicon` over a fixed speech); the next two
// the width the outline tree is cut to. The rest is written to a file and loaded the way a
// file named on the command line is, so decoding, binary detection and the size limit run.

let scratch = ScratchDirectory.make("FuzzLoad")
let extensions = ["txt", "md", "jsonl", "lexicon"]
/// FUZZ_VERBOSE=1: say what each input came to (to check that the statements below run).
let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil
let treeWidths: [Int?] = [nil, 20, 60, 200]

/// A short speech with sections, points, directives, tasks and quantities, for the lexicon
/// files to be tried on.
let lexiconSpeech = Array("""
    在全县经济工作会议上的讲话
    ——2024年12月20日
    同志们：
    一、坚定信心
    一是地区生产总值增长6%左右。二是县发改局要牵头，县财政局配合，6月底前完成。
    （一）抓好项目。各乡镇要在年底前完成“三个一批”任务，力争突破XX亿元。
    同志们，让我们共同努力！
    """.utf8)

/// Every kind and every table-producing stage, each over the whole corpus. `甲` and `乙`
/// are the first and last document, for the stages that compare two.
let statements = """
    docs
    .docs
    outline
    sections | count points
    subsections
    points | show
    paragraphs | sort chars desc | limit 5
    sentences | fields ref, point, directive, text
    directives
    headings
    tasks
    tasks | group by actor | count
    targets
    numbers
    check
    placeholders
    formulations
    freq chars | limit 30
    freq ngrams 2 | limit 30
    freq terms
    freq terms by doc
    kwic 要
    kwic /[0-9０-９]+/ width 4
    trend 发展
    count hits 的 by doc
    sections | dispersion 工作
    plot 要
    sentences | group by section | count
    let 甲 = select docs 1
    let 乙 = select docs last
    compare 甲 乙
    changes 甲 乙
    """

func loadAndRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    guard let selector = input.first else { return 0 }
    let fileExtension = extensions[Int(selector & 3)]
    let treeWidth = treeWidths[Int(selector >> 2 & 3)]
    let body = Array(input.dropFirst())
    let path = "\(scratch)/input.\(fileExtension)"
    ScratchDirectory.write(body, to: path)

    var lexicon = AnalysisLexicon.standard
    let sources: [SourceText]
    if fileExtension == "lexicon" {
        do throws(LoadFailure) {
            lexicon = try AnalysisLexicon.loading(path, onto: .standard)
        } catch {
            _ = error.description
        }
        sources = [SourceText(name: "speech", origin: "speech.txt", bytes: lexiconSpeech)]
    } else {
        let loaded = DocumentLoader().load(paths: [path])
        _ = loaded.messages
        sources = loaded.sources
    }

    let documents = Document.parse(sources)
    _ = OutlineTreePrinter(width: treeWidth).render(documents)
    RenderedOutput.expectNoControlCharacters(OutlineTreePrinter(width: treeWidth, escapesControlCharacters: true).render(documents),
                                             what: "the outline tree on a terminal")
    RenderedOutput.expectJSON(OutlineJSON.value(for: documents).serialized(pretty: true), what: "outline --format json")
    RenderedOutput.expectJSON(OutlineJSON.value(for: documents).serialized(pretty: false), what: "outline JSON, compact")

    let classifier = DirectiveClassifier(lexicon: lexicon)
    let quantities = QuantityFinder(lexicon: lexicon)
    for document in documents {
        _ = DocumentAnalysis(document, classifier: classifier)
        _ = DocumentChecks.run(document)
        _ = quantities.quantities(in: document)
    }

    let session = Session(corpus: Corpus(documents: documents, lexicon: lexicon), format: .tsv)
    let host = RenderingHost(rendering: .inTurn(start: Int(selector >> 4)))
    for statement in statements.split(separator: "\n") {
        let started = ContinuousClock.now
        let before = host.renderedBytes
        session.run(QuerySource(name: "<fuzz>", text: String(statement)), host: host)
        if verbose { print("\(ContinuousClock.now - started)\t\(host.renderedBytes - before) bytes\t\(statement)") }
    }
    if verbose {
        print("\(documents.count) documents, \(host.renderedBytes) bytes rendered")
        for diagnostic in host.diagnostics { print(DiagnosticFormatter.format(diagnostic)) }
    }
    return 0
}

// libFuzzer's library refers to the usual entry, though its own main never runs.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    loadAndRender(data, size)
}

FuzzDriver.run(testOneInput)
