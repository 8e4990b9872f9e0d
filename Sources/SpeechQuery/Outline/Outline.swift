/// Where a node sits in the speech as a whole.
public enum Part: String, Sendable, Codable, CaseIterable {
    /// Title, subtitles, occasion, speaker, table of contents: headings, not body text.
    case frontMatter = "front"
    /// Opening paragraphs before the first section.
    case preamble
    case section
    /// Final paragraphs opening with a vocative (同志们, 各位代表).
    case closing
    /// Web and scrape leftovers, kept apart from the speech.
    case residue
}

/// A non-empty source line, trimmed.
public struct SourceLine: Sendable, Equatable {
    /// 1-based line number in the source.
    public var line: Int
    /// Byte range of the trimmed line in the document's text.
    public var range: Range<Int>
}

/// The lines before the first body paragraph.
public struct FrontMatter: Sendable, Equatable {
    public var title: SourceLine?
    public var subtitles: [SourceLine] = []
    /// `——2017年3月5日在…会议上`, `--在县委(扩大)会议上的讲话`.
    public var occasion: SourceLine?
    /// `国务院总理　李克强`; when the name stands on the next line, the role line (`县委书记`).
    public var speaker: SourceLine?
    /// The name line of a speaker split over two lines (`张　明` after `县委书记`); nil when the
    /// name is on the speaker line.
    public var speakerName: SourceLine?
    /// `（2019年3月5日）`, `(二○一九年三月五日)`: a line holding only a date.
    public var date: SourceLine?
    /// A `目录` block: the label and its entries.
    public var contents: [SourceLine] = []

    /// The speaker's lines: one, or the role line and the name line.
    public var speakerLines: [SourceLine] { [speaker, speakerName].compactMap { $0 } }

    public var isEmpty: Bool {
        title == nil && subtitles.isEmpty && occasion == nil && speaker == nil && speakerName == nil && date == nil && contents.isEmpty
    }
}

/// A body paragraph: one non-empty source line in the preamble, a section or the closing.
///
/// Stored in 32-bit fields (`Compact32`): a corpus holds millions of paragraphs and
/// sentences, and with 64-bit integers and optionals their records outweighed the text.
public struct Paragraph: Sendable, Equatable {
    private var storedOrdinal, storedLine, start, end, storedSection, storedSubsection, firstSentence, endSentence: UInt32
    public var part: Part

    public init(ordinal: Int, line: Int, range: Range<Int>, part: Part, section: Int?, subsection: Int?, sentences: Range<Int>) {
        storedOrdinal = Compact32.store(ordinal)
        storedLine = Compact32.store(line)
        (start, end) = Compact32.store(range)
        self.part = part
        storedSection = Compact32.store(section)
        storedSubsection = Compact32.store(subsection)
        (firstSentence, endSentence) = Compact32.store(sentences)
    }

    /// 1-based position among the paragraphs of its container (preamble, section,
    /// subsection or closing).
    public var ordinal: Int { Int(storedOrdinal) }
    public var line: Int { Int(storedLine) }
    /// The paragraph's body text; a run-in heading is not part of it.
    public var range: Range<Int> { Int(start)..<Int(end) }
    /// Index into `Outline.sections`.
    public var section: Int? { Compact32.load(storedSection) }
    /// Index into `Outline.subsections`.
    public var subsection: Int? { Compact32.load(storedSubsection) }
    /// The paragraph's sentences, as indices into `Outline.sentences`.
    public var sentences: Range<Int> { Int(firstSentence)..<Int(endSentence) }
}

/// A body sentence. Headings of the title, subtitles, sections and subsections are not
/// sentences; a point's lead sentence is both its heading and a sentence. Stored in 32-bit
/// fields, as paragraphs are.
public struct Sentence: Sendable, Equatable {
    private var storedOrdinal, storedLine, start, end, storedSection, storedSubsection, storedPoint, storedParagraph: UInt32
    public var part: Part

