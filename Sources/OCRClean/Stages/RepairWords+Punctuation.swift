import Glibc

/// Punctuation that OCR misreads: between the numbered operative paragraphs of a resolution or
/// the items of a list, after the abbreviation of a volume number, and spaces before a comma or
/// a full stop.
extension RepairWords {
    /// `inconvénients , ce` → `inconvénients, ce`, `tout . Puisqu` → `tout. Puisqu`, `( quoique`
    /// → `(quoique`, `bon )` → `bon)`: a space OCR engines put (or an export that spaces
    /// punctuation as tokens left) where French prints none, between a letter (or a closing
    /// parenthesis or guillemet, before a comma or a stop) and the mark. Not after a number, which
    /// may be a footnote mark a PDF export spaced out (`rapportant 8 , le cas échéant`: the
    /// footnote stages read it). A full stop counts only where it ends a sentence (the line's
    /// end, or a capital or digit next), so a stop that is a word of technical text (`les
    /// commandes internes . ou source`, `le fichier .config`, `« . »`) stays apart, and so do a
    /// table's leaders (`Suisse . . . Fr.`), a parenthesis opening after a sign (`nom=( clé`) and
    /// the French spacing before `; : ! ?`. A spaced stop after a word no sentence ends on
    /// (`ratifié la . Convention`) is a speck: it goes.
    func punctuationSpaceEdits(_ bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
        bytes.withUnsafeBufferPointer { p in
            // A parenthesis at the start or after a space, whose inner space is removed.
            func opensAfterSpace(_ open: Int) -> Bool { open == 0 || p[open - 1] == 0x20 }
            var i = 1
            while i + 1 < p.count {
                defer { i += 1 }
                guard p[i] == 0x20 else { continue }
                let after = p[i + 1]
                guard after == 0x2C || after == 0x29 || after == 0x2E || p[i - 1] == 0x28 else { continue }
                var remove: Bool
                if p[i - 1] == 0x28 {
                    let next = UTF8Bytes.scalar(p, at: i + 1).value
                    remove = opensAfterSpace(i - 1) && (UTF8Bytes.isLetter(next) || isDigit(next))
                } else {
                    remove = UTF8Bytes.scalar(p, before: i).map { UTF8Bytes.isLetter($0.0) || (after != 0x29 && ($0.0 == 0x29 || $0.0 == 0xBB)) } ?? false
                    // ` )` closes as its parenthesis opened: glued, or spaced after a space (`( a )`).
                    if remove, after == 0x29, let open = p[..<i].lastIndex(of: 0x28), p[open + 1] == 0x20 { remove = opensAfterSpace(open) }
                }
                if remove, after == 0x2E {
                    // Then the line's end, or a space and a capital or a digit.
                    var k = i + 2
                    if k < p.count, p[k] == 0x20 {
                        k += 1
                        let opening = k < p.count ? UTF8Bytes.scalar(p, at: k).value : 0
                        remove = Folding.isUpper(opening) || isDigit(opening)
                    } else {
                        remove = k == p.count
                    }
                }
                guard remove, !edits.contains(where: { $0.range.contains(i) }) else { continue }
                if after == 0x2E, Self.endsOnNoSentence(p, before: i) {
                    // No sentence ends on `la`, `et`, `des`: the stop is a speck (`ratifié la .
                    // Convention`), not a stop to glue.
                    edits.append(TextEdit(range: i..<(i + 2), replacement: "", rule: "stray-stop", confidence: 0.8))
                    counts.count("stray-stop")
                    continue
                }
                edits.append(TextEdit(range: i..<(i + 1), replacement: "", rule: "punctuation-space", confidence: 0.9))
                counts.count("punctuation-space")
            }
        }
    }

    /// The word ending just before `i` (after a space or the text's start) is an article, a
    /// preposition or a conjunction no sentence ends on (`FunctionWords.endsNoSentence`), in
    /// lowercase.
    static func endsOnNoSentence(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var start = i
        while start > 0, p[start - 1] != 0x20 { start -= 1 }
        guard i - start >= 1, i - start <= 6 else { return false }
        return FunctionWords.endsNoSentence.contains(JoinedText.scalars(UnsafeBufferPointer(rebasing: p[start..<i])))
    }

