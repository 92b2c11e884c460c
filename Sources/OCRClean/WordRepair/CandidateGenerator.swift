/// Proposes the words an unknown OCR token may stand for, each with its prior (word frequency)
/// and its channel cost (how the OCR would have misread it), from:
/// - the accent-folded index (`piéces` → `pièces`, `Etats` → `États`);
/// - undoing OCR confusions (`contrdle` → `contrôle`, `ceuvre` → `œuvre`, `I’Office` → `l’Office`);
/// - edit distance 1 through the symmetric-delete index (`pénl` → `pénal`);
/// - splits into two words after a lost space (`laratification` → `la ratification`);
/// - a line-break hyphen left inside a word (`audi-tion` → `audition`).
struct CandidateGenerator: Sendable {
    let knowledge: WordKnowledge
    let model: ConfusionModel
    /// Offer candidates that need generic edits (an insertion, deletion or substitution the
    /// confusion table does not explain), for words written in lowercase.
    var genericEdits = true

    /// The generator of the built-in French lexicon and OCR confusion table (plus user lists).
    static func french(resources: Resources, userLists: [String] = [], protected: Set<[UInt8]> = []) throws -> CandidateGenerator {
        let knowledge = WordKnowledge(lexicon: try Lexicon.french(resources: resources, userLists: userLists), protected: protected)
        guard let table = resources.locate(folder: "Dictionaries", name: "fr-ocr-confusions.tsv") else {
            throw LexiconSources.Failure(file: "fr-ocr-confusions.tsv", line: nil, message: "confusion table not found in Dictionaries/")
        }
        return CandidateGenerator(knowledge: knowledge, model: try ConfusionModel(tablePath: table))
    }

    struct Candidate: Sendable {
        /// The replacement (a space inside for a split).
        var text: [UInt32]
        /// log10 of the candidate's probability as a word (or words).
        var logPrior: Double
        var cost: Double
        var rule: String
        /// It puts an accent on a capital the token has without one (`Etats` → `États`).
        var capitalAccent = false
        /// The entry has capitals of its own: a name or an acronym (`Élie`, `ONU`).
        var name = false
        var score: Double { logPrior - cost }
    }

    /// Entries of one fold considered as candidates (the most frequent first).
    static let perFold = 4

    /// Folds whose entries are scored (the most frequent first); more cost DP time for little.
    static let maxFolds = 4

