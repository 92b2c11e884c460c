/// Finds the marker of a footnote in the body text of its page and rewrites it as superscript
/// digits, the convention of the UN texts and of `../shared/eval` (`rapportant¹`).
///
/// Markers, tried in this order for note `N`, after the previous note's marker:
/// - digits glued to a word: `rapportant1;` → `rapportant¹;`
/// - a year or resolution number with the digits appended: `19885` → `1988⁵`,
///   `201210` → `2012¹⁰`, `66/1819` → `66/181⁹`
/// - the digits between spaces before punctuation: `rapportant 8 ,` → `rapportant⁸,`
/// - what OCR made of a raised digit, glued to a word or a year, when it can look like the
///   number: `crime'`, `organisée!` (1), `rapportant?;` (2), `1988°` (never 1 or 2, never `n°`).
///
/// The notes of a block take their markers together, in order (see `assign`).
///
/// A number that matches none of these stays as it is: `39574` in a treaty reference is not
/// `3957` + note 4 when the page has no note 4, and is only split when the page has one.
struct FootnoteMarkers {
    /// A found marker: record index, UTF-8 byte range to replace.
    struct Hit {
        var record: Int
        var range: Range<Int>
        /// The marker is already the superscript number.
        var already = false
        /// How much the place looks like the marker (see `hits`).
        var score = 0.0
    }

    /// The numbers written as superscript digits after a word or number in `text`
    /// (`rapportant¹`, `2012¹⁰`), in order.
    static func superscriptNumbers(in text: [UInt8]) -> [String] {
        var numbers: [String] = []
        var k = 1
        while k < text.count {
            guard isSuperscriptDigit(text, at: k), text[k - 1] != 0x20 else { k += 1; continue }
            var number = ""
            while k < text.count, isSuperscriptDigit(text, at: k) {
                let width = text[k] == 0xC2 ? 2 : 3
                let scalar = text.withUnsafeBufferPointer { UTF8Bytes.scalar($0, at: k).value }
                number.unicodeScalars.append(LineShape.plainDigit(Unicode.Scalar(scalar)!))
                k += width
            }
            numbers.append(number)
        }
        return numbers
    }

    /// A superscript digit starts at `k` (`¹²³` are C2 B9/B2/B3, `⁰⁴…⁹` E2 81 B0/B4…B9).
    static func isSuperscriptDigit(_ text: [UInt8], at k: Int) -> Bool {
        if k + 1 < text.count, text[k] == 0xC2 { return text[k + 1] == 0xB9 || text[k + 1] == 0xB2 || text[k + 1] == 0xB3 }
        return k + 2 < text.count && text[k] == 0xE2 && text[k + 1] == 0x81 && text[k + 2] >= 0xB0 && text[k + 2] <= 0xB9
    }

    /// A superscript digit ends just before `k`.
    static func isSuperscriptDigit(_ text: [UInt8], before k: Int) -> Bool {
        (k >= 2 && isSuperscriptDigit(text, at: k - 2) && text[k - 2] == 0xC2) || (k >= 3 && text[k - 3] == 0xE2 && isSuperscriptDigit(text, at: k - 3))
    }

    /// The length in bytes of the raise glyph that starts at `i` (`!`, `?`, `'`, `*`, `+`; `°`;
    /// `’`, `‘`, `“`, `”`), or 0. Compared byte by byte: every byte of a page's body is asked.
    @inline(__always) static func markLength(_ text: [UInt8], at i: Int) -> Int {
        switch text[i] {
        case 0x21, 0x3F, 0x27, 0x2A, 0x2B: return 1
        case 0xC2: return i + 1 < text.count && text[i + 1] == 0xB0 ? 2 : 0
        case 0xE2:
            guard i + 2 < text.count, text[i + 1] == 0x80 else { return 0 }
            let c = text[i + 2]
            return c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D ? 3 : 0
        default: return 0
        }
    }

    /// The places in a block's body lines that may hold markers, found in one pass over each
    /// line (a page's notes then pick theirs without reading the lines again): superscript
    /// numbers already written, runs of digits, and misread raises.
    struct Places {
        struct Run { var record: Int; var text: Int; var range: Range<Int> }
        struct Glyph {
            var record: Int
            var range: Range<Int>
            var lead: UInt8
            var followsGlyph: Bool
            /// Glued to a word (see `isWord`), not to a year or a resolution number.
            var afterWord: Bool
        }
        var texts: [[UInt8]] = []
        var superscripts: [Run] = []
        var digits: [Run] = []
        var glyphs: [Glyph] = []
        /// The letters digits are glued to make a word that takes a marker (`rapportant1`), not
        /// an identifier (`IPv4`).
        let isWord: (ArraySlice<UInt8>) -> Bool

