import Glibc

/// What a document shows about itself, gathered as its records pass: the words it uses (a word
/// seen intact elsewhere in the document is evidence), whether its OCR kept accents, whether it
/// accents capitals, and which apostrophe it prints.
struct DocumentProfile: Sendable {
    private(set) var words = 0
    /// Words with an accent other than é (à è ê â î ô û ù ç œ): engines that keep only é lose them.
    private(set) var otherAccentWords = 0
    private(set) var graveA = 0
    private(set) var plainA = 0
    private(set) var asciiApostrophes = 0
    private(set) var typographicApostrophes = 0
    /// Letters `œ`, `æ` (either case) in words.
    private(set) var ligatures = 0
    /// `; : ! ?` ending a clause with a space before them (French typesetting: `organisée ;`) and
    /// glued to the word before (`organisée;`).
    private(set) var spacedStops = 0
    private(set) var gluedStops = 0
    /// Distinct capitalised words of five bytes or more that share their fold with a word of the
    /// domain lexicon (`Assemblée`, `Membres`, `Etats`, `ONUDC`), by the hash of that fold: three
    /// make the document a UN one. Distinct, as a guide that names the `Charte` of its project
    /// twice is no UN document.
    private(set) var domainWords: Set<UInt64> = []
    /// Words written with an accented capital (`États`), exactly as written (hashed).
    private(set) var capitalAccentWords: Set<UInt64> = []
    /// What the document shows of accented capitals, fixed when its first records are decided
    /// (see `freezeCapitalAccents`).
    private var frozenCapitals: (allow: Bool, words: Set<UInt64>)?
    /// Pairs of neighbouring words, and those that are certainly one word cut by a space (a piece
    /// is unknown and the joined word is known: `transnati onal`).
    private(set) var pairs = 0
    private(set) var certainGaps = 0
    /// Unknown words that are certainly two words glued (`laratification`).
    private(set) var certainJoins = 0
    /// Lowercase words that are no word as written but are one with accents (`capacites`):
    /// counted while `needsUnaccentedWord`.
    private(set) var unaccentedWords = 0
    /// How often each lowercase token occurs, by hash (bounded: cleared past `maxVocabulary`).
    private(set) var vocabulary: [UInt64: UInt32] = [:]
    static let maxVocabulary = 200_000

