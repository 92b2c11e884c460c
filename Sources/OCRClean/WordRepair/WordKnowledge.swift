/// What the corrector knows about a word: whether it is a word (lexicon with case rules, hyphenated
/// compounds whose parts are words, protected terms), and how frequent it is.
struct WordKnowledge: Sendable {
    let lexicon: Lexicon
    /// Lowercase terms that are never corrected (`protect=` lists).
    let protected: Set<[UInt8]>

    struct Hit: Sendable {
        var entry: Int?
        /// Zipf frequency, floored for valid words wordfreq does not list.
        var zipf: Double
        var flags: UInt32
    }

    /// A word of the lexicon that wordfreq does not list counts as this frequent.
    static let unlistedZipf = 1.0
    /// Domain words without a frequency, and every word of a user's list at least: a user lists
    /// the words of the corpus, which it uses more than general French does (`clavardage`, 2.2
    /// in wordfreq, so that `clavardagc` is repaired).
    static let domainZipf = 3.0

    func hit(_ entry: Int) -> Hit {
        let c = lexicon.compiled
        let flags = c.flags(entry)
        var zipf = c.zipf(entry)
        if flags & LexiconFlags.user != 0 {
            zipf = max(zipf, Self.domainZipf)
        } else if zipf == 0 {
            zipf = flags & LexiconFlags.domain != 0 ? Self.domainZipf : Self.unlistedZipf
        }
        return Hit(entry: entry, zipf: zipf, flags: flags)
    }

    /// The word as written, from its UTF-8 bytes, without building anything: the fast answer for
    /// the common case (a known word, possibly after `l’`/`d’`/`qu’`…). Nil means "ask `known`".
    func knownBytes(_ p: UnsafeBufferPointer<UInt8>) -> Hit? {
        let c = lexicon.compiled
        if let e = c.entry(p) { return hit(e) }
        // The lexicon writes apostrophes `’`: look a word printed with `'` up that way.
        if p.contains(0x27), p.count < 64 {
            var typographic: [UInt8] = []
            for b in p { if b == 0x27 { typographic += [0xE2, 0x80, 0x99] } else { typographic.append(b) } }
            if let e = typographic.withUnsafeBufferPointer({ c.entry($0) }) { return hit(e) }
        }
        // An elided word: the first apostrophe after 1–6 bytes.
        var i = 0
        while i < min(p.count, 9) {
            if p[i] == 0x27 || (p[i] == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80 && p[i + 2] == 0x99) { break }
            i += 1
        }
        guard i >= 1, i < min(p.count, 9) else { return nil }
        let width = p[i] == 0x27 ? 1 : 3
        guard i + width < p.count, Self.isElisionPrefix(UnsafeBufferPointer(rebasing: p[..<i])),
              let e = c.entry(UnsafeBufferPointer(rebasing: p[(i + width)...])) else { return nil }
        return hit(e)
    }

    /// `known` for a word with capitals and no apostrophe that `knownBytes` did not find, when
    /// its lowercase form is an entry (`Conseil`, `RAPPORT`): the same hit, from bytes. Nil means
    /// "ask `known`".
    func knownInLowercase(_ p: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Hit? {
        var capital = false
        for b in p {
            if b == 0x27 || b == 0xE2 || b == 0xCA { return nil }
            // An ASCII capital, or a non-ASCII letter that may be one (`É`).
            if (b >= 0x41 && b <= 0x5A) || b >= 0xC3 { capital = true }
        }
        guard capital else { return nil }
        Folding.lower(p, into: &scratch)
        return scratch.withUnsafeBufferPointer { lexicon.compiled.entry($0) }.map(hit)
    }

    /// A word of four or more plain lowercase letters that is no entry as written but is one with
    /// accents (`capacites`, `developpement`): what an OCR that drops accents prints.
    func lostAccents(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count >= 4, p.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let c = lexicon.compiled
        guard c.entry(p) == nil, let f = c.fold(p) else { return false }
        // An accented lowercase entry (not a name: `Paris` shares the fold of `paris`).
        return c.entries(ofFold: f).contains { e in
            let form = c.form(Int(e))
            return form.contains { $0 >= 0x80 } && CasePattern(JoinedText.scalars(form)) == .lower
        }
    }

    /// A lowercase word of three letters or more that is no entry as written but is one with a
    /// circumflex where it has the bare vowel or `é` `è` (`étre`, `etre` → `être`; `role` →
    /// `rôle`): what an engine that cannot read circumflexes prints. `scratch` holds the fold.
    func lostCircumflex(_ p: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Bool {
        guard p.count >= 3, p.contains(where: { $0 >= 0x61 && $0 <= 0x7A }),
              p.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }) else { return false }
        let c = lexicon.compiled
        guard c.entry(p) == nil else { return false }
        Folding.fold(p, into: &scratch)
        guard let f = scratch.withUnsafeBufferPointer({ c.fold($0) }) else { return false }
        let written = JoinedText.scalars(p)
        return c.entries(ofFold: f).contains { e in
            Self.addsCircumflexes(written, to: JoinedText.scalars(c.form(Int(e))))
        }
    }

