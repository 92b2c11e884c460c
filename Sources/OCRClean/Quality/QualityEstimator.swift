/// How good an OCR text looks without ground truth: the share of its words the lexicons know,
/// the share of garbage tokens (see `GarbageRules`), the changes the pipeline made per 1,000
/// words by rule, and from these an estimated character error rate.
///
/// The estimate is a model fitted on pages we generate ourselves (French man pages rendered,
/// degraded and OCR'd, `Dictionaries/fit-quality.py`), stored in `Dictionaries/quality-model.tsv`:
/// `CER ≈ exp(b0 + b1·unknown + b2·garbage + b3·changes + b4·short)` where unknown and garbage are
/// shares of words, changes the share of words the pipeline changed, short the share of one- and
/// two-letter tokens other than French function words.
public struct QualityEstimator: Sendable {
    let knowledge: WordKnowledge
    let letters: LetterModel
    let model: QualityModel

    public init(resources: Resources) throws {
        let lexicon = try Lexicon.french(resources: resources)
        knowledge = WordKnowledge(lexicon: lexicon, protected: [])
        letters = LetterModel(lexicon: lexicon.compiled)
        model = try QualityModel(resources: resources)
    }

    /// Below this mean log probability per trigram a word does not look French (`tmnqaillitô`).
    static let implausible = -4.0