    /// Counts a word from its UTF-8 bytes (no intermediate arrays: this runs for every word).
    mutating func add(_ p: UnsafeBufferPointer<UInt8>) {
        let key = Folding.withLower(p) { ByteHash.hash($0) }
        if vocabulary.count >= Self.maxVocabulary { vocabulary.removeAll(keepingCapacity: true) }
        vocabulary[key, default: 0] += 1
        if p.count == 1 && p[0] == 0x61 { plainA += 1 }
        if p.count == 2 && p[0] == 0xC3 && p[1] == 0xA0 { graveA += 1 }
        guard p.count >= 2 else { return }
        words += 1
        var other = false
        var circumflex = false
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 {
                if b == 0x27 { asciiApostrophes += 1 }
                i += 1
                continue
            }
            let (v, n) = UTF8Bytes.scalar(p, at: i)
            if v >= 0xC0 && v <= 0xDE && v != 0xD7 {
                // Once frozen, the evidence is no longer read: nothing to gather.
                if frozenCapitals == nil, capitalAccentWords.count < Self.maxVocabulary { capitalAccentWords.insert(key) }
            }
            if (v >= 0xE0 && v <= 0xFF && v != 0xF7 && v != 0xE9) || v == 0x153 { other = true }
            if WordKnowledge.circumflexBase(v) != nil { circumflex = true }
            if v == 0x2019 { typographicApostrophes += 1 }
            if v == 0x153 || v == 0x152 || v == 0xE6 || v == 0xC6 { ligatures += 1 }
            i += n
        }
        if other { otherAccentWords += 1 }
        if circumflex { circumflexWords += 1 }
    }

    mutating func addDomainWord(fold: UInt64) { domainWords.insert(fold) }

    /// A UN document: it writes three of the domain's words (see `domainWords`).
    var isUNDocument: Bool { domainWords.count >= 3 }

    /// Words the document writes with a capital `O` then small letters (`Office`), or that open a
    /// body's name it writes in lowercase (`office des Nations Unies`), by the hash of the
    /// capitalised word, as its first records show them: an engine reads a capital `O`, the same
    /// shape as `o`, for the small letter (`l'office`).
    private var capitalOWords: Set<UInt64> = []
    private var frozenCapitalOWords: Set<UInt64>?

    /// Adds the word `p` (in any case: its capitalised form is recorded).
    mutating func addCapitalOWord(_ p: UnsafeBufferPointer<UInt8>) {
        guard frozenCapitalOWords == nil, capitalOWords.count < Self.maxVocabulary else { return }
        var capital = Array(p)
        capital[0] = 0x4F
        capitalOWords.insert(capital.withUnsafeBufferPointer { ByteHash.hash($0) })
    }

    /// Whether names are still gathered: not once frozen (the caller then skips the lookups).
    var needsCapitalOWords: Bool { frozenCapitalOWords == nil }

    func showsCapitalO(_ p: UnsafeBufferPointer<UInt8>) -> Bool { (frozenCapitalOWords ?? capitalOWords).contains(ByteHash.hash(p)) }

    /// Fixes the words as the first records show them: a first run that capitalised some would
    /// otherwise give a second run more evidence than it had.
    mutating func freezeCapitalOWords() {
        if frozenCapitalOWords == nil { frozenCapitalOWords = capitalOWords }
    }

    /// Whether `domainWords` can still matter: not once the apostrophe is fixed (the caller then
    /// skips the lookups on every capitalised word).
    var needsDomainWords: Bool { frozenApostrophe == nil && domainWords.count < 3 }

    /// Counts the spaced and glued `; : ! ?` of a record's text.
    mutating func addPunctuation(_ p: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < p.count {
            let b = p[i]
            if b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F, i > 0, i + 1 == p.count || p[i + 1] == 0x20 || p[i + 1] == 0x0A {
                // A space, a no-break space (C2 A0) or a narrow one (E2 80 AF) before it; or a letter.
                let before = p[i - 1]
                if before == 0x20 || (before == 0xA0 && i >= 2 && p[i - 2] == 0xC2) || (before == 0xAF && i >= 3 && p[i - 2] == 0x80 && p[i - 3] == 0xE2) {
                    spacedStops += 1
                } else if before >= 0x80 || (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A) {
                    gluedStops += 1
                }
            }
            i += 1
        }
    }

    /// Whether the document writes this word, with its accented capital, somewhere (in any case:
    /// `États` vouches for `ÉTATS`).
    func showsCapitalAccent(_ word: [UInt32]) -> Bool { capitalAccents.shows(word) }

    /// The words the document writes with an accented capital, for a closure to hold without a
    /// copy of the whole profile (candidate searches ask it for every unknown word).
    var capitalAccents: CapitalAccents { CapitalAccents(words: frozenCapitals?.words ?? capitalAccentWords) }

    struct CapitalAccents {
        let words: Set<UInt64>
        func shows(_ word: [UInt32]) -> Bool { words.contains(ByteHash.hash(JoinedText.bytes(CasePattern.lower(word)))) }
    }

    /// Fixes what the document shows of accented capitals (the permission and the words) as
    /// the evidence gathered so far. The first records are decided on it, and so is the rest of
    /// the document: evidence that kept growing would let a later record's accents, copied in
    /// by a first run, reach an earlier record's window on a second run and change it there.
    mutating func freezeCapitalAccents() {
        if frozenCapitals == nil { frozenCapitals = (allowCapitalAccents, capitalAccentWords) }
    }

    mutating func addPair(certainGap: Bool, weight: Int) {
        pairs += weight
        if certainGap { certainGaps += weight }
    }

    mutating func addJoin(weight: Int) { certainJoins += weight }

    /// Lowercase words of three letters or more, and those no lexicon knows, counted with the
    /// pairs (and, like them, following the repairs).
    private(set) var lowercaseWords = 0
    private(set) var unknownLowercaseWords = 0

    /// Articles written `La`, `Le`, `Les` inside a sentence, between two lowercase words
    /// (`contre La drogue`): an engine that reads the article's l as L.
    private(set) var capitalisedArticles = 0

    mutating func addCapitalisedArticle() { capitalisedArticles += 1 }

    /// Names of commands the document writes as commands (see `CommandContext`), by the hash of
    /// their bytes: left as written wherever they occur. A name needs two pieces of evidence: a
    /// manual's section (`grep(1)`), a file pattern (`cron.*`), an option after a pipe or a
    /// guillemet (`| grep -e`), or two options (`grep -E`, `grep -F`). One option is none:
    /// French man pages put verbs before options too (`Utiliser -r`), and OCR garbles them.
    private(set) var commandNames: Set<UInt64> = []
    /// Evidence gathered for names not yet accepted; 0 for a misread word (never a name).
    private var commandEvidence: [UInt64: Int] = [:]

    /// Whether `p` still needs evidence (not accepted, not found to be a misread word).
    func awaitsCommandEvidence(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = ByteHash.hash(p)
        return !commandNames.contains(key) && commandEvidence[key] != 0
    }

    /// Adds `evidence` for the name `p`, or marks it a misread word (`misread`).
    mutating func addCommandName(_ p: UnsafeBufferPointer<UInt8>, evidence: Int, misread: Bool) {
        guard commandEvidence.count < Self.maxVocabulary else { return }
        let key = ByteHash.hash(p)
        commandEvidence[key] = misread ? 0 : commandEvidence[key, default: 0] + evidence
        if commandEvidence[key]! >= 2 { commandNames.insert(key) }
    }

    /// Accepts `p` as a name at once: an identifier the document writes as code (see
    /// `CommandContext.codeNames`), whatever its likeness to a French word.
    mutating func addCodeName(_ p: UnsafeBufferPointer<UInt8>) {
        guard commandNames.count < Self.maxVocabulary else { return }
        commandNames.insert(ByteHash.hash(p))
    }

    func isCommandName(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        !commandNames.isEmpty && commandNames.contains(ByteHash.hash(p))
    }

    /// The document's OCR capitalises articles inside sentences (twice or more before a lowercase
    /// word), so it does before a capitalised noun too (`de La Convention`).
    var capitalisesArticles: Bool { capitalisedArticles >= 2 }

    /// Hyphenated words that are one word cut at a line end whose break was then removed
    /// (`té-moins`, `logique-ment`: the joined word is known and clearly more frequent).
    private(set) var hyphenCuts = 0

    mutating func addHyphenCut() { hyphenCuts += 1 }

    /// The document kept the hyphens of its line breaks inside its lines (text joined from
    /// printed lines), so a hyphenated word whose joined form is a word is that word.
    var keepsBreakHyphens: Bool { hyphenCuts >= 3 }

    /// Sampled words in an older spelling (`avoit`, `quoy`): see `WordKnowledge.isOldSpelling`.
    private(set) var oldSpellings = 0

    mutating func addOldSpelling(weight: Int) { oldSpellings += weight }

    /// The document keeps old spellings, so a word with an s French no longer writes is one
    /// (`mesme`, `estrangers`), not an OCR error.
    var showsOldSpelling: Bool { oldSpellings >= 2 }

    /// Words of two bytes or more among the sampled pairs: the measure of `certainJoins`.
    private(set) var sampledWords = 0

    mutating func addSampled(bytes: Int, lowercase: Bool, unknown: Bool, weight: Int) {
        if bytes >= 2 { sampledWords += weight }
        guard lowercase else { return }
        lowercaseWords += weight
        if unknown { unknownLowercaseWords += weight }
    }

    /// The share of unknown lowercase words in a text whose unknown words are mostly real (rare
    /// words, terms), and how many words of that rate a document's own rate starts from.
    static let usualUnknownShare = 0.02
    static let priorWords = 40.0

    /// What this document takes off (log10) the belief that an unknown word is right as written:
    /// the more unknown words it has beyond the usual, the more of them are OCR errors
    /// (`fenctionnera` on a page where one word in ten is unknown). Never above 0, so a clean
    /// document is judged as before; at least −1 (ten times less likely).
    var unknownWordDoubt: Double {
        let share = (Double(unknownLowercaseWords) + Self.usualUnknownShare * Self.priorWords) / (Double(lowercaseWords) + Self.priorWords)
        return max(-1, min(0, log10(Self.usualUnknownShare / share)))
    }

    /// The cost of a space inside a word in this document: −log10 of how often its pairs of
    /// neighbouring words are pieces of one word (old OCR cuts words often, a clean PDF never).
    var gapCost: Double { max(1.0, min(3.5, -log10((Double(certainGaps) + 0.5) / (Double(pairs) + 50)))) }

    /// The cost of a lost space between words in this document, likewise, over the sampled words
    /// (which follow the repairs, as the glued words do: a second run counts the same).
    var joinCost: Double { max(1.0, min(3.5, -log10((Double(certainJoins) + 0.5) / (Double(sampledWords) + 50)))) }

    func count(_ word: [UInt32]) -> Int {
        Int(vocabulary[JoinedText.withBytes(word, lowercase: true) { ByteHash.hash($0) }] ?? 0)
    }

    /// The words written three times or more, with their counts, as they stood when the first
    /// records were released (see `freezeTerms`).
    private var frozenTerms: [UInt64: UInt32]?

    /// How often the document writes `word`, as far as it counts as one of the document's terms
    /// (three times or more), from what was seen before the first records were released.
    func termCount(_ word: [UInt32]) -> Int {
        guard let frozenTerms else { return count(word) }
        return Int(frozenTerms[JoinedText.withBytes(word, lowercase: true) { ByteHash.hash($0) }] ?? 0)
    }

    /// Fixes the apostrophe as the evidence gathered so far shows it. Evidence that kept growing
    /// (its spaced stops) would give a document's first records `'` and its last `’`, and a second
    /// run, finding a share of `’`, would change the first ones too.
    mutating func freezeApostrophe() {
        guard frozenApostrophe == nil else { return }
        frozenApostrophe = apostropheShown
        misreadsStraightApostrophes = frozenApostrophe == 0x27 && typographicApostrophes > 0 && accentBlind
    }

    /// The document prints `'` and its OCR lost the accents: the few `’` it shows are the
    /// engine's misreadings of `'` (see `apostrophe`), to be written `'`. Fixed with the
    /// apostrophe: once repaired, the text no longer looks accent-blind.
    private(set) var misreadsStraightApostrophes = false

    /// Fixes the document's terms as counted so far. Counts that kept growing would let a first
    /// run repair a word's early occurrences and keep its later ones, and a second run, counting
    /// fewer, repair those too.
    mutating func freezeTerms() {
        if frozenTerms == nil { frozenTerms = vocabulary.filter { $0.value >= 3 } }
    }

    /// The document addresses someone as *tu* (`tu`, `toi`): there `ta` and `tes` are words;
    /// elsewhere (reports, resolutions, man pages) they are `la` and `les` with l read as t. (`te`,
    /// `tes`, `ton` themselves are too often misread `le`, `les`, `son` to count as evidence.)
    var saysTu: Bool {
        Self.tuKeys.contains { vocabulary[$0] != nil }
    }

    static let tuKeys: [UInt64] = ["tu", "toi"].map { ByteHash.hash(Array($0.utf8)) }

    /// The OCR lost the accents: French prose has an accent other than é (à, è, ê, ç…) in about
    /// one word in ten; an engine that reads only é, or none, shows far fewer.
    /// A short text may simply have no such word (a 110-word report with é but no à, è or ç),
    /// so under `blindWords` words one word printed without its accents must confirm it.
    var accentBlind: Bool { words >= 60 && otherAccentWords * 100 < words * 2 && (words >= Self.blindWords || unaccentedWords > 0) }
    static let blindWords = 150

    /// Whether `accentBlind` still depends on finding an unaccented word: not once one is found,
    /// nor past `blindWords` words (the caller then skips the lookups on every word).
    var needsUnaccentedWord: Bool { unaccentedWords == 0 && words < Self.blindWords }

    mutating func addUnaccented() { unaccentedWords += 1 }

    /// Words printed with a circumflex (`être`), and words that are words only with one
    /// (`étre`, `role`): see `losesCircumflexes`.
    private(set) var circumflexWords = 0
    private(set) var lostCircumflexes = 0
    private var frozenCircumflexes: Bool?

    mutating func addLostCircumflex() { lostCircumflexes += 1 }

    /// Whether a word that lost its circumflex can still matter: not once one is found or a
    /// circumflex is printed, nor once frozen (the caller then skips the lookups).
    var needsLostCircumflex: Bool { frozenCircumflexes == nil && lostCircumflexes == 0 && circumflexWords == 0 }

    /// The OCR cannot read circumflexes in this document: it printed a word that is a word only
    /// with one and no word with one. There a known word whose circumflexed twin is more
    /// frequent was printed without it (`des taches suivantes` → `des tâches suivantes`). Fixed
    /// when the first records are released: once repaired, the text shows circumflexes.
    var losesCircumflexes: Bool { frozenCircumflexes ?? (lostCircumflexes > 0 && circumflexWords == 0) }

    mutating func freezeCircumflexes() {
        if frozenCircumflexes == nil { frozenCircumflexes = losesCircumflexes }
    }

    /// The OCR drops accents in this document: it prints a word that is a word only with accents
    /// (`capacites`), or nearly no accent but `é`.
    var losesAccents: Bool { unaccentedWords > 0 || accentBlind }

    /// Accents may be put on capitals (`Etats` → `États`) when the document accents capitals in
    /// two different words at least (words, not occurrences: a repair that copies an accented
    /// word the document shows cannot tip the balance on a second run), its OCR lost accents
    /// everywhere, or it names the United Nations. Old typography that does not accent capitals
    /// (`Eglise`, `Etat` in a 19th-century paper) is left as printed; a single word whose
    /// accented form the document shows elsewhere is allowed by the caller. Fixed by
    /// `freezeCapitalAccents`.
    var allowCapitalAccents: Bool { frozenCapitals?.allow ?? (capitalAccentWords.count >= 2 || accentBlind || namesUnitedNations) }

    /// The document writes `Nations Unies`: a text of the United Nations system, whose French
    /// accents its capitals (`États Membres`) where an engine read them without accents.
    private(set) var namesUnitedNations = false
    mutating func addUnitedNations() { namesUnitedNations = true }

    /// `a` before an article or a determiner is probably `à`: the OCR drops that accent here.
    var dropsGraveA: Bool { accentBlind || (plainA >= 3 && graveA * 2 < plainA) }

    /// The apostrophe this document prints: `’` as soon as two of its apostrophes and 4 % of them
    /// are `’` (or its only one is), 20 % in an OCR that lost its accents. An engine that reads
    /// accents reads most `’` as `'` but never a printed `'` as `’` (on 112 rendered pages, French
    /// model: 4.7–100 % `’` where the page printed `’`, none where it printed `'`), so a typeset
    /// document shows a minority of `’`, or none, while a typed one shows none. An accent-blind
    /// engine (Tesseract's English model) reads some `'` as `’` (7–13 %) and most `’` as `’`
    /// (37–100 %). Its spacing tells the two apart when the apostrophes cannot: a UN document
    /// (three distinct capitalised words of the domain lexicon at least: `Nations`, `États`,
    /// `Convention`) that spaces its `; : ! ?` the French way (twice at least, and at least as
    /// often as not) and accents its capitals (`États`) is typeset today, and the UN's typesetting
    /// prints `’` (on the dev and fresh UN pages, every page spacing them printed `’`). Old print
    /// spaces its stops too but leaves capitals bare (`l'Etat`), and its transcriptions keep `'`.
    /// An OCR that lost its accents shows no capital either way: there the spacing decides alone
    /// (and the capitals this stage restores cannot tip a second run). The spacing rule is the UN's
    /// house style, not all of French: Debian's French guides space their stops and print `'`.
    /// Typographic double quotes tell nothing either: documentation generators and word processors
    /// print `“ ”` beside straight apostrophes (Debian's guides again).
    var apostrophe: UInt32 { frozenApostrophe ?? apostropheShown }

    /// The apostrophe decided when the document's first records were released (see
    /// `freezeApostrophe`).
    private var frozenApostrophe: UInt32?

    private var apostropheShown: UInt32 {
        let all = asciiApostrophes + typographicApostrophes
        let share = typographicApostrophes * 100 >= (accentBlind ? 20 : 4) * all
            && (typographicApostrophes >= 2 || (typographicApostrophes == 1 && asciiApostrophes == 0))
        let spaced = spacedStops >= 2 && spacedStops >= gluedStops && isUNDocument
            && (allowCapitalAccents || !(frozenCapitals?.words ?? capitalAccentWords).isEmpty)
        return share || spaced ? 0x2019 : 0x27
    }

    /// The document prints ligatures: it shows `œ` or `æ`, or it prints `’`, as today's
    /// typesetting does (which sets `œuvre`, not `oeuvre`).
    var printsLigatures: Bool { ligatures > 0 || apostrophe == 0x2019 }
}
