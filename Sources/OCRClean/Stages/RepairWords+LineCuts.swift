extension RepairWords {
    /// A misread word cut by a line-end hyphen, in output that keeps its lines: the two pieces
    /// are read as one word and repaired as the joined word would be (`munl-` / `tions` →
    /// `muni-` / `tions`, `infor-` / `matlons` → `infor-` / `mations`, `coopé-` / `rafion` →
    /// `coopé-` / `ration`). Each line changes only its own piece, and only when the repair
    /// leaves the other piece as printed, so both lines decide alike and the hyphen keeps its
    /// place. The join needs the evidence `dehyphenate` asks for: the hyphenated form is no word
    /// of the lexicon, and the pieces are not both words unless they join into eight letters or
    /// more (two short words are more often a compound the lexicon lacks).
    ///
    /// Returns the pieces as repaired, or nil when the word is known or no repair is confident.
    mutating func repairedCut(head: [UInt32], tail: [UInt32]) -> (head: [UInt32], tail: [UInt32])? {
        guard head.count >= 2, tail.count >= 2, let first = tail.first, !Folding.isUpper(first) else { return nil }
        let joined = head + tail
        guard joined.count <= WordKnowledge.maxWordLength, knowledge.known(joined) == nil,
              knowledge.lookup(head + [0x2D] + tail) == nil,
              knowledge.lookup(head) == nil || knowledge.lookup(tail) == nil || joined.count >= 8 else { return nil }
        let word = Word(token: WordToken(start: 0, end: 0, coreStart: 0, coreEnd: 0, kind: .word, spaceBefore: 0, singleSpaceBefore: false),
                        core: joined, known: nil, sentenceStart: false)
        guard let (best, _, rule) = decideOutOfContext(word), rule != "split", best.allSatisfy(UTF8Bytes.isLetter) else { return nil }
        let keepsTail = best.count > tail.count && best.suffix(tail.count).elementsEqual(tail)
        let keepsHead = best.count > head.count && best.prefix(head.count).elementsEqual(head)
        if keepsTail && keepsHead {
            // A letter read twice across the cut (`commis-` / `ssion`): the first line stays.
            guard best.count >= joined.count else { return (head, Array(best.dropFirst(head.count))) }
            // Letters lost at the cut: a consonant before a vowel opens the second syllable
            // (`tra-` / `ail` → `tra-` / `vail`, `carac-` / `ère` → `carac-` / `tère`).
            let lost = Array(best[head.count..<(best.count - tail.count)])
            if let consonant = lost.last, !Self.isVowel(consonant), Self.isVowel(tail[0]) { return (head, lost + tail) }
            return (head + lost, tail)
        }
        if keepsTail { return (Array(best.dropLast(tail.count)), tail) }
        if keepsHead { return (head, Array(best.dropFirst(head.count))) }
        return nil
    }

    /// A vowel letter, accented or not (`é`, `Â`, `y`).
    static func isVowel(_ v: UInt32) -> Bool {
        let base = Folding.base(v)
        return base != 0 && "aeiouy".utf8.contains(base)
    }

    /// The letters of the word a line-end hyphen cuts at the end of `p` (`infor` in `les
    /// infor-`) and the offset they start at; nil when the hyphen stands apart (`en cours -`).
    static func pieceBeforeHyphen(_ p: UnsafeBufferPointer<UInt8>) -> (letters: [UInt32], start: Int)? {
        var end = p.count
        while end > 0, p[end - 1] == 0x20 { end -= 1 }
        if end > 0, p[end - 1] == 0x2D { end -= 1 } else if end > 1, p[end - 2] == 0xC2, p[end - 1] == 0xAC { end -= 2 } else { return nil }
        var start = end
        while let (v, k) = UTF8Bytes.scalar(p, before: start), UTF8Bytes.isLetter(v) { start = k }
        guard start < end, start == 0 || !UTF8Bytes.isLetter(UTF8Bytes.scalar(p, before: start)?.0 ?? 0) else { return nil }
        // An elided article before the piece is no part of it (`l’infor-`); anything else glued
        // to it (`4/infor-`) leaves the word unread.
        if start > 0, let (v, _) = UTF8Bytes.scalar(p, before: start), v != 0x20, !JoinedText.isApostrophe(v) { return nil }
        return (JoinedText.scalars(UnsafeBufferPointer(rebasing: p[start..<end])), start)
    }

    /// Edits for the pieces of hyphen-cut words in a line record: the last word when the line
    /// ends with a hyphen (the rest is on `next`), the first when `previous` ends with one.
    /// Both pieces are consumed already (see `repair`).
    mutating func lineCutEdits(_ words: [Word?], bytes: [UInt8], previous: Record?, next: Record?,
                               first: Int?, last: Int?, edits: inout [TextEdit], counts: inout Counts) {
        var headChanged = false
        if let last, words[last] != nil, let next, let (head, start) = bytes.withUnsafeBufferPointer(Self.pieceBeforeHyphen),
           let tail = firstPiece(of: next.text), let cut = repairedCut(head: head, tail: tail), cut.head != head {
            edits.append(TextEdit(range: start..<(start + JoinedText.bytes(head).count), replacement: JoinedText.string(cut.head), rule: "cut-word", confidence: 0.8))
            counts.count("cut-word")
            headChanged = true
        }
        // (A line of one piece that both ends and continues a cut word changes once.)
        if let first, !(headChanged && first == last), let word = words[first], word.token.coreStart == word.token.start,
           var previousText = previous?.text, let (head, _) = previousText.withUTF8(Self.pieceBeforeHyphen),
           let tail = Self.plainLetters(core(of: word, bytes)), let cut = repairedCut(head: head, tail: tail), cut.tail != tail {
            edits.append(TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(cut.tail), rule: "cut-word", confidence: 0.8))
            counts.count("cut-word")
        }
    }
}
