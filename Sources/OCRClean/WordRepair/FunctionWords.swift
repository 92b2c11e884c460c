/// Short words the OCR makes of a frequent one, decided by the word after them: known words all,
/// so the corrector leaves them, but no French in that place.
///
/// - `do la France`, `dé la Convention`, `capacités dé coopération` → `de`: `do` (the note) is no
///   French before a French word, nor `dé` before an article, a name or a lowercase word after
///   anything but a determiner (`un dé à coudre`, `le dé pipé` stay; so does `dé faut`, which is
///   `défaut` cut).
/// - `là crise` → `la crise`: the article before a feminine singular noun (`est là une crainte`,
///   `de là renforcer`, `là Se battre` stay), after a preposition before any word (`à là
///   Convention`) and after a verb before a noun that is also a participle (`soulignant là
///   nécessité`; `c’est là une question` stays). `Ja`, no French word, is `la` inside a sentence before
///   such a noun, and after a word before any French word (`à Ja Convention`, `sur Ja même`).
/// - `adopter Je mécanisme` → `le`: `Je` inside a sentence before a masculine singular noun.
/// - `lès députés`, `lé ministre` → `les`, `le`: a speck read as an accent.
/// - `dû moins`, `un coiffeur dû huitième arrondissement` → `du`: the participle of *devoir*
///   goes before an infinitive, `à` or a determiner (`a dû partir`, `dû au talent`), never
///   before `moins` or a bare masculine singular noun; `du` does.
/// - `cl`, `ex`, `el` after a word (not a number: `75 cl`) before a French word → `et`, with
///   e read as c and t as l or x (`ex aequo`, `ex officio` stay: Latin).
/// - `dés droits`, `Recueil dés Traités` → `des` before a plural noun (`dés pipés`, an
///   adjective, stays).
/// - `Ire séance` → `1re`; `celte femme`, `celle étude` → `cette` with t read as l (the adjective
///   follows its noun; the pronoun stands before `de`, `qui`, `-ci`, or a participle: `celle
///   prise hier` stays).
/// - `Ace sujet`, `encourageant ace propos` → `à ce`, its space lost, before the nouns of `à ce
///   sujet`, `à ce titre`, `à ce jour`… (`ace` alone, the tennis term, stays).
/// - `le ler juin`, `le Ier janvier` → `1er` before a month, and `ler` before `et` and a number
///   (`les ler et 2 octobre`); `François Ier` stays, also before `et 2`.
/// - `et Jes Protocoles`, `sur es analyses`, `Saluant es travaux` → `les` before a plural noun;
///   `es` only after a preposition, a conjunction or a verb (`tu es`, and `taille maximale es
///   messages`, which lost a d, stay).
/// - `contre a criminalité`, `de a Convention` → `la`: after a preposition `a` is neither the
///   verb nor `à`, and the article goes before a feminine singular noun.
/// - `Protocoles sy rapportant` → `s’y`: the apostrophe lost (`sy` is no French word).
/// - `les outils qu fonctionnent` → `qui`: `qu` never stands alone, and before a consonant it
///   cannot be `qu’` either (elision is before a vowel or a mute h).
/// - `font ta demande` → `la`, with l read as t, in a document that never says *tu*; likewise
///   `sur tes fumeries` → `les` before a plural noun (`tu sais que tes amis` stays).
/// - `dans ls langues` → `les`, its e lost, after a preposition or a conjunction before a plural
///   noun (`la commande ls`, `alias ls valant` stay).
/// - `lo commissaire`, `lo ville` → `le`, `la`: `lo` (no French word) before a singular noun of
///   one gender.
/// - `la sécurité dos équipages` → `des` before a plural noun (`le dos`, `ses dos` stay);
///   `nous avons il signaler` → `à` before an infinitive, which no subject `il` takes; `eux-mêmes
///   es portant` → `en` before a present participle (`tu es` stays); `vanité on de plaisir` →
///   `ou` before `de`, `un`, `une`…, which the pronoun `on` never stands before; `mis eh
///   possession` → `en`: the interjection stands after a pause, not between two words before a
///   noun or a participle; `de sou avenir` → `son` before a singular noun, after no determiner
///   (`un sou`, `le sou`) and not the start of a word cut by a space (`sou vent`).
/// - `II a dit`, `Us ont` opening a sentence → `Il`, `Ils` (`Louis II a régné`, `II La
///   Convention`, `les us et coutumes` stay): see `pronoun`.
enum FunctionWords {
    /// The word `written` stands for before `next` (with the lexicon's flags of `next`), or nil.
    /// `afterWord`: a word, not a number or a sign, comes before it; `previous`: that word
    /// (lowercase) when nothing stands between them; `saysTu`: the document addresses someone as
    /// *tu* (see `DocumentProfile.saysTu`); `gluesToNext`: the two written together are a known
    /// word (`dé faut`: `défaut`, `sou vent`: `souvent`, a space inserted, not `de faut`);
    /// `numberAfterNext`: a number follows `next` (`ler et 2 octobre`); `afterVerb`: `previous`
    /// is a verb form and no pronoun (`Saluant`, `appliquer`, `encourage`); `pieceOfPrevious`:
    /// the word before is unknown, or the two written together are a known word (`utilisati on`,
    /// `donné es`: a word cut). The two lookups are asked only by the rules that need them.
    static func replacement(_ written: [UInt32], sentenceStart: Bool, afterWord: Bool, previous: [UInt32]?, next: [UInt32], nextFlags: UInt32,
                            saysTu: Bool = false, gluesToNext: () -> Bool = { false }, numberAfterNext: Bool = false, afterVerb: Bool = false,
                            pieceOfPrevious: () -> Bool = { false }) -> String? {
        let french = nextFlags & LexiconFlags.foreign == 0 || nextFlags & (LexiconFlags.dicollecte | LexiconFlags.variant) != 0
        let nextCase = CasePattern(next)
        let feminineNoun = isSingularNoun(nextFlags, gender: LexiconFlags.feminine, verbForm: true)
        if written == [0x74, 0x61] { return !saysTu && nextCase != .upper && feminineNoun ? "la" : nil }
        if written == [0x61], let previous, prepositionsBeforeArticle.contains(previous), nextCase != .upper,
           isSingularNoun(nextFlags, gender: LexiconFlags.feminine, verbForm: true) { return "la" }
        if written == [0x64, 0xE9, 0x73], nextCase != .upper, isPluralNoun(nextFlags), nextFlags & LexiconFlags.noun != 0 { return "des" }
        if written == [0x6C, 0x65, 0x72] || written == [0x49, 0x65, 0x72],
           months.contains(CasePattern.lower(next)) || (written[0] == 0x6C && next == [0x65, 0x74] && numberAfterNext) { return "1er" }
        if written == [0x4A, 0x65, 0x73] || (written == [0x65, 0x73] && (afterVerb || previous.map(beforeLes.contains) == true)),
           next.count >= 3, nextCase != .upper, isPluralNoun(nextFlags) { return sentenceStart ? "Les" : "les" }
        if written == [0x74, 0x65, 0x73] ? !saysTu : written == [0x6C, 0x73] && previous.map(beforeLes.contains) == true,
           next.count >= 3, nextCase != .upper, isPluralNoun(nextFlags) { return "les" }
        if written == [0x73, 0x79], nextCase == .lower, french { return "s’y" }
        if written == [0x71, 0x75], afterWord, nextCase == .lower, french, let first = next.first, first < 0x80,
           UTF8Bytes.isLetter(first), !RepairWordsVowels.startsWithVowelSound(first) { return "qui" }
        if written == [0x64, 0x6F], french, nextCase != .mixed { return "de" }
        if written == [0x64, 0xFB], nextCase == .lower,
           next == moins || isSingularNoun(nextFlags, gender: LexiconFlags.masculine, verbForm: false) { return "du" }
        if written == [0x6C, 0xE0] {
            if nextCase == .lower, feminineNoun { return "la" }
            // After a preposition (`à là Convention`) or a verb other than *être* and its like
            // (`soulignant là nécessité`), `là` is the article, also before a noun that is a
            // participle too; `de là`, `par là`, `c’est là une` stay.
            guard !laCompounds.contains(CasePattern.lower(next)) else { return nil }
            if let previous, prepositionsBeforeLa.contains(previous), nextCase == .lower || nextCase == .title, french { return "la" }
            if afterVerb, let previous, !locativeVerbs.contains(WordKnowledge.splitElision(previous)?.rest ?? previous), nextCase == .lower,
               nextFlags & LexiconFlags.noun != 0, nextFlags & LexiconFlags.feminine != 0, nextFlags & LexiconFlags.plural == 0 { return "la" }
        }
        if written == [0x4A, 0x61], !sentenceStart, (nextCase == .lower && feminineNoun) || (afterWord && nextCase != .upper && french) { return "la" }
        if written == [0x4A, 0x65], !sentenceStart, nextCase == .lower,
           isSingularNoun(nextFlags, gender: LexiconFlags.masculine, verbForm: false) { return "le" }
        if written == [0x64, 0xE9], articles.contains(CasePattern.lower(elidedPrefix(next))) || nextCase == .title
            || (nextCase == .lower && french && !gluesToNext() && previous.map { !beforeDie.contains($0) } ?? afterWord) { return "de" }
        if let plain = accentNoise[written], french, nextCase == .lower || nextCase == .title { return plain }
        if written == [0x63, 0x6C] || written == [0x65, 0x78] || written == [0x65, 0x6C], afterWord, french, nextCase == .lower,
           nextFlags & LexiconFlags.foreign == 0, !latinAfterEx.contains(CasePattern.lower(next)) { return "et" }
        if written == [0x49, 0x72, 0x65], nextCase == .lower { return "1re" }
        if written == [0x64, 0x6F, 0x73], nextCase != .upper, nextFlags & LexiconFlags.noun != 0, isPluralNoun(nextFlags),
           previous.map({ !determinersBeforeDos.contains($0) }) ?? true, !pieceOfPrevious() { return "des" }
        if written == [0x69, 0x6C], afterWord, !sentenceStart, nextCase == .lower,
           previous.map({ $0.count >= 3 && !prepositionsBeforeArticle.contains($0) }) ?? true,
           nextFlags & LexiconFlags.infinitive != 0, nextFlags & LexiconFlags.finiteVerb == 0, !pieceOfPrevious() { return "à" }
        if written == [0x65, 0x73], afterWord, nextCase == .lower, previous != [0x74, 0x75],
           nextFlags & LexiconFlags.presentParticiple != 0, !pieceOfPrevious() { return "en" }
        if written == [0x6C, 0x6F], nextCase == .lower {
            if isSingularNoun(nextFlags, gender: LexiconFlags.masculine, verbForm: false) { return "le" }
            if isSingularNoun(nextFlags, gender: LexiconFlags.feminine, verbForm: false) { return "la" }
        }
        if written == [0x73, 0x6F, 0x75], nextCase == .lower, nextFlags & LexiconFlags.noun != 0, nextFlags & LexiconFlags.plural == 0,
           nextFlags & (LexiconFlags.grammatical | LexiconFlags.adjective) == 0,
           previous.map({ !wordsBeforeNoun.contains($0) }) ?? true, !gluesToNext(), !pieceOfPrevious() { return "son" }
        if written == [0x65, 0x68], afterWord, previous != nil, nextCase == .lower,
           nextFlags & (LexiconFlags.noun | LexiconFlags.presentParticiple) != 0, nextFlags & LexiconFlags.grammatical == 0,
           !pieceOfPrevious() { return "en" }
        if written == [0x6F, 0x6E], afterWord, nextCase == .lower, wordsAfterOu.contains(next), !pieceOfPrevious() { return "ou" }
        if written.count == 5, [celte, celle].contains(CasePattern.lower(written)), nextCase == .lower, feminineNoun {
            return CasePattern(written) == .title ? "Cette" : CasePattern(written) == .lower ? "cette" : nil
        }
        if CasePattern.lower(written) == [0x61, 0x63, 0x65], CasePattern(written) != .upper, nextCase == .lower, afterAce.contains(next) {
            return sentenceStart ? "À ce" : "à ce"
        }
        return nil
    }

