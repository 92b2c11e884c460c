extension RepairWords {
    /// A misread word cut by a line-end hyphen, in output that keeps its lines: the two pieces
    /// are read as one word and repaired as the joined word would be (`munl-` / `tions` →
    /// `muni-` / `tions`, `infor-` / `matlons` → `infor-` / `mations`, `coopé-` / `rafion` →
    /// `coopé-` / `ration`, `linvi-` / `tant` → `l’invi-` / `tant`). Each line changes only its
    /// own piece, and only when the repair leaves the other piece as printed, so both lines
    /// decide alike and the hyphen keeps its place. The hyphenated form must be no word of the
    /// lexicon, nor a prefix before a vowel or a pronoun after a verb (`auto-` / `évaluation`,
    /// `général-` / `le`), and the pieces not both words unless they join into eight letters or
    /// more (two short words are more often a compound the lexicon lacks). Where `dehyphenate`
    /// marks break hyphens `¬` (`break-hyphens=marked`), only a break it marked is read as a cut
    /// (see `lineCutEdits`).
    ///
    /// Returns the pieces as repaired, or nil when the word is known or no repair is confident.
    mutating func repairedCut(head: [UInt32], tail: [UInt32]) -> (head: [UInt32], tail: [UInt32])? {
        guard head.count >= 2, tail.count >= 2, let first = tail.first, !Folding.isUpper(first) else { return nil }
        let joined = head + tail
        guard joined.count <= WordKnowledge.maxWordLength, knowledge.known(joined) == nil,
              knowledge.lookup(head + [0x2D] + tail) == nil,
              case let lowerTail = JoinedText.string(CasePattern.lower(tail)), !Dehyphenate.clitics.contains(lowerTail),
              !Dehyphenate.prefixBeforeVowel(JoinedText.string(CasePattern.lower(head)), lowerTail),
              knowledge.lookup(head) == nil || knowledge.lookup(tail) == nil || joined.count >= 8 else { return nil }
        let word = Word(token: WordToken(start: 0, end: 0, coreStart: 0, coreEnd: 0, kind: .word, spaceBefore: 0, singleSpaceBefore: false),
                        core: joined, known: nil, sentenceStart: false)
        guard let (best, _, rule) = decideOutOfContext(word), rule != "split" else { return nil }
        // Letters only, but for the apostrophe of an article glued to the first piece
        // (`linvi-` / `tant` → `l’invi-` / `tant`).
        let others = best.filter { !UTF8Bytes.isLetter($0) }
        guard others.isEmpty || (rule == "elision" && others.count == 1 && JoinedText.isApostrophe(others[0])
                                 && best.firstIndex(of: others[0])! < best.count - tail.count - 1) else { return nil }
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
    /// infor-`), the offset they start at, and whether the hyphen is the break mark `¬`; nil
    /// when the hyphen stands apart (`en cours -`).
    static func pieceBeforeHyphen(_ p: UnsafeBufferPointer<UInt8>) -> (letters: [UInt32], start: Int, marked: Bool)? {
        var end = p.count
        while end > 0, p[end - 1] == 0x20 { end -= 1 }
        let marked = end > 1 && p[end - 2] == 0xC2 && p[end - 1] == 0xAC
        if marked { end -= 2 } else if end > 0, p[end - 1] == 0x2D { end -= 1 } else { return nil }
        var start = end
        while let (v, k) = UTF8Bytes.scalar(p, before: start), UTF8Bytes.isLetter(v) { start = k }
        guard start < end else { return nil }
        // An elided article before the piece is no part of it (`l’infor-`); anything else glued
        // to it (`4/infor-`) leaves the word unread.
        if start > 0, let (v, _) = UTF8Bytes.scalar(p, before: start), v != 0x20, !JoinedText.isApostrophe(v) { return nil }
        return (JoinedText.scalars(UnsafeBufferPointer(rebasing: p[start..<end])), start, marked)
    }

    /// The rest of a word cut at the end of the line before `text`, as `repair-words` reads it:
    /// the letters of the first word when nothing stands before it (`resse` in `resse, 13`) but
    /// the `»` or `«` that old print sets at the start of every line of a quotation (`» resse`);
    /// or, given `knowledge`, that word and the next pieces when together they are a word as
    /// written (`org anisée`: `mergeFragments` joins them), and whether they were joined.
    /// `dehyphenate` reads the rest so too.
    static func restOfCut(_ text: String, joiningWith knowledge: WordKnowledge?) -> (letters: [UInt32], joined: Bool)? {
        var text = text
        return text.withUTF8 { p in
            let tokens = WordTokenizer.tokens(p)
            let quoted = tokens.count > 1 && tokens[0].end - tokens[0].start == 2 && p[tokens[0].start] == 0xC2
                && (p[tokens[0].start + 1] == 0xBB || p[tokens[0].start + 1] == 0xAB)
            let start = quoted ? 1 : 0
            guard start < tokens.count, tokens[start].kind == .word, tokens[start].coreStart == tokens[start].start,
                  let first = plainLetters(JoinedText.scalars(UnsafeBufferPointer(rebasing: p[tokens[start].coreStart..<tokens[start].coreEnd]))) else { return nil }
            guard let knowledge, tokens[start].coreEnd == tokens[start].end else { return (first, false) }
            var letters = first
            for next in tokens.dropFirst(start + 1).prefix(2) {
                guard next.kind == .word, next.singleSpaceBefore, next.coreStart == next.start,
                      let piece = plainLetters(JoinedText.scalars(UnsafeBufferPointer(rebasing: p[next.coreStart..<next.coreEnd]))) else { break }
                letters += piece
                if knowledge.known(letters) != nil { return (letters, true) }
                guard next.coreEnd == next.end else { break }
            }
            return (first, false)
        }
    }

    /// Edits for the pieces of hyphen-cut words in a line record: the last word when the line
    /// ends with a hyphen (the rest is on `next`), the first when `previous` ends with one.
    /// Both pieces are consumed already (see `repair`). A rest that joins the pieces after it
    /// (`org anisée`) is read joined, and left to `mergeFragments` on its own line. Where
    /// `dehyphenate` marks breaks, only a break it marked `¬` is a cut: one it left `-` and a
    /// repair made whole would be marked by a second run.
    mutating func lineCutEdits(_ words: [Word?], bytes: [UInt8], previous: Record?, next: Record?,
                               first: Int?, last: Int?, edits: inout [TextEdit], counts: inout Counts) {
        var headChanged = false
        if let next, let (head, start, marked) = bytes.withUnsafeBufferPointer(Self.pieceBeforeHyphen),
           marked || breakHyphens != .marked, let (tail, _) = Self.restOfCut(next.text, joiningWith: knowledge), let cut = repairedCut(head: head, tail: tail), cut.head != head {
            edits.append(TextEdit(range: start..<(start + JoinedText.bytes(head).count), replacement: JoinedText.string(cut.head), rule: "cut-word", confidence: 0.8))
            counts.count("cut-word")
            headChanged = true
        }
        // (A line of one piece that both ends and continues a cut word changes once.)
        if let first, !(headChanged && first == last), let word = words[first], word.token.coreStart == word.token.start,
           var previousText = previous?.text, let (head, _, marked) = previousText.withUTF8(Self.pieceBeforeHyphen),
           marked || breakHyphens != .marked,
           let tail = Self.plainLetters(core(of: word, bytes)), Self.restOfCut(String(decoding: bytes, as: UTF8.self), joiningWith: knowledge)?.joined == false,
           let cut = repairedCut(head: head, tail: tail), cut.tail != tail {
            edits.append(TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(cut.tail), rule: "cut-word", confidence: 0.8))
            counts.count("cut-word")
        }
    }
}
