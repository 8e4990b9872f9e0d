/// One list of the analysis lexicon, indexed so that asking which of its words stands at a
/// place in a sentence costs a bit test for most places instead of a comparison per word.
///
/// The classifier asks that question for dozens of lists at every clause start and every
/// character of every sentence of a corpus; trying each word in turn (and retaining each
/// word's array to do so) was most of the time of `count directives`. The answers are the
/// same as trying the words in list order: where several match, the first in the list wins
/// (lexicon lists are sorted longest first, so that is the longest).
final class WordList: RandomAccessCollection, Sendable {
    typealias Word = [Unicode.Scalar]
    typealias Text = [Unicode.Scalar]

    /// The words in list order.
    let words: [Word]
    private let members: Set<Word>
    /// The scalars a word starts with: most places are ruled out by one bit test.
    private let starts: ScalarSet
    /// The positions in `words` of the words that start with each scalar, in list order.
    private let byFirst: [Unicode.Scalar: [Int]]
    /// The positions in `words` of the words that end with each scalar, in list order.
    private let byLast: [Unicode.Scalar: [Int]]
    /// The length of the longest word.
    private let longest: Int

    init(_ words: [Word] = []) {
        self.words = words
        members = Set(words)
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        var byLast: [Unicode.Scalar: [Int]] = [:]
        for (k, word) in words.enumerated() {
            guard let first = word.first, let last = word.last else { continue }
            byFirst[first, default: []].append(k)
            byLast[last, default: []].append(k)
        }
        starts = ScalarSet(byFirst.keys)
        self.byFirst = byFirst
        self.byLast = byLast
        longest = words.map(\.count).max() ?? 0
    }

    var startIndex: Int { 0 }
    var endIndex: Int { words.count }
    subscript(position: Int) -> Word { words[position] }

    /// Whether the word is in the list (not a comparison per word).
    func contains(_ word: Word) -> Bool { members.contains(word) }

    /// The positions in `words` of the words that may start at `text[i]`, in list order.
    @inline(__always)
    private func candidates(at i: Int, in text: Text) -> [Int]? {
        starts.contains(text[i]) ? byFirst[text[i]] : nil
    }

    /// The first word of the list (in list order) that stands at `i`.
    func first(at i: Int, in text: Text) -> Word? {
        guard i >= 0, i < text.count, let candidates = candidates(at: i, in: text) else { return nil }
        for k in candidates where DirectiveClassifier.hasPrefix(words[k], text, at: i) { return words[k] }
        return nil
    }

    /// The first word of the list that stands at `i` and satisfies `accept`.
    func first(at i: Int, in text: Text, where accept: (Word) -> Bool) -> Word? {
        guard i >= 0, i < text.count, let candidates = candidates(at: i, in: text) else { return nil }
        for k in candidates where DirectiveClassifier.hasPrefix(words[k], text, at: i) && accept(words[k]) { return words[k] }
        return nil
    }

    /// The first word of the list (in list order) that ends where `text[..<end]` ends and
    /// satisfies `accept`: the head 局 of 县住建局.
    func first(endingAt end: Int, in text: Text, where accept: (Word) -> Bool = { _ in true }) -> Word? {
        guard end > 0, end <= text.count, let candidates = byLast[text[end - 1]] else { return nil }
        for k in candidates where DirectiveClassifier.hasPrefix(words[k], text, at: end - words[k].count) && accept(words[k]) { return words[k] }
        return nil
    }

    /// Whether a word of the list ends the text.
    func endsText(_ text: Text) -> Bool { first(endingAt: text.count, in: text) != nil }

    /// Every word of the list that stands at `i`, in list order.
    func all(at i: Int, in text: Text) -> [Word] {
        guard i >= 0, i < text.count, let candidates = candidates(at: i, in: text) else { return [] }
        return candidates.filter { DirectiveClassifier.hasPrefix(words[$0], text, at: i) }.map { words[$0] }
    }

    /// Whether a word of the list stands at `i`.
    func matches(at i: Int, in text: Text) -> Bool { first(at: i, in: text) != nil }

    /// Whether any word of the list occurs anywhere in the text.
    func appears(in text: Text) -> Bool {
        for i in text.indices where first(at: i, in: text) != nil { return true }
        return false
    }

    /// The earliest occurrence of a word of the list at a place `allowed` accepts; at the
    /// same place, the first word in list order.
    func firstOccurrence(in text: Text, where allowed: (Int) -> Bool) -> (index: Int, word: Word)? {
        for i in text.indices {
            guard let candidates = candidates(at: i, in: text) else { continue }
            for k in candidates where DirectiveClassifier.hasPrefix(words[k], text, at: i) {
                if allowed(i) { return (i, words[k]) }
                break
            }
        }
        return nil
    }

    /// Every occurrence of every word, word by word in list order and each word's
    /// occurrences in text order: the order of trying each word in turn, found in one pass.
    func occurrences(in text: Text) -> [(index: Int, word: Word)] {
        var found: [(index: Int, word: Int)] = []
        for i in text.indices {
            guard let candidates = candidates(at: i, in: text) else { continue }
            for k in candidates where DirectiveClassifier.hasPrefix(words[k], text, at: i) { found.append((i, k)) }
        }
        if found.count > 1 { found.sort { ($0.word, $0.index) < ($1.word, $1.index) } }
        return found.map { ($0.index, words[$0.word]) }
    }

    /// Whether a word of this list longer than `length` spans `text[i..<i + length]`: the
    /// cue 负责 inside 负责人.
    func covers(_ i: Int, length: Int, in text: Text) -> Bool {
        var start = i
        while start >= 0, i - start <= longest - length {
            if let candidates = candidates(at: start, in: text) {
                for k in candidates where words[k].count > length && start + words[k].count >= i + length
                    && DirectiveClassifier.hasPrefix(words[k], text, at: start) {
                    return true
                }
            }
            start -= 1
        }
        return false
    }
}