    /// `les témoins — et du trafic` → `les témoins – et du trafic` in a UN document (see
    /// `DocumentProfile.isUNDocument`): French UN texts set the dash of an aside as an en dash
    /// between spaces, and engines read it as the wider em dash. A dash not spaced on both sides
    /// stays, and so does every dash of other texts (newspapers set the em dash).
    func asideDashEdits(_ bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        guard profile.isUNDocument, bytes.count >= 5 else { return }
        var i = 1
        while i + 3 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x94, bytes[i - 1] == 0x20, bytes[i + 3] == 0x20 else { continue }
            let range = i..<(i + 3)
            Self.add("–", at: range, rule: "dash", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// `Un << NaN silencieux >> est` → `Un « NaN silencieux » est`: guillemets read as two angle
    /// brackets. Only a pair on one record, opening at its start or after a space or `(`,
    /// closing before a space, punctuation or the end, with letters and no sign of code between
    /// (`=`, `;`, `{`, `<`, `>`): a shift (`x << 2`), a here-document (`cat << FIN`) and a
    /// redirection (`>> journal`) stay.
    func guillemetEdits(_ bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        // Most records hold no `<` at all: one `memchr` says so.
        guard bytes.count >= 6, bytes.withUnsafeBytes({ memchr($0.baseAddress!, 0x3C, $0.count) }) != nil else { return }
        var open: Int?
        var letters = false
        var i = 0
        while i + 1 < bytes.count {
            defer { i += 1 }
            let b = bytes[i]
            if b == 0x3C, bytes[i + 1] == 0x3C {
                let opens = (i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x28) && (i + 2 == bytes.count || bytes[i + 2] != 0x3C)
                open = opens ? i : nil
                letters = false
                i += 1
            } else if b == 0x3E, bytes[i + 1] == 0x3E {
                let end = i + 2
                let closes = end == bytes.count || [0x20, 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x21, 0x3F].contains(bytes[end])
                if let start = open, closes, letters, i > start + 2, bytes[i - 1] != 0x3E,
                   Self.readsAsQuotation(bytes[(start + 2)..<i]) {
                    let pair = [start..<(start + 2), i..<end]
                    if !edits.contains(where: { e in pair.contains { $0.overlaps(e.range) } }) {
                        edits.append(TextEdit(range: pair[0], replacement: "«", rule: "guillemet", confidence: 0.9))
                        edits.append(TextEdit(range: pair[1], replacement: "»", rule: "guillemet", confidence: 0.9))
                        counts.count("guillemet", by: 2)
                    }
                }
                open = nil
                i += 1
            } else if b == 0x3D || b == 0x3B || b == 0x7B || b == 0x7D || b == 0x3C || b == 0x3E {
                open = nil
            } else if b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                letters = true
            }
        }
    }

    /// Whether the text between `<<` and `>>` reads as quoted words: its parentheses balance
    /// (`(a << b) >> c` is code), and it does not open with a here-document's delimiter in
    /// capitals followed by more words (`cat << FIN et echo a >> journal`).
    static func readsAsQuotation(_ inner: ArraySlice<UInt8>) -> Bool {
        var depth = 0
        for b in inner {
            if b == 0x28 { depth += 1 }
            if b == 0x29 { depth -= 1; if depth < 0 { return false } }
        }
        guard depth == 0 else { return false }
        let words = inner.split(separator: 0x20)
        guard words.count > 1, let first = words.first else { return true }
        let capitals = first.allSatisfy { $0 >= 0x41 && $0 <= 0x5A || $0 == 0x5F || $0 >= 0x30 && $0 <= 0x39 }
        return !(capitals && first.count >= 2)
    }

    /// `Recueil des Traités, vol, 2225` → `vol. 2225`: the full stop of `vol.` or `vols.` read as a
    /// comma in a reference (after a comma, before a number here or opening the next line);
    /// `le vol, puis`, `le vol, 2 fois` stay.
    func volumeStopEdits(_ words: [Word?], bytes: [UInt8], nextLine: String?, edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            guard let word = words[i], let before = words[i - 1], bytes[before.token.end - 1] == 0x2C else { continue }
            let core = bytes[word.token.coreStart..<word.token.coreEnd]
            guard core.elementsEqual("vol".utf8) || core.elementsEqual("vols".utf8),
                  word.token.end == word.token.coreEnd + 1, bytes[word.token.coreEnd] == 0x2C else { continue }
            var k = word.token.end
            while k < bytes.count, bytes[k] == 0x20 { k += 1 }
            let digitFollows = k < bytes.count ? k > word.token.end && bytes[k] >= 0x30 && bytes[k] <= 0x39
                : nextLine?.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            guard digitFollows else { continue }
            let range = word.token.coreEnd..<word.token.end
            Self.add(".", at: range, rule: "abbreviation", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// The opening of an operative paragraph (`6. Prend note…`, `12. Prie…`): one to three digits, a
    /// full stop (or the comma, colon or semicolon OCR may read for it), and a capitalised finite verb
    /// in the third person singular (ending in `e`, `t` or `d`: `Réaffirme`, `Reconnaît`, `Prend`);
    /// with the mark's byte offset (the number's length). Nil for other numbered lines (`13. Le
    /// descripteur…`, `7. Définir…`, `45. Options…`, `46. Veuillez…`).
    func operativeOpening(_ text: String) -> (number: Int, mark: UInt32, offset: Int)? {
        var number = 0
        var digits = 0
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let s = next, s.value >= 0x30, s.value <= 0x39, digits < 3 {
            number = number * 10 + Int(s.value - 0x30)
            digits += 1
            next = scalars.next()
        }
        guard digits > 0, let mark = next, mark == "." || mark == "," || mark == ":" || mark == ";", scalars.next() == " " else { return nil }
        var word: [UInt32] = []
        while let s = scalars.next(), UTF8Bytes.isLetter(s.value) { word.append(s.value) }
        guard Self.endsLikeThirdPerson(word) else { return nil }
        if isFiniteVerb(word) { return (number, mark.value, digits) }
        // A verb OCR misspelt (`7. Réafirme`) opens the paragraph due next, also behind a
        // misread stop when the paragraph before is known (`31.` then `32, Engäge`).
        guard mark == "." || operativeParagraph != nil, number == (operativeParagraph ?? -1) + 1, knowledge.known(word) == nil else { return nil }
        return (number, mark.value, digits)
    }

    /// A capitalised word of three letters or more ending like a verb in the third person
    /// singular (`Réaffirme`, `Reconnaît`, `Prend`).
    static func endsLikeThirdPerson(_ word: [UInt32]) -> Bool {
        guard word.count >= 3, CasePattern(word) == .title, let end = word.last else { return false }
        return end == 0x65 || end == 0x74 || end == 0x64
    }

    /// The lexicon knows the word, lowercased, as a finite verb.
    func isFiniteVerb(_ word: [UInt32]) -> Bool {
        knowledge.exact(CasePattern.lower(word)).map { $0.flags & LexiconFlags.finiteVerb != 0 } ?? false
    }

    /// The number of an operative paragraph that OCR garbled, with its mark: `).`, `ro,`, `t.`,
    /// `L` for `9.`, `10.`, `11.`, `1.` before a capitalised finite verb (`Engage`, `Demande`,
    /// `Prie`). One to three glyphs that look like digits or specks, and no number: a number
    /// read right stays as it is, whatever it is.
    func garbledOperativeOpening(_ text: String) -> Range<Int>? {
        // Most records open with a word: told from the first bytes, before any scalar is decoded.
        for b in text.utf8.prefix(5) {
            if b == 0x20 { break }
            guard b >= 0x80 || b == 0x2E || b == 0x2C || Self.digitLookalikeBytes[Int(b)] else { return nil }
        }
        let scalars = Array(text.unicodeScalars.prefix(5))
        guard let space = scalars.firstIndex(of: " "), space >= 1 else { return nil }
        var marker = scalars[..<space]
        if let last = marker.last, last == "." || last == "," { marker = marker.dropLast() }
        // Up to three glyphs before a mark; one alone without (`L Prend`).
        guard !marker.isEmpty, marker.count <= (marker.count < space ? 3 : 1),
              marker.allSatisfy({ Self.digitLookalikes.unicodeScalars.contains($0) }),
              !marker.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        var word: [UInt32] = []
        for s in text.unicodeScalars.dropFirst(space + 1) {
            guard UTF8Bytes.isLetter(s.value) else { break }
            word.append(s.value)
        }
        guard Self.endsLikeThirdPerson(word), isFiniteVerb(word) else { return nil }
        return 0..<scalars[..<space].reduce(0) { $0 + UTF8.width($1) }
    }

    /// Glyphs an engine reads for a digit of a paragraph number, or for a speck beside one.
    static let digitLookalikes = "0123456789)(][|!lIiLtfrToOQDsSBgqZz?'’°"
    /// The ASCII ones, by byte.
    static let digitLookalikeBytes: [Bool] = (0..<128).map { b in digitLookalikes.utf8.contains(UInt8(b)) }

    /// Takes the operative paragraph that `text` opens as the last one: `6. Prend note…`, or
    /// `6, Prend note…` right after paragraph 5 (its full stop read as a comma, see `numberStopEdit`).
    /// Before its repair, a paragraph whose number OCR garbled (`). Engage…` after paragraph 8)
    /// is the next one, or, with none before it, the one before the paragraph after it (see
    /// `operativeNumberEdit`).
    mutating func noteOperativeParagraph(_ text: String, beforeRepair: Bool, next: String? = nil) {
        if let opening = operativeOpening(text), opening.mark == 0x2E || opening.number == (operativeParagraph ?? -1) + 1 {
            operativeParagraph = opening.number
        } else if beforeRepair, garbledOperativeOpening(text) != nil {
            // The first of a resolution has none before it: the paragraph after it tells
            // (`L Prend note…` before `2. Réaffirme…`).
            if let last = operativeParagraph {
                operativeParagraph = last + 1
            } else if let after = next.flatMap(operativeOpening), after.mark == 0x2E, after.number >= 2 {
                operativeParagraph = after.number - 1
            }
        }
    }

    /// `). Engage…` after paragraph 8 → `9. Engage…`: the number OCR garbled, read from the
    /// paragraph before (see `garbledOperativeOpening`).
    func operativeNumberEdit(_ text: String, edits: inout [TextEdit], counts: inout Counts) {
        guard let number = operativeParagraph, let range = garbledOperativeOpening(text) else { return }
        Self.add("\(number).", at: range, rule: "number-stop", confidence: 0.9, to: &edits, counts: &counts)
    }

    /// `conscience. b Un gouvernement` → `conscience. Un gouvernement`: a single letter between a
    /// sentence's end and the capital of the next is a speck or a dash the engine read as a
    /// letter (old newspapers). Only letters that are no French word nor elided article (`b`,
    /// `i`, `r`… but not `a`, `y`, `l`, `d`), after a word of two letters or more (`M. b` may
    /// be initials) and before a word.
    func strayLetterEdits(_ tokens: [WordToken], bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        guard tokens.count >= 3 else { return }
        for k in 1..<(tokens.count - 1) {
            let t = tokens[k]
            guard t.end - t.start == 1, Self.strayLetters.contains(bytes[t.start]), t.singleSpaceBefore else { continue }
            let before = tokens[k - 1], after = tokens[k + 1]
            let stop = bytes[before.end - 1]
            guard after.singleSpaceBefore, stop == 0x2E || stop == 0x21 || stop == 0x3F,
                  before.kind == .word, before.coreEnd - before.coreStart >= 2,
                  after.kind == .word, after.coreEnd - after.coreStart >= 2, after.coreStart == after.start,
                  Self.opensWithCapital(bytes, at: after.start) else { continue }
            let range = (t.start - 1)..<t.end
            Self.add("", at: range, rule: "stray-letter", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// `les Protocoles s’y rapportant. et` → `rapportant et`, `les fins. ci-dessus` → `fins ci-dessus`,
    /// `des Protocoles. additionnels`, `et les. Protocoles` → `les Protocoles`: a full stop glued to a
    /// word in lowercase or capitalised and followed by a word in lowercase is a speck or a misread
    /// comma, no sentence opens in lowercase; so is one after a word no sentence ends on (`les`, `de`,
    /// `et`: see `FunctionWords.endsNoSentence`), before any word. Deleting it is never further from
    /// the text than the stop was, whichever it stood for. The stop stays after an abbreviation
    /// (`etc.`, `vol.`, `fr.`, `MM.`: any word of two letters, in capitals or that the lexicon writes
    /// with its stop), an unknown word (`struct.`, `pharm.`) and before a word that is not plain French
    /// in lowercase (`caractères. fully`, `fichier. chmod`, a command named by the document), or that
    /// may have lost its capital (see `smallShapedCapitals`). Only in a line as printed: in a paragraph
    /// the stop may end a line that layout joined to text it cut (a note, a heading).
    func strayStopEdits(_ words: [Word?], bytes: [UInt8], nextLine: String?, consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        lineEndStrayStop(words, bytes: bytes, nextLine: nextLine, consumed: consumed, edits: &edits, counts: &counts)
        guard words.count >= 2 else { return }
        for i in 0..<(words.count - 1) {
            guard let word = words[i], let after = words[i + 1], !consumed[i], !consumed[i + 1], word.known != nil, after.known != nil,
                  word.token.end == word.token.coreEnd + 1, bytes[word.token.coreEnd] == 0x2E,
                  after.token.singleSpaceBefore, after.token.start == after.token.coreStart else { continue }
            let core = self.core(of: word, bytes), next = self.core(of: after, bytes)
            guard core.allSatisfy(UTF8Bytes.isLetter), next.count >= 2,
                  next.allSatisfy({ UTF8Bytes.isLetter($0) || JoinedText.isApostrophe($0) || $0 == 0x2D }),
                  knowledge.exact(core + [0x2E]) == nil,
                  !bytes.withUnsafeBufferPointer({ profile.isCommandName(UnsafeBufferPointer(rebasing: $0[after.token.coreStart..<after.token.coreEnd])) })
            else { continue }
            // After an article, a preposition or a conjunction no sentence ends: any word may
            // follow (`les. Protocoles` → `les Protocoles`).
            if !FunctionWords.endsNoSentence.contains(core) {
                let casing = CasePattern(core)
                guard core.count - DomainPhrases.elisionLength(core) >= 3, casing == .lower || (casing == .title && core.count >= 4),
                      CasePattern(next) == .lower else { continue }
                // A capital shaped like its small letter may have been read small (`la bonne.
                // voici`, `une seule fois. pour`): then the stop ends a sentence unless the word
                // before is one no sentence ends on (`pour. veiller`, `comme. support`).
                if Self.smallShapedCapitals.contains(Folding.base(next[0])), word.known.map({ $0.flags & LexiconFlags.grammatical == 0 }) ?? true { continue }
            }
            let range = word.token.coreEnd..<word.token.end
            Self.add("", at: range, rule: "stray-stop", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// `sur toutes les formes et .` / `tous les aspects` → `formes et` / `tous`: a full stop ending
    /// a line, glued or apart, after a word no sentence ends on, when the next line goes on in
    /// lowercase, is a speck. Deleted with the space before it.
    func lineEndStrayStop(_ words: [Word?], bytes: [UInt8], nextLine: String?, consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        guard let nextLine, let first = nextLine.unicodeScalars.first(where: { !UTF8Bytes.isSpace($0.value) }),
              first.properties.isLowercase, let last = words.lastIndex(where: { $0 != nil }), let word = words[last], !consumed[last],
              word.token.start == word.token.coreStart, FunctionWords.neverEndSentence.contains(core(of: word, bytes)) else { return }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > word.token.coreEnd, bytes[end - 1] == 0x2E,
              bytes[word.token.coreEnd..<(end - 1)].allSatisfy({ $0 == 0x20 }) else { return }
        Self.add("", at: word.token.coreEnd..<end, rule: "stray-stop", confidence: 0.8, to: &edits, counts: &counts)
    }

    /// `vive le roi 1 Et pourquoi`, `c’est moins gai I Mais` → `vive le roi ! Et pourquoi`, `gai !
    /// Mais`: an exclamation mark read as the digit one or a capital I, alone between a word in
    /// lowercase and the capitalised word that opens the next sentence. A number after a
    /// preposition (`de 1 Go`), after a capitalised word (`Niveau 1 Les`, `RAID 1`) or before a
    /// unit (`1 Ko`) or a lowercase word (`renvoie 1 si`) stays, and so does a Roman numeral
    /// after a word that numbers its parts (`l’annexe I Les`, `chapitre I Introduction`).
    ///
    /// After an interjection the mark is all a lone `1`, `l`, `i`, `î` or `I` can be, whatever
    /// follows (`Hélas 1 elle serait`, `Eh i que voulez-vous` → `Hélas ! elle serait`, `Eh ! que
    /// voulez-vous`); a capital `I` only before a French word (`Oh I see` stays).
    func exclamationEdits(_ tokens: [WordToken], bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        guard tokens.count >= 3 else { return }
        for k in 1..<(tokens.count - 1) {
            let t = tokens[k]
            if afterInterjection(tokens, k, bytes) {
                Self.add("!", at: t.start..<t.end, rule: "exclamation", confidence: 0.8, to: &edits, counts: &counts)
                continue
            }
            guard t.end - t.start == 1, bytes[t.start] == 0x31 || bytes[t.start] == 0x49, t.singleSpaceBefore else { continue }
            let before = tokens[k - 1], after = tokens[k + 1]
            guard after.singleSpaceBefore, before.kind == .word, before.start == before.coreStart, before.end == before.coreEnd,
                  after.kind == .word, after.start == after.coreStart else { continue }
            let (previous, next) = bytes.withUnsafeBufferPointer {
                (JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[before.start..<before.end])),
                 JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[after.coreStart..<after.coreEnd])))
            }
            guard previous.count >= 2, CasePattern(previous) == .lower, previous.allSatisfy(UTF8Bytes.isLetter),
                  knowledge.known(previous).map({ $0.flags & LexiconFlags.grammatical == 0 }) ?? true,
                  next.count >= 2, CasePattern(next) == .title, next.allSatisfy(UTF8Bytes.isLetter) else { continue }
            if bytes[t.start] == 0x49, Self.numberedParts.contains(JoinedText.string(previous)) { continue }
            // A short next word must be a word that opens sentences (`Et`, `On`), not a unit (`Ko`).
            guard next.count >= 4 || knowledge.known(CasePattern.lower(next)).map({ $0.flags & LexiconFlags.grammatical != 0 }) == true else { continue }
            let range = t.start..<t.end
            Self.add("!", at: range, rule: "exclamation", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// Whether token `k` is an exclamation mark misread after an interjection (see
    /// `exclamationEdits`).
    func afterInterjection(_ tokens: [WordToken], _ k: Int, _ bytes: [UInt8]) -> Bool {
        let t = tokens[k]
        // The glyph first: this runs for every token.
        let glyph = t.end - t.start == 1 ? bytes[t.start] : t.end - t.start == 2 && bytes[t.start] == 0xC3 && bytes[t.start + 1] == 0xAE ? 0xEE : 0
        guard glyph == 0x49 || glyph == 0x31 || glyph == 0x6C || glyph == 0x69 || glyph == 0xEE else { return false }
        let capitalI = glyph == 0x49
        let before = tokens[k - 1], after = tokens[k + 1]
        guard t.singleSpaceBefore, after.singleSpaceBefore, before.kind == .word, before.start == before.coreStart, before.end == before.coreEnd,
              before.end - before.start <= 6 else { return false }
        let word = bytes.withUnsafeBufferPointer { JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[before.start..<before.end])) }
        guard Self.interjections.contains(JoinedText.string(CasePattern.lower(word))) else { return false }
        guard capitalI else { return true }
        let next = bytes.withUnsafeBufferPointer { JoinedText.scalars(UnsafeBufferPointer(rebasing: $0[after.coreStart..<after.coreEnd])) }
        return after.kind == .word && knowledge.known(CasePattern.lower(next)) != nil
    }

    /// Interjections an exclamation mark follows.
    static let interjections: Set<String> = ["hélas", "eh", "oh", "ah", "bah", "hé", "ouf", "hein", "holà"]

    /// Words a Roman numeral follows (`annexe I`, `chapitre I`).
    static let numberedParts: Set<String> = ["annexe", "chapitre", "partie", "titre", "section", "article", "livre", "tome", "volume", "phase",
                                             "niveau", "type", "classe", "catégorie", "groupe", "point", "paragraphe", "appendice", "tableau", "figure"]

    /// `‘mesures concrètes` → `mesures concrètes`: an opening single quote glued to a word that
    /// nothing after it on the line closes is a speck an engine read at the margin (Tesseract's
    /// English model prints it often); French quotes with « » and “ ”. A quote closed on the line
    /// (`‘libpam-’ ou`) stays, and so does one before a word that is not French: a reader quoting
    /// a command or a name may open it so.
    func strayOpeningQuoteEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for (i, word) in words.enumerated() {
            guard let word, !consumed[i], word.known != nil, word.token.coreStart - word.token.start == 3,
                  bytes[word.token.start] == 0xE2, bytes[word.token.start + 1] == 0x80, bytes[word.token.start + 2] == 0x98,
                  !Self.closesSingleQuote(bytes, after: word.token.coreStart) else { continue }
            let range = word.token.start..<word.token.coreStart
            Self.add("", at: range, rule: "stray-quote", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// `la' bouche`, `du' projet`, `les' besoins` → `la bouche`, `du projet`, `les besoins`: an
    /// apostrophe glued after an article, a preposition or a conjunction that no French elides
    /// so (`la` is elided `l’`, `de` `d’`) and before a space is a speck an engine read as a
    /// quote (old newspapers show it often). A word a quote opened stays (`'la' et 'le'`).
    func strayClosingQuoteEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for (i, word) in words.enumerated() {
            guard let word, !consumed[i], word.token.start == word.token.coreStart, word.token.end < bytes.count, bytes[word.token.end] == 0x20,
                  word.token.coreEnd - word.token.coreStart <= 6 else { continue }
            let mark = word.token.end - word.token.coreEnd
            guard (mark == 1 && bytes[word.token.coreEnd] == 0x27)
                    || (mark == 3 && bytes[word.token.coreEnd] == 0xE2 && bytes[word.token.coreEnd + 1] == 0x80 && bytes[word.token.coreEnd + 2] == 0x99),
                  FunctionWords.neverEndSentence.contains(CasePattern.lower(core(of: word, bytes))) else { continue }
            let range = word.token.coreEnd..<word.token.end
            Self.add("", at: range, rule: "stray-quote", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// Whether a closing single quote (`’` or `'` not between two letters, so no apostrophe)
    /// follows `start` in the text.
    static func closesSingleQuote(_ bytes: [UInt8], after start: Int) -> Bool {
        var i = start
        while i < bytes.count {
            let length: Int
            if bytes[i] == 0x27 {
                length = 1
            } else if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                length = 3
            } else {
                i += 1
                continue
            }
            let letterBefore = i > 0 && QualityEstimator.isWordByte(bytes[i - 1])
            let letterAfter = i + length < bytes.count && QualityEstimator.isWordByte(bytes[i + length])
            if !(letterBefore && letterAfter) { return true }
            i += length
        }
        return false
    }

    /// Letters whose capital is their small letter made larger (`c`, `o`, `s`, `v`…): an engine
    /// reading a blurred line may lose the capital.
    static let smallShapedCapitals: Set<UInt8> = Set("cjkopsuvwxz".utf8)

    /// Whether a capital letter opens the bytes at `i`.
    static func opensWithCapital(_ bytes: [UInt8], at i: Int) -> Bool {
        Folding.isUpper(bytes.withUnsafeBufferPointer { UTF8Bytes.scalar($0, at: i).value })
    }

    /// Letters that stand alone in no French text: neither a word (`a`, `y`, `ô`) nor an elided
    /// article or pronoun (`l`, `d`, `n`, `s`, `j`, `m`, `t`, `c`), nor `e`, `o` (a foreign `e`, an `o`
    /// of apostrophe).
    static let strayLetters: Set<UInt8> = Set("bfghikpqruvwxz".utf8)

    /// `4, Exhorte les États…`, `3: Note…` → `4. Exhorte…`, `3. Note…`: the full stop after an
    /// operative paragraph's number read as a comma, a colon or a semicolon, when the number
    /// follows the last operative paragraph's (the record is taken as paragraph 4 before it is
    /// repaired).
    func numberStopEdit(_ text: String, edits: inout [TextEdit], counts: inout Counts) {
        guard let opening = operativeOpening(text), opening.mark != 0x2E, opening.number == operativeParagraph else { return }
        let range = opening.offset..<(opening.offset + 1)
        Self.add(".", at: range, rule: "number-stop", confidence: 0.9, to: &edits, counts: &counts)
    }

    /// Whether text ending in a colon announces a list (`les valeurs suivantes :`, `comme suit :`),
    /// whatever marker the OCR read for its first item.
    static func introducesList(_ text: ArraySlice<UInt8>) -> Bool {
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] == 0x20 || text[end - 1] == 0xA0 || text[end - 1] == 0xC2 { end -= 1 }
        var start = end
        while start > text.startIndex, text[start - 1] != 0x20 { start -= 1 }
        return listOpeners.contains(String(decoding: text[start..<end], as: UTF8.self).lowercased())
    }

    /// Last words before a colon that announce a list.
    static let listOpeners: Set<String> = ["suivant", "suivante", "suivants", "suivantes", "suit", "ci-après", "ci-dessous", "notamment", "exemple"]

    /// `…de la criminalité :` before `4. Exhorte…` → `…de la criminalité ;`: the engine lost the
    /// comma of a semicolon (faded ink, low resolution). Only where the colon ends the text
    /// between operative paragraph `n` (this record or one before it) and paragraph `n + 1`
    /// (spaced in the French way), or between two items of a list whose item before ended with
    /// `;` (`a) …;` / `b) …organisée:` / `c) …`, spaced or not), or, in a text that names the
    /// United Nations, between its first two items (`afin :` / `i) …publics:` / `ii) …`): a
    /// colon there would introduce nothing, while a list after a colon (`suivantes :` /
    /// `1. Vérifie…`, `ce qui suit :` / `i) …`) starts at its own first item (so `h)` before
    /// `i)` stays: that `i)` may open a roman sub-list). Likewise before a later letter item when the page began inside the item
    /// the colon ends, or that item is a roman sub-item (`iv) …potentielles:` / `d) …`), unless
    /// words before the colon announce a list (`les valeurs suivantes :`).
    func semicolonEdit(_ record: Record, _ bytes: [UInt8], next: Record?, edits: inout [TextEdit], counts: inout Counts) {
        // The final colon first: most records end otherwise, and the rest reads the next record.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end >= 2, bytes[end - 1] == 0x3A, let next else { return }
        let betweenItems: Bool
        if let last = operativeParagraph, let following = operativeOpening(next.text)?.number, following == last + 1 {
            betweenItems = false
        } else if // A line goes on with the item the last marker opened; a paragraph is an item itself.
                  let current = Self.itemMarker(record.text)?.marker ?? (record.kind == .line ? lastItemMarker : nil),
                  // (or the marker `lostItemMarkerEdit` will give an item whose letter OCR lost)
                  let following = Self.itemMarker(next.text)?.marker ?? (Self.lostItemMarker(next.text) != nil ? Self.onlySuccessor(of: current) : nil),
                  following != "i",
                  // (the list ends its items with `;`, or this is its first item in a text that
                  // names the United Nations, whose lists always do: a colon there would open a
                  // sub-list, whose first item no successor is; a manual may put a table between
                  // two items)
                  itemFollowsSemicolon || (itemOpensList && profile.namesUnitedNations && !Self.introducesList(bytes[..<(end - 1)])), Self.successors(of: current).contains(where: { $0 == following
                      // or the marker `itemMarkerEdit` will make of it (`9)` between `f)` and `h)`)
                      || (upcomingItemMarkers.count == 2 && Self.successors(of: $0).contains(upcomingItemMarkers[1])) }) {
            betweenItems = true
        } else if let following = Self.itemMarker(next.text)?.marker, following.utf8.count == 1, let letter = following.utf8.first,
                  letter > 0x61, letter <= 0x7A, letter != 0x69, !Self.introducesList(bytes[..<(end - 1)]),
                  (Self.itemMarker(record.text)?.marker ?? (record.kind == .line ? lastItemMarker : nil))
                      .map({ Self.romanNumerals.contains($0) && !Self.successors(of: $0).contains(following) }) ?? true {
            // A colon before a later letter item (`e)`) when the item it ends is unseen (the
            // page began inside it) or a roman sub-item (`iv) …potentielles:` / `d) …`).
            betweenItems = true
        } else {
            return
        }
        // A space, a no-break space or a narrow no-break space before the colon.
        let spaced = bytes[end - 2] == 0x20 || (end >= 3 && bytes[end - 3] == 0xC2 && bytes[end - 2] == 0xA0)
            || (end >= 4 && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80 && bytes[end - 2] == 0xAF)
        let before = bytes.withUnsafeBufferPointer { UTF8Bytes.scalar($0, before: end - 1)?.value } ?? 0
        guard spaced || (betweenItems && UTF8Bytes.isLetter(before)) else { return }
        let range = (end - 1)..<end
        Self.add(";", at: range, rule: "semicolon", confidence: 0.9, to: &edits, counts: &counts)
    }
}