    /// Whether `form` is `written` with one circumflex or more where `written` has the bare vowel
    /// (or `é` `è` for `ê`), and nothing else changed.
    static func addsCircumflexes(_ written: [UInt32], to form: [UInt32]) -> Bool {
        guard written.count == form.count else { return false }
        var added = false
        for (w, f) in zip(written, form) where w != f {
            guard let base = circumflexBase(f), w == base || (f == 0xEA && (w == 0xE9 || w == 0xE8)) else { return false }
            added = true
        }
        return added
    }

    /// The bare vowel of `â ê î ô û`, or nil (asked for every accented letter of every word).
    @inline(__always)
    static func circumflexBase(_ v: UInt32) -> UInt32? {
        switch v {
        case 0xE2: return 0x61
        case 0xEA: return 0x65
        case 0xEE: return 0x69
        case 0xF4: return 0x6F
        case 0xFB: return 0x75
        default: return nil
        }
    }

    /// `l`, `d`, `qu`, `jusqu`… in any case, from bytes.
    static func isElisionPrefix(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count <= 7, p.allSatisfy({ $0 < 0x80 }) else { return false }
        return ElisionRules.bare.contains(count: p.count) { p[$0] | 0x20 }
    }

    /// The exact form only (an ASCII apostrophe matches the lexicon's `’`), or its lowercase.
    func exact(_ s: [UInt32], lowercase: Bool = false) -> Hit? {
        let c = lexicon.compiled
        if let e = JoinedText.withBytes(s, lowercase: lowercase, { c.entry($0) }) { return hit(e) }
        guard s.contains(0x27) else { return nil }
        return JoinedText.withBytes(s, typographic: true, lowercase: lowercase) { c.entry($0) }.map(hit)
    }

    /// The word as written, or in lowercase (`Office`, `OFFICE`), or capitalised (`ONU` → `Onu`).
    func lookup(_ s: [UInt32]) -> Hit? {
        if let h = exact(s) { return h }
        let pattern = CasePattern(s)
        if pattern != .lower, let h = exact(s, lowercase: true) { return h }
        if pattern == .upper, let h = exact(CasePattern.title(s)) { return h }
        return nil
    }

    /// Longer tokens are no words (a run of letters, an encoded blob, glued cells of a table,
    /// `l’l’l’…`): they are unknown without a look and get no candidates, so such a token costs
    /// no search of its splits or its elisions, each quadratic in its length.
    static let maxWordLength = 64

