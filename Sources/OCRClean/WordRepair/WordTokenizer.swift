/// Splits a record's text into chunks (runs of non-space characters) and finds in each chunk the
/// word the corrector may touch, protecting what must never be corrected.
///
/// `(l’Office,` → chunk `(l’Office,`, core `l’Office`. Protected (kind `.symbol`): document
/// symbols and job numbers (`A/RES/57/168`, `CTOC/COP/2010/L.9`, `V.10-57325`), URLs and e-mail
/// addresses, numbers, ordinals (`1er`, `60e`, `XXIe`), words with footnote digits glued to them
/// (`rapportant1`), enumerators (`a)`, `iii)`). Letters mixed with `0`, `1` or `|` stay words, since
/// those are OCR confusions (`app1ication`, `|’entrée`), and so does a chunk with one comma
/// between two letters (`e,st`: a speck; `du,soir`: a space lost after the comma).
struct WordToken: Sendable {
    enum Kind: Sendable { case word, symbol, punctuation }

    /// The chunk, in bytes of the record text.
    var start: Int
    var end: Int
    /// The word core inside the chunk.
    var coreStart: Int
    var coreEnd: Int
    var kind: Kind
    /// Bytes of white space before the chunk (0 at the start of the text).
    var spaceBefore: Int
    /// True when the white space before is exactly one ASCII space.
    var singleSpaceBefore: Bool
}

enum WordTokenizer {
    static func tokens(_ p: UnsafeBufferPointer<UInt8>) -> [WordToken] {
        var tokens: [WordToken] = []
        // French prose averages a chunk per six bytes: one allocation for most records.
        tokens.reserveCapacity(p.count / 5 + 4)
        let n = p.count
        var i = 0
        while i < n {
            let spaceStart = i
            while i < n, let w = spaceWidth(p, i) { i += w }
            guard i < n else { break }
            let start = i
            while i < n, spaceWidth(p, i) == nil { i += 1 }
            let space = start - spaceStart
            var token = WordToken(start: start, end: i, coreStart: start, coreEnd: i, kind: .word,
                                  spaceBefore: space, singleSpaceBefore: space == 1 && p[spaceStart] == 0x20)
            classify(p, &token)
            tokens.append(token)
        }
        return tokens
    }

