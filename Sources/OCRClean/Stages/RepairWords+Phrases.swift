/// The domain-name rule of `RepairWords`: words of a body's, an instrument's or a term's name
/// that the OCR damaged beyond what single-word repair dares (`Comenton`, `core`, `Paris`), put
/// right because most of the name around them is intact.
extension RepairWords {
    /// `La Conférence des Paris à la Comenton des Nations Unies core la criminalité` →
    /// `La Conférence des Parties à la Convention des Nations Unies contre la criminalité`.
    ///
    /// A run of words as long as a name of `DomainPhrases` is that name when at least three
    /// fifths of its words, and half of its words of four letters or more (two at least), are
    /// the name's words as written (in any case, elided article aside: `I’Office` is single-word
    /// repair's), and every other word is close to the name's word (edit distance at most two
    /// fifths of its length, three tenths for a known word) and is not a known short word (`de`
    /// for `des` stays: `trafic illicite des migrants` may be meant). Only white space, a comma where
    /// the name has one, or a footnote number may stand between the words. In a body's or an
    /// instrument's name a lowercase word gets the name's capital (`l’office des Nations Unies` →
    /// `l’Office`); a term keeps the document's case (`le groupe de travail`).
    mutating func phraseEdits(_ words: [Word?], bytes: [UInt8], consumed: inout [Bool], edits: inout [TextEdit], counts: inout Counts) {
        let phrases = knowledge.lexicon.phrases
        guard !phrases.isEmpty else { return }
        var scratch: [UInt8] = []
        // Only where OCR damage shows: in a document with more unknown words than usual, in a
        // record with one, or with a name's capitalised word in lowercase (`protocoles`). A clean
        // text's names are as written: no need to compare them.
        let damaged = profile.unknownWordDoubt < 0 || bytes.withUnsafeBufferPointer { p in
            words.contains { word in
                guard let word else { return false }
                guard let known = word.known else { return true }
                // (Not a frequent common noun: `programme`, `conseil`, `plan` open no names.)
                guard known.zipf < Self.capitalisedWordZipf, word.token.coreEnd - word.token.coreStart >= DomainPhrases.anchorLength else { return false }
                let tail = DomainPhrases.withoutElision(UnsafeBufferPointer(rebasing: p[word.token.coreStart..<word.token.coreEnd]))
                guard let first = tail.first, first >= 0x61 && first <= 0x7A, phrases.anchorShapes[DomainPhrases.shape(tail)] else { return false }
                Folding.lower(tail, into: &scratch)
                return phrases.capitalised.contains(scratch)
            }
        }
        guard damaged else { return }
        // Where a name may start: each long word votes for the phrases it belongs to. Most words
        // are no anchor's shape and are neither lowercased nor hashed.
        var votes: [Int] = []
        bytes.withUnsafeBufferPointer { p in
            for (i, word) in words.enumerated() {
                guard let word, !consumed[i], word.token.coreEnd - word.token.coreStart >= DomainPhrases.anchorLength else { continue }
                let tail = DomainPhrases.withoutElision(UnsafeBufferPointer(rebasing: p[word.token.coreStart..<word.token.coreEnd]))
                guard phrases.anchorShapes[DomainPhrases.shape(tail)] else { continue }
                Folding.lower(tail, into: &scratch)
                for (phrase, position) in phrases.containing(lowercaseBytes: scratch) where position <= i {
                    votes.append(phrase << 32 | (i - position))
                }
            }
        }
        // A window's votes are a run in the sorted votes: its long words as written. Half of the
        // name's long words must be there, and its share of words as written can be no more than
        // the votes and its short words: known before reading any word.
        votes.sort()
        var windows: [(phrase: Int, start: Int)] = []
        var k = 0
        while k < votes.count {
            var end = k + 1
            while end < votes.count, votes[end] == votes[k] { end += 1 }
            let phrase = phrases.phrases[votes[k] >> 32]
            let long = phrase.words.count - phrase.shortWords
            if end - k >= 2, (end - k) * 2 >= long, (end - k + phrase.shortWords) * 5 >= phrase.words.count * 3 {
                windows.append((votes[k] >> 32, votes[k] & 0xFFFF_FFFF))
            }
            k = end
        }
        guard !windows.isEmpty else { return }
        // The words of the windows in lowercase without their elided article, in one buffer,
        // made when a window first needs them.
        var tails: [UInt8] = []
        var tailRanges = [Range<Int>?](repeating: nil, count: words.count)
        // Longer names first: `Conférence des Parties à la Convention…` before `Convention…`.
        windows.sort { (phrases.phrases[$0.phrase].words.count, -$0.start) > (phrases.phrases[$1.phrase].words.count, -$1.start) }
        for (p, start) in windows {
            let phrase = phrases.phrases[p]
            guard start + phrase.words.count <= words.count,
                  let replacements = phraseReplacements(phrase, at: start, words, bytes: bytes, tails: &tails, tailRanges: &tailRanges, consumed: consumed) else { continue }
            for (k, range, text, rule, confidence) in replacements {
                consumed[start + k] = true
                edits.append(TextEdit(range: range, replacement: JoinedText.string(text), rule: rule, confidence: confidence))
                counts.count(rule)
            }
        }
    }