        /// The places of `texts` (record index, bytes).
        init(_ lines: [(record: Int, text: [UInt8])], isWord: @escaping (ArraySlice<UInt8>) -> Bool) {
            self.isWord = isWord
            // A `“` left open by a line before (`(l’“enquête` / `omnibus”)`): the `”` closing it
            // is no marker.
            var quoteOpen = false
            for (t, (r, text)) in lines.enumerated() {
                texts.append(text)
                // The line's last double quote, read in the same pass: `“` leaves a quotation open.
                var lastQuote: UInt8?
                var k = 0
                while k < text.count {
                    if text[k] >= 0xC2, isSuperscriptDigit(text, at: k) {
                        let start = k
                        while k < text.count, isSuperscriptDigit(text, at: k) { k += text[k] == 0xC2 ? 2 : 3 }
                        superscripts.append(Run(record: r, text: t, range: start..<k))
                    } else if isDigit(text[k]) {
                        let start = k
                        while k < text.count, isDigit(text[k]) { k += 1 }
                        digits.append(Run(record: r, text: t, range: start..<k))
                    } else {
                        if text[k] == 0xE2, k + 2 < text.count, text[k + 1] == 0x80, text[k + 2] == 0x9C || text[k + 2] == 0x9D { lastQuote = text[k + 2] }
                        k += 1
                    }
                }
                var from = 0
                while let range = glyphMarker(in: text, from: from, quoteOpen: quoteOpen) {
                    let word = letters(before: range.lowerBound, in: text)
                    glyphs.append(Glyph(record: r, range: range, lead: text[range.lowerBound], followsGlyph: followsGlyph(text, range.lowerBound),
                                        afterWord: word.count >= 2 && isWord(word)))
                    from = range.upperBound
                }
                quoteOpen = text.isEmpty ? false : lastQuote.map { $0 == 0x9C } ?? quoteOpen
            }
        }

        /// The places in `records[candidates]`.
        init(_ records: [Record], candidates: [Int], isWord: @escaping (ArraySlice<UInt8>) -> Bool) {
            self.init(candidates.map { (record: $0, text: Array(records[$0].text.utf8)) }, isWord: isWord)
        }

        /// Every place that may hold the marker of note `number`, in text order, scored by how
        /// much it looks like one: the superscript already written 4 (a second run over cleaned
        /// text), digits 3, a misread raise that can look like the number 1. For a `*` note, `*`
        /// itself 1 and any other raise 0.5: its marker only keeps its place in the order, and
        /// gives way to a numbered note's.
        func hits(_ number: String) -> [Hit] {
            let digits = Array(number.utf8)
            let numbered = !digits.isEmpty && digits.allSatisfy(isDigit)
            var hits: [Hit] = []
            if numbered {
                let written = Array(LineShape.superscript(number).utf8)
                for run in superscripts where texts[run.text][run.range].elementsEqual(written) {
                    hits.append(Hit(record: run.record, range: run.range, already: true, score: 4))
                }
                for run in self.digits {
                    if let range = digitMarker(digits, in: texts[run.text], run: run.range, isWord: isWord) { hits.append(Hit(record: run.record, range: range, score: 3)) }
                }
            }
            // A glyph passed over for a note is left for a later one.
            for glyph in glyphs where !numbered || glyph.followsGlyph || looksLike(glyph.lead, digits[0]) {
                hits.append(Hit(record: glyph.record, range: glyph.range, score: numbered || glyph.lead == 0x2A ? 1 : 0.5))
            }
            hits.sort { ($0.record, $0.range.lowerBound) < ($1.record, $1.range.lowerBound) }
            return hits
        }
    }