    /// The candidates for one word in any document: split candidates carry no join cost yet
    /// (the document sets it), elisions are written with `’`, capital accents are flagged; see
    /// `adjusted`. Deterministic for a word, so callers may cache it.
    func candidates(for written: [UInt32]) -> [Candidate] {
        guard written.count <= WordKnowledge.maxWordLength else { return [] }
        let lexicon = knowledge.lexicon.compiled
        let word = written.contains(where: ConfusionModel.unreadableGlyphs.contains)
            ? written.map { ConfusionModel.unreadableGlyphs.contains($0) ? 0x5F : $0 } : written
        // Gather the folds reachable from the folded word, each with the cheapest route there:
        // itself (accents), one or two confusions undone, one letter inserted, deleted or changed
        // (symmetric delete).
        var folds: [(fold: Int, route: Double)] = []
        func addFold(_ f: Int?, _ route: Double) {
            guard let f else { return }
            if let k = folds.firstIndex(where: { $0.fold == f }) {
                folds[k].route = min(folds[k].route, route)
            } else {
                folds.append((f, route))
            }
        }
        var folded: [UInt8] = []
        JoinedText.bytes(word).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
        addFold(lexicon.fold(folded), 0)
        model.foldedVariants(of: folded, maxCost: 2.6, cheap: 0.9) { addFold(lexicon.fold($0), $1) }
        if folded.contains(0x5F) { model.unreadableVariants(of: folded) { addFold(lexicon.fold($0), $1) } }
        if let first = word.first, Self.mayBeMisreadÉ(first), word.count >= 4, folded.first.map({ $0 < 0x80 }) == true {
            var e = folded
            e[0] = 0x65
            addFold(lexicon.fold(e), Self.misreadÉCost)
        }
        if genericEdits, folded.count >= 4, folded.allSatisfy({ $0 < 0x80 }) {
            var neighbours: [Int] = []
            lexicon.deleteNeighbours(hash: ByteHash.hash(folded), into: &neighbours)
            var d = folded
            for k in folded.indices {
                d.remove(at: k)
                addFold(lexicon.fold(d), ConfusionModel.deletion)
                lexicon.deleteNeighbours(hash: ByteHash.hash(d), into: &neighbours)
                d.insert(folded[k], at: k)
            }
            for f in neighbours { addFold(f, ConfusionModel.substitution) }
        }
        // Score (with the full channel model) only the folds that can win: best prior minus the
        // cost of the route that found them.
        let ranked = folds.sorted { lexicon.foldZipf($0.fold) - $0.route > lexicon.foldZipf($1.fold) - $1.route }
        var entries: [Int] = []
        for (f, _) in ranked.prefix(Self.maxFolds) {
            for e in lexicon.entries(ofFold: f).prefix(Self.perFold) { entries.append(Int(e)) }
        }
        // An `I` inside a lowercase word is a misread `l` or `r` (`pIatiques`, `dIogue`): the word
        // is lowercase.
        let casing = CasePattern(word)
        let pattern: CasePattern = casing != .mixed ? casing
            : Self.lowercaseButInteriorI(word) ? .lower : titleButInteriorCapital(word) ? .title : .mixed
        var out: [Candidate] = []
        var seenTexts = Set<[UInt32]>()
        let french = LexiconFlags.dicollecte | LexiconFlags.variant | LexiconFlags.user
        // A foreign word is known, but the French text is not corrected into it.
        for entry in entries where lexicon.flags(entry) & LexiconFlags.foreign == 0 || lexicon.flags(entry) & french != 0 {
            let form = JoinedText.scalars(lexicon.form(entry))
            // Proper nouns and acronyms keep their own capitals; a lowercase word takes the token's.
            let formPattern = CasePattern(form)
            if formPattern == .mixed && pattern != .mixed { continue }
            let ownCapitals = formPattern != .lower
            let cased = ownCapitals && pattern == .lower ? form : pattern.apply(to: CasePattern.lower(form))
            if cased == word || !seenTexts.insert(cased).inserted { continue }
            // The engine read every letter of a lowercase word and its case too: a name or an
            // acronym spelt the same is no reading of it (`apt`, `gt`, `vi` are no `Apt`, `Gt`,
            // `VI`), but where a capital has the shape of its small letter (`office` → `Office`).
            if ownCapitals, pattern == .lower, Self.readsOnlyCase(word, cased) { continue }
            // A capital the token does not have (a proper noun offered for a lowercase word) is an
            // unlikely misreading.
            let misreadÉ = Self.misreadsÉ(word, cased)
            var path = misreadÉ ? ConfusionModel.Path(cost: Self.misreadÉCost, generic: 0, accentsOnly: false) : model.explain(observed: word, intended: cased)
            if !misreadÉ, pattern == .upper || pattern == .title {
                // Confusions are learnt on lowercase text: `CONTRDLE` is `contrdle` in capitals.
                let lowered = model.explain(observed: CasePattern.lower(word), intended: CasePattern.lower(cased))
                if lowered.cost < path.cost { path = lowered }
            }
            let cost = path.cost + (ownCapitals && pattern == .lower ? Self.ownCapitalCost : 0)
            guard cost < 6 else { continue }
            // Generic edits only for lowercase words of four letters or more, one at most: three
            // letters are one edit away from dozens of words (`vim` is no `vin`, `deb` no `des`),
            // and a capitalised unknown word is more likely a name than a misread word (Favre is
            // not faire). A capitalised word of five letters or more gets them too, for the
            // caller to keep after an elided article only (`l’Ofice` → `l’Office`; see
            // `titleEdit`).
            if path.generic > 0 && (!genericEdits || path.generic > 1 || word.count < 4
                || (pattern != .lower && !(pattern == .title && word.count >= 5))) { continue }
            // An engine does not invent an `à` after a word, nor read another letter so: one there
            // is glued (see `splits`; `appropriéeà` is no `appropriées`).
            if path.generic > 0, word.last == 0xE0, cased.count + 1 == word.count || cased.count == word.count,
               cased.starts(with: word.dropLast()) { continue }
            let hit = knowledge.hit(entry)
            let rule = path.generic > 0 ? "edit" : (path.accentsOnly ? "accent" : "confusion")
            out.append(Candidate(text: cased, logPrior: hit.zipf - 9, cost: cost, rule: rule,
                                 capitalAccent: misreadÉ || Self.addsCapitalAccent(from: word, to: cased), name: ownCapitals))
        }
        out += splits(of: word, joinCost: 0)
        out += elisions(of: word, apostrophe: 0x2019)
        if let joined = hyphenJoin(word) {
            out.append(joined)
        } else if let h = word.firstIndex(of: 0x2D), h > 1, h < word.count - 2, word.filter({ $0 == 0x2D }).count == 1 {
            // A line-break hyphen inside a misread word: `orpa-nisée` → `organisée`.
            var joined = word
            joined.remove(at: h)
            for var c in candidates(for: joined) where c.rule != "split" && c.rule != "elision" && !Self.titleEdit(c, casing) {
                c.cost += model.hyphenCost
                c.rule = "hyphen"
                out.append(c)
            }
        }
        out.sort { $0.score > $1.score }
        return Array(out.prefix(12))
    }