    /// The words of `words[start...]` to rewrite so that they read `phrase`, or nil when they are
    /// not that name (see `phraseEdits`).
    private func phraseReplacements(_ phrase: DomainPhrases.Phrase, at start: Int, _ words: [Word?], bytes: [UInt8],
                                    tails: inout [UInt8], tailRanges: inout [Range<Int>?], consumed: [Bool])
        -> [(Int, Range<Int>, [UInt32], String, Double)]? {
        let n = phrase.words.count
        // The quick tally on the lowercase words: which are the name's as written (with its
        // capitals). A name as written, or a run too unlike it, ends here: the common cases.
        var asNamed = [Bool](repeating: false, count: n)
        var quickExact = 0
        var quickLong = 0
        for k in 0..<n {
            guard let word = words[start + k], !consumed[start + k] else { return nil }
            let tail = tailRanges[start + k] ?? bytes.withUnsafeBufferPointer { p in
                let from = tails.count
                Folding.appendLower(DomainPhrases.withoutElision(UnsafeBufferPointer(rebasing: p[word.token.coreStart..<word.token.coreEnd])), to: &tails)
                return from..<tails.count
            }
            tailRanges[start + k] = tail
            guard tails[tail].elementsEqual(phrase.keyBytes[k]) else {
                // Too long or too short to be the name's word (in bytes: an accent may add one).
                if abs(tail.count - phrase.keyBytes[k].count) > Self.phraseDistanceLimit(phrase.keys[k].count, known: false) + 1 { return nil }
                continue
            }
            quickExact += 1
            if phrase.keys[k].count >= DomainPhrases.anchorLength { quickLong += 1 }
            // Written in lowercase where the name has a capital: the first bytes are the same.
            asNamed[k] = !(phrase.capitalsFixed && phrase.titled[k] && bytes.withUnsafeBufferPointer { p in
                DomainPhrases.withoutElision(UnsafeBufferPointer(rebasing: p[word.token.coreStart..<word.token.coreEnd])).prefix(2).elementsEqual(tails[tail].prefix(2))
            })
        }
        guard !asNamed.allSatisfy({ $0 }), quickLong >= 2, quickExact * 5 >= n * 3 else { return nil }
        var exact = 0
        var exactLong = 0
        var changes: [(k: Int, written: [UInt32], elision: Int, target: [UInt32], caseOnly: Bool)] = []
        for k in 0..<n {
            let word = words[start + k]!
            let token = word.token
            if k > 0, token.spaceBefore == 0 || token.start != token.coreStart { return nil }
            if k < n - 1, !Self.phraseGap(bytes[token.coreEnd..<token.end], comma: phrase.commaAfter[k]) { return nil }
            if asNamed[k] {
                exact += 1
                if phrase.keys[k].count >= DomainPhrases.anchorLength { exactLong += 1 }
                continue
            }
            let written = core(of: word, bytes)
            let key = DomainPhrases.key(written)
            let target = phrase.keys[k]
            let elision = DomainPhrases.elisionLength(written)
            // Nothing but a real elided article before an apostrophe (not `I’`, `|'`).
            let articleRead = DomainPhrases.prefixLength(written) == elision
            let named = phrase.words[k]
            // `POffice`, `IOffice`: an article misread, single-word repair's to restore.
            let misreadArticle = key.count > target.count && key.count <= target.count + 2 && key.suffix(target.count).elementsEqual(target)
            if key == target || misreadArticle {
                exact += 1
                if target.count >= DomainPhrases.anchorLength { exactLong += 1 }
                if !misreadArticle, articleRead, phrase.capitalsFixed, phrase.titled[k], CasePattern(Array(written[elision...])) == .lower {
                    changes.append((k, written, elision, named, true))
                }
                continue
            }
            // A misread article (`I’Ofiice`) is single-word repair's; the first word of a line
            // may be the rest of a word cut at the line before (`cri.` / `minalité`). A known
            // word must be closer than an unknown one.
            let limit = Self.phraseDistanceLimit(target.count, known: word.known != nil)
            guard articleRead, start + k > 0,
                  word.known == nil || target.count > 3, written[elision...].contains(where: UTF8Bytes.isLetter),
                  EditDistance.distance(key.map(Int.init), target.map(Int.init)) <= limit,
                  !bytes.withUnsafeBufferPointer({ knowledge.protects(UnsafeBufferPointer(rebasing: $0[token.coreStart..<token.coreEnd])) }) else { return nil }
            changes.append((k, written, elision, named, false))
        }
        guard exactLong >= 2, exact * 5 >= n * 3, !changes.isEmpty else { return nil }
        let confidence = (1 + Double(exact) / Double(n)) / 2
        guard confidence >= minConfidence else { return nil }
        return changes.map { change in
            let token = words[start + change.k]!.token
            let tail = Array(change.written[change.elision...])
            var text = change.target
            if !change.caseOnly {
                switch CasePattern(tail) {
                case .upper: text = text.map(CasePattern.upper)
                case .title where CasePattern(text) == .lower: text = CasePattern.title(text)
                case .lower where !phrase.capitalsFixed: text = CasePattern.lower(text)
                default: break
                }
            }
            let offset = JoinedText.bytes(Array(change.written[..<change.elision])).count
            return (change.k, (token.coreStart + offset)..<token.coreEnd, text, change.caseOnly ? "case" : "phrase", change.caseOnly ? 0.9 : confidence)
        }
    }