    /// The marker of each of a block's notes (`numbers` in order; nil where none is found).
    /// Markers follow the order of their notes, so of all the ways to give each note at most
    /// one of its places in text order, the one with the highest total score. Taking each note's
    /// first place instead let one misread glyph shift every later note: a `*` note whose marker
    /// the page does not show took `relatifs'` (note 1), note 1 took note 2's marker, and so on.
    /// Among equal totals the earlier places win, as when each note took its first place.
    static func assign(_ numbers: [String], in records: [Record], candidates: [Int], isWord: @escaping (ArraySlice<UInt8>) -> Bool) -> [Hit?] {
        let places = Places(records, candidates: candidates, isWord: isWord)
        let options = numbers.map { Array(places.hits($0).prefix(maxPlaces)) }
        struct Link { var note: Int; var place: Int }
        // best[i][h]: the highest total with note i at its place h, placing no later note;
        // parent[i][h]: the note and place before it in that assignment.
        var best: [[Double]] = [], parent: [[Link?]] = []
        // Each note's places by where they end, to find the best earlier total that ends
        // before a place starts with one pass per note (hits come sorted by where they start).
        let byEnd = options.map { places in places.indices.sorted { (places[$0].record, places[$0].range.upperBound) < (places[$1].record, places[$1].range.upperBound) } }
        var top: Link?
        var topScore = 0.0
        for i in options.indices {
            var cursor = [Int](repeating: 0, count: i)
            var before = [Link?](repeating: nil, count: i)
            best.append([])
            parent.append([])
            for (h, place) in options[i].enumerated() {
                var score = place.score
                var link: Link?
                for j in 0..<i {
                    while cursor[j] < byEnd[j].count {
                        let g = byEnd[j][cursor[j]], other = options[j][g]
                        guard (other.record, other.range.upperBound) <= (place.record, place.range.lowerBound) else { break }
                        if before[j].map({ best[j][g] > best[j][$0.place] }) ?? true { before[j] = Link(note: j, place: g) }
                        cursor[j] += 1
                    }
                    if let b = before[j], best[j][b.place] + place.score > score {
                        score = best[j][b.place] + place.score
                        link = b
                    }
                }
                best[i].append(score)
                parent[i].append(link)
                if top == nil || score > topScore || (score == topScore && (options[top!.note][top!.place].record, options[top!.note][top!.place].range.lowerBound) > (place.record, place.range.lowerBound)) {
                    top = Link(note: i, place: h)
                    topScore = score
                }
            }
        }
        var result = [Hit?](repeating: nil, count: numbers.count)
        var at = top
        while let link = at {
            result[link.note] = options[link.note][link.place]
            at = parent[link.note][link.place]
        }
        return result
    }

    /// Places after a note's marker that cite the note again, once each note took its marker
    /// (`assign`): the same superscript number (`rapportant¹` … `résolution¹`), or a `!` or `?`
    /// glued to a word that can be the raised digit of only one of the block's notes (see
    /// `looksLike`: `rapportant',` … `résolution!;` are both note 1 on a page with notes 1 to 3).
    /// UN texts cite an instrument's note each time they name it. Other glyphs stand for any
    /// digit and stay, as do digits (`linkRepeatedMarkers` reads those across pages).
    static func repeats(of numbers: [String], assigned: [Hit?], in records: [Record], candidates: [Int],
                        isWord: @escaping (ArraySlice<UInt8>) -> Bool) -> [(note: Int, hit: Hit)] {
        let places = Places(records, candidates: candidates, isWord: isWord)
        func after(_ note: Int, _ record: Int, _ start: Int) -> Bool {
            guard let first = assigned[note] else { return false }
            return (first.record, first.range.lowerBound) < (record, start)
        }
        var out: [(note: Int, hit: Hit)] = []
        for (n, number) in numbers.enumerated() where Int(number) != nil {
            let written = Array(LineShape.superscript(number).utf8)
            for run in places.superscripts where places.texts[run.text][run.range].elementsEqual(written) && after(n, run.record, run.range.lowerBound) {
                out.append((n, Hit(record: run.record, range: run.range, already: true)))
            }
        }
        let single = numbers.indices.filter { numbers[$0].utf8.count == 1 && Int(numbers[$0]) != nil }
        for glyph in places.glyphs where (glyph.lead == 0x21 || glyph.lead == 0x3F) && !glyph.followsGlyph && glyph.afterWord {
            let matches = single.filter { looksLike(glyph.lead, numbers[$0].utf8.first!) }
            guard matches.count == 1, after(matches[0], glyph.record, glyph.range.lowerBound),
                  !assigned.contains(where: { $0.map { $0.record == glyph.record && $0.range == glyph.range } ?? false }) else { continue }
            out.append((matches[0], Hit(record: glyph.record, range: glyph.range)))
        }
        return out
    }