    /// Nouns after which `ace` (the tennis term) is `à ce` with its space lost: `Ace sujet`,
    /// `encourageant ace propos`.
    static let afterAce: Set<[UInt32]> = Set(["sujet", "propos", "titre", "jour", "stade", "moment", "niveau"].map { $0.unicodeScalars.map(\.value) })

    /// The cheap test first (it runs on every word): could the rules above read these bytes
    /// (`do`, `dos`, `dé`, `là`, `lé`, `lès`, `lés`, `ls`, `lo`, `cl`, `celte`, `celle`, `Ja`, `Je`, `Jes`,
    /// `Ire`, `Ier`, `ler`, `a`, `ace`, `es`, `ex`, `el`, `eh`, `sy`, `sou`, `ta`, `tes`, `qu`, `il`, `on`)?
    static func mayReplace(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count <= 5, let first = word.first else { return false }
        guard word.count >= 2 else { return first == 0x61 }
        let second = word[word.startIndex + 1]
        switch first {
        case 0x61, 0x41: return word.count == 3 && second == 0x63
        case 0x64: return second == 0x6F || second == 0xC3
        case 0x6C: return second == 0xC3 || (word.count == 3 && second == 0x65) || (word.count == 2 && (second == 0x73 || second == 0x6F))
        case 0x63: return second == 0x6C || word.count == 5
        case 0x43: return word.count == 5
        case 0x4A: return word.count <= 3
        case 0x49: return word.count == 3
        case 0x65: return word.count == 2 && (second == 0x73 || second == 0x78 || second == 0x6C || second == 0x68)
        case 0x73: return (word.count == 2 && second == 0x79) || (word.count == 3 && second == 0x6F && word.last == 0x75)
        case 0x74: return (word.count == 2 && second == 0x61) || (word.count == 3 && second == 0x65 && word.last == 0x73)
        case 0x71: return word.count == 2 && second == 0x75
        case 0x69: return word.count == 2 && second == 0x6C
        case 0x6F: return word.count == 2 && second == 0x6E
        default: return false
        }
    }