    /// A word in lowercase but for capital `I`s after its first letter (`pIatiques`).
    static func lowercaseButInteriorI(_ word: [UInt32]) -> Bool {
        guard let first = word.first, !Folding.isUpper(first), word.contains(0x49) else { return false }
        return word.allSatisfy { $0 == 0x49 || !Folding.isUpper($0) }
    }

    /// What a capital of the candidate's own (a proper noun or domain term offered for a
    /// lowercase word) costs: an engine seldom reads a capital as lowercase.
    static let ownCapitalCost = 1.5

    /// A capitalised word with one capital inside, among lowercase letters, is a capitalised
    /// word with a misread letter (`OKice`: `ffi` read as `K`): it is written `Office`. Not when
    /// the capital ends the word (`SuperH`, a name), nor when the first capital is the engine's
    /// reading of an elided `l’` before a capitalised word (`POfice`, `FAssemblée`): the elision
    /// candidates repair those.
    func titleButInteriorCapital(_ word: [UInt32]) -> Bool {
        guard word.count >= 4, Folding.isUpper(word[0]), let last = word.last, !Folding.isUpper(last) else { return false }
        if Folding.isUpper(word[1]) && model.rules.contains(where: { Self.readsElidedArticle($0, word[0]) }) { return false }
        return word.dropFirst().filter(Folding.isUpper).count == 1
    }

    /// Whether a confusion rule reads this capital at a word's start as `l’` (`P`, `V`, `T`, `F`, `I`).
    static func readsElidedArticle(_ rule: ConfusionModel.Rule, _ v: UInt32) -> Bool {
        rule.position == 1 && rule.observed.count == 1 && rule.observed[0] == v
            && rule.intended.count == 2 && rule.intended[0] == 0x6C && JoinedText.isApostrophe(rule.intended[1])
    }

    /// A generic edit of a capitalised word (`Ofice` → `Office`): kept after an elided article,
    /// where a capital marks an institution (`l’Office`, `l’Organisation`), and only towards a
    /// common word; elsewhere the word is more likely a name. `pattern` is the word's.
    static func titleEdit(_ c: Candidate, _ pattern: CasePattern) -> Bool {
        c.rule == "edit" && pattern == .title
    }

    /// The candidates as a document sees them: capital accents only where it allows them (or
    /// shows the word so written), its cost of a lost space, its apostrophe; best first.
    /// A word that is a known word printed without the accent on its capital (`Etaient`, `ETRE`),
    /// in a document that does not accent capitals, is that document's spelling: it gets no
    /// candidates (neither `Et aient` nor any other). A name does not count: `Elie` may be `Élie`
    /// or a misread `Elle`.
    static func adjusted(_ raw: [Candidate], for written: [UInt32], allowCapitalAccents: Bool, apostrophe: UInt32, joinCost: Double,
                         seen: ([UInt32]) -> Bool) -> [Candidate] {
        var out: [Candidate] = []
        for var c in raw {
            if c.capitalAccent && !allowCapitalAccents && !seen(c.text) {
                if c.rule == "accent" && !c.name && Self.onlyCapitalAccents(from: written, to: c.text) { return [] }
                continue
            }
            if c.rule == "split" { c.cost += joinCost }
            if c.rule == "elision" && apostrophe != 0x2019 { c.text = c.text.map { $0 == 0x2019 ? apostrophe : $0 } }
            out.append(c)
        }
        out.sort { $0.score > $1.score }
        return Array(out.prefix(8))
    }

