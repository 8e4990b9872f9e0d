import CSpeechQuery

/// The placeholder directive rule the query language uses until the real classifier
/// (issue #5) lands: a body sentence is a directive when it leads a point, contains a
/// marker (必须, 务必, 确保, 不得, 牵头, …), or contains the modal 要 outside words such
/// as 主要, 重要, 需要. The word lists live in `Resources/directive-markers.txt`.
///
/// Known to be crude: it reads reports of past work (`一是…`) as directives and misses
/// imperatives without a marker (`坚持…`). Documented in docs/language.md.
public struct DirectiveRule: Sendable {
    let markers: [[UInt8]]
    let modal: [UInt8]
    let notModal: [[UInt8]]
    /// Words before which a name is the actor: `工业和科技创新委要…`, `我们必须…`.
    let actorModals: [[UInt8]] = ["要", "必须", "务必", "一定要", "应当"].map { Array($0.utf8) }

    public static let standard = DirectiveRule(parsing: PackageResources.directive_markers_txt)

    init(parsing data: [UInt8]) {
        let lists = WordLists(parsing: data)
        markers = lists.bytes("markers")
        modal = lists.bytes("modal").first ?? Array("要".utf8)
        notModal = lists.bytes("not-modal")
    }

    /// Whether `range` of `bytes` is a directive; `leadsPoint` for a point's lead sentence.
    public func isDirective(_ range: Range<Int>, in bytes: [UInt8], leadsPoint: Bool) -> Bool {
        if leadsPoint { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            for marker in markers where ByteSearch.find(marker, in: buffer, range: range) != nil { return true }
            return firstModal(modal, in: buffer, range: range) != nil
        }
    }

    /// The first `modal` in `range` that is not part of a word like 主要 or 需要.
    private func firstModal(_ modal: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        var from = range.lowerBound
        while let at = ByteSearch.find(modal, in: buffer, range: from..<range.upperBound) {
            if !insideNonModalWord(at, in: buffer, range: range) { return at }
            from = at + modal.count
        }
        return nil
    }

    private func insideNonModalWord(_ at: Int, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        for word in notModal {
            guard let offset = ByteSearch.find(modal, in: word) else { continue }
            let start = at - offset
            if start >= range.lowerBound, UTF8Scanning.matches(word, in: buffer, at: start, end: range.upperBound) { return true }
        }
        return false
    }

    /// The actor named in a directive, by two placeholder patterns: `由X牵头` gives X, and a
    /// short unpunctuated subject before the first modal (`各级各部门要…`) gives that subject.
    public func actor(_ range: Range<Int>, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let you = Array("由".utf8), lead = Array("牵头".utf8)
            if let by = ByteSearch.find(you, in: buffer, range: range),
               let head = ByteSearch.find(lead, in: buffer, range: (by + you.count)..<range.upperBound),
               let name = subject(buffer, (by + you.count)..<head) {
                return name
            }
            var first: Int?
            for modal in actorModals {
                if let at = firstModal(modal, in: buffer, range: range), at < (first ?? .max) { first = at }
            }
            guard let end = first else { return nil }
            var start = range.lowerBound
            for opener in ["但是", "但", "同时", "最近，", "最近,"].map({ Array($0.utf8) })
            where UTF8Scanning.matches(opener, in: buffer, at: start, end: end) {
                start += opener.count
                break
            }
            return subject(buffer, start..<end)
        }
    }

    /// `range` as a name: 2–15 characters with no punctuation but the enumeration comma.
    private func subject(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let count = UTF8Scanning.nonWhitespaceCount(range, in: buffer)
        guard (2...15).contains(count) else { return nil }
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Scanning.scalar(in: buffer, at: i)
            let isIdeograph = (0x4E00...0x9FFF).contains(scalar)
            guard isIdeograph || scalar == 0x3001 else { return nil }  // 、
            i += length
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}

/// Substring search over UTF-8 bytes with memmem(3).
public enum ByteSearch {
    /// The offset of the first `needle` in `range` of `buffer`, or nil.
    public static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard !needle.isEmpty else { return range.lowerBound }
        guard let base = buffer.baseAddress, range.count >= needle.count else { return nil }
        return needle.withUnsafeBytes { n -> Int? in
            guard let found = sq_memmem(base + range.lowerBound, range.count, n.baseAddress, n.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: found)
        }
    }

    public static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { find(needle, in: $0, range: 0..<$0.count) }
    }

    /// How many non-overlapping `needle`s `range` holds.
    public static func count(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int {
        guard !needle.isEmpty else { return 0 }
        var n = 0
        var from = range.lowerBound
        while let at = find(needle, in: buffer, range: from..<range.upperBound) {
            n += 1
            from = at + needle.count
        }
        return n
    }
}
