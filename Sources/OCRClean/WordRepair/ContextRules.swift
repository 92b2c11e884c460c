/// Real-word errors that a lexicon cannot see, decided from the neighbouring words.
///
/// `a` (verb *avoir*) for `à` (preposition), which old OCR engines confuse constantly:
/// `aider les États a renforcer` → `à renforcer`, `additionnel a la Convention` → `à la`,
/// `a nouveau` → `à nouveau`; `a adopté`, `a également prié`, `il a la charge`, `il n’y a`,
/// `le mode a les droits` stay.
enum ContextRules {
    /// Adverbs that may stand between *avoir* and its participle (`a également prié`).
    static let adverbs: Set<String> = ["également", "déjà", "ainsi", "toujours", "aussi", "bien", "encore", "notamment",
                                       "jamais", "souvent", "enfin", "beaucoup", "récemment", "longtemps", "pas", "plus",
                                       "alors", "donc", "notablement", "largement", "considérablement", "elle-même", "lui-même"]
    static let subjects: Set<String> = ["il", "elle", "on", "qui", "y", "cela", "ça", "ceci", "chacun", "chacune", "personne", "rien", "tout"]
    static let determiners: Set<String> = ["la", "le", "les", "l’", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                                           "leur", "leurs", "notre", "nos", "votre", "vos", "chaque", "tous", "toutes", "aucun",
                                           "aucune", "plusieurs", "certains", "certaines", "quelques", "mon", "ma", "mes", "cet"]
    static let expressions: Set<String> = ["nouveau", "partir", "savoir", "travers", "propos", "compter", "peine", "condition",
                                           "cause", "titre", "moins", "mesure", "l’égard", "l’instar", "l’heure", "l’issue",
                                           "l’occasion", "l’appui", "l’intention", "l’échelle", "l’exception", "l’aide",
                                           "l’effet", "l’encontre", "l’initiative", "l’ordre", "terme", "court", "long",
                                           "destination", "l’avenir", "l’étranger", "l’intérieur", "l’extérieur", "huis", "jour",
                                           "cet", "cette", "même", "l’unanimité"]

    /// Nouns that follow *avoir* without an article (`a lieu`, `a besoin`, `a droit`).
    static let avoirNouns: Set<String> = ["faim", "peur", "besoin", "lieu", "trait", "droit", "raison", "tort", "honte", "soif",
                                          "envie", "conscience", "accès", "recours", "cours", "mal", "part", "hâte", "confiance",
                                          "intérêt", "affaire", "soin", "horreur", "coutume", "tendance", "vocation", "qualité",
                                          "pour", "été", "eu", "fait", "pu", "dû", "su", "vu", "mis", "pris", "dit"]

    /// A word as the rules compare it: lowercase, `’` apostrophes (whatever the OCR printed: `'`,
    /// `‘`, `ʼ`, `"`), OCR's `I’`/`|’` read as `l’`. The words of the next record have not been
    /// repaired yet: the rules must read them as they will read the repaired text.
    static func contextForm(_ word: String) -> String {
        // Most words hold no apostrophe or quote: nothing to rewrite.
        guard word.utf8.contains(where: { $0 == 0x27 || $0 == 0x22 || $0 == 0xE2 || $0 == 0xCA }) else { return word }
        var w = String(String.UnicodeScalarView(word.unicodeScalars.map { JoinedText.isApostrophe($0.value) || $0 == "\"" ? "’" : $0 }))
        for bad in ["i’", "|’", "1’"] where w.hasPrefix(bad) { w = "l’" + w.dropFirst(2) }
        return w
    }

    struct Decision {
        var preposition: Bool
        var confidence: Double
    }

