import Glibc

/// Repairs OCR word errors with the French and domain lexicons, deciding every change with a
/// noisy-channel score (word frequency × confusion probability) against keeping the word.
///
/// Fix: accents (`piéces` → `pièces`, `Etats` → `États`), OCR confusions (`contrdle` →
/// `contrôle`, `ceuvre` → `œuvre`), misread elisions (`I’Office`, `|’entrée` → `l’Office`,
/// `l’entrée`), spaces after an elision (`L’ Assemblée` → `L’Assemblée`), words split by spaces
/// (`transnati onal e` → `transnationale`, `organi sée`), glued words (`laratification` →
/// `la ratification`, `Priele` → `Prie le`), hyphens left from line breaks (`audi-tion`), `a`
/// for `à` from its context (`aider les États a renforcer` → `à renforcer`), a speck read as a
/// comma inside a word (`e,st` → `est`), a participle that lost its accent after *avoir*
/// (`a prie` → `a prié`), capitals misread inside a sentence (`visant À favoriser`, `contre La
/// drogue`), list markers in sequence (`k)`, `1)`, `m)` → `l)`), and punctuation: between a
/// resolution's operative paragraphs or a list's items (`criminalité :` / `4, Exhorte` →
/// `criminalité ;` / `4. Exhorte`), in references (`vol, 2225` → `vol. 2225`) and spaces an
/// engine put before a comma or a full stop (`inconvénients , ce` → `inconvénients, ce`), words
/// joined by a hyphen (`importance-sur` → `importance sur`), and words of
/// a domain name that is mostly intact (`la Comenton des Nations Unies core la criminalité` →
/// `la Convention des Nations Unies contre la criminalité`), ordinals whose suffix was set apart
/// (`1 er juillet` → `1er juillet`), `oe` for `œ` in a document that prints ligatures
/// (`oeuvre` → `œuvre`), and in line records a misread word cut by a line-end hyphen, each line
/// fixing its own piece (`munl-` / `tions` → `muni-` / `tions`), specks read as a full stop or
/// a quote (`les politiques. des stratégies`, `‘mesures`, `la' bouche` → `les politiques des
/// stratégies`, `mesures`, `la bouche`), and an `à` or `l’` the engine dropped (`relatives l’élimination`,
/// `Rappelant adoption de` → `relatives à l’élimination`, `Rappelant l’adoption de`). Case
/// patterns are kept (`ETATS` → `ÉTATS`).
///
/// Leaves alone: known words, protected terms, symbols, numbers, ordinals, commands and code
/// identifiers the document writes as such (see `CommandContext`), abbreviations (`pharm.`,
/// `struct.`: see `looksAbbreviated`), words with footnote digits, word pieces at a hyphenated
/// line end (but for the repair of the whole word), and unknown words it is not sure about: proper
/// names, foreign words and technical terms stay as they are (an English word from
/// `Dictionaries/en-words.tsv` is believed as often as English uses it: `mount` and `policy`
/// stay, while `fail` still becomes `fait`). The document is its own dictionary: a join it
/// writes elsewhere as one word is preferred, capitals get accents only if the document accents
/// capitals (in two words) or lost all accents, as its first `window` records show.
///
/// Report: counts `words`, `unknown` (word tokens left unknown), `searches` (candidate searches
/// made), and each rule applied (`accent`, `confusion`, `edit`, `split`, `merge`, `hyphen`,
/// `hyphen-space`, `elision`, `a-grave`, `comma`, `case`, `pronoun`, `function-word`, `participle`,
/// `auxiliary`, `apostrophe`, `semicolon`, `number`, `number-stop`, `abbreviation`, `item-marker`,
/// `pair`, `phrase`, `punctuation-space`, `ordinal`, `ligature`, `cut-word`, `noisy-cut`, `dash`,
/// `guillemet`, `exclamation`, `stray-letter`, `stray-stop`, `stray-quote`).
///
/// Holds back `window` records so that the words after a record count as evidence too.
public struct RepairWords: ConventionFollowing {
    public static let name = "repair-words"
    public static let summary = "Repair OCR word errors: accents, confusions, split and glued words, elisions, a/à; every change scored and recorded."

    public static let options: [OptionSpec] = [
        OptionSpec("lexicon", .paths, default: "", help: "Extra word lists (comma-separated paths, one form per line): known words and corrections."),
        OptionSpec("protect", .paths, default: "", help: "Lists of terms never corrected (comma-separated paths, one per line)."),
        OptionSpec("min-confidence", .number(0.5...1.0), default: "0.8", help: "Apply a change only when its probability against the alternatives reaches this."),
        OptionSpec("merge", .bool, default: "true", help: "Join words split by a space (transnati onal e, L’ Assemblée)."),
        OptionSpec("split", .bool, default: "true", help: "Split words glued by a lost space (laratification)."),
        OptionSpec("context", .bool, default: "true", help: "Context rules for real-word errors (a → à)."),
        OptionSpec("apostrophes", .choice(["document", "keep"]), default: "document",
                   help: "document: write the apostrophe the document prints in every word (’ when two of its apostrophes and 4 % of them are ’, a fifth where the OCR lost its accents, or in a UN document spacing its ; : the French way); keep: leave them."),
        OptionSpec("edits", .bool, default: "true", help: "Also offer lowercase words one generic edit away (not only accents and known OCR confusions)."),
        OptionSpec("window", .int(1...100_000), default: "64", help: "Records held back so that later words of the document count as evidence."),
        .choice("break-hyphens", BreakHyphens.self, default: .plain,
                help: "How `dehyphenate` writes the line-end hyphens of kept lines: as printed (plain), marking breaks `¬` (marked), or marking when the input writes `¬` itself (document); where breaks are marked, a cut word is repaired only across a break marked `¬`."),
    ]

    /// What `dehyphenate` does with the break hyphens of lines it keeps (see `repairedCut`).
    public enum BreakHyphens: String, CaseIterable, Sendable {
        case plain, marked, document
    }

    let instance: String
    let knowledge: WordKnowledge
    let generator: CandidateGenerator
    /// The lowercase words around the word being decided, for domain phrases.
    private var neighbours: (previous: [UInt8]?, next: [UInt8]?) = (nil, nil)
    /// Whether those words are capitalised (`Unies`): a name the word may belong to.
    private var capitalisedNeighbours: (previous: Bool, next: Bool) = (false, false)
    /// Where those words stand in `recordBytes`, as written (`Membres`), for the domain's casing:
    /// read only when a word pairs with one, so nothing is copied for the others.
    private var neighbourRanges: (previous: Range<Int>?, next: Range<Int>?) = (nil, nil)
    /// The UTF-8 bytes of the record being repaired.
    var recordBytes: [UInt8] = []
    /// The word before the one being decided is a form of *avoir* (see `auxiliary(_:_:)`).
    private var afterAuxiliary = false
    let minConfidence: Double
    var breakHyphens: BreakHyphens
    let merge: Bool
    let split: Bool
    let context: Bool
    let windowSize: Int
    let documentApostrophes: Bool
    var window: [Record] = []
    /// Whether each record of the window is in the sample of cut and glued words.
    var windowSampled: [Bool] = []
    /// The tokens `observe` read in each record of the window, for its first repair pass.
    var windowTokens: [[WordToken]] = []
    var profile = DocumentProfile()
    var previousReleased: Record?
    /// A blank line came between `previousReleased` and the record being repaired (see
    /// `Word.paragraphStart`).
    var afterBlankLine = false
    /// The number of the last operative paragraph released (`6. Prend note…`), for `semicolonEdit`.
    var operativeParagraph: Int?
    /// The marker of the last lettered or roman item released (`k`), and of the next two in the
    /// window (when a rule may read them), for `itemMarkerEdit` and `semicolonEdit`.
    var lastItemMarker: String?
    var upcomingItemMarkers: [String] = []
    /// The text before the current item ended with `;`: the list ends its items so.
    var itemFollowsSemicolon = false
    /// The text before the current item ended with `:`: the item opens its list.
    var itemOpensList = false
    /// Candidates of unknown words already seen in this document (they repeat: names, terms).
    var candidateCache: [[UInt32]: [CandidateGenerator.Candidate]] = [:]
    /// Candidate searches made (words not found in the cache), for the report.
    var searches = 0
    static let cacheSize = 50_000
    /// Word pairs examined to estimate how often the document cuts or glues words.
    static let sample = 20_000

    public init(options: StageOptions, context: StageContext) throws {
        instance = context.instance
        var protected = Set<[UInt8]>()
        for path in options.list("protect") {
            for (_, line) in try LexiconSources.lines(of: path) {
                protected.insert(Folding.lower(ICU.normalize(String(line).trimmingSpaces(), form: .nfc)))
            }
        }
        var generator = try CandidateGenerator.french(resources: context.resources, userLists: options.list("lexicon"), protected: protected)
        generator.genericEdits = options.bool("edits")
        self.generator = generator
        knowledge = generator.knowledge
        minConfidence = options.number("min-confidence")
        merge = options.bool("merge")
        split = options.bool("split")
        self.context = options.bool("context")
        windowSize = options.int("window")
        documentApostrophes = options.string("apostrophes") == "document"
        breakHyphens = options.choice("break-hyphens", as: BreakHyphens.self) ?? .plain
    }

    public var awaitsConventions: Bool { breakHyphens == .document }

    public mutating func follow(_ conventions: InputConventions) {
        if breakHyphens == .document, conventions.marksBreakHyphens { breakHyphens = .marked }
    }

    static func repairable(_ record: Record) -> Bool {
        record.kind != .furniture && record.kind != .noise && record.kind != .pageBreak && !record.text.isEmpty
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        if Self.repairable(record) {
            observe(record)
        } else {
            windowSampled.append(false)
            windowTokens.append([])
        }
        window.append(record)
        if window.count > windowSize { release(window.count - max(1, windowSize / 2), into: &output) }
    }

    public mutating func finish(into output: inout StageOutput) {
        release(window.count, into: &output)
        profile = DocumentProfile()
        previousReleased = nil
        afterBlankLine = false
        operativeParagraph = nil
        lastItemMarker = nil
        itemFollowsSemicolon = false
        itemOpensList = false
        candidateCache.removeAll()
    }

