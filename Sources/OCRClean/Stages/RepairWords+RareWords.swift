extension RepairWords {
    /// Below this Zipf frequency a known word may be a misreading of a frequent one.
    static let rareZipf = 3.0
    /// Candidates this frequent at least.
    static let frequentZipf = 4.0
    /// log10 odds against a word the lexicon knows being a misreading at all, beyond the channel
    /// cost of the confusion: a real word is read as another real word far less often than as
    /// no word.
    static let realWordDoubt = 1.0

    /// The word as `rareWordEdit` reads it (its scalars), when it may be such a misreading: the
    /// cheap tests, asked before the word's neighbours are set up.
    func mayBeRealWordError(_ word: Word, _ bytes: [UInt8]) -> Word? {
        guard let hit = word.known, hit.zipf < Self.rareZipf, !word.lineEdge, !word.isName,
              hit.flags & (LexiconFlags.domain | LexiconFlags.user | LexiconFlags.foreign | LexiconFlags.properNoun
                           | LexiconFlags.acronym | LexiconFlags.abbreviation) == 0,
              word.token.coreEnd - word.token.coreStart >= 4 else { return nil }
        var asWord = word
        if asWord.core.isEmpty {
            asWord.core = bytes.withUnsafeBufferPointer { JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[word.token.coreStart..<word.token.coreEnd])) }
        }
        guard asWord.core.count >= 4, CasePattern(asWord.core) == .lower, asWord.core.allSatisfy(UTF8Bytes.isLetter),
              profile.termCount(asWord.core) < 3 else { return nil }
        return asWord
    }

    /// `antres` → `autres`, `foutes` → `toutes`, `tète` → `tête`: an engine misreads a letter
    /// and lands on a word the lexicon knows, but one so rare that the frequent word one confusion
    /// away is the likelier reading. Asked for a lowercase word of four letters or more, of Zipf
    /// frequency under 3, when a candidate of Zipf 4 or more explains it by an OCR confusion or
    /// an accent (no generic edit, split or elision) and beats the word's own frequency plus the
    /// doubt above by the confidence the stage asks for. An accent may be changed or added, never
    /// removed: a speck read as an accent is rarer than a real participle (`les tableaux
    /// indicés`, `un nom listé` stay).
    ///
    /// Left alone: one of the document's terms (written three times or more), domain, user,
    /// foreign and proper-noun entries, a name, a word at a line's edge (a piece of a cut word),
    /// and a word whose candidate needs a costly confusion (`il élude la question`).
    mutating func rareWordEdit(_ word: Word) -> TextEdit? {
        guard let hit = word.known else { return nil }
        let accents = word.core.count { $0 >= 0x80 }
        let candidates = adjustedCandidates(word).filter {
            ($0.rule == "confusion" || $0.rule == "accent") && $0.logPrior >= Self.frequentZipf - 9 && $0.text != word.core
                && $0.text.count { $0 >= 0x80 } >= accents
        }
        guard let best = candidates.max(by: { $0.score < $1.score }) else { return nil }
        let keep = hit.zipf - 9 + Self.realWordDoubt
        var total = pow10(keep - best.score)
        for c in candidates { total += pow10(c.score - best.score) }
        let confidence = 1 / total
        guard confidence >= minConfidence else { return nil }
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(best.text), rule: "real-word", confidence: confidence)
    }
}