    /// What a lowercase token `a` is, given the word before it and the words after it (lowercase,
    /// `’` apostrophes), or nil when the context does not tell.
    static func classifyA(previous: String?, next: [String], knowledge: WordKnowledge, dropsGraveA: Bool, strict: Bool = false) -> Decision? {
        // After a preposition `a` is neither *avoir* nor `à` (`contre a criminalité` lost the l of `la`).
        if let previous, previous.utf8.count <= 7, FunctionWords.prepositionsBeforeArticle.contains(previous.unicodeScalars.map(\.value)) { return nil }
        // A subject pronoun, also after an elision (`il n’y a`, `qu’il a`, `s’il a`, `l’on a`).
        if let previous, subjects.contains(previous.lastIndex(of: "’").map { String(previous[previous.index(after: $0)...]) } ?? previous) {
            if previous == "tout", next.first == "fait" { return Decision(preposition: true, confidence: 0.95) }
            return Decision(preposition: false, confidence: 0.9)
        }
        var i = 0
        while i < next.count - 1, adverbs.contains(next[i]) { i += 1 }
        guard i < next.count else { return nil }
        let word = next[i]
        if expressions.contains(word) && i == 0 { return Decision(preposition: true, confidence: 0.95) }
        if let first = word.unicodeScalars.first, ("0"..."9").contains(first), i == 0 {
            return dropsGraveA && !strict ? Decision(preposition: true, confidence: 0.85) : nil
        }
        // A phrase of the domain that starts with `à` and a content word (`à composition non
        // limitée`; `à la` says nothing: *avoir* takes articles too).
        if i == 0, !determiners.contains(word), !word.hasPrefix("l’"), knowledge.lexicon.pairs.contains(Array("à \(word)".utf8)) {
            return Decision(preposition: true, confidence: 0.9)
        }
        // A reflexive infinitive (`à s’assurer`, `à se doter`): *avoir* is never followed by one.
        if i == 0, word.hasPrefix("s’"), let flags = knowledge.lookup(word.unicodeScalars.dropFirst(2).map(\.value))?.flags,
           flags & LexiconFlags.infinitive != 0 {
            return Decision(preposition: true, confidence: 0.95)
        }
        if i == 0, word == "se", next.count > 1, let flags = knowledge.lookup(next[1].unicodeScalars.map(\.value))?.flags,
           flags & LexiconFlags.infinitive != 0, flags & LexiconFlags.noun == 0 {
            return Decision(preposition: true, confidence: 0.95)
        }
        let scalars = word.unicodeScalars.map(\.value)
        let hit = knowledge.lookup(scalars)
        if let flags = hit?.flags {
            if flags & LexiconFlags.pastParticiple != 0 { return Decision(preposition: false, confidence: 0.95) }
            if flags & LexiconFlags.infinitive != 0 && i == 0 { return Decision(preposition: true, confidence: 0.95) }
        }
        // French contracts `à le`, `à les` (`au`, `aux`): `le`, `les` after `à` are pronouns before
        // an infinitive (`à les aider`); before anything else `a` is *avoir* (`le mode a les droits`).
        if i == 0, word == "le" || word == "les" {
            guard next.count > 1, let flags = knowledge.lookup(next[1].unicodeScalars.map(\.value))?.flags,
                  flags & LexiconFlags.infinitive != 0 else { return nil }
            return dropsGraveA ? Decision(preposition: true, confidence: 0.9) : nil
        }
        if i == 0, determiners.contains(word) || word.hasPrefix("l’") {
            return dropsGraveA ? Decision(preposition: true, confidence: 0.9) : nil
        }
        // `armes a feu`: a bare noun after `a` is rare with *avoir* but for a few locutions.
        if i == 0, dropsGraveA, !strict, let flags = hit?.flags, flags & LexiconFlags.noun != 0,
           flags & (LexiconFlags.finiteVerb | LexiconFlags.pastParticiple) == 0, !avoirNouns.contains(word) {
            return Decision(preposition: true, confidence: 0.8)
        }
        return nil
    }

    /// A finite verb form with no other use (noun, adjective, participle, preposition…).
    static func onlyFiniteVerb(_ flags: UInt32) -> Bool {
        flags & LexiconFlags.finiteVerb != 0
            && flags & (LexiconFlags.pastParticiple | LexiconFlags.noun | LexiconFlags.adjective | LexiconFlags.adverb
                | LexiconFlags.grammatical | LexiconFlags.infinitive | LexiconFlags.properNoun | LexiconFlags.foreign) == 0
    }

    /// Forms of *avoir* that a past participle follows (`a`, `ont`, `avait`…), as bytes: they are
    /// compared with every word (see `RepairWords.auxiliary`).
    static let auxiliaries: [[UInt8]] = ["a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ayant",
                                         "avons", "avez", "avions", "aviez", "eut", "eurent", "as", "ai"].map { Array($0.utf8) }

    /// `a prie`, `ont exprime`, `a approuves` → `a prié`, `ont exprimé`, `a approuvés`: after an
    /// auxiliary, a word that is only a finite verb form (no noun, adjective or other use:
    /// `a juge`, `a entre` stay; the caller checks both, see `onlyFiniteVerb`) whose ending with
    /// the accent is a past participle is that participle, its accent lost. Nil when the rule
    /// does not apply.
    static func participle(_ word: [UInt32], knowledge: WordKnowledge) -> [UInt32]? {
        guard CasePattern(word) == .lower, word.count >= 3, !word.contains(where: JoinedText.isApostrophe) else { return nil }
        var participle = word
        // The `e` of the ending: last, or before a final `s`.
        let e = word.last == 0x73 ? word.count - 2 : word.count - 1
        guard e >= 2, participle[e] == 0x65 else { return nil }
        participle[e] = 0xE9
        guard let hit = knowledge.lookup(participle), hit.flags & LexiconFlags.pastParticiple != 0 else { return nil }
        return participle
    }
}
