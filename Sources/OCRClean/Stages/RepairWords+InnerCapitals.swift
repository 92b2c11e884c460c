extension RepairWords {
    /// `aVait`, `cOmmande`, `placéS`, `daNs`, `parJementaire`, `généraI` → `avait`,
    /// `commande`, `placés`, `dans`, `parlementaire`, `général`: an engine reads a
    /// lowercase letter as a capital inside a word. A word that opens in lowercase and has one
    /// capital inside, letters only, and is no word as written, is read in lowercase (an `I` as
    /// the `l` it mostly stands for, or `r`): kept when that is a word, else repaired as one
    /// (`parJementaire` → `parlementaire`; no split).
    ///
    /// Left alone:
    /// - a capital second letter before a word of its own: a misread elision (`rAssemblée`,
    ///   `iEtat`) or a brand (`iPad`, `eBay`); one that is not is only lowered into a word as it
    ///   stands (`aVait`);
    /// - a last capital other than the endings `S E T R X` (`placéS`, `mineurE`) and `I`
    ///   (`généraI`): `duC`, `siN` lost the space before a one-letter name (`du C`, `si N`);
    /// - camel-case identifiers (`getValue`), no word in lowercase and with no repair, and forms
    ///   the lexicons write so (`kWh`).
    ///
    /// Only `search` lets an unknown word be repaired (its neighbours must be set for `decide`).
    mutating func innerCapitalEdit(_ word: Word, search: Bool, counts: inout Counts) -> TextEdit? {
        let core = word.core
        guard core.count >= 3, let first = core.first, UTF8Bytes.isLetter(first), !Folding.isUpper(first),
              core.allSatisfy(UTF8Bytes.isLetter) else { return nil }
        var capital: Int?
        for (k, v) in core.enumerated() where Folding.isUpper(v) {
            guard capital == nil else { return nil }
            capital = k
        }
        guard let capital, capital >= 2 || knowledge.known(Array(core[1...])) == nil,
              capital < core.count - 1 || Self.wordEndings.contains(core[capital]) || core[capital] == 0x49 else { return nil }
        let range = word.token.coreStart..<word.token.coreEnd
        // A form the lexicons write so (`kWh`) stays.
        if word.known != nil, recordBytes.withUnsafeBufferPointer({ knowledge.knownBytes(UnsafeBufferPointer(rebasing: $0[range])) }) != nil { return nil }
        var lower = CasePattern.lower(core)
        if core[capital] == 0x49 {
            // `I` is `l` far more often than `r`, which the likelier word may still win
            // (`paI` is `par`, not `pal`).
            var asR = lower
            lower[capital] = 0x6C
            asR[capital] = 0x72
            let l = knowledge.known(lower)?.zipf ?? -.infinity, r = knowledge.known(asR)?.zipf ?? -.infinity
            guard max(l, r) > -.infinity, core.count > 3 || max(l, r) >= Self.shortWordZipf else { return nil }
            let best = l + 1 >= r ? lower : asR
            counts.count("confusion")
            return TextEdit(range: range, replacement: JoinedText.string(best), rule: "confusion", confidence: 0.9)
        }
        if let hit = knowledge.known(lower) {
            guard core.count > 3 || hit.zipf >= Self.shortWordZipf else { return nil }
            counts.count("case")
            return TextEdit(range: range, replacement: JoinedText.string(lower), rule: "case", confidence: 0.9)
        }
        guard search, core.count >= 4, capital >= 2 else { return nil }
        var lowered = word
        lowered.core = lower
        guard let (best, confidence, rule) = decide(lowered), rule != "split" else { return nil }
        counts.count(rule)
        return TextEdit(range: range, replacement: JoinedText.string(best), rule: rule, confidence: confidence)
    }

    /// How frequent (Zipf) a three-letter reading must be: a short rare word is as likely two
    /// words glued (`aIa` is `à la`, not `ara`).
    static let shortWordZipf = 4.0

    /// Capitals that may end a word misread (`placéS`, `mineurE`): the letters French words end with.
    static let wordEndings: Set<UInt32> = [0x53, 0x45, 0x54, 0x52, 0x58]
}