    /// The best word differing from `word` only by accents (folded lookup), if any.
    func accentCandidate(for word: [UInt32], allowCapitalAccents: Bool, seen: ([UInt32]) -> Bool) -> Candidate? {
        let lexicon = knowledge.lexicon.compiled
        var folded: [UInt8] = []
        JoinedText.bytes(word).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
        guard let f = lexicon.fold(folded) else { return nil }
        let pattern = CasePattern(word)
        var best: Candidate?
        for e in lexicon.entries(ofFold: f).prefix(Self.perFold) {
            let form = JoinedText.scalars(lexicon.form(Int(e)))
            let cased = CasePattern(form) != .lower && pattern == .lower ? form : pattern.apply(to: CasePattern.lower(form))
            if !allowCapitalAccents && Self.addsCapitalAccent(from: word, to: cased) && !seen(cased) { continue }
            let path = model.explain(observed: word, intended: cased)
            guard path.generic == 0 else { continue }
            let c = Candidate(text: cased, logPrior: knowledge.hit(Int(e)).zipf - 9, cost: path.cost, rule: "accent")
            if best == nil || c.score > best!.score { best = c }
        }
        return best
    }

    /// The cost of an `É` the engine read as another capital (`Ftats`, `Ttats` → `États`): its
    /// accent breaks the letter's shape, most often into `F`, `T`, `B` or `P`. Not in the
    /// confusion table: the pages it is learnt from (man pages) hold too few `É`.
    static let misreadÉCost = 2.0

    /// A capital that may stand for a misread `É` at the start of a word (not `E`: that is a lost
    /// accent, found through the folded index).
    static func mayBeMisreadÉ(_ v: UInt32) -> Bool { v >= 0x41 && v <= 0x5A && v != 0x45 }

    /// `intended` is `observed` with capitals, one of them at least not shaped like its small
    /// letter.
    static func readsOnlyCase(_ observed: [UInt32], _ intended: [UInt32]) -> Bool {
        guard observed.count == intended.count else { return false }
        var distinctShape = false
        for (o, i) in zip(observed, intended) where o != i {
            guard Folding.lower(i) == o else { return false }
            if !smallCapitalShapes.contains(o) { distinctShape = true }
        }
        return distinctShape
    }

    /// Small letters whose capital has their shape, which an engine tells apart by size alone.
    static let smallCapitalShapes: Set<UInt32> = Set("cosuvwxz".unicodeScalars.map(\.value))

    /// `intended` is `observed` with its first capital read for an `É` and nothing else changed.
    static func misreadsÉ(_ observed: [UInt32], _ intended: [UInt32]) -> Bool {
        guard observed.count == intended.count, let o = observed.first, mayBeMisreadÉ(o), intended.first == 0xC9 else { return false }
        return observed.dropFirst().elementsEqual(intended.dropFirst())
    }

    /// Whether `to` is `from` with accents put on some of its capitals and nothing else changed.
    static func onlyCapitalAccents(from: [UInt32], to: [UInt32]) -> Bool {
        guard from.count == to.count else { return false }
        for (a, b) in zip(from, to) where a != b {
            guard isCapitalAccent(a, b) else { return false }
        }
        return true
    }

    /// `b` is the capital `a` with an accent (É for E).
    static func isCapitalAccent(_ a: UInt32, _ b: UInt32) -> Bool { (0xC0...0xDE).contains(b) && a < 0x80 && ConfusionModel.sameBase(a, b) }

    /// Whether `to` puts an accent on a capital letter that `from` has without one (É for E;
    /// Ô for D is a misread letter, not a missing accent).
    static func addsCapitalAccent(from: [UInt32], to: [UInt32]) -> Bool {
        for (a, b) in zip(from, to) where a != b && isCapitalAccent(a, b) { return true }
        return false
    }

    /// How frequent a two-letter piece of a split must be.
    static let twoLetterZipf = 5.0