    /// The Zipf frequency under which a lowercase word a name capitalises (`protocoles`,
    /// `office`) makes a clean record worth comparing with the names.
    static let capitalisedWordZipf = 4.8

    /// The largest edit distance between a name's word of `length` scalars and the word written
    /// in its place: two fifths of its length, three tenths for a known word, at least one.
    static func phraseDistanceLimit(_ length: Int, known: Bool) -> Int {
        max(1, Int(((known ? 0.3 : 0.4) * Double(length)).rounded()))
    }

    /// What may follow a word inside a name: nothing, the name's own comma, or a footnote number
    /// (`organisée¹`).
    static func phraseGap(_ gap: ArraySlice<UInt8>, comma: Bool) -> Bool {
        var rest = gap[...]
        if comma, rest.first == 0x2C { rest = rest.dropFirst() }
        while !rest.isEmpty {
            let i = rest.startIndex
            if rest.count >= 2, rest[i] == 0xC2, rest[i + 1] == 0xB9 || rest[i + 1] == 0xB2 || rest[i + 1] == 0xB3 {
                rest = rest.dropFirst(2)
            } else if rest.count >= 3, rest[i] == 0xE2, rest[i + 1] == 0x81, rest[i + 2] >= 0xB0, rest[i + 2] <= 0xB9 {
                rest = rest.dropFirst(3)
            } else {
                return false
            }
        }
        return true
    }
}
