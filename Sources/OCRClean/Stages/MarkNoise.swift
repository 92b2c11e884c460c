/// Finds lines that are OCR noise rather than text and relabels them `noise` (kept in records
/// with their text, left out of text output), so that word repair leaves them alone and
/// join-paragraphs joins the text around them. After join-paragraphs it reads paragraphs the
/// same way: lines that were no noise one by one may make a paragraph that is, and a second
/// run over the text output reads that paragraph as one line.
///
/// An engine reads noise from specks, images and unreadable scans: on a faded page Tesseract
/// writes `_ us re ed Hu Se . ee e. de ee Re ue on`, on an unreadable one Ocrad writes
/// `_.il_t_lrll_ilri_)|__ r_'llEi_._._ _| |..ll_|_lii_lci_ll_`. A line is noise when it has no
/// word of four letters or more that the lexicon knows (under a fifth of its characters for the
/// first kind) and either
/// - is made of short letter runs: six chunks with letters at least, three fifths of those with
///   letters or digits made of letters only (a closing `. ; :` allowed; a comma makes a list),
///   at most 2.5 letters per chunk, under a third of the chunks ending in a comma (`br, ce, de,
///   ds, el, ie,` lists codes), a quarter of them no word; or
/// - is strewn with signs no text puts inside words: three chunks and 30 characters at least,
///   15 % of them among `_ | \ ( ) [ ] { } % ¬ ¡ ¿ ± < > = ~ ^ # @ *`, 5 % other than `_`, two
///   bars against a letter or `_` (Ocrad's `l`), and under 35 % vowels among its letters.
///
/// A line of short runs whose chunks are nearly all words (`. . ce . . a . > ire a. en He`) is
/// noise only beside a noise line, blank lines between: a real sentence of short words (`Il y
/// a de ce qu’on a vu.`) reads the same. Such lines are held back (64 at most) until the next
/// line that is not blank decides.
///
/// Lines with two digits in a row (`vol. 2349, n° 42146`, `A/RES/57/168`), a call sign ending a
/// chunk (`chmod(2)`, `mntex()`; inside a chunk `()` is Ocrad's `o`: `li()||`) or an item
/// letter (`j) évt B evt C sur eth0`) are never noise, and neither is any line of a damaged
/// text, which keeps its long words: `séance technique et des services de coms pour vol` stays
/// a line, as does `_upplémentaire_ tel_ que de_ option_` (a glyph read as `_`).
public struct MarkNoise: Stage {
    public static let name = "mark-noise"
    public static let summary = "Lines of OCR noise (specks, images, unreadable scans) → noise records (kept, left out of text)."
    public static let options: [OptionSpec] = []

    let lexicon: Lexicon
    private var lower: [UInt8] = []
    /// Lines of short runs that only a neighbouring noise line would make noise, with the blank
    /// lines among them (at most `maxPending`).
    private var pending: [Record] = []
    /// The last line that was not blank was noise.
    private var afterNoise = false
    static let maxPending = 64

    /// What a line is on its own.
    enum Verdict { case noise, nearNoise, text }

    public init(options: StageOptions, context: StageContext) throws {
        lexicon = try Lexicon.french(resources: context.resources)
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        guard record.kind == .line || record.kind == .paragraph else {
            flush(asNoise: false, into: &output)
            afterNoise = false
            output.emit(record)
            return
        }
        if MarkFurniture.isBlank(record) {
            if pending.isEmpty { output.emit(record) } else { pending.append(record) }
            return
        }
        switch verdict(record.text) {
        case .noise:
            flush(asNoise: true, into: &output)
            emit(record, asNoise: true, into: &output)
            afterNoise = true
        case .nearNoise where afterNoise:
            emit(record, asNoise: true, into: &output)
        case .nearNoise:
            pending.append(record)
            if pending.count >= Self.maxPending { flush(asNoise: false, into: &output) }
        case .text:
            flush(asNoise: false, into: &output)
            afterNoise = false
            output.emit(record)
        }
    }

    public mutating func finish(into output: inout StageOutput) {
        flush(asNoise: false, into: &output)
    }

    private func emit(_ record: Record, asNoise: Bool, into output: inout StageOutput) {
        var record = record
        if asNoise, record.kind == .line || record.kind == .paragraph, !MarkFurniture.isBlank(record) {
            record.kind = .noise
            output.count("noise")
        }
        output.emit(record)
    }