    public init(ordinal: Int, line: Int, range: Range<Int>, part: Part, section: Int?, subsection: Int?, point: Int?, paragraph: Int) {
        storedOrdinal = Compact32.store(ordinal)
        storedLine = Compact32.store(line)
        (start, end) = Compact32.store(range)
        self.part = part
        storedSection = Compact32.store(section)
        storedSubsection = Compact32.store(subsection)
        storedPoint = Compact32.store(point)
        storedParagraph = Compact32.store(paragraph)
    }

    /// 1-based position within its paragraph.
    public var ordinal: Int { Int(storedOrdinal) }
    public var line: Int { Int(storedLine) }
    public var range: Range<Int> { Int(start)..<Int(end) }
    public var section: Int? { Compact32.load(storedSection) }
    public var subsection: Int? { Compact32.load(storedSubsection) }
    /// Index into `Outline.points`.
    public var point: Int? { Compact32.load(storedPoint) }
    /// Index into `Outline.paragraphs`.
    public var paragraph: Int { Int(storedParagraph) }
}

/// 32-bit storage for the offsets, indices and counts of outline records, with the largest
/// value standing for "none". The loader reads no document of 4 GiB or more (`--max-size`
/// is 2 GB unless set, and at most `ByteSize.largestFileLimit`); a larger value would be
/// clamped rather than trap.
enum Compact32 {
    static let none = UInt32.max

    @inline(__always)
    static func store(_ value: Int) -> UInt32 { min(UInt32(clamping: value), none - 1) }

    @inline(__always)
    static func store(_ value: Int?) -> UInt32 { value.map(store) ?? none }

    @inline(__always)
    static func store(_ range: Range<Int>) -> (UInt32, UInt32) { (store(range.lowerBound), store(range.upperBound)) }

    @inline(__always)
    static func load(_ value: UInt32) -> Int? { value == none ? nil : Int(value) }
}

/// `一、…` — a numbered top-level division of the speech.
public struct Section: Sendable, Equatable {
    /// 1-based position in the document; what references and selectors use.
    public var ordinal: Int
    /// The number as written (一 = 1). Differs from `ordinal` only in a misnumbered text.
    public var number: Int
    public var line: Int
    /// The heading without its `一、` marker.
    public var heading: Range<Int>
    /// The whole marked line or run-in heading sentence, marker included.
    public var headingLine: Range<Int>
    public var paragraphs: Range<Int>
    public var sentences: Range<Int>
    public var subsections: Range<Int>
    public var points: Range<Int>
}

/// `（一）…` — a numbered division inside a section (or before any section).
public struct Subsection: Sendable, Equatable {
    /// 1-based position within its section.
    public var ordinal: Int
    public var number: Int
    public var section: Int?
    public var line: Int
    public var heading: Range<Int>
    public var headingLine: Range<Int>
    public var paragraphs: Range<Int>
    public var sentences: Range<Int>
    public var points: Range<Int>
}

/// How a run of points is marked.
public enum PointStyle: String, Sendable, Codable {
    /// 一是、二是…
    case shi
    /// 一要、二要…
    case yao
    /// 第一，第二，…
    case diyi
    /// 首先、其次、再次、最后
    case sequence
}

/// An enumerated point (一是…, 一要…, 第一，…, 首先…): a span of sentences whose first
/// sentence is the point's heading.
public struct Point: Sendable, Equatable {
    /// 1-based position within its section or subsection.
    public var ordinal: Int
    /// The number as written (一是 = 1; 首先 = 1, 其次 = 2, …).
    public var number: Int
    public var style: PointStyle
    public var section: Int?
    public var subsection: Int?
    public var line: Int
    /// The lead sentence, marker included.
    public var heading: Range<Int>
    public var sentences: Range<Int>
    /// Whether the point opens its paragraph (and so spans it) or starts inside one.
    public var leadsParagraph: Bool
}

/// The structure of one document, built by `OutlineParser`. Nodes refer to each other by
/// index and to the text by byte range, so the tree costs a few integers per node and
/// text is only materialised when shown.
public struct Outline: Sendable, Equatable {
    public var frontMatter = FrontMatter()
    public var paragraphs: [Paragraph] = []
    public var sentences: [Sentence] = []
    public var sections: [Section] = []
    public var subsections: [Subsection] = []
    public var points: [Point] = []
    public var residue: [SourceLine] = []

    public init() {}
}