    mutating func observe(_ record: Record) {
        var text = record.text
        text.withUTF8 { p in
            profile.addPunctuation(p)
            let tokens = WordTokenizer.tokens(p)
            windowTokens.append(tokens)
            var folded: [UInt8] = []
            for (k, token) in tokens.enumerated() where token.kind == .word {
                let bytes = UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd])
                profile.add(bytes)
                if bytes.count >= 5, bytes.dropFirst().dropLast().contains(0x2D), hyphenCut(JoinedText.scalars(bytes), anyKnownJoin: false) != nil {
                    profile.addHyphenCut()
                }
                if profile.needsUnaccentedWord, knowledge.lostAccents(bytes) { profile.addUnaccented() }
                if profile.needsLostCircumflex, knowledge.lostCircumflex(bytes, scratch: &folded) { profile.addLostCircumflex() }
                // A word written with a capital `O` (`l’Office`), or opening a body's name in
                // lowercase (`l’office des Nations`, which the domain's names capitalise).
                if bytes.count >= 5, bytes[0] | 0x20 == 0x6F || (bytes[0] | 0x20 == 0x6C && bytes.count >= 7), profile.needsCapitalOWords {
                    let elided = JoinedText.afterElision(bytes)
                    if elided.count >= 5, elided[0] == 0x4F, elided[1] >= 0x61, elided[1] <= 0x7A {
                        profile.addCapitalOWord(elided)
                    } else if elided.count >= 5, elided[0] == 0x6F, k + 1 < tokens.count, opensDomainName(elided, next: tokens[k + 1], p) {
                        profile.addCapitalOWord(elided)
                    }
                }
                if bytes.count == 7, bytes[0] == 0x4E, k + 1 < tokens.count, Self.namesUnitedNations(bytes, UnsafeBufferPointer(rebasing: p[tokens[k + 1].coreStart..<tokens[k + 1].coreEnd])) {
                    profile.addUnitedNations()
                }
                if profile.needsDomainWords, bytes.count >= 5, Folding.isUpper(UTF8Bytes.scalar(bytes, at: 0).value), knowledge.foldIsDomain(bytes, folded: &folded) {
                    profile.addDomainWord(fold: ByteHash.hash(folded))
                }
                if k > 0, k + 1 < tokens.count, Self.isCapitalisedArticle(bytes), token.start == token.coreStart, token.end == token.coreEnd,
                   Self.isPlainLowercase(p, tokens[k - 1], closed: true), Self.isPlainLowercase(p, tokens[k + 1], closed: false) {
                    profile.addCapitalisedArticle()
                }
            }
            CommandContext.codeNames(p, tokens) { core in
                if knowledge.knownBytes(core) == nil { profile.addCodeName(core) }
            }
            CommandContext.names(p, tokens, isKnown: { knowledge.knownBytes($0) != nil }) { core, evidence in
                guard profile.awaitsCommandEvidence(core) else { return }
                // A name's candidates are generic edits and splits only (`grep` → `grec`); one the
                // confusion table or the accents explain is a misread word (`cst` → `est`).
                let misread = generator.candidates(for: JoinedText.scalars(core)).contains { $0.rule != "edit" && $0.rule != "split" }
                profile.addCommandName(core, evidence: evidence, misread: misread)
            }
        }
        // The document's rates of cut and glued words are estimated on a sample of its first
        // records: enough evidence is reached long before a large document ends.
        let sampled = profile.pairs < Self.sample
        if sampled { sampleGaps(record.text, weight: 1) }
        windowSampled.append(sampled)
    }

    /// `Nations Unies` (or in capitals), the words as written.
    static func namesUnitedNations(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        (first.elementsEqual("Nations".utf8) && second.elementsEqual("Unies".utf8))
            || (first.elementsEqual("NATIONS".utf8) && second.elementsEqual("UNIES".utf8))
    }

    /// `La`, `Le` or `Les` as written.
    static func isCapitalisedArticle(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count == 2 || p.count == 3, p[0] == 0x4C, p[1] == 0x61 || p[1] == 0x65 else { return false }
        return p.count == 2 || (p[1] == 0x65 && p[2] == 0x73)
    }

    /// A word token starting with a lowercase ASCII letter (with nothing after it when `closed`).
    static func isPlainLowercase(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken, closed: Bool) -> Bool {
        guard token.kind == .word, token.coreStart == token.start, !closed || token.coreEnd == token.end else { return false }
        let b = p[token.coreStart]
        return b >= 0x61 && b <= 0x7A
    }

    /// A word of three letters or more, all lowercase, in ASCII or Latin-1 (`coopération`, `œuvre`).
    static func isLowercaseWord(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count >= 3 else { return false }
        var i = 0
        while i < p.count {
            let b = p[i]
            if b >= 0x61 && b <= 0x7A {
                i += 1
            } else if i + 1 < p.count, (b == 0xC3 && p[i + 1] >= 0xA0 && p[i + 1] != 0xB7) || (b == 0xC5 && p[i + 1] == 0x93) {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Counts (`weight` 1) or takes back (−1) a text's pairs of neighbouring words that are
    /// certainly one word cut by a space, and its words that are certainly two glued.
    mutating func sampleGaps(_ text: String, weight: Int) {
        var text = text
        text.withUTF8 { p in
            var previous: (range: Range<Int>, known: Bool, closed: Bool)?
            for token in WordTokenizer.tokens(p) {
                guard token.kind == .word else { previous = nil; continue }
                let bytes = UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd])
                var known = knowledge.knownBytes(bytes) != nil
                var core: [UInt32] = []
                if !known {
                    core = JoinedText.scalars(bytes)
                    known = knowledge.known(core) != nil
                    if known, knowledge.isOldSpelling(core) { profile.addOldSpelling(weight: weight) }
                }
                if let prev = previous, token.singleSpaceBefore, prev.closed, token.coreStart == token.start {
                    var certain = false
                    if !known || !prev.known {
                        let joined = JoinedText.scalars(UnsafeBufferPointer(rebasing: p[prev.range])) + (core.isEmpty ? JoinedText.scalars(bytes) : core)
                        certain = joined.allSatisfy(UTF8Bytes.isLetter) && knowledge.lookup(joined) != nil
                    }
                    profile.addPair(certainGap: certain, weight: weight)
                }
                profile.addSampled(bytes: bytes.count, lowercase: Self.isLowercaseWord(bytes), unknown: !known, weight: weight)
                // A word the lexicon has with accents (`debut`: `début`, not `de but`) is no
                // evidence of glued words.
                if !known, core.count >= 5, core.allSatisfy(UTF8Bytes.isLetter), CasePattern(core) == .lower,
                   !knowledge.lostAccents(bytes), !generator.splits(of: core, joinCost: 0).isEmpty {
                    profile.addJoin(weight: weight)
                }
                previous = (token.coreStart..<token.coreEnd, known, token.coreEnd == token.end)
            }
        }
    }

    mutating func release(_ count: Int, into output: inout StageOutput) {
        profile.freezeCapitalAccents()
        profile.freezeTerms()
        profile.freezeApostrophe()
        profile.freezeCircumflexes()
        profile.freezeCapitalOWords()
        for i in 0..<count {
            var record = window[i]
            if record.kind == .line, record.text.isEmpty { afterBlankLine = true }
            if Self.repairable(record) {
                let next = window[(i + 1)...].first { Self.repairable($0) }
                if context {
                    noteOperativeParagraph(record.text, beforeRepair: true, next: next?.text)
                    let opensItem = Self.itemMarker(record.text) != nil || Self.lostItemMarker(record.text) != nil
                    let endOfPrevious = previousReleased.flatMap { Self.lastScalar($0.text) }
                    let afterSemicolon = endOfPrevious == ";"
                    if opensItem {
                        itemFollowsSemicolon = afterSemicolon
                        itemOpensList = endOfPrevious == ":"
                    }
                    // Looked ahead only for an item or a final colon that may need it.
                    let endsWithColon = Self.lastScalar(record.text) == ":"
                    // (or a paragraph after an item's `;` that may be an item whose marker OCR lost)
                    let mayBeItem = record.kind != .line && lastItemMarker != nil && afterSemicolon
                    upcomingItemMarkers = opensItem || endsWithColon || mayBeItem
                        ? Array(window[(i + 1)...].prefix(60).lazy.compactMap { Self.itemMarker($0.text)?.marker }.prefix(2)) : []
                }
                // Repeat on the repaired text until it stands (at most three passes): a fix can
                // change the context of its neighbours, and a second run of the pipeline over
                // its own output must change nothing.
                // The sample of cut and glued words follows the repairs, as a second run would
                // count them on the repaired text (`quien fant` → `qui en fant`: one more cut).
                for pass in 0..<3 {
                    // A paragraph's opening repaired in the pass before (`22. Pric` → `22. Prie`)
                    // numbers it for the rules that read the sequence (its final colon).
                    if pass > 0, context { noteOperativeParagraph(record.text, beforeRepair: false) }
                    let before = record.text
                    var counts = Counts()
                    repair(&record, tokens: pass == 0 ? windowTokens[i] : nil, previous: previousReleased, next: next, counts: &counts)
                    for (key, value) in counts where pass == 0 || !["words", "unknown", "searches"].contains(key) {
                        output.counts.count(key, by: value)
                    }
                    if UTF8Bytes.same(record.text, before) { break }
                    if windowSampled[i] {
                        sampleGaps(before, weight: -1)
                        sampleGaps(record.text, weight: 1)
                    }
                }
                if context {
                    noteOperativeParagraph(record.text, beforeRepair: false)
                    noteItemMarker(record.text)
                }
                previousReleased = record
                afterBlankLine = false
            }
            output.emit(record)
        }
        window.removeFirst(count)
        windowSampled.removeFirst(count)
        windowTokens.removeFirst(count)
    }

    // MARK: Repairing one record

    /// Makes the edit of a context rule, unless an edit already made overlaps it, and counts it
    /// under its rule.
    static func add(_ replacement: String, at range: Range<Int>, rule: String, confidence: Double, to edits: inout [TextEdit], counts: inout Counts) {
        guard !edits.contains(where: { $0.range.overlaps(range) }) else { return }
        edits.append(TextEdit(range: range, replacement: replacement, rule: rule, confidence: confidence))
        counts.count(rule)
    }

    struct Word {
        var token: WordToken
        /// The word's scalars; left empty for a known word of plain lowercase letters (most
        /// words), which rules read through `core(of:)`.
        var core: [UInt32]
        var known: WordKnowledge.Hit?
        var sentenceStart: Bool
        /// The rest of an elided word (`Ofice` in `l’Ofice`).
        var afterElision = false
        /// A full stop follows the word, then a comma or a number (`Tbid.,`, `Cor.1`): an
        /// abbreviation may be meant (`Ibid.`, `Corr.`).
        var beforeStop = false
        /// The word may be an abbreviation: see `looksAbbreviated`.
        var abbreviation = false
        /// The word stands where a name does: after a title (`M. Duaime`, `le citoyen
        /// Lefrançais`) or after a name in a list (`MM. Rouzé, Desprès`, `Gonin et Ladame`).
        var nameContext = false
        /// The word opens or closes its line, nothing before or after it: it may be a piece of a
        /// word cut across lines without a hyphen (`cri` / `minalité`).
        var lineEdge = false
        /// The word opens a line after a blank line: it may open a paragraph even where the line
        /// before ends without a stop (`nouveau problème,` / (blank) / `Inquiète de`), though the
        /// capital may be a misread small letter (`I’heure` there is `l’heure` in a manual).
        var paragraphStart = false

        /// A capitalised word where a name stands, inside a sentence: a name, left as written
        /// (`le capitaine Taube` is no `l’aube`, `M. Duaime` no `Du aime`, `citoyens Don-neyé`
        /// no `Don-noyé`).
        var isName: Bool { nameContext && !sentenceStart && CasePattern(core) == .title }
    }

    /// Whether a word's scalars are needed: not plain (an apostrophe, hyphen, quote, `|`, `_`,
    /// digit or a capital inside). Rules read the others through `core(of:)`.
    static func needsCore(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = p.first else { return true }
        if (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E) { return true }
        for b in p where b == 0x27 || b == 0x2D || b == 0x22 || b == 0x7C || b == 0x5F || (b >= 0x30 && b <= 0x39) || b == 0xE2 {
            return true
        }
        return false
    }

    /// Repairs one record; `tokens`, when given, are its text's (as `observe` read them).
    mutating func repair(_ record: inout Record, tokens read: [WordToken]?, previous: Record?, next: Record?, counts: inout Counts) {
        var text = record.text
        let tokens = read ?? text.withUTF8 { WordTokenizer.tokens($0) }
        var words = text.withUTF8 { p -> [Word?] in
            var words: [Word?] = []
            words.reserveCapacity(tokens.count)
            var scratch: [UInt8] = []
            // A paragraph that layout began at a line not starting in lowercase starts a sentence
            // whatever ended the one before (a heading `RFE`, a lost full stop): `Vémission` there is
            // `L’émission`, which a second run's layout also reads as a new paragraph.
            var sentenceStart = previous.map { Self.endsSentence($0.text) } ?? true
            if record.kind == .paragraph, !p.isEmpty, Unicode.Scalar(UTF8Bytes.scalar(p, at: 0).value)?.properties.isLowercase == false {
                sentenceStart = true
            }
            var names = NameContext()
            for token in tokens {
                let title: Bool
                if token.kind == .word {
                    let bytes = UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd])
                    let hit = knowledge.knownBytes(bytes)
                    if let hit, !Self.needsCore(bytes) {
                        words.append(Word(token: token, core: [], known: hit, sentenceStart: sentenceStart, nameContext: names.expectsName))
                    } else {
                        let core = JoinedText.scalars(bytes)
                        let known = hit ?? knowledge.knownInLowercase(bytes, scratch: &scratch) ?? knowledge.known(core)
                            ?? (profile.showsOldSpelling ? knowledge.silentSSpelling(core) : nil)
                        words.append(Word(token: token, core: core, known: known, sentenceStart: sentenceStart,
                                          beforeStop: Self.abbreviationStop(p, after: token),
                                          abbreviation: known == nil && Self.looksAbbreviated(core, p, token, lexicon: knowledge.lexicon.compiled, scratch: &scratch),
                                          nameContext: names.expectsName))
                    }
                    title = names.read(p, token, known: words[words.count - 1]!.known != nil, sentenceStart: sentenceStart)
                } else {
                    words.append(nil)
                    // A title may be protected as an abbreviation (`M.`); nothing else opens a name.
                    title = token.kind == .symbol ? names.read(p, token, known: true, sentenceStart: sentenceStart) : false
                    if token.kind != .symbol { names.readOther() }
                }
                let last = UTF8Bytes.scalar(p, before: token.end)?.value ?? 0
                // An enumerator opening the line (`b)`, `iv)`) starts an item, as a sentence.
                let enumerator = words.count == 1 && token.kind == .symbol && last == 0x29 && token.end - token.start <= 5
                // The full stop of a title (`M.`, `Mme.`) ends no sentence; a stray letter after a
                // sentence's end (`conscience. b Un`, see `strayLetterEdits`) starts none.
                let stray = sentenceStart && token.end - token.start == 1 && Self.strayLetters.contains(p[token.start])
                sentenceStart = stray || (!title && (last == 0x2E || last == 0x21 || last == 0x3F || last == 0x2026 || last == 0x3A || enumerator))
            }
            return words
        }
        var edits: [TextEdit] = []
        var consumed = [Bool](repeating: false, count: words.count)
        let bytes = Array(record.text.utf8)
        recordBytes = bytes
        // No word is being decided yet: what the last one of the previous record left would
        // otherwise reach the pieces `mergeFragments` scores.
        clearWordContext()

        // A hyphenated line end and the start of the next line are pieces of one word.
        let continuesHyphenated = previous.map { Self.endsWithHyphen($0.text) } ?? false
        let lastWordIndex = words.lastIndex { $0 != nil }
        let firstWordIndex = words.firstIndex { $0 != nil }
        let endsHyphenated = Self.endsWithHyphen(record.text)
        if record.kind == .line, !words.isEmpty {
            words[0]?.paragraphStart = afterBlankLine
            // Nothing between the word and the line's edge: no stop after it, no bracket before it.
            if let first = words[0], first.token.coreStart == first.token.start { words[0]?.lineEdge = true }
            if let last = words[words.count - 1], last.token.coreEnd == last.token.end { words[words.count - 1]?.lineEdge = true }
        }
        for (i, word) in words.enumerated() {
            guard let word else { continue }
            if i == lastWordIndex, endsHyphenated { consumed[i] = true }
            if word.token.coreEnd < word.token.end, bytes[word.token.end - 1] == 0x2D { consumed[i] = true }
        }
        // The rest of a word cut at the previous line's end may still join the next piece into a
        // word as written (`Nations-` / `gén éral`); otherwise it and an unknown word right after
        // it are left alone, since either may be a piece of the cut word.
        let continuation = continuesHyphenated ? firstWordIndex : nil
        if record.kind == .line, continuesHyphenated || endsHyphenated {
            lineCutEdits(words, bytes: bytes, previous: continuesHyphenated ? previous : nil, next: endsHyphenated ? next : nil,
                         first: firstWordIndex, last: lastWordIndex, edits: &edits, counts: &counts)
        }

        if merge {
            mergeElisionSpaces(words, tokens: tokens, bytes: bytes, edits: &edits, consumed: &consumed, counts: &counts)
            mergeFragments(words, bytes: bytes, continuation: continuation, edits: &edits, consumed: &consumed, counts: &counts)
            noisyCutEdits(words, bytes: bytes, edits: &edits, consumed: &consumed, counts: &counts)
        }
        if !profile.commandNames.isEmpty {
            // A command's name is left as written (`grep`, `proc`: see `CommandContext`), unless
            // it was a piece of a word cut by a space (`proc esseur`).
            bytes.withUnsafeBufferPointer { p in
                for (i, word) in words.enumerated() {
                    guard let word, word.known == nil, !consumed[i] else { continue }
                    if profile.isCommandName(UnsafeBufferPointer(rebasing: p[word.token.coreStart..<word.token.coreEnd])) { consumed[i] = true }
                }
            }
        }
        if let c = continuation, !consumed[c] {
            consumed[c] = true
            // Only white space may separate the two pieces: after `nique,` the word is a word; so
            // is the one after a cut word the two lines make whole (`mou-` / `rir aveo`).
            if let piece = words[c], piece.token.coreEnd == piece.token.end, c + 1 < words.count,
               let next = words[c + 1], next.known == nil,
               !cutWordIsWhole(previous: previous?.text ?? "", rest: core(of: piece, bytes)) {
                consumed[c + 1] = true
            }
        }
        if record.kind == .line {
            keepPiecesOfUnmarkedCut(words, bytes: bytes, record: record, previous: previous, next: next, consumed: &consumed)
        }
        numberEdits(tokens, bytes: bytes, edits: &edits, counts: &counts)
        if context {
            phraseEdits(words, bytes: bytes, consumed: &consumed, edits: &edits, counts: &counts)
            ordinalEdits(words, tokens: tokens, bytes: bytes, consumed: &consumed, edits: &edits, counts: &counts)
        }
        var wordCount = 0
        var unknownCount = 0
        for (i, word) in words.enumerated() {
            guard let word, !consumed[i] else { continue }
            wordCount += 1
            if word.known != nil, !word.core.isEmpty, let edit = innerCapitalEdit(word, search: false, counts: &counts) {
                edits.append(edit)
                continue
            }
            var rare: Word?
            if word.known != nil && !word.core.contains(where: { JoinedText.isApostrophe($0) || $0 == 0x22 || $0 == 0x2D }) {
                if let edit = classicalSpelling(word, bytes) ?? circumflexSpelling(word, bytes) {
                    edits.append(edit)
                    counts.count("accent")
                } else if word.known?.entry == nil, let edit = ligatureSpelling(word, bytes) {
                    edits.append(edit)
                    counts.count("ligature")
                } else {
                    rare = mayBeRealWordError(word, bytes)
                }
                guard rare != nil else { continue }
            }
            if word.known?.entry == nil, word.core.contains(0x2D), !word.isName, let spaced = spacedCompound(word.core) {
                edits.append(TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(spaced), rule: "hyphen-space", confidence: 0.85))
                counts.count("hyphen-space")
                continue
            }
            if word.known?.entry == nil, word.core.contains(0x2D), word.known != nil || profile.keepsBreakHyphens, let edit = joinHyphenated(word) {
                edits.append(edit)
                counts.count("hyphen")
                continue
            }
            neighbours = (i > 0 ? words[i - 1].map { Self.lowercase($0.token, bytes) } : nil,
                          i + 1 < words.count ? words[i + 1].map { Self.lowercase($0.token, bytes) } : nil)
            // (Read only for a word that opens with a capital: see `adjustedCandidates`.)
            let opensCapitalised = word.core.first.map(Folding.isUpper) ?? false
            capitalisedNeighbours = (opensCapitalised && i > 0 && words[i - 1].map { Self.capitalised($0.token, bytes) } == true,
                                     opensCapitalised && i + 1 < words.count && words[i + 1].map { Self.capitalised($0.token, bytes) } == true)
            neighbourRanges = (i > 0 ? words[i - 1].map { $0.token.coreStart..<$0.token.coreEnd } : nil,
                               i + 1 < words.count ? words[i + 1].map { $0.token.coreStart..<$0.token.coreEnd } : nil)
            afterAuxiliary = i > 0 && words[i - 1].map { auxiliary($0, bytes) } ?? false
            if let rare {
                if let edit = rareWordEdit(rare) {
                    edits.append(edit)
                    counts.count(edit.rule)
                }
            } else if let edit = repairWord(word, counts: &counts) {
                edits.append(edit)
            } else if word.known == nil {
                unknownCount += 1
            }
        }
        counts.count("words", by: wordCount)
        counts.count("unknown", by: unknownCount)
        counts.count("searches", by: searches)
        searches = 0
        if context {
            // The words as repaired so far, for the context of `a`.
            var repaired: [Int: [UInt32]] = [:]
            for edit in edits {
                // The word the edit starts at, by binary search over the tokens (in text order):
                // a scan per edit was quadratic in a long record.
                let k = tokens.partitioningIndex { $0.coreStart >= edit.range.lowerBound }
                if k < words.count, let word = words[k], word.token.coreStart == edit.range.lowerBound {
                    repaired[k] = edit.replacement.unicodeScalars.map(\.value)
                }
            }
            // The spans of the edits made so far in text order, each with the furthest end up to
            // it, built at the first `a` that needs them: scanning every edit for every `a` was
            // quadratic in a long record. (The `a-grave` edits added below are on other tokens.)
            var spans: (starts: [Int], reach: [Int])?
            func overlapsEdit(_ range: Range<Int>) -> Bool {
                if spans == nil {
                    let sorted = edits.map(\.range).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
                    var reach: [Int] = []
                    reach.reserveCapacity(sorted.count)
                    for r in sorted { reach.append(max(reach.last ?? Int.min, r.upperBound)) }
                    spans = (sorted.map(\.lowerBound), reach)
                }
                let n = spans!.starts.partitioningIndex { $0 >= range.upperBound }
                return n > 0 && spans!.reach[n - 1] > range.lowerBound
            }
            func text(_ k: Int) -> String? {
                guard let w = words[k] else { return nil }
                return ContextRules.contextForm(JoinedText.string(CasePattern.lower(repaired[k] ?? core(of: w, bytes))))
            }
            for (i, token) in tokens.enumerated() {
                // `a`, and what the OCR prints for `à` between two words: `A`, `4`, `3`, `&`, `@`, `á`.
                guard token.end - token.start <= 2 else { continue }
                let chunk = Array(bytes[token.start..<token.end])
                let isA = chunk == [0x61]
                guard isA || chunk == [0x41] || chunk == [0x34] || chunk == [0x33] || chunk == [0x26] || chunk == [0x40] || chunk == [0xC3, 0xA1] || chunk == [0xC3, 0xA4] else { continue }
                guard !consumed[i] else { continue }
                // The word before may end the previous line (`… donner suite` / `a la présente`).
                var previousText: String?
                if i > 0 {
                    // `a` and a sign follow their word directly or a comma (`demande, a titre`,
                    // `demande, 3 titre`; after a comma the words that follow decide alone); a sign
                    // may follow a capitalised word when a lowercase word follows (`Parties & la`),
                    // not `A`, which starts sentences after a heading (`Pentecôte A l’occasion`).
                    guard let before = words[i - 1] else { continue }
                    let afterComma = before.token.end == before.token.coreEnd + 1 && bytes[before.token.coreEnd] == 0x2C
                    guard before.token.coreEnd == before.token.end || afterComma else { continue }
                    if !isA, CasePattern(core(of: before, bytes)) != .lower {
                        guard chunk != [0x41], CasePattern(core(of: before, bytes)) == .title, i + 1 < words.count, let after = words[i + 1],
                              let first = core(of: after, bytes).first, UTF8Bytes.isLetter(first), !Folding.isUpper(first) else { continue }
                    }
                    previousText = afterComma ? nil : text(i - 1)
                } else {
                    guard isA, let previous, !Self.endsSentence(previous.text), let last = previous.text.split(separator: " ").last else { continue }
                    previousText = ContextRules.contextForm(String(last).lowercased())
                }
                if overlapsEdit(token.start..<token.end) { continue }
                var following: [String] = []
                var k = i + 1
                while k < words.count, following.count < 3, let t = text(k) {
                    following.append(t)
                    if words[k]!.token.coreEnd != words[k]!.token.end { break }
                    k += 1
                }
                if k == words.count, following.count < 3, let next {
                    following += firstWordsAsRepaired(next.text, 3 - following.count)
                    // A word cut at the line end reads whole (`visant a pré-` / `venir`).
                    if let cut = following.firstIndex(where: { $0.count > 2 && $0.hasSuffix("-") }), cut + 1 < following.count {
                        let rest = following[cut + 1].unicodeScalars.filter { UTF8Bytes.isLetter($0.value) }
                        following[cut] = String(following[cut].dropLast()) + String(String.UnicodeScalarView(rest)).lowercased()
                        following.remove(at: cut + 1)
                    }
                }
                guard let decision = ContextRules.classifyA(previous: previousText, next: following, knowledge: knowledge,
                                                            dropsGraveA: profile.dropsGraveA || !isA, strict: !isA),
                      decision.confidence >= minConfidence else { continue }
                if decision.preposition {
                    edits.append(TextEdit(range: token.start..<token.end, replacement: "à", rule: "a-grave", confidence: decision.confidence))
                    counts.count("a-grave")
                } else if chunk == [0x34], let previousText, ContextRules.subjects.contains(previousText),
                          let first = following.first?.unicodeScalars.first, first.properties.isLowercase {
                    // `4` after a subject is *avoir* (`dont il 4 besoin` → `il a besoin`).
                    edits.append(TextEdit(range: token.start..<token.end, replacement: "a", rule: "a-grave", confidence: decision.confidence))
                    counts.count("a-grave")
                }
            }
        }
        if context {
            // The line right before, when this record is a line that goes on from it.
            let previousLine = previous.flatMap { record.kind == .line && $0.kind == .line && $0.origin.lines.upperBound + 1 == record.origin.lines.lowerBound ? $0.text : nil }
            determinerCaseEdits(words, bytes: bytes, previousLine: previousLine, consumed: consumed, edits: &edits, counts: &counts)
            capitalGraveEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            capitalAEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            pronounEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            numeralPronounEdits(words, tokens: tokens, bytes: bytes, recordStartsSentence: previous.map { Self.endsSentence($0.text) } ?? true,
                                edits: &edits, counts: &counts)
            // A line (not a paragraph) goes on in the line right after it, not across a blank line.
            let nextLine = next.flatMap { record.kind == .line && $0.kind == .line && record.origin.lines.upperBound + 1 == $0.origin.lines.lowerBound ? $0.text : nil }
            functionWordEdits(words, bytes: bytes, nextLine: nextLine, consumed: consumed, edits: &edits, counts: &counts)
            loneCapitalElisionEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            lostElisionEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            participleEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            accentSpeckNounEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            lostInfinitiveEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            accentedAuxiliaryEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            missingArticleEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            lostGraveAEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            lostArticleEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            capitalisedCliticEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            domainPairCaseEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            domainPairRealWordEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            semicolonEdit(record, bytes, next: next, edits: &edits, counts: &counts)
            numberStopEdit(record.text, edits: &edits, counts: &counts)
            operativeNumberEdit(record.text, edits: &edits, counts: &counts)
            volumeStopEdits(words, bytes: bytes, nextLine: nextLine, edits: &edits, counts: &counts)
            punctuationSpaceEdits(bytes, edits: &edits, counts: &counts)
            strayLetterEdits(tokens, bytes: bytes, edits: &edits, counts: &counts)
            if record.kind == .line {
                strayStopEdits(words, bytes: bytes, nextLine: nextLine, consumed: consumed, edits: &edits, counts: &counts)
            }
            strayOpeningQuoteEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            strayClosingQuoteEdits(words, bytes: bytes, consumed: consumed, edits: &edits, counts: &counts)
            exclamationEdits(tokens, bytes: bytes, edits: &edits, counts: &counts)
            guillemetEdits(bytes, edits: &edits, counts: &counts)
            asideDashEdits(bytes, edits: &edits, counts: &counts)
            let previousText = previousReleased?.text, nextItem = upcomingItemMarkers.first
            itemMarkerEdit(record.text, after: previousText, nextItem: nextItem, edits: &edits, counts: &counts)
            lostItemMarkerEdit(record.text, after: previousText, nextItem: nextItem, edits: &edits, counts: &counts)
            missingItemMarkerEdit(record, after: previousText, nextItem: nextItem, edits: &edits, counts: &counts)
        }
        if documentApostrophes {
            apostropheEdits(words, consumed: consumed, edits: &edits, counts: &counts)
        }
        guard !edits.isEmpty else { return }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var clean: [TextEdit] = []
        for edit in edits where clean.last.map({ $0.range.upperBound <= edit.range.lowerBound }) ?? true { clean.append(edit) }
        record.apply(clean, stage: instance)
    }

    /// `pharm.`, `hamb.`, `struct.`, `cond.`: an unknown word of four letters or more, in
    /// lowercase or capitalised, cut after a consonant and followed by a full stop, that begins a
    /// longer known word (`pharmacie`, `hambourgeois`, `structure`, `condition`) is how French
    /// abbreviates, in old newspapers and in manuals alike; the nearest word by letters
    /// (`phare`, `hab.`, `strict`, `fond`) is a worse guess than the word as printed.
    static func looksAbbreviated(_ core: [UInt32], _ p: UnsafeBufferPointer<UInt8>, _ token: WordToken, lexicon: CompiledLexicon,
                                 scratch: inout [UInt8]) -> Bool {
        guard token.coreEnd < p.count, p[token.coreEnd] == 0x2E, core.count >= 4, core.count <= WordKnowledge.maxWordLength,
              core.allSatisfy(UTF8Bytes.isLetter), CasePattern(core) == .lower || CasePattern(core) == .title,
              let last = core.last.map(Folding.lower), last != 0x153, last != 0xE6,
              !Self.vowelBytes.contains(Folding.base(last)) else { return false }
        Folding.lower(UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd]), into: &scratch)
        return scratch.withUnsafeBufferPointer { lexicon.hasLongerForm(startingWith: $0) }
    }

    /// A full stop right after the word, then `,`, `;`, `:` or a digit (after a space or not): how
    /// abbreviations stand in references (`Ibid., vol. 2237`, `Corr.1`), unlike a sentence's end.
    static func abbreviationStop(_ p: UnsafeBufferPointer<UInt8>, after token: WordToken) -> Bool {
        guard token.coreEnd < p.count, p[token.coreEnd] == 0x2E else { return false }
        var k = token.coreEnd + 1
        if k < p.count, p[k] == 0x20 { k += 1 }
        guard k < p.count else { return false }
        return p[k] == 0x2C || p[k] == 0x3B || p[k] == 0x3A || (p[k] >= 0x30 && p[k] <= 0x39)
    }

    /// The last scalar of a text that is not white space.
    static func lastScalar(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.last { !UTF8Bytes.isSpace($0.value) }
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = lastScalar(text) else { return true }
        return ".!?…:".unicodeScalars.contains(last)
    }

    static func endsWithHyphen(_ text: String) -> Bool {
        guard let last = lastScalar(text) else { return false }
        return last == "-" || last == "\u{AC}"
    }

    /// A word cut at a line end whose hyphen the OCR lost or the page never printed: `construc` /
    /// `tion`, `pa` / `resse`, `inau` / `gurera`. Each line is repaired alone, and either piece
    /// alone reads as a misread short word (`tion` → `ton`, `pa` → `ps`, `gurera` → `durera`).
    /// When an unknown piece and its neighbour across the break make a known word, the piece
    /// stays as written. Lines only: layout joins a paragraph's lines, and merge-fragments makes
    /// the word whole there.
    func keepPiecesOfUnmarkedCut(_ words: [Word?], bytes: [UInt8], record: Record, previous: Record?, next: Record?, consumed: inout [Bool]) {
        if let first = words.firstIndex(where: { $0 != nil }), !consumed[first], let word = words[first], word.known == nil,
           word.token.start == word.token.coreStart, let previous, Self.adjacentLines(previous, record),
           let rest = Self.plainLetters(core(of: word, bytes)), let cut = lastPiece(of: previous.text),
           knowledge.known(cut + rest) != nil {
            consumed[first] = true
        }
        if let last = words.lastIndex(where: { $0 != nil }), !consumed[last], let word = words[last], word.known == nil,
           word.token.coreEnd == word.token.end, bytes[word.token.end...].allSatisfy({ $0 == 0x20 }),
           let next, Self.adjacentLines(record, next), let start = Self.plainLetters(bytes.withUnsafeBufferPointer {
               JoinedText.scalars(JoinedText.afterElision(UnsafeBufferPointer(rebasing: $0[word.token.coreStart..<word.token.coreEnd])))
           }),
           let rest = Self.restOfCut(next.text, joiningWith: nil)?.letters, knowledge.known(start + rest) != nil {
            consumed[last] = true
        }
    }

    /// Two physical lines, the second right after the first.
    static func adjacentLines(_ a: Record, _ b: Record) -> Bool {
        a.kind == .line && b.kind == .line && a.origin.lines.upperBound + 1 == b.origin.lines.lowerBound
    }

    /// The scalars when all are letters.
    static func plainLetters(_ core: [UInt32]) -> [UInt32]? {
        !core.isEmpty && core.allSatisfy(UTF8Bytes.isLetter) ? core : nil
    }

    /// The letters of the last word of `text` when nothing follows it but spaces, after an
    /// elided article (`enve` in `mit l’enve`).
    func lastPiece(of text: String) -> [UInt32]? {
        var text = text
        return text.withUTF8 { p in
            guard let last = WordTokenizer.tokens(p).last, last.kind == .word, last.coreEnd == last.end else { return nil }
            return Self.plainLetters(JoinedText.scalars(JoinedText.afterElision(UnsafeBufferPointer(rebasing: p[last.coreStart..<last.coreEnd]))))
        }
    }

    /// Whether the word cut at the end of `previous` (its last word before the hyphen) and `rest`
    /// make a known word: `pré-` / `sident`.
    func cutWordIsWhole(previous: String, rest: [UInt32]) -> Bool {
        var text = previous
        return text.withUTF8 { p in
            // The last chunk, a word or not: `mou¬` reads as a symbol (`¬` is no letter).
            guard let last = WordTokenizer.tokens(p).last(where: { $0.kind != .punctuation }) else { return false }
            var start = JoinedText.scalars(UnsafeBufferPointer(rebasing: p[last.coreStart..<last.coreEnd]))
            while let end = start.last, end == 0x2D || end == 0xAC { start.removeLast() }
            return knowledge.known(start + rest) != nil
        }
    }

    /// `decide` for a word read away from the one being decided (on the next line, or joined
    /// across a line end): without neighbours, and leaving the current word's as they were.
    mutating func decideOutOfContext(_ word: Word) -> ([UInt32], Double, String)? {
        let saved = (neighbours, capitalisedNeighbours, neighbourRanges, afterAuxiliary)
        clearWordContext()
        defer { (neighbours, capitalisedNeighbours, neighbourRanges, afterAuxiliary) = saved }
        return decide(word)
    }

    /// Forgets the neighbours of the word being decided: words are then decided on their own.
    mutating func clearWordContext() {
        neighbours = (nil, nil)
        capitalisedNeighbours = (false, false)
        neighbourRanges = (nil, nil)
        afterAuxiliary = false
    }

    /// The first `n` words of the next line, lowercase, as this stage will repair them out of
    /// context: `a` at a line end before `sassurer` reads `s’assurer` (`et a` / `sassurer` → `et
    /// à` / `s’assurer`), as a second run over the output would.
    mutating func firstWordsAsRepaired(_ text: String, _ n: Int) -> [String] {
        text.split(separator: " ").prefix(n).map { piece in
            let scalars = piece.unicodeScalars.map(\.value)
            guard let start = scalars.firstIndex(where: UTF8Bytes.isLetter), let end = scalars.lastIndex(where: UTF8Bytes.isLetter) else {
                return ContextRules.contextForm(String(piece).lowercased())
            }
            let core = Array(scalars[start...end])
            var repaired = core
            if knowledge.known(core) == nil {
                let word = Word(token: WordToken(start: 0, end: 0, coreStart: 0, coreEnd: 0, kind: .word, spaceBefore: 0, singleSpaceBefore: false),
                                core: core, known: nil, sentenceStart: false)
                if let (best, _, rule) = decideOutOfContext(word), rule != "split" { repaired = best }
            }
            let text = Array(scalars[..<start]) + repaired + Array(scalars[(end + 1)...])
            return ContextRules.contextForm(JoinedText.string(text).lowercased())
        }
    }

    // MARK: Merges

    /// `L’ Assemblée` → `L’Assemblée`, `I’ Office` and `| application` → `l’Office`,
    /// `l’application`, `l ' agriculture` and `qu 'il` → `l'agriculture`, `qu'il` (an OCR that
    /// spaces its apostrophes): an elided word never stands alone.
    mutating func mergeElisionSpaces(_ words: [Word?], tokens: [WordToken], bytes: [UInt8], edits: inout [TextEdit], consumed: inout [Bool], counts: inout Counts) {
        spacedApostrophes(words, bytes: bytes, edits: &edits, consumed: &consumed, counts: &counts)
        for i in tokens.indices.dropLast() where tokens[i].end - tokens[i].start == 1 && bytes[tokens[i].start] == 0x7C {
            guard let b = words[i + 1], b.token.singleSpaceBefore, b.token.coreStart == b.token.start, !consumed[i + 1] else { continue }
            let bCore = core(of: b, bytes)
            guard let first = bCore.first, Self.startsWithVowelSound(first), CasePattern(bCore) == .lower, b.known != nil else { continue }
            let replacement = JoinedText.string([0x6C, profile.apostrophe])
            edits.append(TextEdit(range: tokens[i].start..<b.token.start, replacement: replacement, rule: "elision", confidence: 0.9))
            consumed[i] = true
            counts.count("elision")
        }
        for i in words.indices.dropLast() {
            guard let a = words[i], let b = words[i + 1], !consumed[i], !consumed[i + 1],
                  a.token.coreEnd == a.token.end, b.token.coreStart == b.token.start, b.token.singleSpaceBefore,
                  let last = a.core.last, JoinedText.isApostrophe(last) else { continue }
            let prefix = Array(a.core.dropLast())
            let bCore = core(of: b, bytes)
            // The next word need not be known: it may be repaired on its own (`d’ Etats`).
            guard let fixed = elisionPrefix(prefix, sentenceStart: a.sentenceStart, before: bCore.first), let first = bCore.first,
                  Self.startsWithVowelSound(first), bCore.allSatisfy(UTF8Bytes.isLetter) else { continue }
            let replacement = JoinedText.string(fixed + [apostrophe(replacing: last)])
            edits.append(TextEdit(range: a.token.coreStart..<b.token.start, replacement: replacement, rule: "elision", confidence: 0.95))
            consumed[i] = true
            counts.count("elision")
        }
    }

    /// `l ' agriculture`, `l 'agriculture`, `s ' est`: an elided word, then an apostrophe with a
    /// space before or after it, then a word starting with a vowel sound.
    mutating func spacedApostrophes(_ words: [Word?], bytes: [UInt8], edits: inout [TextEdit], consumed: inout [Bool], counts: inout Counts) {
        var i = 0
        while i < words.count {
            defer { i += 1 }
            guard let a = words[i], !consumed[i], a.token.coreEnd == a.token.end, a.token.coreEnd - a.token.coreStart <= 7 else { continue }
            // Spaces, one apostrophe, spaces: at least one space, at most one on each side (bytes
            // first: this runs for every short word).
            var k = a.token.coreEnd
            let spacesBefore = bytes[k...].prefix { $0 == 0x20 }.count
            k += spacesBefore
            var apostrophe: UInt32 = 0
            if k < bytes.count, bytes[k] == 0x27 {
                apostrophe = 0x27
                k += 1
            } else if k + 2 < bytes.count, bytes[k] == 0xE2, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                apostrophe = 0x2019
                k += 3
            }
            let spacesAfter = bytes[k...].prefix { $0 == 0x20 }.count
            k += spacesAfter
            guard apostrophe != 0, spacesBefore <= 1, spacesAfter <= 1, spacesBefore + spacesAfter >= 1,
                  let fixed = elisionPrefix(core(of: a, bytes), sentenceStart: a.sentenceStart) else { continue }
            // The next word starts its letters at `k`; its core may hold the apostrophe.
            guard let j = words[(i + 1)...].firstIndex(where: { $0 != nil }), let b = words[j], !consumed[j],
                  b.token.coreStart <= k, b.token.coreEnd > k else { continue }
            let restScalars = bytes.withUnsafeBufferPointer { JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[k..<b.token.coreEnd])) }
            guard let first = restScalars.first, Self.startsWithVowelSound(first), restScalars.allSatisfy(UTF8Bytes.isLetter) else { continue }
            let inside = b.token.coreStart < k
            // A word whose core holds the apostrophe is taken whole: it must be a word as it stands.
            if inside && knowledge.known(restScalars) == nil { continue }
            let mark = self.apostrophe(replacing: apostrophe)
            edits.append(TextEdit(range: a.token.coreStart..<(inside ? b.token.coreEnd : k),
                                  replacement: JoinedText.string(fixed + [mark] + (inside ? restScalars : [])), rule: "elision", confidence: 0.95))
            consumed[i] = true
            if inside { consumed[j] = true }
            counts.count("elision")
            i = j
        }
    }

    /// The apostrophe an elision repair writes where the OCR wrote `written`: the document's
    /// (`apostrophes=document`), but a `’` the engine printed stays in a document of `'` unless
    /// the engine lost the accents: one that reads them never prints `’` for `'` (see
    /// `DocumentProfile.apostrophe`). A sign read for an apostrophe (`"`) gets the document's.
    func apostrophe(replacing written: UInt32) -> UInt32 {
        guard JoinedText.isApostrophe(written) else { return profile.apostrophe }
        if !documentApostrophes || (written == 0x2019 && !profile.misreadsStraightApostrophes) { return written }
        return profile.apostrophe
    }

    /// The elided word a prefix stands for: itself when it is one (`L`, `qu`), `l` for the OCR's
    /// `I`, `|`, `1`, `!` and capital `V` and `P` (`V’Organisation`, `V'assistance`, `P’Office`:
    /// no French word is written `I’`, `V’` or `P’` before a vowel; a lowercase `v’` is colloquial
    /// `voilà`), and `n` for `11`: the two stems of an `n` read as two ones (`11’était` →
    /// `n’était`; no number is elided), and `c` for a `g` before an `e` (`G’est` → `C’est`,
    /// `g’était` → `c’était`: `c’` is the only elision a `g` resembles, and it elides before
    /// *être*).
    func elisionPrefix(_ prefix: [UInt32], sentenceStart: Bool, before next: UInt32? = nil) -> [UInt32]? {
        let lower = JoinedText.string(CasePattern.lower(prefix))
        if ElisionRules.prefixes.contains(lower + "’") { return prefix }
        if lower == "g", let next, next == 0x65 || next == 0xE9 || next == 0xEA { return [prefix[0] == 0x47 ? 0x43 : 0x63] }
        if ["i", "|", "1", "!"].contains(lower) || prefix == [0x56] || prefix == [0x50] { return [sentenceStart ? 0x4C : 0x6C] }
        if lower == "11" { return [sentenceStart ? 0x4E : 0x6E] }
        return nil
    }

    static func startsWithVowelSound(_ v: UInt32) -> Bool { RepairWordsVowels.startsWithVowelSound(v) }

    /// A token that opens with a capital and goes on in lowercase letters (`Unies`, `États`).
    static func capitalised(_ token: WordToken, _ bytes: [UInt8]) -> Bool {
        guard token.coreEnd > token.coreStart else { return false }
        return bytes.withUnsafeBufferPointer { CasePattern(JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[token.coreStart..<token.coreEnd]))) == .title }
    }

    /// Words cut by spaces: `transnati onal e` → `transnationale`, `soci étés` → `sociétés`,
    /// `ques tions` → `questions`. Every possible join of two or three pieces is scored against
    /// keeping them apart; the best gains are taken first, without overlaps (`la ques tions` joins
    /// `ques tions`, not `la ques`).
    mutating func mergeFragments(_ words: [Word?], bytes: [UInt8], continuation: Int?, edits: inout [TextEdit], consumed: inout [Bool], counts: inout Counts) {
        struct Join { var start: Int; var span: Int; var text: [UInt32]; var gain: Double; var confidence: Double }
        var joins: [Join] = []
        let gapCost = profile.gapCost
        // Two common words are joined only where the document shows it cuts words.
        let joinKnown = gapCost <= 2.0
        var buffer: [UInt8] = []
        var folded: [UInt8] = []
        // What the scan reads of each word, without the word's scalars: copying a `Word` for
        // every pair tried retained and released its array each time.
        struct Piece { var token: WordToken; var known: WordKnowledge.Hit? }
        let pieces = words.map { $0.map { Piece(token: $0.token, known: $0.known) } }
        // The record's bytes by pointer: the pieces are appended and tested without slicing.
        bytes.withUnsafeBufferPointer { p in
            for i in pieces.indices {
                guard let first = pieces[i], !consumed[i], first.token.coreEnd == first.token.end else { continue }
                let firstBytes = UnsafeBufferPointer(rebasing: p[first.token.coreStart..<first.token.coreEnd])
                var unknown = first.known == nil ? 1 : 0
                var rare = (first.known?.zipf ?? 0) < 3.0 || Self.isBoundPrefix(firstBytes) ? 1 : 0
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: firstBytes)
                guard let lead = buffer.first, lead >= 0x80 || (lead | 0x20 >= 0x61 && lead | 0x20 <= 0x7A) else { continue }
                // A suspended hyphen before a conjunction (`pré- et post-électoral`, `micro- ou
                // macro-économie`) cuts no word.
                if buffer.last == 0x2D, i + 1 < pieces.count, let next = pieces[i + 1], Self.isConjunction(UnsafeBufferPointer(rebasing: p[next.token.coreStart..<next.token.coreEnd])) {
                    continue
                }
                for span in 2...3 where i + span <= pieces.count {
                    // Only white space between the pieces, no punctuation inside the group, and every
                    // piece starts with a letter (`l’option -L` stays apart).
                    guard let piece = pieces[i + span - 1], !consumed[i + span - 1], piece.token.singleSpaceBefore,
                          piece.token.coreStart == piece.token.start else { break }
                    let start = p[piece.token.coreStart]
                    guard start >= 0x80 || (start | 0x20 >= 0x61 && start | 0x20 <= 0x7A) else { break }
                    if piece.known == nil { unknown += 1 }
                    if (piece.known?.zipf ?? 0) < 3.0 { rare += 1 }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[piece.token.coreStart..<piece.token.coreEnd]))
                    guard unknown > 0 || rare > 0 || (joinKnown && span == 2) else { continue }
                    // The cheap test first: is the joined text a word as written, or with other accents?
                    let exact = buffer.withUnsafeBufferPointer { knowledge.knownBytes($0) } != nil
                    if !exact && (unknown == 0 || i == continuation) { continue }
                    if !exact, !buffer.withUnsafeBufferPointer({ knowledge.mayBeKnown($0, folded: &folded) }) { continue }
                    let group = words[i..<(i + span)].compactMap { $0 }
                    let joined = group.flatMap { core(of: $0, bytes) }
                    guard let (text, hit, cost) = mergedForm(joined) else { continue }
                    let separate = group.map { pieceScore($0) }.reduce(0, +)
                    let merged = hit - cost - gapCost * Double(span - 1) + (profile.count(text) > 0 ? 1 : 0)
                    let confidence = 1 / (1 + pow10(separate - merged))
                    guard confidence >= minConfidence else { continue }
                    joins.append(Join(start: i, span: span, text: text, gain: merged - separate, confidence: confidence))
                    if piece.token.coreEnd != piece.token.end { break }
                }
            }
        }
        for join in joins.sorted(by: { $0.gain > $1.gain }) {
            let indices = join.start..<(join.start + join.span)
            guard !indices.contains(where: { consumed[$0] }) else { continue }
            let group = words[indices].compactMap { $0 }
            let range = group.first!.token.coreStart..<group.last!.token.coreEnd
            edits.append(TextEdit(range: range, replacement: JoinedText.string(join.text), rule: "merge", confidence: join.confidence))
            for k in indices { consumed[k] = true }
            counts.count("merge")
        }
    }

    /// `et`, `ou`, `à` (the conjunctions after a suspended hyphen).
    static func isConjunction(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        (p.count == 2 && ((p[0] == 0x65 && p[1] == 0x74) || (p[0] == 0x6F && p[1] == 0x75))) || (p.count == 2 && p[0] == 0xC3 && p[1] == 0xA0)
    }

    /// Prefixes the lexicons list as words (sports, slang, English) but that formal French only
    /// writes bound to the next word: as a piece they count as rare, so `inter nationale` is
    /// joined without the document having to show that it cuts words.
    static let boundPrefixes = ByteWordList(["inter", "intra", "trans", "multi", "pluri", "supra", "infra", "ultra", "extra", "hyper", "semi", "anti"])

    static func isBoundPrefix(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        boundPrefixes.contains(count: piece.count) { piece[$0] | 0x20 }
    }

    /// What a piece of a possible join is worth on its own: kept as written, or repaired when an
    /// unknown piece has a better correction (`er ses` is `et ses`, not the rare `erses`).
    mutating func pieceScore(_ word: Word) -> Double {
        let keep = keepScore(word)
        guard word.known == nil else { return keep }
        return adjustedCandidates(word).reduce(keep) { max($0, $1.score) }
    }

    /// A word's core in lowercase bytes, straight from the record's bytes.
    static func lowercase(_ token: WordToken, _ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.coreEnd - token.coreStart)
        bytes.withUnsafeBufferPointer { Folding.lower(UnsafeBufferPointer(rebasing: $0[token.coreStart..<token.coreEnd]), into: &out) }
        return out
    }

    /// A word's scalars, decoded from the record's bytes when `Word.core` was left empty.
    func core(of word: Word, _ bytes: [UInt8]) -> [UInt32] {
        if !word.core.isEmpty { return word.core }
        return bytes.withUnsafeBufferPointer { JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[word.token.coreStart..<word.token.coreEnd])) }
    }

    /// The word the joined pieces form (as written, or with accents or a cheap confusion fixed),
    /// its log prior and the channel cost of the fix.
    func mergedForm(_ joined: [UInt32]) -> ([UInt32], Double, Double)? {
        if let hit = knowledge.known(joined) { return (joined, hit.zipf - 9, 0) }
        // A join with an accent lost too (`soci etés`); more than that is too little evidence.
        let capitals = profile.capitalAccents
        guard let best = generator.accentCandidate(for: joined, allowCapitalAccents: profile.allowCapitalAccents,
                                                   seen: { capitals.shows($0) }), best.cost <= 1.6 else { return nil }
        return (best.text, best.logPrior, best.cost)
    }

    // MARK: Single words

    /// log10 probability that the word as written is right: proper names are common, garbage is not,
    /// English words are quoted, and an unknown word is less likely right in a document full of them.
    /// A word the document repeats gets no credit for it: OCR errors repeat too (`Etats` ×4 in
    /// one resolution), and credit that vanishes once some repeats are repaired would make a
    /// second run over the output change more.
    func keepScore(_ word: Word) -> Double {
        if let known = word.known { return known.zipf - 9 }
        var u = profile.unknownWordDoubt
        if word.core.contains(where: ConfusionModel.unreadableGlyphs.contains) {
            // `_` inside a word: a glyph the engine could not read, never a word.
            u += -2
        } else if word.core.contains(where: { $0 == 0x7C || ($0 >= 0x30 && $0 <= 0x39) }) {
            u += -1
        } else {
            let pattern = CasePattern(word.core)
            switch pattern {
            case .title: u += word.sentenceStart || word.afterElision ? 1.5 : 2.5
            case .upper: u += 2.5
            case .lower: u += word.core.count <= 3 ? 1.0 : 0.5
            case .mixed: u += 0
            }
            // An English word is as likely right as its English frequency says, less the two
            // orders of magnitude of English in a French text (`mount` stays, `fail` → `fait`).
            if pattern != .mixed, let english = knowledge.lexicon.english.zipf(word.core) {
                u = max(u, english - 2)
            }
        }
        return u - 9
    }

    /// How much less likely a long lowercase word is right as written when a correction one edit
    /// away exists: a real word the lexicon lacks seldom falls that close to a known word by
    /// chance, and the longer it is the less (`préjudiciabes` → `préjudiciables`,
    /// `considérablemeat` → `considérablement`; log10, 0.15 per letter past seven, at most 1).
    /// Not asked for a candidate that differs only by its accents: spellings reformed or old
    /// differ there on purpose (`recéleurs` stays). Nor for a word at a line's edge, which may be
    /// a piece of a word cut across lines, nor for an English word (`unstable` is no `un stable`).
    func lengthDoubt(_ word: Word) -> Double {
        guard word.core.count > 7, !word.lineEdge, CasePattern(word.core) == .lower,
              knowledge.lexicon.english.zipf(word.core) == nil else { return 0 }
        return min(1.0, 0.15 * Double(word.core.count - 7))
    }

    mutating func repairWord(_ word: Word, counts: inout Counts) -> TextEdit? {
        let range = word.token.coreStart..<word.token.coreEnd
        if let comma = word.core.firstIndex(of: 0x2C) {
            guard let joined = joinAtComma(word.core, comma) else { return nil }
            counts.count("comma")
            return TextEdit(range: range, replacement: JoinedText.string(joined), rule: "comma", confidence: 0.9)
        }
        // A misread elided article in front of a known word: I’Office, |’entrée.
        if let a = word.core.firstIndex(where: { JoinedText.isApostrophe($0) || $0 == 0x22 }), a >= 1, a <= 6, a < word.core.count - 1 {
            let prefix = Array(word.core[..<a])
            let rest = Array(word.core[(a + 1)...])
            guard let fixedPrefix = elisionPrefix(prefix, sentenceStart: word.sentenceStart, before: rest.first) else { return nil }
            let apostrophe = apostrophe(replacing: word.core[a])
            var restText = rest
            var rule = "elision"
            var confidence = 0.95
            if rest == [0x61], CasePattern.lower(fixedPrefix) == Self.jusqu {
                // `jusqu’a` is always `jusqu’à`: the engine lost the accent.
                restText = [0xE0]
                rule = "a-grave"
            } else if let capital = capitalO(rest, after: fixedPrefix) {
                restText = capital
                rule = "case"
                confidence = 0.9
            } else if knowledge.known(rest) == nil {
                let restWord = Word(token: word.token, core: rest, known: nil, sentenceStart: false, afterElision: true)
                // The elided word follows its article or pronoun, not the word before.
                afterAuxiliary = false
                guard let (best, conf, bestRule) = decide(restWord) else { return nil }
                restText = best
                confidence = conf
                rule = bestRule
            }
            guard let first = restText.first, Self.startsWithVowelSound(first) else { return nil }
            let replacement = fixedPrefix + [apostrophe] + restText
            guard replacement != word.core else { return nil }
            counts.count(rule == "elision" ? "elision" : rule)
            return TextEdit(range: range, replacement: JoinedText.string(replacement), rule: rule, confidence: confidence)
        }
        if word.known != nil {
            // A compound known only as two known words (`tempe-rature`, `tempe` and `rature`) is
            // the hyphen of a line end left in a joined word when the word without it, with an
            // accent or a letter repaired, is the better reading (`température`).
            guard word.known?.entry == nil, word.core.contains(0x2D), !word.isName,
                  let (best, confidence, rule) = decide(word), rule == "hyphen", CasePattern(best) != .mixed else { return nil }
            counts.count(rule)
            return TextEdit(range: range, replacement: JoinedText.string(best), rule: rule, confidence: confidence)
        }
        // ASCII capitals with an underscore are an identifier (`LC_*`, `MSG_DONTROUTE`), not a
        // word with a glyph the engine could not read (`e_ec`, `RÉ_ÉTER`).
        if word.core.contains(0x5F), word.core.allSatisfy({ $0 < 0x80 }), CasePattern(word.core) == .upper { return nil }
        // A name's parts are no words to repair either.
        if word.core.contains(0x2D), !word.isName, let edit = repairCompound(word, counts: &counts) { return edit }
        if let edit = innerCapitalEdit(word, search: true, counts: &counts) { return edit }
        guard case (var best, var confidence, let rule)? = decide(word) else { return nil }
        if rule == "split" && !split { return nil }
        // An abbreviation may only be completed (`standar.` → `standard.`), not read as another
        // word (`pharm.` is no `phare.`).
        if word.abbreviation, !(best.starts(with: word.core) && best.count <= word.core.count + 2) { return nil }
        // A capital read for `l’` (`Vémission`) opens a sentence as `L’émission`.
        if rule == "elision", word.sentenceStart, best.first == 0x6C, let first = word.core.first, first != 0x6C { best[0] = 0x4C }
        // `ala` → `a la` → `à la`: the split-off `a` gets the context rule too.
        if rule == "split", context, best.count > 2, best[0] == 0x61, best[1] == 0x20,
           let decision = ContextRules.classifyA(previous: nil, next: [ContextRules.contextForm(JoinedText.string(Array(best[2...])))],
                                                 knowledge: knowledge, dropsGraveA: profile.dropsGraveA), decision.preposition {
            best[0] = 0xE0
            confidence = min(confidence, decision.confidence)
        }
        counts.count(rule)
        return TextEdit(range: range, replacement: JoinedText.string(best), rule: rule, confidence: confidence)
    }

    /// The elided word after which `a` is always `à` (`jusqu’à`; `qu’a` is `que a`).
    static let jusqu: [UInt32] = Array("jusqu".unicodeScalars.map(\.value))

    /// `chaine`, `connait`, `complétement` → `chaîne`, `connaît`, `complètement`, in a document
    /// whose OCR loses accents (it prints unknown words that are words with accents): a form the
    /// lexicon knows only as a variant (the 1990 reform's, an old one) whose classical form, the
    /// same letters with other accents, is more frequent. A classical word (`taches` beside
    /// `tâches`: see `circumflexSpelling`) and a document that keeps its accents stay.
    func classicalSpelling(_ word: Word, _ bytes: [UInt8]) -> TextEdit? {
        guard profile.losesAccents, let hit = word.known, hit.flags & LexiconFlags.variant != 0, hit.flags & LexiconFlags.dicollecte == 0,
              word.token.coreEnd - word.token.coreStart >= 4 else { return nil }
        let written = core(of: word, bytes)
        guard CasePattern(written) == .lower, let best = mostFrequentTwin(of: written, where: { other, form in
            other.flags & LexiconFlags.dicollecte != 0 && other.zipf >= hit.zipf + 0.3 && CasePattern(form) == .lower && form != written
        }) else { return nil }
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(best), rule: "accent", confidence: 0.8)
    }

    /// The most frequent entry of the fold of `written` (same letters, other accents) that
    /// `accept` takes, given its hit and its form.
    func mostFrequentTwin(of written: [UInt32], where accept: (WordKnowledge.Hit, [UInt32]) -> Bool) -> [UInt32]? {
        let lexicon = knowledge.lexicon.compiled
        var folded: [UInt8] = []
        JoinedText.bytes(written).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
        guard let fold = lexicon.fold(folded) else { return nil }
        var best: (form: [UInt32], zipf: Double)?
        for e in lexicon.entries(ofFold: fold) {
            let other = knowledge.hit(Int(e))
            guard other.zipf > best?.zipf ?? 0 else { continue }
            let form = JoinedText.scalars(lexicon.form(Int(e)))
            if accept(other, form) { best = (form, other.zipf) }
        }
        return best?.form
    }

    /// `l’office` → `l’Office`, `l’organisation` → `l’Organisation` in a UN document (see
    /// `DocumentProfile.isUNDocument`) that writes the word capitalised elsewhere or names the
    /// body in full (`l’office des Nations Unies`, which the domain's names capitalise: a first
    /// run that capitalised it gives a second run no more evidence): the engine read the capital
    /// `O`, the same shape as `o`, small. UN texts write `l’Office` for the Office they name.
    /// Before `du` the word is the common noun (`l’office du juge`; `l’Office de continuer`).
    func capitalO(_ rest: [UInt32], after prefix: [UInt32]) -> [UInt32]? {
        guard rest.count >= 5, rest[0] == 0x6F, CasePattern.lower(prefix) == [0x6C], CasePattern(rest) == .lower, profile.isUNDocument,
              neighbours.next != [0x64, 0x75] else { return nil }
        var capital = rest
        capital[0] = 0x4F
        guard let hit = knowledge.exact(capital), hit.flags & LexiconFlags.domain != 0,
              JoinedText.withBytes(capital, { profile.showsCapitalO($0) }) else { return nil }
        return capital
    }

    /// Whether `word` (after its elision) and the token after it open a name of the domain that
    /// writes the word capitalised (`Office des`), compared in lowercase.
    func opensDomainName(_ word: UnsafeBufferPointer<UInt8>, next: WordToken, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard next.kind == .word else { return false }
        var pair: [UInt8] = []
        Folding.lower(word, into: &pair)
        var after: [UInt8] = []
        Folding.lower(UnsafeBufferPointer(rebasing: p[next.coreStart..<next.coreEnd]), into: &after)
        guard knowledge.lexicon.pairs.contains(pair + [0x20] + after) else { return false }
        pair[0] = 0x4F
        return knowledge.lexicon.casedPairs.contains(pair + [0x20] + after)
    }

    /// `taches` → `tâches`, `foret` → `forêt` in a document whose OCR cannot read circumflexes
    /// (see `DocumentProfile.losesCircumflexes`): a known lowercase word of four letters or more
    /// whose twin with a circumflex is more frequent was most likely printed with it. A twin
    /// less frequent stays (`sur`, `mur`, `notre` are not `sûr`, `mûr`, `nôtre`).
    func circumflexSpelling(_ word: Word, _ bytes: [UInt8]) -> TextEdit? {
        guard profile.losesCircumflexes, let hit = word.known, word.token.coreEnd - word.token.coreStart >= 4 else { return nil }
        let written = core(of: word, bytes)
        guard CasePattern(written) == .lower, let best = mostFrequentTwin(of: written, where: { other, form in
            other.zipf > hit.zipf && WordKnowledge.addsCircumflexes(written, to: form)
        }) else { return nil }
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(best), rule: "accent", confidence: 0.8)
    }

    /// `oeuvre`, `coeur`, `noeud` → `œuvre`, `cœur`, `nœud` in a document that prints ligatures
    /// (see `DocumentProfile.printsLigatures`): the engine read `œ` as two letters. A word the
    /// lexicon knows with `oe` (`coexister`) stays, and so does a document typed without
    /// ligatures (`'` apostrophes and no `œ`). Latin `ae` stays too: today's print sets
    /// `ex aequo` as often as `ex æquo`.
    func ligatureSpelling(_ word: Word, _ bytes: [UInt8]) -> TextEdit? {
        guard let hit = word.known, hit.entry == nil, word.token.coreEnd - word.token.coreStart >= 4, profile.printsLigatures else { return nil }
        let written = core(of: word, bytes)
        guard let modern = WordKnowledge.spellingVariant(written), modern.count == written.count - 1,
              modern.contains(where: { $0 == 0x153 || $0 == 0x152 }), knowledge.lookup(modern) != nil else { return nil }
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(modern), rule: "ligature", confidence: 0.8)
    }

    /// A word with a comma inside, between two letters: a speck the engine read as a comma
    /// (`e,st` → `est`, `sy,stème` → `système`, `de,s` → `des`) when the word without it is known
    /// and the two sides are not both words (`sur,tout` may be `sur, tout`; `du,soir` and the
    /// `{n,m}` of a pattern stay).
    func joinAtComma(_ core: [UInt32], _ comma: Int) -> [UInt32]? {
        let left = Array(core[..<comma]), right = Array(core[(comma + 1)...])
        let joined = left + right
        guard joined.count >= 3, knowledge.known(joined) != nil else { return nil }
        if left.count >= 2, right.count >= 2, knowledge.known(left) != nil, knowledge.known(right) != nil { return nil }
        return joined
    }

    /// A hyphen left from a line break inside a word whose pieces happen to be words (`té-moins`),
    /// or whose pieces are no words in a document that keeps such hyphens (`com-mise`): joined
    /// when the compound is not in the lexicon and `hyphenCut` says so (`auto-évaluation`,
    /// `sous-régional`, `dit-on` stay).
    func joinHyphenated(_ word: Word) -> TextEdit? {
        // An elided article stays in front (`l’amende-ment` → `l’amendement`).
        let (article, body) = WordKnowledge.splitElision(word.core) ?? ([], word.core)
        guard let joined = hyphenCut(body, anyKnownJoin: profile.keepsBreakHyphens) else { return nil }
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(article + joined.text), rule: "hyphen", confidence: 0.85)
    }

    /// The word a word of two hyphenated pieces is when it is one word cut at a line end, or nil:
    /// the joined word is known and clearly more frequent than its rarer piece, or the second
    /// piece is the ending `ment`, no word of a compound whatever *mentir* says (`logique-ment`).
    /// A pronoun after a verb's hyphen is an inversion (`dit-on`). `anyKnownJoin`, for a document
    /// that keeps such cuts (`DocumentProfile.keepsBreakHyphens`): a known joined word is enough
    /// (`main-tenir`).
    func hyphenCut(_ body: [UInt32], anyKnownJoin: Bool) -> CandidateGenerator.Candidate? {
        let parts = body.split(separator: 0x2D)
        guard parts.count == 2, !isInversion(parts), let joined = generator.hyphenJoin(body) else { return nil }
        if anyKnownJoin || Self.suffixPieces.contains(CasePattern.lower(Array(parts[1]))) { return joined }
        let rarest = parts.map { knowledge.lookup(Array($0))?.zipf ?? 0 }.min()!
        return joined.logPrior + 9 >= rarest + 0.5 ? joined : nil
    }

    /// A verb and the pronoun a hyphen binds to it (`dit-on`, `ai-je`), or a demonstrative and its
    /// particle (`celui-ci`): no cut word, even where the two make a word (`diton`). After another
    /// word the same pieces are syllables (`sal-le`, `fil-les`).
    func isInversion(_ parts: [ArraySlice<UInt32>]) -> Bool {
        guard parts.count == 2, Self.invertedPieces.contains(CasePattern.lower(Array(parts[1]))) else { return false }
        let first = CasePattern.lower(Array(parts[0]))
        return Self.demonstratives.contains(first) || (knowledge.lookup(first).map { $0.flags & LexiconFlags.finiteVerb != 0 } ?? false)
    }

    static let demonstratives: Set<[UInt32]> = Set(["celui", "celle", "ceux", "celles", "ce", "cet", "cette", "ces"].map { $0.unicodeScalars.map(\.value) })

    /// Pronouns and particles a hyphen binds to the word before.
    static let invertedPieces: Set<[UInt32]> = Set(["on", "il", "ils", "elle", "elles", "je", "tu", "nous", "vous", "ce", "y", "en", "moi", "toi",
                                                     "lui", "leur", "la", "le", "les", "ci", "là"].map { $0.unicodeScalars.map(\.value) })

    /// Word endings that are also words, never the second word of a compound.
    static let suffixPieces: Set<[UInt32]> = [Array("ment".unicodeScalars.map(\.value)), Array("ments".unicodeScalars.map(\.value))]

    /// A hyphenated compound with an unknown part: the parts are repaired one by one
    /// (`cinquante-huitiéme` → `cinquante-huitième`), unless the hyphen itself is the error.
    mutating func repairCompound(_ word: Word, counts: inout Counts) -> TextEdit? {
        if let (best, confidence, rule) = decide(word), rule == "hyphen" {
            counts.count(rule)
            return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(best), rule: rule, confidence: confidence)
        }
        let parts = word.core.split(separator: 0x2D, omittingEmptySubsequences: false).map(Array.init)
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        var out: [UInt32] = []
        var changed = false
        var confidence = 1.0
        var rule = ""
        for (k, part) in parts.enumerated() {
            if k > 0 { out.append(0x2D) }
            if knowledge.known(part) != nil {
                out += part
                continue
            }
            let partWord = Word(token: word.token, core: part, known: nil, sentenceStart: word.sentenceStart && k == 0)
            guard let (best, c, r) = decide(partWord), r != "split" else { return nil }
            out += best
            changed = true
            confidence = min(confidence, c)
            rule = r
        }
        guard changed else { return nil }
        counts.count(rule)
        return TextEdit(range: word.token.coreStart..<word.token.coreEnd, replacement: JoinedText.string(out), rule: rule, confidence: confidence)
    }

    /// `importance-sur`, `situation-et`, `la-justice` → `importance sur`, `situation et`, `la
    /// justice`: words an engine or a flattened export joined with a hyphen where the page had a
    /// space or a line break. Only where a preposition, conjunction or article stands beside a
    /// known lowercase word and neither the compound nor the two parts joined are a word, with or
    /// without accents (`au-dessus`, `vis-à-vis`, `la-bas` for `là-bas`, and `de-main`, a word cut
    /// at a line end, stay); a pronoun after the hyphen is an inversion or an imperative
    /// (`dit-il`, `donne-le`), and names keep their hyphens (`Saint-Jean-de-Luz`).
    func spacedCompound(_ core: [UInt32]) -> [UInt32]? {
        let parts = core.split(separator: 0x2D, omittingEmptySubsequences: false).map(Array.init)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && CasePattern($0) == .lower && $0.allSatisfy(UTF8Bytes.isLetter) }),
              knowledge.known(parts[0]) != nil, knowledge.known(parts[1]) != nil else { return nil }
        let left = JoinedText.string(parts[0]), right = JoinedText.string(parts[1])
        guard (Self.hyphenGlueBefore.contains(left) && parts[1].count >= 3) || (Self.hyphenGlueAfter.contains(right) && parts[0].count >= 3) else { return nil }
        // Neither the compound nor the word cut at a line end (`de-main`, `les-quelles`) is a word.
        for form in [core, parts[0] + parts[1]] {
            var folded: [UInt8] = []
            JoinedText.bytes(form).withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
            guard knowledge.lexicon.compiled.fold(folded) == nil else { return nil }
        }
        return parts[0] + [0x20] + parts[1]
    }

    /// Words that open a group and are never the first part of a compound not in the lexicon.
    static let hyphenGlueBefore: Set<String> = ["de", "des", "du", "à", "au", "aux", "la", "le", "les", "un", "une", "et", "ou", "par", "pour", "avec", "dans", "qui", "que"]
    /// Words that follow and are never the last part of a compound not in the lexicon.
    static let hyphenGlueAfter: Set<String> = ["et", "ou", "sur", "de", "des", "du", "à", "au", "aux", "dans", "par", "pour", "avec", "qui", "que"]

    /// A capitalised word opening a sentence of a UN document: often a resolution's paragraph,
    /// which a few verbs open (`Réafirme` → `Réaffirme`, `Inquitte` → `Inquiète`; see
    /// `Lexicon.openers`).
    func opensParagraph(_ word: Word) -> Bool {
        (word.sentenceStart || word.paragraphStart) && !knowledge.lexicon.openers.isEmpty && CasePattern(word.core) == .title && profile.isUNDocument
    }

    /// Whether a candidate is one of the words that open resolutions' paragraphs.
    func isOpener(_ c: CandidateGenerator.Candidate) -> Bool {
        c.rule != "split" && knowledge.lexicon.openers.contains(Folding.lower(JoinedText.string(c.text)))
    }

    /// The candidates for an unknown word (searched once per document and word), adjusted to what
    /// the document shows: its apostrophe, accented capitals, how often it glues words.
    mutating func adjustedCandidates(_ word: Word) -> [CandidateGenerator.Candidate] {
        // A capitalised word inside a sentence is a name, not an elision that lost its apostrophe
        // with its capital kept: `née Javal` is no `née J’aval` (the elided word would not take a
        // capital there); `Iexamen` may still be `l’examen`. Asked first: no search for a name.
        if word.isName { return [] }
        let raw: [CandidateGenerator.Candidate]
        if let cached = candidateCache[word.core] {
            raw = cached
        } else {
            searches += 1
            raw = generator.candidates(for: word.core)
            if candidateCache.count >= Self.cacheSize { candidateCache.removeAll(keepingCapacity: true) }
            candidateCache[word.core] = raw
        }
        let capitals = profile.capitalAccents
        let casing = CasePattern(word.core)
        let name = !word.sentenceStart && casing == .title && !opensQuotation(word)
        // A glyph the engine could not read before the first letter stands for a letter
        // (`_rotocoles` → `protocoles`); dropped, it would turn identifiers into words (`_exit`).
        let leadingHole = word.core.first == 0x5F
        let pairs = knowledge.lexicon.pairs
        let neighbours = neighbours, capitalisedNeighbours = capitalisedNeighbours
        // A capitalised word is edited only behind an elided article, or into a word that makes
        // a pair of the domain lexicon with the word beside it: a capitalised one (a name:
        // `Naions Unies` → `Nations Unies`), or any when the capital is the sentence's (`Txhorte
        // les` → `Exhorte les`). A dash before the word stays (`-Pour le`).
        let sentenceStart = word.sentenceStart
        let opener = opensParagraph(word)
        let opensWithLetter = word.core.first.map(UTF8Bytes.isLetter) ?? false
        func inDomainPair(_ c: CandidateGenerator.Candidate) -> Bool {
            guard !pairs.isEmpty, opensWithLetter else { return false }
            let lower = Folding.lower(JoinedText.string(c.text))
            if capitalisedNeighbours.next || sentenceStart, let next = neighbours.next, pairs.contains(lower + [0x20] + next) { return true }
            if capitalisedNeighbours.previous, let previous = neighbours.previous, pairs.contains(previous + [0x20] + lower) { return true }
            return false
        }
        // No word becomes the bare article or pronoun of an elision (`|` is no `l` without its `’`).
        var out = CandidateGenerator.adjusted(raw, for: word.core, allowCapitalAccents: profile.allowCapitalAccents, apostrophe: profile.apostrophe,
                                              joinCost: profile.joinCost, seen: { capitals.shows($0) })
            .filter { (split || $0.rule != "split") && !(name && $0.rule == "elision" && $0.text.first == word.core.first)
                && !Self.isBareElision($0.text)
                && !(leadingHole && $0.text.count < word.core.count)
                && (!CandidateGenerator.titleEdit($0, casing) || (word.afterElision && $0.logPrior >= 4 - 9) || inDomainPair($0) || (opener && isOpener($0))) }
        for c in pairCandidates(word) where !out.contains(where: { $0.text == c.text }) { out.append(c) }
        if opener {
            for c in openerCandidates(word) where !out.contains(where: { $0.text == c.text }) { out.append(c) }
        }
        return out
    }

    /// The paragraph openers one misreading away from a capitalised word that opens a
    /// paragraph of a UN text (`Pric` → `Prie`): the search by folds keeps the most frequent
    /// words only (`Prit`, `Pris`, `Prix`), which may crowd the opener out.
    func openerCandidates(_ word: Word) -> [CandidateGenerator.Candidate] {
        let lower = CasePattern.lower(word.core)
        var out: [CandidateGenerator.Candidate] = []
        for opener in knowledge.lexicon.openers {
            let form = opener.withUnsafeBufferPointer { JoinedText.scalars($0) }
            guard abs(form.count - lower.count) <= 1, form != lower, let hit = knowledge.known(form) else { continue }
            let path = generator.model.explain(observed: lower, intended: form)
            guard path.generic <= 1, path.cost < 4 else { continue }
            out.append(CandidateGenerator.Candidate(text: CasePattern.title.apply(to: form), logPrior: hit.zipf - 9, cost: path.cost,
                                                    rule: path.generic > 0 ? "edit" : "confusion"))
        }
        return out
    }

    /// Whether the word follows an opening quotation mark (`«`, `“`), where a capital opens a
    /// quotation or a title as at a sentence's start: `« Lintégration de la prévention` is
    /// `« L’intégration`, no name.
    func opensQuotation(_ word: Word) -> Bool {
        var k = min(word.token.coreStart, recordBytes.count)
        while k > 0, recordBytes[k - 1] == 0x20 { k -= 1 }
        guard k >= 2 else { return false }
        if recordBytes[k - 2] == 0xC2, recordBytes[k - 1] == 0xAB { return true }
        return k >= 3 && recordBytes[k - 3] == 0xE2 && recordBytes[k - 2] == 0x80 && recordBytes[k - 1] == 0x9C
    }

    /// `l`, `d`, `qu`, `jusqu`: an elided word without its apostrophe, never a word on its own.
    static func isBareElision(_ text: [UInt32]) -> Bool {
        text.count <= 6 && ElisionRules.bare.contains(count: text.count) { k in
            let v = text[k]
            return v < 0x80 ? UInt8(v) : 0
        }
    }

    /// The domain's word a neighbour calls for, when the written word is one or two letters from
    /// it (folded; two letters lost or added only from five letters on): `Prats Membres`, `Écacs
    /// Membres`, `Tats parties` → `États`, `Nains Unies` → `Nations`. Such an error is too
    /// far from the word for the confusion table alone, but the pair says what stood there; the
    /// pair's bonus in `decide` then weighs it. Each letter costs as much as a confusion of the
    /// table's middle range; the word's case pattern and the document's capital accents are kept.
    func pairCandidates(_ word: Word) -> [CandidateGenerator.Candidate] {
        guard word.known == nil, word.core.count >= 4, word.core.allSatisfy(UTF8Bytes.isLetter) else { return [] }
        // Only a neighbour across white space (`Pour` after `entre.` is no pair).
        func spaces(_ range: Range<Int>) -> Bool { !range.isEmpty && recordBytes[range].allSatisfy { $0 == 0x20 } }
        // A grammatical word calls for nothing (`contre` follows `lutte` and a hundred words).
        func content(_ word: [UInt8]) -> Bool {
            word.withUnsafeBufferPointer { knowledge.knownBytes($0) }.map { $0.flags & LexiconFlags.grammatical == 0 } == true
        }
        let index = knowledge.lexicon.pairIndex
        var forms: [DomainPairIndex.Word] = []
        if let next = neighbours.next, let words = index.byNext[next], let range = neighbourRanges.next,
           spaces(word.token.coreEnd..<range.lowerBound), content(next) {
            forms += words
        }
        if let previous = neighbours.previous, let words = index.byPrevious[previous], let range = neighbourRanges.previous,
           spaces(range.upperBound..<word.token.coreStart), content(previous) {
            forms += words
        }
        guard !forms.isEmpty else { return [] }
        let folded = Folding.fold(JoinedText.string(word.core))
        // A word with its accents lost (`Etats`) is that word: its own candidates decide.
        guard knowledge.lexicon.compiled.fold(folded) == nil else { return [] }
        let written = folded.map(Int.init)
        let casing = CasePattern(word.core)
        var out: [CandidateGenerator.Candidate] = []
        for pairWord in forms {
            let target = pairWord.folded
            guard abs(target.count - written.count) <= (written.count >= 5 ? 2 : 1) else { continue }
            let distance = EditDistance.distance(written, target)
            // The word with a letter or two before it is an elided article glued on (`lassistance
            // technique`), which the elision rules read; with letters after it, a word glued on
            // (`Unies contrela`), which a split reads.
            guard distance >= 1, distance <= 2,
                  !(written.count > target.count && (written.suffix(target.count).elementsEqual(target) || written.starts(with: target))) else { continue }
            var text = pairWord.form.withUnsafeBufferPointer { JoinedText.scalars($0) }
            if casing == .upper { text = CasePattern.upper.apply(to: text) }
            guard let hit = knowledge.known(text) else { continue }
            var cost = 1.2 * Double(distance)
            // A document that writes no accent on capitals gets `Etats`, unless the word shows its
            // accent itself (`Étatg`); `decide` finds no pair for that form, so the candidate
            // carries the pair's bonus itself.
            if let first = text.first, Folding.isUpper(first), Folding.base(first) != 0, UInt32(Folding.base(first)) != Folding.lower(first),
               word.core.first != first, !profile.allowCapitalAccents, !profile.showsCapitalAccent(text) {
                text[0] = UInt32(Folding.base(first)) - 0x20
                cost -= Self.pairBonus
            }
            out.append(CandidateGenerator.Candidate(text: text, logPrior: hit.zipf - 9, cost: cost, rule: "pair"))
        }
        return out
    }

    /// Whether the domain writes this capitalised form in a pair with a neighbour as written
    /// (`États` before `Membres`), a neighbour of four letters or more: `de Justice` (in `Cour
    /// internationale de Justice`) says nothing of `de justice pénale`.
    func domainWrites(_ form: [UInt8]) -> Bool {
        let cased = knowledge.lexicon.casedPairs
        if let previous = neighbourRanges.previous, previous.count >= 4, cased.contains(recordBytes[previous] + [0x20] + form) { return true }
        if let next = neighbourRanges.next, next.count >= 4, cased.contains(form + [0x20] + recordBytes[next]) { return true }
        return false
    }

    /// What a candidate gains (log10) when it makes a pair of the domain lexicon with a neighbour.
    static let pairBonus = 1.5

    /// What a candidate gains (log10) at the start of a sentence of a UN document when it is a
    /// word that opens resolutions' paragraphs: there it is a hundred times likelier than in
    /// running text.
    static let openerBonus = 2.0

    /// Whether a split that opens with the pronoun `y` has the subject pronoun it needs before it
    /// (`il yavait` → `il y avait`); elsewhere `y` opens no clause (`NotAutomatic: yes` is no `y
    /// es`). An elided pronoun or negation is part of the word (`s’yrapportant`, `n’yest`: the
    /// caller lets those pass). Other splits pass.
    func yFollowsItsSubject(_ split: [UInt32]) -> Bool {
        guard split.count > 2, split[0] | 0x20 == 0x79, split[1] == 0x20 else { return true }
        return neighbours.previous.map { CandidateGenerator.personalPronouns.contains(String(decoding: $0, as: UTF8.self)) } ?? false
    }

    /// What a candidate loses (log10) when the determiner before the word rules it out.
    static let disagreementCost = 1.0

    /// The candidates (indices) the determiner right before the word rules out: nouns and
    /// adjectives of another number or gender (`les effortg` is `efforts`, not `effort`; `des
    /// Étatg` is `États`); after a determiner that is no pronoun (`un`, `des`, `cette`…), verb
    /// forms that are no noun or adjective (`un void` is no `un voir`; after `le`, `la`, `les` a
    /// verb may follow: `s’ils le juqent` → `jugent`); and words of other kinds, adverbs,
    /// prepositions, conjunctions (`les pré-` is no `les près`), but for the few that stand
    /// before an adjective (`les très nombreux`, `les plus`). A split's first word is the one that
    /// follows the determiner: it is ruled out when that word is a preposition (`cette derive` is
    /// no `cette de rive`, `des partemps` no `des par temps`), unless the determiner may be a
    /// pronoun (`un deses` is `un de ses`, `ce à quoi`). Other short words may follow one (`du
    /// oudes` is `du ou des`, `ce quiconnecte` is `ce qui connecte`).
    func ruledOutByDeterminer(_ candidates: [CandidateGenerator.Candidate], _ word: Word) -> Set<Int> {
        guard let previous = neighbours.previous, previous.count <= 9, let range = neighbourRanges.previous,
              range.upperBound < word.token.coreStart, recordBytes[range.upperBound..<word.token.coreStart].allSatisfy({ $0 == 0x20 }) else { return [] }
        let determiner = String(decoding: previous, as: UTF8.self)
        guard CandidateGenerator.pluralDeterminers.contains(determiner) || CandidateGenerator.singularDeterminers.contains(determiner) else { return [] }
        let pure = CandidateGenerator.pureDeterminers.contains(determiner)
        let left = previous.map(UInt32.init)
        var out: Set<Int> = []
        for (k, c) in candidates.enumerated() {
            if c.rule == "split" {
                if !Self.pronounDeterminers.contains(determiner), let space = c.text.firstIndex(of: 0x20),
                   FunctionWords.neverAfterDeterminer.contains(CasePattern.lower(Array(c.text[..<space]))) {
                    out.insert(k)
                }
                continue
            }
            guard let flags = knowledge.lookup(c.text)?.flags else { continue }
            let verb = flags & (LexiconFlags.finiteVerb | LexiconFlags.infinitive) != 0
            if flags & (LexiconFlags.noun | LexiconFlags.adjective) != 0 {
                if !verb, !CandidateGenerator.agrees(left, CasePattern.lower(c.text), flags) { out.insert(k) }
            } else if verb {
                if pure { out.insert(k) }
            } else if flags & (LexiconFlags.adverb | LexiconFlags.grammatical) != 0, flags & LexiconFlags.properNoun == 0,
                      !Self.beforeAdjective.contains(JoinedText.string(CasePattern.lower(c.text))) {
                out.insert(k)
            }
        }
        return out
    }

    /// Determiners that are pronouns too, which a preposition may follow (`un de ses`, `ce à quoi`).
    static let pronounDeterminers: Set<String> = ["un", "une", "ce"]

    /// Adverbs that stand between a determiner and an adjective (`les très nombreux`, `les tout
    /// premiers`).
    static let beforeAdjective: Set<String> = ["très", "trop", "si", "aussi", "tout", "peu", "mieux", "moins", "plus", "fort", "bien", "non"]

    /// The best correction of an unknown word and its probability, when it reaches `min-confidence`.
    mutating func decide(_ word: Word) -> ([UInt32], Double, String)? {
        let candidates = adjustedCandidates(word)
        guard !candidates.isEmpty else { return nil }
        let keep = keepScore(word)
        let pairs = knowledge.lexicon.pairs
        // After *avoir* a past participle, not a finite verb form (`a decide` → `a décidé`).
        let participleExpected = afterAuxiliary && CasePattern(word.core) == .lower
        // The document as its own dictionary: a word of four letters or more that it writes the
        // same way three times or more is one of its terms (`struct`, `grep`, `soname` in a
        // manual page) rather than a word an arbitrary edit away, a name in another case (`yes`
        // is no `Yes`) or, from five letters, two words glued (`futex`). A misreading that
        // repeats is one of the engine's confusions (`identikants`, `ceuvre`, `Tintervalle`,
        // `régle`, `Sila`, `duns` for `d’uns` or `dans`): a word with such a candidate is left to
        // the scores as they are.
        let seen = word.known == nil && word.core.count >= 4 ? profile.termCount(word.core) : 0
        let casing = CasePattern(word.core)
        let arbitrary = seen >= 3 && candidates.allSatisfy { c in
            c.rule == "edit" || (c.rule == "split" && word.core.count >= 5) || (c.rule == "accent" && CasePattern(c.text) != casing)
        }
        let repeatedPenalty = !arbitrary ? 0 : seen >= 5 ? 2.0 : 1.5
        let ruledOut = ruledOutByDeterminer(candidates, word)
        let opener = opensParagraph(word)
        var scores = candidates.indices.map { k -> Double in
            let c = candidates[k]
            var s = c.score - repeatedPenalty
            if ruledOut.contains(k) { s -= Self.disagreementCost }
            // (An elided word is no participle: `a n’importe quelle` is `à n’importe quelle`.)
            if participleExpected, c.rule != "split", !c.text.contains(where: JoinedText.isApostrophe), let flags = knowledge.lookup(c.text)?.flags {
                if flags & LexiconFlags.pastParticiple != 0 {
                    s += 0.5
                } else if ContextRules.onlyFiniteVerb(flags) {
                    s -= 1.5
                }
            }
            if opener, isOpener(c) { s += Self.openerBonus }
            if c.rule == "split", !word.afterElision, !yFollowsItsSubject(c.text) { s -= Self.disagreementCost }
            // A word before a full stop may be an abbreviation of the domain list (`Tbid.` → `Ibid.`).
            if word.beforeStop, c.rule != "split", let hit = knowledge.exact(c.text + [0x2E]), hit.flags & LexiconFlags.abbreviation != 0 {
                s += 1.5
            }
            // A domain pair with the word before or after (`criminalité organisée`, `États
            // Membres`), or, for a split, between its two words (`Priele` → `Prie le`, a
            // resolution's opener). A lowercase word pairs in the form the domain writes when that
            // form has a capital of its own: the capitalised candidate gets back what the capital
            // cost, its lowercase twin gets no pair (`les _tats Membres` → `les États Membres`;
            // `États parcies` stays `parties`, as the domain writes `États parties`).
            if !pairs.isEmpty {
                let lower = Folding.lower(JoinedText.string(c.text))
                if c.rule == "split" {
                    if pairs.contains(lower) { s += Self.pairBonus }
                } else if (neighbours.previous.map { pairs.contains($0 + [0x20] + lower) } ?? false)
                            || (neighbours.next.map { pairs.contains(lower + [0x20] + $0) } ?? false) {
                    if casing != .lower || c.rule == "elision" {
                        s += Self.pairBonus
                    } else if c.name {
                        s += Self.pairBonus + (domainWrites(JoinedText.bytes(c.text)) ? CandidateGenerator.ownCapitalCost : 0)
                    } else if !domainWrites(JoinedText.bytes(CasePattern.title(c.text))) {
                        s += Self.pairBonus
                    }
                }
            }
            return s
        }
        let best = scores.indices.max { scores[$0] < scores[$1] }!
        let top = scores[best]
        let keepAsWritten = candidates[best].rule == "accent" ? keep : keep - lengthDoubt(word)
        var total = pow10(keepAsWritten - top)
        for s in scores { total += pow10(s - top) }
        let confidence = 1 / total
        scores.removeAll()
        guard confidence >= minConfidence else { return nil }
        return (candidates[best].text, confidence, candidates[best].rule)
    }
}