    /// Places considered per note: a page has a few dozen; a hostile one must not make the
    /// assignment slow.
    static let maxPlaces = 256

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// A letter byte: ASCII letter or any byte of a multi-byte scalar (French letters).
    @inline(__always) static func isLetterByte(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0x80 }

    /// The letters of `text` that end at `end`: the word digits glued there follow.
    static func letters(before end: Int, in text: [UInt8]) -> ArraySlice<UInt8> {
        var start = end
        while start > 0, isLetterByte(text[start - 1]) { start -= 1 }
        return text[start..<end]
    }

    /// The byte range of `digits` used as a marker in the run of digits `run` of `text`.
    static func digitMarker(_ digits: [UInt8], in text: [UInt8], run: Range<Int>, isWord: (ArraySlice<UInt8>) -> Bool) -> Range<Int>? {
        let n = digits.count
        let i = run.lowerBound, end = run.upperBound
        let followedOK = end == text.count || !(isLetterByte(text[end]) || text[end] == 0x2F || text[end] == 0x2D)
            || (text[end] == 0x2E && (end + 1 == text.count || text[end + 1] == 0x20))
        guard followedOK, run.count >= n, text[(end - n)..<end].elementsEqual(digits) else { return nil }
        if run.count == n {
            // Glued to a word: `rapportant1` (not to an identifier: `IPv4`, `sda1`).
            if i >= 2, isLetterByte(text[i - 1]), isLetterByte(text[i - 2]), !isAcronymEnd(text, i) {
                return isWord(letters(before: i, in: text)) ? i..<end : nil
            }
            // Between spaces before punctuation: `rapportant 8 ,`.
            if i >= 2, text[i - 1] == 0x20, isLetterByte(text[i - 2]), end + 1 < text.count, text[end] == 0x20,
               [0x2C, 0x3B, 0x3A, 0x2E].contains(text[end + 1]) {
                return (i - 1)..<(end + 1)
            }
            return nil
        }
        let stem = run.count - n
        // A year with the note appended: `19885`, `201210`.
        if stem == 4, i == 0 || !isLetterByte(text[i - 1]) && text[i - 1] != 0x2F {
            let year = text[i..<(i + 4)]
            if year.starts(with: [0x31, 0x39]) || year.starts(with: [0x32, 0x30]) || year.starts(with: [0x31, 0x38]) {
                return (end - n)..<end
            }
        }
        // A resolution number `66/181` with the note appended: `66/1819`.
        if stem == 3, i >= 3, text[i - 1] == 0x2F, isDigit(text[i - 2]), isDigit(text[i - 3]) {
            return (end - n)..<end
        }
        return nil
    }

    /// Capitals before the digits: `CO2`, `PM10` are names, not a word with a marker.
    static func isAcronymEnd(_ text: [UInt8], _ i: Int) -> Bool {
        let a = text[i - 1], b = text[i - 2]
        return a >= 0x41 && a <= 0x5A && b >= 0x41 && b <= 0x5A
    }

    /// Runs of one to three digits glued to the end of a word of two letters or more, followed
    /// by a space, punctuation or the line end: `relatifs1`, `corruption2,`, `session7`.
    static func gluedDigits(in text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 2
        while i < text.count {
            guard isDigit(text[i]), isLetterByte(text[i - 1]), isLetterByte(text[i - 2]), !isAcronymEnd(text, i) else { i += 1; continue }
            var end = i
            while end < text.count, isDigit(text[end]) { end += 1 }
            let followedOK = end == text.count || !(isLetterByte(text[end]) || text[end] == 0x2F || text[end] == 0x2D)
            if followedOK, end - i <= 3, text[i] != 0x30 { result.append(i..<end) }
            i = end
        }
        return result
    }

