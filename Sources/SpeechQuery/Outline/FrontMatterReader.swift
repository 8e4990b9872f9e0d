import Foundation

/// Reads the front matter from the top of a document: title, subtitle lines, the occasion
/// line, a date line, the speaker (one line, or a role line and a name line) and a table of
/// contents. Stops at the first line that is body text: one with a sentence terminator, a
/// vocative, or a numbered heading.
struct FrontMatterReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: MarkerLexicon
    var frontMatter = FrontMatter()

    /// Longest line taken as a title or subtitle, in characters.
    static let maximumTitleLength = 100

    init(bytes: UnsafeBufferPointer<UInt8>, lexicon: MarkerLexicon) {
        self.bytes = bytes
        self.lexicon = lexicon
    }

    /// Fills `frontMatter` from the first of `lines`; returns the index of the first body line.
    mutating func read(_ lines: [SourceLine]) -> Int {
        var index = 0
        var inContents = false
        while index < lines.count {
            let line = lines[index]
            let vocative = VocativeMatcher.opensWithVocative(line.range, in: bytes, vocatives: lexicon.vocatives)
            if inContents {
                // Entries of a table of contents are headings: short, unterminated.
                guard isHeadingLike(line.range), !vocative else { break }
                frontMatter.contents.append(line)
            } else if frontMatter.contents.isEmpty, isContentsLabel(line.range) {
                frontMatter.contents.append(line)
                inContents = true
            } else if frontMatter.date == nil, isDateLine(line.range) {
                // Checked before the occasion: a bracketed date is an occasion's shape too, and
                // it is the date even after an occasion line.
                frontMatter.date = line
            } else if frontMatter.occasion == nil, isOccasion(line.range) {
                frontMatter.occasion = line
            } else if frontMatter.speaker == nil, SpeakerLine.parse(text(line.range), roles: lexicon.speakerRoles) != nil {
                frontMatter.speaker = line
            } else if frontMatter.speaker == nil, index + 1 < lines.count, isSplitSpeaker(line, lines[index + 1]) {
                frontMatter.speaker = line
                frontMatter.speakerName = lines[index + 1]
                index += 2
                continue
            } else if vocative || !isHeadingLike(line.range) || HeadingMarkers.parse(line.range, in: bytes) != nil {
                break
            } else if frontMatter.title == nil {
                frontMatter.title = line
            } else if frontMatter.occasion == nil, frontMatter.speaker == nil {
                frontMatter.subtitles.append(line)
            } else {
                break
            }
            index += 1
        }
        return index
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Short and without a sentence terminator.
    func isHeadingLike(_ range: Range<Int>) -> Bool {
        UTF8Scanning.nonWhitespaceCount(range, in: bytes) <= Self.maximumTitleLength
            && !SentenceSplitter.containsTerminator(range, in: bytes)
    }

    /// `（2019年3月5日）`, `(二○一九年三月五日)`: a line holding only a date.
    func isDateLine(_ range: Range<Int>) -> Bool {
        // Every front-matter line comes here: look at its last character before decoding it.
        guard !range.isEmpty else { return false }
        let last = UTF8Scanning.scalar(in: bytes, at: UTF8Scanning.previousScalarStart(in: bytes, before: range.upperBound, lowerBound: range.lowerBound)).value
        guard last == 0x65E5 || last == 0x6708 || last == 0x5E74 || last == 0xFF09 || last == 0x29 else { return false }  // 日 月 年 ） )
        return isHeadingLike(range) && DateText.isDateOnly(text(range))
    }

    /// `县委书记` on one line and `张　明` on the next: a role alone, then a name alone.
    func isSplitSpeaker(_ role: SourceLine, _ name: SourceLine) -> Bool {
        // A name is two to four characters: most lines are ruled out before decoding.
        guard SpeakerLine.nameLengths.contains(UTF8Scanning.nonWhitespaceCount(name.range, in: bytes)) else { return false }
        let roleText = text(role.range), nameText = text(name.range)
        return SpeakerLine.isRoleOnly(roleText, roles: lexicon.speakerRoles) && SpeakerLine.isNameOnly(nameText)
            && SpeakerLine.parse(roleText + " " + nameText, roles: lexicon.speakerRoles) != nil
    }

    func isContentsLabel(_ range: Range<Int>) -> Bool {
        lexicon.contentsLabels.contains { $0.count == range.count && UTF8Scanning.matches($0, in: bytes, at: range.lowerBound, end: range.upperBound) }
    }

    /// `——2017年3月5日在…会议上`, `--在县委(扩大)会议上的讲话`, or the whole line in
    /// brackets: `（2017年3月5日在…会议上）`.
    func isOccasion(_ range: Range<Int>) -> Bool {
        guard isHeadingLike(range) else { return false }
        let (first, _) = UTF8Scanning.scalar(in: bytes, at: range.lowerBound)
        if OccasionLine.isDash(first) { return true }
        let line = text(range)
        if (line.hasPrefix("（") && line.hasSuffix("）")) || (line.hasPrefix("(") && line.hasSuffix(")")) {
            return line.contains("会议") || line.contains("讲话") || line.contains("年")
        }
        return false
    }
}

/// The occasion line's text.
enum OccasionLine {
    static func isDash(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2014, 0x2015, 0x2500, 0x2D, 0xFF0D, 0x2010, 0x2013, 0xFF5E, 0x7E:  // — ― ─ - － ‐ – ～ ~
            return true
        default:
            return false
        }
    }

    /// The line without its leading dashes or surrounding brackets.
    static func occasion(from line: String) -> String {
        var scalars = Substring(line).unicodeScalars[...]
        while let first = scalars.first, isDash(first.value) || first.properties.isWhitespace { scalars = scalars.dropFirst() }
        var text = String(String.UnicodeScalarView(scalars))
        if (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")")) {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}