    /// Two known words after a lost space: `laratification`, `contrela`, `Priele`.
    func splits(of word: [UInt32], joinCost: Double) -> [Candidate] {
        guard word.count >= 3, word.count <= WordKnowledge.maxWordLength, !word.contains(0x2D) else { return [] }
        var out: [Candidate] = []
        for k in 1..<word.count {
            let left = Array(word[..<k])
            let right = Array(word[k...])
            if left.count == 1 && ![0x61, 0x41, 0xE0, 0x79].contains(left[0]) { continue }
            // `à` glued to the word before (`réunissentà Genève`); no other single letter ends a split.
            if right.count == 1 && right[0] != 0xE0 { continue }
            // A word in capitals splits only into words of three letters or more
            // (`NATIONSUNIES`): a constant or an acronym holds short pieces (`DEBUG` is no `DE BUG`).
            if (left.count <= 2 || right.count <= 2), CasePattern(word) == .upper { continue }
            // Every French word has a vowel: a lowercase piece without one is an abbreviation or a
            // unit the lexicon lists (`apt` is no `a pt`); an acronym may have none (`la RFC`).
            guard left.contains(where: RepairWordsVowels.isVowel) || CasePattern(left) == .upper,
                  right.contains(where: RepairWordsVowels.isVowel) || CasePattern(right) == .upper, let l = knowledge.lookup(left), let r = knowledge.lookup(right) else { continue }
            // A split needs a frequent part (a short grammatical word), two common words, or two
            // words the domain writes together (`traficillicite`: `trafic illicite`).
            let pair = CasePattern.lower(left) + [0x20] + CasePattern.lower(right)
            let domainPair = knowledge.lexicon.pairs.contains(JoinedText.bytes(pair))
            guard max(l.zipf, r.zipf) >= 5.5 || min(l.zipf, r.zipf) >= 3.5 || domainPair else { continue }
            // A piece of two small letters is one of the short words French writes all the time
            // (`an`, `as`, `ex`): a rarer one is a piece of an identifier (`param` is no `par am`).
            if (left.count == 2 && CasePattern(left) == .lower && l.zipf < Self.twoLetterZipf)
                || (right.count == 2 && CasePattern(right) == .lower && r.zipf < Self.twoLetterZipf) { continue }
            guard Self.agrees(CasePattern.lower(left), CasePattern.lower(right), r.flags) else { continue }
            var prior = (l.zipf - 9) + (r.zipf - 9)
            // Unigram probabilities undervalue a determiner or preposition before a word it
            // commonly precedes; agreement was checked above.
            if l.zipf >= 6.5 && left.count <= 4 { prior += 2 }
            // Likewise an `à` glued after the word it follows.
            if right == [0xE0] { prior += 2 }
            if domainPair { prior += 2 }
            out.append(Candidate(text: left + [0x20] + right, logPrior: prior, cost: joinCost, rule: "split"))
        }
        return out
    }

    /// An elided article or pronoun the OCR misread or glued: `Passistance`, `Vassistance` →
    /// `l’assistance` (the engine's reading of `l’`), `lassistance`, `dexperts` → `l’assistance`,
    /// `d’experts` (apostrophe lost). A word of two or three letters, not in capitals (`LUN`), is
    /// one of the short elisions French writes all the time (`dun` → `d’un`, `den` → `d’en`,
    /// `ny` → `n’y`), and only these: `l’en` or `c’on` are no French.
    func elisions(of word: [UInt32], apostrophe: UInt32) -> [Candidate] {
        guard word.count >= 4 || (word.count >= 2 && CasePattern(word) != .upper && Self.shortElisions.contains(count: word.count) { k in
            let v = word[k] | 0x20
            return v < 0x80 ? UInt8(v) : 0
        }) else { return [] }
        var out: [Candidate] = []
        var starts: [(prefix: [UInt32], length: Int, cost: Double, capital: Bool)] = []
        // Apostrophe lost: the first letter(s) form an elided word.
        let lower = CasePattern.lower(word)
        for prefix in [[0x6C], [0x64], [0x6A], [0x6D], [0x6E], [0x73], [0x74], [0x63], [0x71, 0x75]] as [[UInt32]] where lower.starts(with: prefix) {
            starts.append((Array(word[..<prefix.count]), prefix.count, model.elisionLostCost, false))
        }
        // The OCR's reading of `l’` as one capital.
        for rule in model.rules where Self.readsElidedArticle(rule, word[0]) {
            starts.append(([0x6C], 1, rule.cost, true))
        }
        for (prefix, length, cost, capital) in starts {
            let rest = Array(word[length...])
            guard let first = rest.first, RepairWordsVowels.startsWithVowelSound(first) else { continue }
            // Elision before a vowel is grammar, not chance: a capital glued to a known word is far
            // more often a misread `l’` than a name.
            if let hit = knowledge.lookup(rest) {
                out.append(Candidate(text: prefix + [apostrophe] + rest, logPrior: hit.zipf - 9 + 1, cost: cost, rule: "elision"))
            } else if capital, rest.count >= 4, CasePattern(rest) == .lower,
                      let accented = accentCandidate(for: rest, allowCapitalAccents: false, seen: { _ in false }) {
                // An engine that reads `l’` as one capital may lose accents too (`Vintérét` →
                // `l’intérêt`). Not after a small letter: `letres` is no `l’êtres`.
                out.append(Candidate(text: prefix + [apostrophe] + accented.text, logPrior: accented.logPrior + 1, cost: cost + accented.cost, rule: "elision"))
            }
        }
        return out
    }