    /// What OCR made of a raised digit, glued to the end of a word and followed by a space,
    /// punctuation or the line end: `crime'`, `organisée!`, `rapportant?;` (which note it may
    /// be: see `looksLike`).
    static func glyphMarker(in text: [UInt8], from: Int, quoteOpen: Bool = false) -> Range<Int>? {
        var i = max(from, 2)
        while i < text.count {
            let b = text[i]
            let length = markLength(text, at: i)
            guard length > 0 else { i += 1; continue }
            let end = i + length
            // After two letters of a word (not `n°`, `N°`), a resolution number (`66/181°`) or
            // a year (`1988°`).
            guard (isLetterByte(text[i - 1]) && isLetterByte(text[i - 2])) || afterSlashNumber(text, i) || afterYear(text, i) else { i = end; continue }
            // Then the line end, or punctuation, or a space and a lowercase word or punctuation
            // (a real `!` or `?` ends a sentence: a capital follows).
            // A closing quote (`“enquête omnibus”`) is not a marker.
            if closesQuote(text, at: i, length: length, openBefore: quoteOpen) { i = end; continue }
            if end == text.count { return i..<end }
            let next = text[end]
            if [0x2C, 0x3B, 0x3A, 0x2E, 0x29].contains(next) { return i..<end }
            if next == 0x20, end + 1 < text.count {
                let after = text[end + 1]
                if (after >= 0x61 && after <= 0x7A) || [0x2C, 0x3B, 0x3A].contains(after) {
                    // A quote closing after a word (`'mot' et`) has an opening quote before it.
                    if b == 0x27 || length > 1, text[..<i].lastIndex(of: 0x20).map({ $0 + 1 < i && ocrOpening(text[$0 + 1]) }) ?? false {
                        i = end
                        continue
                    }
                    return i..<end
                }
            }
            i = end
        }
        return nil
    }

    /// A year standing alone ends just before `i`: `de 1988`, not `66/1988` nor `A1988`.
    static func afterYear(_ text: [UInt8], _ i: Int) -> Bool {
        guard i >= 4, (i - 4..<i).allSatisfy({ isDigit(text[$0]) }), i == 4 || text[i - 5] == 0x20 else { return false }
        let century = (text[i - 4], text[i - 3])
        return century == (0x31, 0x38) || century == (0x31, 0x39) || century == (0x32, 0x30)
    }

    /// Whether another raise glyph ends just before `i`.
    static func followsGlyph(_ text: [UInt8], _ i: Int) -> Bool {
        (1...3).contains { k in i >= k && markLength(text, at: i - k) == k }
    }

    /// Whether the glyph starting with byte `b` can be a raised `digit`, the first of a note's
    /// number: on rendered pages `!` was always ¹ (37 times), `'` ¹ or ⁷, `?` ², ⁷ or ⁹, `°`
    /// never ¹ or ² (⁹, ⁵, ⁶, ³); `’`, quotes, `*` and `+` stand for any digit. (The second
    /// glyph of two read for a two-digit number, `osrelease’!`, may be any: see `followsGlyph`.)
    static func looksLike(_ b: UInt8, _ digit: UInt8) -> Bool {
        switch b {
        case 0x21: return digit == 0x31
        case 0x27: return digit == 0x31 || digit == 0x37
        case 0x3F: return digit == 0x32 || digit == 0x37 || digit == 0x39
        case 0xC2: return digit != 0x31 && digit != 0x32  // °
        default: return true
        }
    }

    /// Digits, a slash and digits end just before `i`: `66/181`.
    static func afterSlashNumber(_ text: [UInt8], _ i: Int) -> Bool {
        var k = i
        while k > 0, isDigit(text[k - 1]) { k -= 1 }
        guard k < i, k > 1, text[k - 1] == 0x2F, isDigit(text[k - 2]) else { return false }
        return true
    }

    /// Whether the glyph at `i` closes a quotation opened earlier on the line: `”` after an
    /// unclosed `“`, `’` after an unclosed `‘`; or `”` before any quote of the line when a line
    /// before left a `“` open (`openBefore`).
    static func closesQuote(_ text: [UInt8], at i: Int, length: Int, openBefore: Bool = false) -> Bool {
        guard length == 3, text[i] == 0xE2, text[i + 1] == 0x80 else { return false }
        let (open, close): (UInt8, UInt8) = text[i + 2] == 0x9D ? (0x9C, 0x9D) : text[i + 2] == 0x99 ? (0x98, 0x99) : (0, 0)
        guard open != 0 else { return false }
        var k = i - 3
        while k >= 0 {
            if text[k] == 0xE2, text[k + 1] == 0x80 {
                if text[k + 2] == open { return true }
                if text[k + 2] == close { return false }
            }
            k -= 1
        }
        return openBefore && close == 0x9D
    }

    static func ocrOpening(_ b: UInt8) -> Bool { b == 0x27 || b == 0x22 || b == 0xE2 }
}