    /// Articles, determiners and adjectives that stand before a noun (`le`, `un`, `son`, `petit`):
    /// after them a short word is the noun it looks like (`un sou`).
    static let wordsBeforeNoun: Set<[UInt32]> = articles.union(beforeDie)

    /// Words before which `dos` is the noun (`le dos`, `ses dos`, `de dos`), not `des` misread.
    static let determinersBeforeDos: Set<[UInt32]> = wordsBeforeNoun.union(CandidateGenerator.pluralDeterminers.map { $0.unicodeScalars.map(\.value) })
        .union(["de", "du", "au", "aux"].map { $0.unicodeScalars.map(\.value) })

    /// Articles, prepositions and conjunctions that no sentence ends on, as written in lowercase,
    /// with `vers` and `entre`: where the words after show that the sentence goes on.
    static let neverEndSentence: Set<[UInt32]> = endsNoSentence.union(["vers", "entre"].map { $0.unicodeScalars.map(\.value) })
    /// The same but `vers` and `entre`, also a noun and a verb a sentence may end on (`des vers.`,
    /// `Il entre.`): a full stop after these words is a speck whatever follows it.
    static let endsNoSentence: Set<[UInt32]> = Set(["la", "les", "des", "du", "au", "aux", "de", "à", "dans", "par", "parmi",
                                                    "et", "ou", "ces", "cette", "ses", "nos", "vos", "sa"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Words the pronoun `on` never stands before, and `ou` often does (`vanité on de plaisir`,
    /// `résumés on une vulgarisation`); `on le fait` stays.
    static let wordsAfterOu: Set<[UInt32]> = Set(["de", "du", "des", "un", "une", "au", "aux", "à"].map { $0.unicodeScalars.map(\.value) })

    /// Prepositions after which `a` can only be the article `la` with its l lost.
    static let prepositionsBeforeArticle: Set<[UInt32]> = Set(["de", "contre", "à", "sur", "dans", "par", "pour", "avec", "sans", "vers", "entre", "selon", "envers", "parmi"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Prepositions, which never follow a determiner (`cette de rive` is no French).
    static let neverAfterDeterminer: Set<[UInt32]> = Set(["de", "à", "en", "par", "pour", "sur", "dans", "sans", "avec", "sous", "chez", "dès", "au", "aux"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Prepositions after which `là` is never the adverb (`de là`, `par là`, `jusque là` are).
    static let prepositionsBeforeLa: Set<[UInt32]> = prepositionsBeforeArticle.subtracting(["de", "par"].map { $0.unicodeScalars.map(\.value) })

    /// Verbs after which `là` is the adverb (`c’est là une question`, `restent là des années`),
    /// without an elided pronoun (`c’était`).
    static let locativeVerbs: Set<[UInt32]> = Set(["est", "sont", "était", "étaient", "être", "été", "sera", "seront", "serait", "seraient", "soit",
                                                   "soient", "fut", "furent", "reste", "restent", "rester", "resté", "demeure", "demeurent",
                                                   "demeurer", "voici", "voilà", "trouve", "trouvent", "se"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Words `là` makes an adverb with, written apart when the hyphen is lost (`là dessus`).
    static let laCompounds: Set<[UInt32]> = Set(["dessus", "dessous", "dedans", "bas", "haut", "derrière", "devant", "même"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Latin words `ex` comes before in French (`ex aequo`, `ex officio`).
    static let latinAfterEx: Set<[UInt32]> = Set(["aequo", "æquo", "officio", "nihilo", "cathedra", "ante", "post", "vivo", "situ", "abrupto",
                                                  "professo", "libris", "voto", "machina", "parte", "gratia", "cursus"].map { $0.unicodeScalars.map(\.value) })

    /// Words after which `es` before a plural noun is `les`.
    static let beforeLes: Set<[UInt32]> = prepositionsBeforeArticle.union(["que", "et", "ou", "tous", "toutes"].map { $0.unicodeScalars.map(\.value) })

    static let months: Set<[UInt32]> = Set(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        .map { $0.unicodeScalars.map(\.value) })

    /// A plural noun or adjective (`Protocoles`, `mesures`, `analyses`), no infinitive or grammatical word.
    static func isPluralNoun(_ flags: UInt32) -> Bool {
        flags & (LexiconFlags.noun | LexiconFlags.adjective) != 0 && flags & LexiconFlags.plural != 0
            && flags & (LexiconFlags.infinitive | LexiconFlags.grammatical) == 0
    }

    /// The pronoun a word opening a sentence stands for before `next`: `II` and `Us`, read for
    /// `Il` and `Ils` with the l as I, before a verb or a clitic.
    static func pronoun(_ written: [UInt32], next: [UInt32], nextFlags: UInt32?) -> String? {
        guard let pronoun = misreadPronouns[written], CasePattern(next) == .lower, followsSubjectPronoun(next, nextFlags) else { return nil }
        return pronoun
    }

    /// `moins`, which `du` goes before and the participle `dû` does not (`du moins`).
    static let moins: [UInt32] = [0x6D, 0x6F, 0x69, 0x6E, 0x73]
    /// `celte` (Celtic) follows its noun; before one it is `cette` with t read as l, and so is
    /// the pronoun `celle`, which no noun follows.
    static let celte: [UInt32] = [0x63, 0x65, 0x6C, 0x74, 0x65]
    static let celle: [UInt32] = [0x63, 0x65, 0x6C, 0x6C, 0x65]

    static let misreadPronouns: [[UInt32]: String] = [[0x49, 0x49]: "Il", [0x55, 0x73]: "Ils"]

    /// Articles printed with a speck read as an accent; the accented words are rare and never
    /// stand alone before another word in prose (`lès` lives in place names: `Plessis-lès-Tours`).
    static let accentNoise: [[UInt32]: String] = [[0x6C, 0xE8, 0x73]: "les", [0x6C, 0xE9]: "le", [0x6C, 0xE9, 0x73]: "les"]

    /// Words before which `dé` is the noun (a die): determiners of a masculine singular noun, and
    /// the adjectives that come before it (`un petit dé`).
    static let beforeDie: Set<[UInt32]> = Set(["le", "un", "du", "au", "ce", "mon", "ton", "son", "notre", "votre", "leur", "chaque", "quel", "petit", "gros"]
        .map { $0.unicodeScalars.map(\.value) })

    static let articles: Set<[UInt32]> = Set(["le", "la", "les", "l’", "l'", "un", "une", "ce", "cette", "ces", "son", "sa", "ses"].map { $0.unicodeScalars.map(\.value) })

    static let clitics: Set<[UInt32]> = Set(["se", "ne", "y", "en", "le", "la", "les", "me", "te", "lui", "leur", "nous", "vous"].map { $0.unicodeScalars.map(\.value) })

    /// The word, or its elided prefix with the apostrophe (`l’État` → `l’`).
    static func elidedPrefix(_ word: [UInt32]) -> [UInt32] {
        WordKnowledge.splitElision(word)?.prefix ?? word
    }

    /// A singular noun of that gender and nothing an article may stand before: no infinitive,
    /// participle, adverb or grammatical word (`renforcer`, `une`, `pendant`). A finite verb form
    /// passes when `verbForm` allows it (`là crise`, `là porte`: `là` before a verb is rare; not
    /// so `Je`, which is mostly right before one).
    static func isSingularNoun(_ flags: UInt32, gender: UInt32, verbForm: Bool) -> Bool {
        var excluded = LexiconFlags.infinitive | LexiconFlags.pastParticiple | LexiconFlags.presentParticiple
            | LexiconFlags.adverb | LexiconFlags.grammatical
        if !verbForm { excluded |= LexiconFlags.finiteVerb }
        return flags & LexiconFlags.noun != 0 && flags & excluded == 0 && flags & gender != 0 && flags & LexiconFlags.plural == 0
    }

    /// A finite verb, a clitic (`se`, `ne`, `y`, `le`…) or a clitic elided before its verb (`s’est`).
    static func followsSubjectPronoun(_ next: [UInt32], _ flags: UInt32?) -> Bool {
        if clitics.contains(next) { return true }
        if let (prefix, rest) = WordKnowledge.splitElision(next), !rest.isEmpty,
           let letter = prefix.first, [0x73, 0x6E, 0x6C, 0x6D, 0x74].contains(letter), prefix.count == 2 { return true }
        return (flags ?? 0) & LexiconFlags.finiteVerb != 0
    }
}