    /// The features of `text` (the document as it came in) and of the changes made to it.
    public func measure(_ text: String, changes: [Change] = []) -> QualityMetrics {
        var m = QualityMetrics()
        var text = rejoiningCutWords(text)
        var lower: [UInt8] = []
        text.withUTF8 { p in
            for b in p where b < 0x80 && Self.noise[Int(b)] { m.noiseCharacters += 1 }
            m.misplacedSpaces = Self.misplacedSpaces(p)
            m.scalars = p.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            for token in WordTokenizer.tokens(p) {
                m.characters += token.end - token.start
                if token.end - token.start == 1, token.kind != .punctuation, !Self.oneLetterWords.contains(p[token.start]) { m.strayLetters += 1 }
                guard token.kind != .punctuation else { continue }
                m.tokens += 1
                let chunk = JoinedText.scalars(UnsafeBufferPointer(rebasing: p[token.start..<token.end]))
                let trimmed = Self.trimmed(chunk)
                if GarbageRules.isGarbage(trimmed) { m.garbageTokens += 1 }
                guard token.kind == .word else { continue }
                m.words += 1
                let core = UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd])
                Folding.lower(JoinedText.afterElision(core), into: &lower)
                let logProbability = letters.logProbability(lower)
                m.letterCost -= logProbability
                if logProbability < Self.implausible { m.implausibleWords += 1 }
                if isKnown(core) {
                    m.knownWords += 1
                } else {
                    m.unknownCharacters += token.coreEnd - token.coreStart
                    if token.coreEnd - token.coreStart <= 2 { m.shortUnknown += 1 }
                }
            }
        }
        Self.add(changes, to: &m)
        m.estimatedCER = model.estimate(m)
        return m
    }

    /// Adds the changes a pipeline made to the measures.
    static func add(_ changes: [Change], to m: inout QualityMetrics) {
        for change in changes where !change.rule.isEmpty && !Self.onlyApostrophes(change) {
            for rule in change.rule.split(separator: "+") { m.changes[String(rule), default: 0] += 1 }
            if !QualityMetrics.layoutRules.contains(change.rule) {
                m.changedCharacters += max(change.before.unicodeScalars.count, change.after.unicodeScalars.count)
                let errors = EditDistance.distance(change.before.unicodeScalars.map { Int($0.value) }, change.after.unicodeScalars.map { Int($0.value) })
                m.repairedErrors += errors
                if Self.sameLetters(change.before, change.after) {
                    for rule in change.rule.split(separator: "+") { m.punctuationChanges[String(rule), default: 0] += 1 }
                    m.punctuationErrors += errors
                }
            }
        }
    }

    /// Whether a change is invisible at the `hipe` level (lowercased, punctuation dropped): it
    /// touched only punctuation, the spaces around it, or case (`l ' a` → `l’a`, `mot ,` →
    /// `mot,`). `Ia` → `la` is seen, and so is a join (`transnati onal e` → `transnationale`).
    static func sameLetters(_ a: String, _ b: String) -> Bool {
        TextComparison.prepare(a, .hipe) == TextComparison.prepare(b, .hipe)
    }

    /// Spaces no clean transcription has, left by engines and exports that space out punctuation
    /// as tokens (`inconvénients , ce`, `( quoique`, `l ' arrangement`, `d' une`): each is one
    /// character wrong. `;`, `:`, `!`, `?` are spaced in French and `«` `»` quote with spaces, so
    /// those are not counted, nor an apostrophe opening a quotation (`le mot 'test'`).
    static func misplacedSpaces(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 1
        while i + 1 < p.count {
            defer { i += 1 }
            guard p[i] == 0x20 else { continue }
            let before = p[i - 1], after = p[i + 1]
            if isWordByte(before), after == 0x2C || after == 0x2E || after == 0x29 {
                // `mot ,` `mot .` `mot )`, but not the leaders of a table (`Suisse . . . Fr.`).
                if after == 0x2E, i + 2 < p.count, p[i + 2] == 0x2E || (p[i + 2] == 0x20 && i + 3 < p.count && p[i + 3] == 0x2E) { continue }
                count += 1
            } else if before == 0x28, isWordByte(after) {
                count += 1
            } else if let length = apostropheLength(p, at: i + 1) {
                // `l ' a`: both spaces around an apostrophe between letters.
                let next = i + 1 + length
                if isWordByte(before), next + 1 < p.count, p[next] == 0x20, isWordByte(p[next + 1]) { count += 2; i = next }
            } else if isWordByte(after), let (mark, start) = UTF8Bytes.scalar(p, before: i), JoinedText.isApostrophe(mark),
                      elidedWordEnds(p, at: start) {
                // `d' une`: an elided word with a space after its apostrophe.
                count += 1
            }
        }
        return count
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    /// The length of `'` or `’` at `i`, if one is there.
    static func apostropheLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if p[i] == 0x27 { return 1 }
        if i + 2 < p.count, p[i] == 0xE2, p[i + 1] == 0x80, p[i + 2] == 0x99 { return 3 }
        return nil
    }

    /// Whether the letters before `end` are a word French elides (`l`, `d`, `qu`, `jusqu`).
    static func elidedWordEnds(_ p: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        var start = end
        while start > 0, p[start - 1] < 0x80, p[start - 1] | 0x20 >= 0x61, p[start - 1] | 0x20 <= 0x7A { start -= 1 }
        if start > 0, isWordByte(p[start - 1]) { return false }
        var word: [UInt8] = []
        for k in start..<end { word.append(p[k] | 0x20) }
        return elidedWords.contains(word)
    }

    static let elidedWords: Set<[UInt8]> = Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"].map { Array($0.utf8) })

    /// A change that only writes the document's apostrophe (`c'est` → `c’est`, recorded with the
    /// elision it checked): typography, not an OCR error, however many words it touches.
    static func onlyApostrophes(_ change: Change) -> Bool {
        let before = change.before.unicodeScalars, after = change.after.unicodeScalars
        guard before.count == after.count, before.elementsEqual(after) == false else { return false }
        return zip(before, after).allSatisfy { a, b in a == b || (JoinedText.isApostrophe(a.value) && JoinedText.isApostrophe(b.value)) }
    }

    /// The estimated character error rate of measured features (after changes were added), at
    /// the level the text would be compared with its ground truth: at `hipe` (lowercased, no
    /// punctuation) misplaced spaces and changes of punctuation or case alone are no errors.
    public func estimate(_ m: QualityMetrics, level: TextComparison.Level = .collapsed) -> Double {
        model.estimate(level == .hipe ? m.lettersOnly : m, countsSpaces: level != .hipe)
    }

    /// Runs `template` over `text` and measures the text with the changes the pipeline made,
    /// reading them as records are released (none is kept); the estimate is for `level`.
    public func assess(_ text: String, document: String, template: Pipeline, level: TextComparison.Level = .collapsed) throws -> QualityMetrics {
        var pipeline = template.resettingCounts()
        var m = measure(text)
        try DocumentRunner.forEachRecords(of: text, document: document, pipeline: &pipeline) { records in
            for record in records { Self.add(record.changes, to: &m) }
        }
        m.estimatedCER = estimate(m, level: level)
        return m
    }

    func isKnown(_ core: UnsafeBufferPointer<UInt8>) -> Bool {
        knowledge.knownBytes(core) != nil || knowledge.known(JoinedText.scalars(core)) != nil
    }

    func isKnown(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { isKnown($0) } }

    /// The text with the words a line end cut rejoined: `dé-` / `partement` reads `département`,
    /// `Genève-` / `Ville` reads `Genève-Ville` (a capital follows, or the lexicon knows the
    /// compound and not the joined word: `auto-` / `évaluation`). A cut is typesetting, not an
    /// error; measured as two pieces it made two unknown words, and a newspaper column cuts
    /// every sixth line.
    func rejoiningCutWords(_ text: String) -> String {
        var text = text
        return text.withUTF8 { p -> String in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            while i < p.count {
                defer { i += 1 }
                guard p[i] == 0x0A, let (mark, markStart) = UTF8Bytes.scalar(p, before: i), mark == 0x2D || mark == 0xAC,
                      let (last, _) = UTF8Bytes.scalar(p, before: markStart), UTF8Bytes.isLetter(last) else { continue }
                var next = i + 1
                while next < p.count, p[next] == 0x20 { next += 1 }
                guard next < p.count else { continue }
                let first = UTF8Bytes.scalar(p, at: next).value
                guard UTF8Bytes.isLetter(first) else { continue }
                let capital = Unicode.Scalar(first)?.properties.isUppercase ?? false
                var leftStart = markStart
                while let (v, start) = UTF8Bytes.scalar(p, before: leftStart), UTF8Bytes.isLetter(v) { leftStart = start }
                var rightEnd = next
                while rightEnd < p.count {
                    let (v, length) = UTF8Bytes.scalar(p, at: rightEnd)
                    guard UTF8Bytes.isLetter(v) else { break }
                    rightEnd += length
                }
                let left = Array(p[leftStart..<markStart]), right = Array(p[next..<rightEnd])
                let compound = left + [0x2D] + right
                let keepsHyphen = mark == 0x2D && (capital || (isKnown(compound) && !isKnown(left + right)))
                out += p[copied..<markStart]
                if keepsHyphen { out.append(0x2D) }
                copied = next
            }
            guard copied > 0 else { return String(decoding: p, as: UTF8.self) }
            out += p[copied...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ASCII signs that running French text rarely holds but OCR noise does: `^ ~ | _ \ { } < > #
    /// @ $ = [ ] *`.
    static let noise: [Bool] = (0..<128).map { "^~|_\\{}<>#@$=[]*".utf8.contains(UInt8($0)) }
    /// One-letter words French has (`a`, `à` is not ASCII, `y`, `l`/`d` before an apostrophe
    /// are not tokens alone), and digits.
    static let oneLetterWords: Set<UInt8> = Set("aAyYoO0123456789".utf8)


    /// Opening and closing punctuation removed.
    static func trimmed(_ s: [UInt32]) -> [UInt32] {
        var a = 0, b = s.count
        while a < b, WordTokenizer.isOpening(s[a]) { a += 1 }
        while b > a, WordTokenizer.isClosing(s[b - 1]) || s[b - 1] == 0x27 || s[b - 1] == 0x2019 { b -= 1 }
        return Array(s[a..<b])
    }
}

/// What `QualityEstimator` measured.
public struct QualityMetrics: Sendable, Hashable {
    public var characters = 0
    /// Tokens that are not punctuation alone: words, numbers, symbols.
    public var tokens = 0
    public var words = 0
    public var knownWords = 0
    public var garbageTokens = 0
    /// Unknown one- and two-letter words (`ii`, `ct`).
    public var shortUnknown = 0
    /// Changes the pipeline made, by rule.
    public var changes: [String: Int] = [:]
    /// Characters the pipeline's word changes touched.
    public var changedCharacters = 0
    /// Noise signs (`^ ~ | _ { } < > # @ $ = [ ] *`).
    public var noiseCharacters = 0
    /// Minus the letter model's log probability per trigram, summed over words (see `LetterModel`).
    public var letterCost = 0.0
    /// Words that do not look French letter by letter.
    public var implausibleWords = 0
    /// Character edits the pipeline's word changes made (`contrdle` → `contrôle`: 1).
    public var repairedErrors = 0
    /// Bytes of the unknown words.
    public var unknownCharacters = 0
    /// Tokens of one letter that are not words (`i`, `e`, `s` split off a word).
    public var strayLetters = 0
    /// Spaces around punctuation that no clean text has (`mot ,`, `l ' a`; see
    /// `QualityEstimator.misplacedSpaces`).
    public var misplacedSpaces = 0
    /// Unicode scalars of the text, white space included: the length a CER is measured against.
    public var scalars = 0
    /// Word changes (by rule, as in `changes`) that touched only punctuation, spacing or case
    /// (`qu ' il` → `qu’il`), and their character edits (see `QualityEstimator.sameLetters`).
    public var punctuationChanges: [String: Int] = [:]
    public var punctuationErrors = 0

    /// Rules that change layout or typography, not words. A line-break hyphen joined or marked
    /// `¬` (`dehyphenate`) was printed, not misread.
    static let layoutRules: Set<String> = ["nfc", "space", "spaces", "indent", "markup", "footnote-mark", "footnote-marker", "invisible", "control", "ligature", "apostrophe", "quote", "french-spacing", "punctuation-space", "dehyphenate"]
    public var estimatedCER = 0.0

    public init() {}

    public var knownShare: Double { words == 0 ? 1 : Double(knownWords) / Double(words) }
    public var unknownShare: Double { 1 - knownShare }
    /// Garbage tokens among all tokens (words, numbers, symbols).
    public var garbageShare: Double { tokens == 0 ? 0 : Double(garbageTokens) / Double(tokens) }
    public var shortShare: Double { words == 0 ? 0 : Double(shortUnknown) / Double(words) }
    /// Word changes (not whitespace or normalization) per word.
    public var changeShare: Double {
        guard words > 0 else { return 0 }
        let wordRules = changes.filter { !Self.layoutRules.contains($0.key) }
        return Double(wordRules.values.reduce(0, +)) / Double(words)
    }

    /// The measures as a comparison that ignores punctuation and case sees them: the changes of
    /// punctuation, spacing or case alone are left out of the changes and repaired characters.
    public var lettersOnly: QualityMetrics {
        var m = self
        for (rule, n) in punctuationChanges { m.changes[rule, default: 0] -= n }
        m.punctuationChanges = [:]
        m.repairedErrors -= punctuationErrors
        return m
    }
    public var changedShare: Double { characters == 0 ? 0 : Double(changedCharacters) / Double(characters) }
    public var unknownCharacterShare: Double { characters == 0 ? 0 : Double(unknownCharacters) / Double(characters) }
    /// Character edits of the word changes per character: the errors the pipeline found.
    public var repairedShare: Double { characters == 0 ? 0 : Double(repairedErrors) / Double(characters) }
    /// The mean letter cost of a word: how un-French its words look.
    public var letterCostPerWord: Double { words == 0 ? 0 : letterCost / Double(words) }
    public var implausibleShare: Double { words == 0 ? 0 : Double(implausibleWords) / Double(words) }
    public var noiseShare: Double { characters == 0 ? 0 : Double(noiseCharacters) / Double(characters) }
    public var strayShare: Double { words == 0 ? 0 : Double(strayLetters) / Double(words) }
    public var misplacedSpaceShare: Double { scalars == 0 ? 0 : Double(misplacedSpaces) / Double(scalars) }

    public var changesPerThousandWords: [String: Double] {
        guard words > 0 else { return [:] }
        return changes.mapValues { Double($0) * 1000 / Double(words) }
    }

    /// Adds another document's or record's counts.
    public mutating func add(_ other: QualityMetrics) {
        characters += other.characters
        tokens += other.tokens
        words += other.words
        knownWords += other.knownWords
        garbageTokens += other.garbageTokens
        shortUnknown += other.shortUnknown
        changedCharacters += other.changedCharacters
        noiseCharacters += other.noiseCharacters
        strayLetters += other.strayLetters
        misplacedSpaces += other.misplacedSpaces
        scalars += other.scalars
        for (k, v) in other.punctuationChanges { punctuationChanges[k, default: 0] += v }
        punctuationErrors += other.punctuationErrors
        unknownCharacters += other.unknownCharacters
        repairedErrors += other.repairedErrors
        letterCost += other.letterCost
        implausibleWords += other.implausibleWords
        for (k, v) in other.changes { changes[k, default: 0] += v }
    }
}