    private mutating func flush(asNoise: Bool, into output: inout StageOutput) {
        for record in pending { emit(record, asNoise: asNoise, into: &output) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Signs that OCR noise strews inside chunks (`_` counts, but a glyph read as `_` is common
    /// in real text, so 5 % of the characters must be others).
    static func isJunk(_ v: UInt32) -> Bool {
        switch v {
        case 0x5F, 0x7C, 0x5C, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x25, 0xAC, 0xA1, 0xBF, 0xB1, 0x3C, 0x3E, 0x3D, 0x7E, 0x5E, 0x23, 0x40, 0x2A: true
        default: false
        }
    }

    /// `a e i o u y`, accented or not, and `œ`, in either case.
    @inline(__always)
    static func isVowel(_ v: UInt32) -> Bool {
        if v < 0x80 {
            let l = v | 0x20
            return l == 0x61 || l == 0x65 || l == 0x69 || l == 0x6F || l == 0x75 || l == 0x79
        }
        return switch Folding.lower(v) {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE9, 0xE8, 0xEA, 0xE0, 0xE2, 0xEE, 0xF4, 0xFB, 0x153: true
        default: false
        }
    }

    /// What a line is made of, counted in one pass over its bytes.
    struct Shape {
        var chunks = 0, characters = 0, junk = 0, hard = 0, letters = 0, vowels = 0
        var letterChunks = 0, wordChunks = 0, pure = 0, commas = 0, pipes = 0

        /// Lines of short runs (see the type's description).
        var shortRuns: Bool { letterChunks >= 6 && pure * 5 >= wordChunks * 3 && letters * 2 <= 5 * letterChunks && commas * 3 < letterChunks }
        /// Lines strewn with signs (see the type's description).
        var strewn: Bool {
            chunks >= 3 && characters >= 30 && junk * 100 >= characters * 15 && hard * 100 >= characters * 5
                && vowels * 100 < letters * 35 && pipes >= 2
        }
    }

    /// The shape of a line, or nil when it holds what text alone writes: two digits in a row,
    /// a call sign `name(2)` or `name()`, an item letter opening it (`j) évt B evt C`).
    static func shape(_ p: UnsafeBufferPointer<UInt8>) -> Shape? {
        var lead = 0
        while lead < p.count, p[lead] == 0x20 || p[lead] == 0x09 { lead += 1 }
        var letter = lead
        while letter < p.count, p[letter] >= 0x61, p[letter] <= 0x7A { letter += 1 }
        if (1...4).contains(letter - lead), letter + 1 < p.count, p[letter] == 0x29, p[letter + 1] == 0x20 || p[letter + 1] == 0x09 { return nil }
        var shape = Shape()
        var chunkLength = 0, chunkLetters = 0, chunkDigits = 0, chunkOther = 0, trailing = 0
        var previous: UInt32 = 0x20, beforePrevious: UInt32 = 0x20
        func endChunk() {
            guard chunkLength > 0 else { return }
            shape.chunks += 1
            shape.characters += chunkLength
            if chunkLetters > 0 { shape.letterChunks += 1 }
            if chunkLetters + chunkDigits > 0 { shape.wordChunks += 1 }
            // Letters only, or letters and one closing `. ; :`.
            if chunkLetters > 0, chunkOther == 0 || (chunkOther == 1 && trailing == 1) { shape.pure += 1 }
            if previous == 0x2C { shape.commas += 1 }
            chunkLength = 0; chunkLetters = 0; chunkDigits = 0; chunkOther = 0; trailing = 0
        }
        func wordLike(_ v: UInt32) -> Bool { UTF8Bytes.isLetter(v) || (v >= 0x30 && v <= 0x39) || v == 0x5F }
        // A bar against a letter, a digit or `_` (Ocrad's `l`), not one between spaces: a bar
        // after none waits for the next character.
        var barAlone = false
        // `()` or `(2)` just read: a call sign when the chunk ends there (Ocrad reads `o` as
        // `()` inside a word: `li()||`).
        var callSign = false
        var i = 0
        while i < p.count {
            let (v, length) = UTF8Bytes.scalar(p, at: i)
            i += length
            defer { beforePrevious = previous; previous = v }
            if callSign, !wordLike(v), v != 0x7C, v != 0x28 { return nil }
            callSign = false
            if barAlone, wordLike(v) { shape.pipes += 1 }
            barAlone = false
            if v == 0x7C {
                if wordLike(previous) { shape.pipes += 1 } else { barAlone = true }
            }
            if v == 0x20 || v == 0x09 {
                endChunk()
                continue
            }
            if v >= 0x30 && v <= 0x39 && previous >= 0x30 && previous <= 0x39 { return nil }
            if v == 0x29, previous == 0x28 || (previous >= 0x30 && previous <= 0x39 && beforePrevious == 0x28) { callSign = true }
            chunkLength += 1
            if isJunk(v) {
                shape.junk += 1
                if v != 0x5F { shape.hard += 1 }
            }
            if UTF8Bytes.isLetter(v) && v != 0x5F {
                shape.letters += 1
                chunkLetters += 1
                if isVowel(v) { shape.vowels += 1 }
                trailing = 0
            } else {
                if v >= 0x30 && v <= 0x39 { chunkDigits += 1 }
                chunkOther += 1
                trailing = (v == 0x2E || v == 0x3B || v == 0x3A) && chunkLetters > 0 && trailing == 0 ? 1 : 2
            }
        }
        if callSign { return nil }
        endChunk()
        return shape
    }

    /// A byte count that clears most lines of prose before their shape is read: a line strewn
    /// with signs has two bars at least, and a line of short runs has at most 2.5 letters per
    /// chunk, so a line with under two bars and more ASCII letters than that per run of
    /// non-blanks is text (`Le Conseil de sécurité,` has 17 ASCII letters in 4 runs).
    static func mayBeNoise(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0, runs = 0, bars = 0
        var blank = true
        for b in p {
            if b == 0x20 || b == 0x09 {
                blank = true
                continue
            }
            if blank { runs += 1 }
            blank = false
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { letters += 1 } else if b == 0x7C { bars += 1 }
        }
        return bars >= 2 || letters * 2 <= runs * 5
    }

    /// Whether a line is noise on its own, noise beside noise, or text (see the type's
    /// description).
    mutating func verdict(_ text: String) -> Verdict {
        var text = text
        return text.withUTF8 { p in
            guard Self.mayBeNoise(p), let shape = Self.shape(p), shape.shortRuns || shape.strewn else { return .text }
            let words = lexicalCounts(p)
            if shape.strewn && words.knownCharacters == 0 { return .noise }
            guard shape.shortRuns && words.knownCharacters * 5 < shape.characters else { return .text }
            // Short runs of a real sentence are words (`Il y a de ce qu’on a vu.`); noise reads
            // a quarter of them at least as no word (`ee`, `cb`, `ei`), or sits beside noise.
            return words.unknown * 4 >= shape.letterChunks ? .noise : .nearNoise
        }
    }

    /// Characters of the chunks whose word (after an elision, punctuation stripped) has four
    /// letters or more and is known (`l’assistance,` counts 13), and chunks with letters whose
    /// word is unknown.
    mutating func lexicalCounts(_ p: UnsafeBufferPointer<UInt8>) -> (knownCharacters: Int, unknown: Int) {
        var known = 0, unknown = 0
        var i = 0
        while i < p.count {
            while i < p.count, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
            // One chunk: its scalars, where its word starts and ends (in bytes), whether it has a letter.
            var characters = 0, wordStart = -1, wordEnd = -1, hasLetter = false, elided = false
            while i < p.count, p[i] != 0x20, p[i] != 0x09 {
                let (v, length) = UTF8Bytes.scalar(p, at: i)
                characters += 1
                let letter = UTF8Bytes.isLetter(v)
                if letter || (v >= 0x30 && v <= 0x39) {
                    // The elided word is what follows the last apostrophe inside the word.
                    if wordStart < 0 || elided { wordStart = i }
                    elided = false
                    wordEnd = i + length
                    hasLetter = hasLetter || letter
                } else if JoinedText.isApostrophe(v), wordStart >= 0 {
                    elided = true
                }
                i += length
            }
            guard hasLetter, wordStart >= 0 else { continue }
            let word = UnsafeBufferPointer(rebasing: p[wordStart..<wordEnd])
            Folding.lower(word, into: &lower)
            if lower.withUnsafeBufferPointer({ lexicon.compiled.entry($0) }) != nil {
                if word.reduce(0, { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }) >= 4 { known += characters }
            } else {
                unknown += 1
            }
        }
        return (known, unknown)
    }
}
