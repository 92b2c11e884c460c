extension RepairWords {
    /// Words cut at a line end that was flattened into the line (newspaper OCR exports, text
    /// extraction), where the hyphen kept specks around it or a cut shows only as a dot:
    /// `s'ef-.forçait` → `s'efforçait`, `ma-' nifestent` → `manifestent`, `so -ciales` →
    /// `sociales`, `mili-- taire` → `militaire`, `émet. tre` → `émettre`; and a cut inside a
    /// compound: `commis-voya-geurs` → `commis-voyageurs`, `ci-des-sus` → `ci-dessus`.
    ///
    /// The pieces are joined when they make a word the lexicons know, as written or with an
    /// accent fixed, and the break is evidence of a cut:
    /// - a hyphen with specks (`-.`, `-'`, `-,`, `--`, `-~`, ` -`): one piece is no word, or the
    ///   joined word is an entry of the lexicon (`re--poussera`) or, accents fixed, more frequent
    ///   than both pieces;
    /// - a dot before a lowercase letter: one piece is no word (`etc. et` stays);
    /// - a plain hyphen, in a compound of three pieces or more only (a single hyphen is
    ///   `joinHyphenated`'s): one piece is no word, or the compound is an entry once joined; and
    ///   before an apostrophe when the pieces make an elided conjunction (`jus-qu'à`).
    /// A dash between spaces, a piece opening with a capital after a lowercase one, digits
    /// (`or-~1re`), line breaks, the euphonic `t` (`a-t-elle`), a pronoun after a word
    /// (`par-le-chemin`) and a prefix before a vowel are never joined.
    mutating func noisyCutEdits(_ words: [Word?], bytes: [UInt8], edits: inout [TextEdit], consumed: inout [Bool], counts: inout Counts) {
        guard bytes.count >= 5 else { return }
        var cuts: [(range: Range<Int>, text: [UInt32])] = []
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                guard p[i] == 0x2D || p[i] == 0x2E else { i += 1; continue }
                var s = i
                while s > 0, Self.isCutSpeck(p[s - 1]) { s -= 1 }
                var e = i + 1
                while e < n, Self.isCutSpeck(p[e]) { e += 1 }
                defer { i = e }
                guard e - s <= 4, let kind = Self.cutSeparator(UnsafeBufferPointer(rebasing: p[s..<e])) else { continue }
                // The pieces are measured first and decoded only when they may make a cut: most
                // dots end a sentence and most hyphens bind a compound.
                let head = Self.letters(p, endingAt: s), tail = Self.letters(p, startingAt: e)
                guard head.count >= 2, tail.count >= 2, head.count + tail.count >= 4 else { continue }
                let single = kind == .hyphen && Self.hyphens(p, around: head.start..<tail.end) < 2
                // A single hyphen is `joinHyphenated`'s, but for an elided conjunction, which that
                // word's apostrophe hides from it (`jus-qu'à` → `jusqu'à`).
                guard !single || (tail.end < p.count && JoinedText.isApostrophe(UTF8Bytes.scalar(p, at: tail.end).value)) else { continue }
                let headScalars = head.scalars(p), tailScalars = tail.scalars(p)
                guard !Folding.isUpper(tailScalars[0]) || headScalars.allSatisfy(Folding.isUpper) else { continue }
                if single {
                    if Self.makesElision(headScalars + tailScalars) { cuts.append((head.start..<tail.end, headScalars + tailScalars)) }
                    continue
                }
                guard let text = cutWord(headScalars, tailScalars, kind: kind,
                                         compound: kind == .hyphen ? Self.compound(p, head: head, tail: tail) : nil) else { continue }
                cuts.append((head.start..<tail.end, text))
            }
        }
        guard !cuts.isEmpty else { return }
        for cut in cuts {
            let touched = words.indices.filter { k in
                guard let w = words[k] else { return false }
                return w.token.start < cut.range.upperBound && w.token.end > cut.range.lowerBound
            }
            guard !touched.contains(where: { consumed[$0] }) else { continue }
            for k in touched { consumed[k] = true }
            edits.append(TextEdit(range: cut.range, replacement: JoinedText.string(cut.text), rule: "noisy-cut", confidence: 0.9))
            counts.count("noisy-cut")
        }
    }

    enum CutSeparator { case hyphen, specks, dot }

    /// Bytes a flattened cut may leave between two pieces: hyphen, dot, comma, apostrophe,
    /// tilde, one space.
    @inline(__always)
    static func isCutSpeck(_ b: UInt8) -> Bool {
        b == 0x2D || b == 0x2E || b == 0x2C || b == 0x27 || b == 0x7E || b == 0x20
    }

    /// What the bytes between two pieces say of a cut, or nil when they are no cut: a dash
    /// between spaces, two spaces, a comma or dot alone after the first piece (punctuation).
    static func cutSeparator(_ s: UnsafeBufferPointer<UInt8>) -> CutSeparator? {
        let hyphens = s.reduce(0) { $0 + ($1 == 0x2D ? 1 : 0) }
        let spaces = s.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
        guard spaces <= 1, s.first != 0x20 || s.count == 2, hyphens <= 2 else { return nil }
        if hyphens == 0 {
            // `émet. tre`, `g.uerre`: a dot, then at most a space.
            return s.first == 0x2E && (s.count == 1 || (s.count == 2 && s.last == 0x20)) ? .dot : nil
        }
        if s.count == 1 { return .hyphen }
        // ` -ciales`: a space before the hyphen only.
        if s.first == 0x20 { return s.last == 0x2D ? .specks : nil }
        // The hyphen comes first, right after the piece (`ma-'`, `ef-.`, `mili--`).
        return s.first == 0x2D ? .specks : nil
    }

    /// Letters of a piece, by their place in the record's bytes.
    struct CutPiece {
        var start: Int
        var end: Int
        /// Letters (scalars); 0 when a digit or a sign is glued to them.
        var count: Int

        func scalars(_ p: UnsafeBufferPointer<UInt8>) -> [UInt32] { JoinedText.scalars(UnsafeBufferPointer(rebasing: p[start..<end])) }
    }

    /// The letters right before `end` (back to a non-letter).
    static func letters(_ p: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> CutPiece {
        var start = end
        var count = 0
        while let (v, at) = UTF8Bytes.scalar(p, before: start), UTF8Bytes.isLetter(v) {
            count += 1
            start = at
        }
        // A digit or a sign glued before the letters makes no piece of a word.
        if let (v, _) = UTF8Bytes.scalar(p, before: start), Self.gluedToPiece(v) { count = 0 }
        return CutPiece(start: start, end: end, count: count)
    }

    /// The letters from `start` on (up to a non-letter).
    static func letters(_ p: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> CutPiece {
        var end = start
        var count = 0
        while end < p.count {
            let (v, length) = UTF8Bytes.scalar(p, at: end)
            guard UTF8Bytes.isLetter(v) else { break }
            count += 1
            end += length
        }
        if end < p.count, Self.gluedToPiece(UTF8Bytes.scalar(p, at: end).value) { count = 0 }
        return CutPiece(start: start, end: end, count: count)
    }

    /// Whether letters make an elided conjunction (`jusqu`, `lorsqu`: `jus-qu'`, `lors-qu’`).
    static func makesElision(_ letters: [UInt32]) -> Bool {
        let lower = JoinedText.string(CasePattern.lower(letters))
        return lower.count > 2 && ElisionRules.prefixes.contains(lower + "’")
    }

    /// Digits and signs that make a chunk a code or a number, not a word (`or-~1re`, `L.9`).
    static func gluedToPiece(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || v == 0x2F || v == 0x5F || v == 0x40 || v == 0x7C || v == 0x5C
    }

    /// Hyphens in the chunk around `range` (between spaces) that have a letter on both sides.
    static func hyphens(_ p: UnsafeBufferPointer<UInt8>, around range: Range<Int>) -> Int {
        var s = range.lowerBound
        while s > 0, p[s - 1] != 0x20, p[s - 1] != 0x0A { s -= 1 }
        var e = range.upperBound
        while e < p.count, p[e] != 0x20, p[e] != 0x0A { e += 1 }
        var count = 0
        for k in s..<e where p[k] == 0x2D && k > s && k + 1 < e {
            if let (before, _) = UTF8Bytes.scalar(p, before: k), UTF8Bytes.isLetter(before), UTF8Bytes.isLetter(UTF8Bytes.scalar(p, at: k + 1).value) {
                count += 1
            }
        }
        return count
    }

    /// The compound's letters and hyphens around a plain-hyphen cut, with that hyphen removed
    /// (`ci-des-sus` → `ci-dessus`).
    static func compound(_ p: UnsafeBufferPointer<UInt8>, head: CutPiece, tail: CutPiece) -> [UInt32] {
        var s = head.start
        while let (v, at) = UTF8Bytes.scalar(p, before: s), UTF8Bytes.isLetter(v) || v == 0x2D { s = at }
        var e = tail.end
        while e < p.count {
            let (v, length) = UTF8Bytes.scalar(p, at: e)
            guard UTF8Bytes.isLetter(v) || v == 0x2D else { break }
            e += length
        }
        return JoinedText.scalars(UnsafeBufferPointer(rebasing: p[s..<head.end])) + JoinedText.scalars(UnsafeBufferPointer(rebasing: p[tail.start..<e]))
    }

    /// The word two pieces make across a cut of this kind, or nil without evidence (see
    /// `noisyCutEdits`).
    mutating func cutWord(_ head: [UInt32], _ tail: [UInt32], kind: CutSeparator, compound: [UInt32]?) -> [UInt32]? {
        let joined = head + tail
        guard joined.count <= WordKnowledge.maxWordLength else { return nil }
        let text: [UInt32], zipf: Double
        if let hit = knowledge.known(joined) {
            (text, zipf) = (joined, hit.zipf)
        } else if let (best, prior, _) = mergedForm(joined) {
            (text, zipf) = (best, prior + 9)
        } else {
            return nil
        }
        // The case as written: a lowercase join is no name (`just-in` is no `Justin`).
        guard CasePattern(text) == CasePattern(joined) else { return nil }
        // A piece English knows is a word too (`just-in-time`).
        let english = knowledge.lexicon.english
        let headHit = knowledge.known(head) ?? english.zipf(head).map { WordKnowledge.Hit(entry: nil, zipf: $0, flags: 0) }
        let tailHit = knowledge.known(tail) ?? english.zipf(tail).map { WordKnowledge.Hit(entry: nil, zipf: $0, flags: 0) }
        // The euphonic `t` (`a-t-elle`), a pronoun after a word (`par-le-chemin` is no
        // `parle-chemin`), a prefix before a vowel: hyphens of the language, not cuts.
        let lowerHead = JoinedText.string(CasePattern.lower(head)), lowerTail = JoinedText.string(CasePattern.lower(tail))
        guard lowerHead != "t", headHit == nil || !Dehyphenate.clitics.contains(lowerTail),
              !Dehyphenate.prefixBeforeVowel(lowerHead, lowerTail) else { return nil }
        if headHit == nil || tailHit == nil { return text }
        switch kind {
        case .dot: return nil
        // Specks are no punctuation between two words: an entry of the lexicon joined is
        // evidence enough (`re--poussera`).
        case .specks: return zipf > max(headHit!.zipf, tailHit!.zipf) || knowledge.lookup(joined) != nil ? text : nil
        case .hyphen: return compound.flatMap { knowledge.lookup($0) } != nil ? text : nil
        }
    }
}