    /// Whether `s` is a word: `lookup`, protected terms, hyphenated compounds whose parts are
    /// words (`sous-régional`), the pre-1835 plural of -ant/-ent words (`départemens`), and
    /// elided words (`l’État`).
    func known(_ s: [UInt32]) -> Hit? {
        guard s.count <= Self.maxWordLength, mayBeKnown(s) else { return nil }
        if let h = lookup(s) { return h }
        if !protected.isEmpty, protected.contains(JoinedText.bytes(CasePattern.lower(s))) {
            return Hit(entry: nil, zipf: Self.domainZipf, flags: LexiconFlags.user)
        }
        if let (_, rest) = Self.splitElision(s) {
            if rest.isEmpty { return Hit(entry: nil, zipf: 6, flags: LexiconFlags.grammatical) }
            return known(rest)
        }
        if s.contains(0x2D) {
            let parts = s.split(separator: 0x2D, omittingEmptySubsequences: false)
            if parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) {
                var zipf = 9.0
                for part in parts {
                    guard let h = known(Array(part)) else { return nil }
                    zipf = min(zipf, h.zipf)
                }
                return Hit(entry: nil, zipf: max(Self.unlistedZipf, zipf - 1), flags: 0)
            }
        }
        if let variant = Self.spellingVariant(s), let h = lookup(variant) {
            return Self.olderSpelling(of: h)
        }
        return nil
    }

    /// An older spelling counts as its modern word, a little rarer.
    static func olderSpelling(of h: Hit) -> Hit {
        Hit(entry: nil, zipf: max(unlistedZipf, h.zipf - 1.5), flags: h.flags)
    }

    /// Whether `s` is no word as written but an older spelling of one by its ending (`avoit`,
    /// `estoient`, `quoy`, `départemens`): evidence that a document keeps old spellings.
    func isOldSpelling(_ s: [UInt32]) -> Bool {
        let lower = CasePattern.lower(s)
        guard Self.oldEndings.contains(where: { e in lower.count > e.count && lower.suffix(e.count).elementsEqual(e.lazy.map(UInt32.init)) }),
              lookup(s) == nil, let variant = Self.spellingVariant(s) else { return false }
        return lookup(variant) != nil
    }

    /// A word printed with an s that French no longer writes (`mesme`), as the word it stands for,
    /// a little rarer. Not part of `known`: glued words look the same (`pasle` is `pâle` in old
    /// print, `pas le` in an OCR that lost a space), so only a document that shows old spellings
    /// elsewhere (`isOldSpelling`) asks.
    func silentSSpelling(_ s: [UInt32]) -> Hit? {
        for variant in Self.silentSVariants(s) {
            if let h = lookup(variant) { return Self.olderSpelling(of: h) }
        }
        return nil
    }

    /// The modern spellings of a word printed with the s that French dropped before a consonant
    /// other than s (by 1740), leaving an accent on the vowel: `mesme` → `même`, `estrangers` → `étrangers`,
    /// `descouvrit` → `découvrit`, `isle` → `île`, `hospital` → `hôpital`. One s at a time.
    static func silentSVariants(_ s: [UInt32]) -> [[UInt32]] {
        let n = s.count
        guard n >= 4 else { return [] }
        var out: [[UInt32]] = []
        for i in 1..<(n - 1) where s[i] == 0x73 || s[i] == 0x53 {
            let next = Folding.lower(s[i + 1])
            guard isConsonant(next), next != 0x73 else { continue }
            let vowel = s[i - 1]
            for accented in accentedForSilentS(vowel) {
                var v = s
                v.replaceSubrange((i - 1)...i, with: [accented])
                out.append(v)
            }
        }
        return out
    }

    /// Which accents a vowel took when the s after it fell silent: â ê é î ô û (and capitals).
    static func accentedForSilentS(_ vowel: UInt32) -> [UInt32] {
        switch vowel {
        case 0x61: [0xE2]
        case 0x65: [0xEA, 0xE9]
        case 0x69: [0xEE]
        case 0x6F: [0xF4]
        case 0x75: [0xFB]
        case 0x41: [0xC2]
        case 0x45: [0xCA, 0xC9]
        case 0x49: [0xCE]
        case 0x4F: [0xD4]
        case 0x55: [0xDB]
        default: []
        }
    }

    static func isConsonant(_ v: UInt32) -> Bool {
        v >= 0x62 && v <= 0x7A && v != 0x65 && v != 0x69 && v != 0x6F && v != 0x75 && v != 0x79
    }

    /// Whether `known`, or a lookup with other accents, could find the word these bytes spell:
    /// false only when no lexicon word shares its fold and no other rule of `known` applies
    /// (elision, compound, protected term, old spelling). The cheap test that spares building
    /// scalars for most possible joins (`ques tions` passes, `la ques` does not).
    func mayBeKnown(_ p: UnsafeBufferPointer<UInt8>, folded: inout [UInt8]) -> Bool {
        // Apostrophes (', ’, ‘, ʼ) and hyphens: elisions and compounds.
        for b in p where b == 0x27 || b == 0x2D || b == 0xE2 || b == 0xCA { return true }
        Folding.fold(p, into: &folded)
        return foldMayBeKnown(folded) || protects(p)
    }

    /// Whether a word of the domain lexicon shares this word's fold (`Etats`, `ÉTATS` and `États`
    /// alike): evidence that repairs, which restore accents and case, cannot add to.
    func foldIsDomain(_ p: UnsafeBufferPointer<UInt8>, folded: inout [UInt8]) -> Bool {
        Folding.fold(p, into: &folded)
        let c = lexicon.compiled
        guard let f = folded.withUnsafeBufferPointer({ c.fold($0) }) else { return false }
        return c.entries(ofFold: f).contains { c.flags(Int($0)) & LexiconFlags.domain != 0 }
    }

    /// `mayBeKnown` for a word's scalars: `known` asks it first, so an unknown word costs one
    /// folded hash lookup instead of the case, elision and spelling variants.
    func mayBeKnown(_ s: [UInt32]) -> Bool {
        // Folded on the stack: a scalar folds to four bytes at most.
        let foldKnown = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count * 4 + 1) { space -> Bool? in
            var folded = StackBytes(space.baseAddress!)
            for v in s {
                if v == 0x27 || v == 0x2D || v == 0x2018 || v == 0x2019 || v == 0x2BC { return nil }
                if v < 0x80 {
                    folded.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
                } else {
                    Folding.strip(Folding.lower(v), into: &folded)
                }
            }
            return foldMayBeKnown(folded.bytes)
        }
        // (Nil: an apostrophe or a hyphen, an elision or a compound.)
        guard let foldKnown else { return true }
        if foldKnown { return true }
        return !protected.isEmpty && protected.contains(JoinedText.bytes(CasePattern.lower(s)))
    }

    /// A lexicon word shares this fold, or an old spelling may stand for one whose fold differs
    /// (`spellingVariant`; œ and æ fold to oe and ae, so those share the fold).
    func foldMayBeKnown(_ folded: [UInt8]) -> Bool {
        folded.withUnsafeBufferPointer { foldMayBeKnown($0) }
    }

    func foldMayBeKnown(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        if lexicon.compiled.fold(folded) != nil { return true }
        for ending in Self.oldEndings where folded.count > ending.count && folded.suffix(ending.count).elementsEqual(ending) { return true }
        return false
    }

    func protects(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !protected.isEmpty else { return false }
        var lower: [UInt8] = []
        Folding.lower(p, into: &lower)
        return protected.contains(lower)
    }

    static let oldEndings: [[UInt8]] = ["ens", "ans", "oit", "ois", "oient", "oy", "uy"].map { Array($0.utf8) }

    /// The modern spelling of a word printed in an older or ligature-less spelling, which is a
    /// word too, not an OCR error: `oeuvre`/`coeur` (œ spelled out, common in print without the
    /// ligature), `départemens`/`suppléans` (plural of -ant/-ent words before 1835), `avoit`/
    /// `étoient` (imperfect in -oi- before 1835), `quoy`/`luy` (final -y for -i).
    static func spellingVariant(_ s: [UInt32]) -> [UInt32]? {
        let n = s.count
        guard n >= 3 else { return nil }
        func lower(_ k: Int) -> UInt32 { Folding.lower(s[k]) }
        func endsWith(_ ending: StaticString) -> Bool {
            let count = ending.utf8CodeUnitCount
            guard n > count + 1 else { return false }
            for k in 0..<count where lower(n - count + k) != UInt32(ending.utf8Start[k]) { return false }
            return true
        }
        // oe → œ, ae → æ (Oe → Œ at the start).
        for i in 0..<(n - 1) where lower(i + 1) == 0x65 && (lower(i) == 0x6F || lower(i) == 0x61) {
            var v = s
            let upper = Folding.isUpper(s[i])
            v.replaceSubrange(i...(i + 1), with: [lower(i) == 0x6F ? (upper ? 0x152 : 0x153) : (upper ? 0xC6 : 0xE6)])
            return v
        }
        if n > 5, lower(n - 1) == 0x73, lower(n - 2) == 0x6E, lower(n - 3) == 0x65 || lower(n - 3) == 0x61 {
            return Array(s.dropLast()) + [0x74, 0x73]
        }
        // -oit -ois -oient → -ait -ais -aient
        for ending: StaticString in ["oit", "ois", "oient"] where endsWith(ending) {
            var v = s
            v[n - ending.utf8CodeUnitCount] = 0x61
            return v
        }
        if n >= 3, lower(n - 1) == 0x79, lower(n - 2) == 0x6F || lower(n - 2) == 0x75 {
            return Array(s.dropLast()) + [0x69]
        }
        return nil
    }

    /// `l’État` → (`l’`, `État`); the prefix must be a French elided word (any case).
    static func splitElision(_ s: [UInt32]) -> (prefix: [UInt32], rest: [UInt32])? {
        guard let a = s.firstIndex(where: JoinedText.isApostrophe), a >= 1, a <= 6,
              ElisionRules.bare.contains(count: a, { k in
                  let v = Folding.lower(s[k])
                  return v < 0x80 ? UInt8(v) : 0
              }) else { return nil }
        return (Array(s[...a]), Array(s[(a + 1)...]))
    }
}