    /// Width of the white space at `i` (space, tab, NBSP, narrow NBSP, line break), or nil.
    @inline(__always)
    static func spaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let b = p[i]
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
        if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0xAF || p[i + 2] == 0x89 || p[i + 2] == 0xAF { return 3 }
        return nil
    }

    /// Characters stripped from the start of a chunk: `( [ { « " “ „ ‘ ‹ ¿ ¡ * — – < ? ! ~`.
    @inline(__always)
    static func isOpening(_ v: UInt32) -> Bool {
        switch v {
        case 0x28, 0x5B, 0x7B, 0xAB, 0x22, 0x201C, 0x201E, 0x2018, 0x2039, 0xBF, 0xA1, 0x2A, 0x2014, 0x2013, 0x3C, 0x3F, 0x21, 0x7E: return true
        default: return false
        }
    }

    /// Characters stripped from the end of a chunk: `) ] } » " ” › , . ; : ! ? … * >` and
    /// superscript digits (footnote marks).
    @inline(__always)
    static func isClosing(_ v: UInt32) -> Bool {
        switch v {
        case 0x29, 0x5D, 0x7D, 0xBB, 0x22, 0x201D, 0x203A, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x2026, 0x2A, 0x3E,
             0x2070...0x2079, 0xB9, 0xB2, 0xB3: return true
        default: return false
        }
    }

    static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x2BC }

    /// An apostrophe opening a chunk is no letter of the word: `’` (the mark of an `l’` whose l
    /// was lost: `’Office`, see `RepairWords.lostElisionEdits`), or `'` quoting the word with a
    /// `'` at its end too (`'all'`). Another leading `'` stays in the word: word repair reads it
    /// as the mark of a lost `l’` before a noun (`'Office`) or drops it as a speck (`'que`).
    static func isOpeningApostrophe(_ p: UnsafeBufferPointer<UInt8>, _ v: UInt32, _ s: Int, _ e: Int) -> Bool {
        if v == 0x2019 { return true }
        guard v == 0x27 else { return false }
        var end = e
        while end > s + 1, p[end - 1] < 0x80, p[end - 1] != 0x27, isClosing(UInt32(p[end - 1])) { end -= 1 }
        return end - s > 2 && p[end - 1] == 0x27
    }

    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ t: inout WordToken) {
        // Most chunks are letters only (ASCII or À–ÿ): a word as they stand, nothing to strip.
        if isPlainLetters(p, t.start, t.end) { return }
        var s = t.start
        var e = t.end
        while s < e {
            let (v, n) = UTF8Bytes.scalar(p, at: s)
            if isOpening(v) || isOpeningApostrophe(p, v, s, e) { s += n } else { break }
        }
        while e > s {
            guard let (v, start) = UTF8Bytes.scalar(p, before: e) else { break }
            if isClosing(v) {
                e = start
            } else if isApostrophe(v) {
                // Keep the apostrophe of an elided word ("l’" before a space), strip a quote or
                // an OCR'd footnote mark ("crime'").
                let letters = lettersBefore(p, start, from: s)
                if letters >= 1 && letters <= 7 && start - s <= 8 && looksElided(p, s, start) { break }
                e = start
            } else {
                break
            }
        }
        t.coreStart = s
        t.coreEnd = e
        guard s < e else {
            t.kind = .punctuation
            return
        }
        var letters = 0
        var digits = 0
        var confusableDigits = 0
        var other = 0
        // Commas between two letters (`e,st`, `sy,stème`): a speck the engine read as a comma.
        var innerCommas = 0
        var leadingHole = false
        var i = s
        while i < e {
            let (v, n) = UTF8Bytes.scalar(p, at: i)
            if v >= 0x30 && v <= 0x39 {
                digits += 1
                // `6` inside a word is what Tesseract reads for `é`, `ô` or `b` (`m6thode`,
                // `plut6t`, `varia6le`); first or last it makes a number or a code (`6mois`, `IPv6`).
                if v == 0x30 || v == 0x31 || (v == 0x36 && i > s) { confusableDigits += 1 }
            } else if UTF8Bytes.isLetter(v) || v == 0x7C {
                // `|` counts as a letter: the OCR prints it for l (`|’entrée`).
                letters += 1
            } else if v == 0x5F, i > s, i + n <= e, letters > 0 {
                // `_` after letters: Tesseract prints it for a letter it cannot read (`gouven_ement`).
            } else if v == 0x5F, i == s, i + n < e, UTF8Bytes.isLetter(UTF8Bytes.scalar(p, at: i + n).0) {
                // `_` first, before a letter: the same at a word's start (`_rotocoles`); an
                // identifier (`_exit`) finds no candidate and stays.
                leadingHole = true
            } else if ConfusionModel.unreadableGlyphs.contains(v), i > s, i + n < e, letters > 0 {
                // `organis¢e`, `cr¡minalité`: a sign the engine put for a letter it could not read.
            } else if v == 0x22, i > s, i + n < e {
                // A double quote inside a word is a misread apostrophe (`I"article`).
            } else if v == 0x2F || v == 0x40 || v == 0x5C || v == 0x5F || v == 0x3D || v == 0x2B || v == 0x23 || v == 0x25 || v == 0x26 {
                t.kind = .symbol
                return
            } else if v == 0x2C, i > s, i + n < e, let previous = UTF8Bytes.scalar(p, before: i), UTF8Bytes.isLetter(previous.value),
                      UTF8Bytes.isLetter(UTF8Bytes.scalar(p, at: i + n).0) {
                innerCommas += 1
            } else if v == 0x2E || v == 0x2C {
                // A dot or comma inside a chunk: abbreviations (n.m.), numbers (1.5), symbols (L.9).
                other += 1
            } else if !isApostrophe(v) && v != 0x2D && !(v == 0xAC && i + n == e) {
                // (A `¬` ending the chunk marks a word cut at the line end, as a hyphen does.)
                other += 1
            }
            i += n
        }
        if letters == 0 || other > 0 || innerCommas > 1 || (innerCommas == 1 && digits > 0) || (leadingHole && (letters < 3 || digits > 0)) {
            t.kind = .symbol
            return
        }
        // Enumerators (`a)`, `ii)`, `iv.`) and roman numerals are labels, not words.
        if t.end > e, p[e] == 0x29 || (p[e] == 0x2E && e + 1 == t.end), letters <= 5, digits == 0, isRoman(p, s, e) || letters == 1 {
            t.kind = .symbol
            return
        }
        if digits > 0 {
            // Letters with 0, 1 or 6 among them are OCR confusions (app1ication, 1’Office); other
            // digits, or digits ending the word (rapportant1, 60e is handled as ordinal below),
            // make a number, an ordinal, a code or a word with a footnote number glued to it.
            let last = p[e - 1]
            let digitAtEnd = last >= 0x30 && last <= 0x39
            // `1e`, `1a`: `le`, `la` with the l read as 1 (the ordinal is `1er`, `1re`).
            let misreadArticle = e - s == 2 && p[s] == 0x31 && (p[s + 1] == 0x65 || p[s + 1] == 0x61)
            if misreadArticle { return }
            if digits != confusableDigits || digits > 2 || letters < 2 || digitAtEnd || isOrdinal(p, s, e) {
                t.kind = .symbol
            }
        }
    }

    /// Whether `p[s..<e]` holds only ASCII letters and the letters À–ÿ (two bytes, `C3 xx`, but
    /// × and ÷).
    @inline(__always)
    static func isPlainLetters(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            let b = p[i]
            if b < 0x80 {
                guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A else { return false }
                i += 1
            } else {
                guard b == 0xC3, i + 1 < e, p[i + 1] != 0x97, p[i + 1] != 0xB7 else { return false }
                i += 2
            }
        }
        return true
    }

    static func isRoman(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        (s..<e).allSatisfy { "ivxlcdmIVXLCDM".utf8.contains(p[$0]) }
    }

    /// `1er`, `60e`, `2de`, `3es`, `XXIe` (digits or roman numerals followed by an ordinal ending).
    static func isOrdinal(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        guard i > s else { return false }
        let suffix = String(decoding: UnsafeBufferPointer(rebasing: p[i..<e]), as: UTF8.self)
        return ["er", "re", "e", "es", "ers", "res", "ème", "èmes", "de", "des", "d", "ds", "ᵉ", "ᵉʳ", "ʳᵉ"].contains(suffix)
    }

    static func lettersBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, from start: Int) -> Int {
        var count = 0
        var i = start
        while i < end {
            let (v, n) = UTF8Bytes.scalar(p, at: i)
            if UTF8Bytes.isLetter(v) || v == 0x7C { count += 1 }
            i += n
        }
        return count
    }

    /// Whether `p[s..<apostrophe]` is an elided word or its OCR misreading (`l`, `qu`, `I`, `|`).
    static func looksElided(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ apostrophe: Int) -> Bool {
        var word: [UInt8] = []
        Folding.lower(UnsafeBufferPointer(rebasing: p[s..<apostrophe]), into: &word)
        let text = String(decoding: word, as: UTF8.self)
        return ElisionRules.prefixes.contains(text + "’") || ["i", "|", "1", "!"].contains(text)
    }
}