    /// The short elisions, without their apostrophe: `d’un`, `l’un`, `d’en`, `j’ai`, `n’y`, `s’y`.
    /// Others (`t’en`, `n’en`, `l’on`, `t’ai`) are left out: as pieces of cut words (`ten dance`,
    /// `vérificat ion`) or misread words (`jeu` read `jen`, `non` read `nen`) they are far more
    /// often something else.
    static let shortElisions = ByteWordList(["dun", "lun", "den", "jai", "ny", "sy"])

    /// Determiners that require a plural, a singular, a feminine or a masculine word after them.
    static let pluralDeterminers: Set<String> = ["les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux", "plusieurs"]
    static let singularDeterminers: Set<String> = ["la", "le", "un", "une", "ce", "cet", "cette", "mon", "ton", "son", "ma", "ta", "sa", "du", "au", "chaque"]
    static let feminineDeterminers: Set<String> = ["la", "une", "cette", "ma", "ta", "sa"]
    static let masculineDeterminers: Set<String> = ["le", "un", "ce", "cet", "du", "au"]
    static let determiners: Set<String> = pluralDeterminers.union(singularDeterminers)
    /// Determiners that are no pronouns (`le`, `la`, `les`, `leurs` are: `le lui`, `les leurs`).
    static let pureDeterminers: Set<String> = determiners.subtracting(["le", "la", "les", "leurs"])
    static let personalPronouns: Set<String> = ["me", "te", "se", "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "lui", "leur", "leurs", "moi", "toi", "eux"]

    /// Whether `right`, with these flags, can follow `left` (number and gender of determiners),
    /// and is no personal pronoun after a determiner that is no pronoun (`cete` is no `ce te`).
    static func agrees(_ left: [UInt32], _ right: [UInt32], _ flags: UInt32) -> Bool {
        let l = JoinedText.string(left)
        let number = flags & (LexiconFlags.singular | LexiconFlags.plural)
        let gender = flags & (LexiconFlags.masculine | LexiconFlags.feminine)
        if pluralDeterminers.contains(l), number != 0, flags & LexiconFlags.plural == 0 { return false }
        if singularDeterminers.contains(l), number != 0, flags & LexiconFlags.singular == 0 { return false }
        if feminineDeterminers.contains(l), gender != 0, flags & LexiconFlags.feminine == 0 { return false }
        if masculineDeterminers.contains(l), gender != 0, flags & LexiconFlags.masculine == 0 { return false }
        if pureDeterminers.contains(l), personalPronouns.contains(JoinedText.string(right)) { return false }
        return true
    }

    /// A hyphen left from a line break inside a word (`audi-tion` → `audition`), when the word
    /// without it is known and the hyphenated form is not.
    func hyphenJoin(_ word: [UInt32]) -> Candidate? {
        guard let h = word.firstIndex(of: 0x2D), h > 0, h < word.count - 1, word.filter({ $0 == 0x2D }).count == 1 else { return nil }
        var joined = word
        joined.remove(at: h)
        guard let hit = knowledge.lookup(joined) else { return nil }
        return Candidate(text: joined, logPrior: hit.zipf - 9, cost: model.hyphenCost, rule: "hyphen")
    }
}