extension RepairWords {
    /// The candidates for one word out of context, with their scores: for `ocr-clean dict explain`.
    public static func explain(_ text: String, resources: Resources) throws -> String {
        let stage = try RepairWords(options: StageOptions(specs: options), context: StageContext(instance: name, resources: resources))
        let core = text.unicodeScalars.map(\.value)
        let word = Word(token: WordToken(start: 0, end: 0, coreStart: 0, coreEnd: 0, kind: .word, spaceBefore: 0, singleSpaceBefore: false),
                        core: core, known: stage.knowledge.known(core), sentenceStart: false)
        func round(_ x: Double) -> String { String(Double(Int((x * 100).rounded())) / 100) }
        var out = "  keep: \(round(stage.keepScore(word)))\(word.known != nil ? " (known)" : "")\n"
        for c in CandidateGenerator.adjusted(stage.generator.candidates(for: core), for: core, allowCapitalAccents: true, apostrophe: 0x2019,
                                             joinCost: stage.generator.model.joinCost, seen: { _ in true }) {
            out += "  \(JoinedText.string(c.text)): \(c.rule), prior \(round(c.logPrior)), cost \(round(c.cost)), score \(round(c.score))\n"
        }
        return out
    }
}

@inline(__always)
func pow10(_ x: Double) -> Double { x < -30 ? 0 : (x > 30 ? 1e30 : Glibc.pow(10, x)) }
