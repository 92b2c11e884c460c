/// Rejoins words cut by a hyphen at a line end, only with evidence.
///
/// ```
/// …en matière de coopéra-        →  …en matière de coopération                (hyphen removed)
/// tion judiciaire…                   judiciaire…
/// …le logiciel d’auto-           →  …le logiciel d’auto-évaluation            (hyphen kept)
/// évaluation (l’enquête)…            (l’enquête)…
/// ```
///
/// The hyphen goes when the joined word is a word (lexicon, or seen whole earlier in the
/// document) and the hyphenated form is not one the lexicon lists (`auto-évaluation`,
/// `porte-parole`). It stays before a capital (`Haute-` + `Marne`), a clitic or `même`
/// (`qu’elle-` + `même`, `dit-` + `il`), after a prefix before a vowel (`anti-` + `âge`), and
/// whenever there is no evidence either way. With `mode=mark` the lines stay as they are and a
/// break hyphen is written `¬` (`ga¬` / `rantie`), the convention of line-aligned transcriptions;
/// there a hyphen without evidence either way is marked too (`Mar¬` / `tigny`).
/// `mode=document` does the same only when the input itself writes break hyphens `¬` (see
/// `InputConventions`), and otherwise leaves every line as printed.
/// A misread word counts as evidence when its joined
/// letters are one cheap OCR confusion from a word and its pieces are not both words
/// (`orpa-` + `nisée`: joined, and `repair-words` makes it `organisée`), or are both words but
/// join into eight letters or more (`muni-` + `lions` for `munitions`). `¬` (printed by some OCR engines for a line-end
/// hyphen) is treated like `-`; `keep-mark=true` writes it back where the hyphen was removed.
/// Where lines stay lines, the rest of the word is read as `repair-words` will join it
/// (`des-` / `org anisée` on `organisée`), so that a second run judges the break alike.
///
/// In both cases the rest of the word (with the punctuation glued to it) moves up to the first
/// line, so line-level output reads `coopération judiciaire…` too; a second line left empty is
/// marked `continues` (it prints nothing). Blank lines, furniture and page breaks between the two
/// parts are passed over (a word cut at a page end). Otherwise the break is left alone.
public struct Dehyphenate: ConventionFollowing {
    public static let name = "dehyphenate"
    public static let summary = "Words cut by a line-end hyphen rejoined when the lexicon or the document knows the word; real hyphens kept."
    public enum Mode: String, CaseIterable, Sendable {
        /// Rejoin the word on the first line.
        case join
        /// Keep the lines; write a break hyphen (with evidence) as `¬`, the convention of
        /// line-aligned transcriptions (HIPE, impresso): `ga¬` / `rantie`.
        case mark
        /// Mark like `mark` when the input writes break hyphens `¬` itself (two line ends, or
        /// one cutting a word, in a document or in the first records of a JSON Lines file);
        /// otherwise change nothing.
        case document
    }

    public static let options: [OptionSpec] = [
        .choice("mode", Mode.self, default: .join, help: "Rejoin cut words (join), keep the lines and mark break hyphens `¬` (mark), or mark only when the input writes `¬` itself (document)."),
        OptionSpec("keep-mark", .bool, default: "false", help: "Write `¬` where a hyphen was removed (for review)."),
        OptionSpec("lookahead", .int(1...1000), default: "40", help: "Most records (blank lines, furniture) to look past for the rest of a cut word."),
    ]

    let instance: String
    let knowledge: WordKnowledge
    let generator: CandidateGenerator
    let keepMark: Bool
    var mode: Mode
    let lookahead: Int

    /// The line that ends with a hyphen, and what came after it so far.
    private var pending: [Record] = []
    /// Lowercase words of five letters or more seen in the document, as evidence for joins: kept
    /// exactly up to 4,096 words, then in a Bloom filter (2^21 bits, three probes; under 0.3 %
    /// false hits at 100,000 words).
    private var vocabulary = Vocabulary()

    struct Vocabulary {
        /// The words of a short document: a 256 KB filter, allocated and zeroed for each of
        /// thousands of one-page documents in a batch, cost more than cleaning them.
        private var few: Set<UInt64> = []
        private var bits: [UInt64] = []
        static let fewLimit = 4096

        mutating func insert(_ h: UInt64) {
            guard bits.isEmpty else { return set(h) }
            few.insert(h)
            guard few.count > Self.fewLimit else { return }
            bits = [UInt64](repeating: 0, count: 1 << 15)
            for x in few { set(x) }
            few = []
        }

        func contains(_ h: UInt64) -> Bool {
            guard !bits.isEmpty else { return few.contains(h) }
            for k in 0..<3 {
                let bit = Self.bit(h, k)
                if bits[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            }
            return true
        }

        private mutating func set(_ h: UInt64) {
            for k in 0..<3 {
                let bit = Self.bit(h, k)
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }

        private static func bit(_ h: UInt64, _ k: Int) -> Int { Int(truncatingIfNeeded: (h >> (UInt64(k) * 21)) & 0x1F_FFFF) }
    }

    static let clitics: Set<String> = [
        "même", "mêmes", "ci", "là", "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "moi", "toi", "lui",
        "leur", "leurs", "y", "en", "ce", "le", "la", "les", "t",
    ]
    static let prefixes: Set<String> = [
        "anti", "archi", "auto", "contre", "demi", "ex", "extra", "infra", "intra", "micro", "mi", "mini", "multi", "néo", "non",
        "post", "pré", "pro", "semi", "sous", "sur", "super", "ultra", "vice", "quasi", "avant", "après", "arrière",
    ]

    public init(options: StageOptions, context: StageContext) throws {
        instance = context.instance
        generator = try CandidateGenerator.french(resources: context.resources)
        knowledge = generator.knowledge
        keepMark = options.bool("keep-mark")
        mode = options.choice("mode", as: Mode.self) ?? .join
        lookahead = options.int("lookahead")
    }

    public var awaitsConventions: Bool { mode == .document }

    public mutating func follow(_ conventions: InputConventions) {
        if mode == .document, conventions.marksBreakHyphens { mode = .mark }
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        if mode == .document {
            output.emit(record)
            return
        }
        if pending.isEmpty {
            take(record, into: &output)
            return
        }
        if record.kind == .line && !MarkFurniture.isBlank(record) {
            pending.append(record)
            decide(into: &output)
        } else {
            pending.append(record)
            if pending.count > lookahead { release(into: &output) }
        }
    }

    public mutating func finish(into output: inout StageOutput) {
        release(into: &output)
    }

    /// A record with nothing pending: held when it ends with a hyphen, written otherwise.
    private mutating func take(_ record: Record, into output: inout StageOutput) {
        guard record.kind == .line || record.kind == .paragraph else {
            output.emit(record)
            return
        }
        learn(record.text)
        if !record.continues, LineShape(record.text).endsWithHyphen {
            pending = [record]
        } else {
            output.emit(record)
        }
    }

    private mutating func release(into output: inout StageOutput) {
        for r in pending { output.emit(r) }
        pending.removeAll()
    }

    /// `pending` = hyphenated line, records in between, the next text line.
    private mutating func decide(into output: inout StageOutput) {
        var first = pending[0]
        var next = pending[pending.count - 1]
        let between = pending[1..<(pending.count - 1)]
        pending.removeAll()
        let a = Array(first.text.utf8)
        let b = Array(next.text.utf8)
        let shape = LineShape(next.text)
        let head = Self.lastWord(a)
        let tail = Self.firstWord(b, from: shape.bodyStart)
        guard let head, let tail else {
            for r in [first] + between { output.emit(r) }
            take(next, into: &output)
            return
        }
        // Lines that stay lines are judged on the rest as `repair-words` reads it (`des-` / `org
        // anisée` on `organisée`), so that a second run, over the joined rest, judges alike.
        var rest = String(decoding: b[tail], as: UTF8.self)
        if mode != .join, let cut = RepairWords.restOfCut(String(decoding: b[tail.lowerBound...], as: UTF8.self), joiningWith: knowledge), cut.joined {
            rest = JoinedText.string(cut.letters)
        }
        var verdict = judge(String(decoding: a[head], as: UTF8.self), rest)
        // Where breaks are marked, a break is far more common at a line end than a compound the
        // lexicon lacks (the hyphens of the language were judged above): a name or a misread
        // word cut there (`Oettin-` / `ger`, `Mar-` / `tigny`) is marked too.
        if verdict == .unsure, mode == .mark { verdict = .join }
        guard verdict != .unsure else {
            output.count("unsure")
            for r in [first] + between { output.emit(r) }
            take(next, into: &output)
            return
        }
        if mode == .mark {
            // Lines stay; a break hyphen becomes `¬`, a real one `-`.
            let mark = verdict == .join ? "¬" : "-"
            if String(decoding: a[head.upperBound...], as: UTF8.self) != mark {
                first.apply([TextEdit(range: head.upperBound..<a.count, replacement: mark, rule: verdict == .join ? "dehyphenate" : "hyphen")], stage: instance)
            }
            output.count(verdict == .join ? "marked" : "kept")
            for r in [first] + between { output.emit(r) }
            take(next, into: &output)
            return
        }
        // The rest of the word (with the punctuation glued to it) moves up to the first line.
        var chunkEnd = tail.lowerBound
        while chunkEnd < b.count, b[chunkEnd] != 0x20, b[chunkEnd] != 0x09 { chunkEnd += 1 }
        var restStart = chunkEnd
        while restStart < b.count, b[restStart] == 0x20 || b[restStart] == 0x09 { restStart += 1 }
        let chunk = String(decoding: b[tail.lowerBound..<chunkEnd], as: UTF8.self)
        if verdict == .join {
            first.apply([TextEdit(range: head.upperBound..<a.count, replacement: (keepMark ? "¬" : "") + chunk, rule: "dehyphenate")], stage: instance)
            output.count("joined")
        } else {
            first.apply([TextEdit(range: head.upperBound..<a.count, replacement: "-" + chunk, rule: "hyphen")], stage: instance)
            output.count("kept")
        }
        next.apply([TextEdit(range: 0..<restStart, replacement: "", rule: verdict == .join ? "dehyphenate" : "hyphen")], stage: instance)
        // A line left empty prints nothing (no line break) and joins no paragraph break.
        if restStart == b.count { next.continues = true }
        output.emit(first)
        for r in between { output.emit(r) }
        take(next, into: &output)
    }

    enum Verdict { case join, keep, unsure }

    /// Whether `head-` + `tail` is one word cut in two, a hyphenated compound, or unknown.
    func judge(_ head: String, _ tail: String) -> Verdict {
        let tailScalars = Array(tail.unicodeScalars.map(\.value))
        let headScalars = Array(head.unicodeScalars.map(\.value))
        guard !tailScalars.isEmpty, !headScalars.isEmpty else { return .unsure }
        if let first = tail.unicodeScalars.first, first.properties.isUppercase { return .keep }
        let lowerTail = tail.lowercased()
        let lowerHead = Self.withoutElision(head.lowercased())
        if knowledge.lookup(headScalars + [0x2D] + tailScalars) != nil { return .keep }
        if Self.prefixBeforeVowel(lowerHead, lowerTail) { return .keep }
        if knowledge.known(headScalars + tailScalars) != nil { return .join }
        if Self.clitics.contains(lowerTail) { return .keep }
        if vocabulary.contains(Self.hash(Array((lowerHead + lowerTail).utf8))) { return .join }
        // A misread word: the joined letters are one cheap confusion from a word (`orpa-` +
        // `nisée` → `organisée`), and the pieces are not both words, or join into a long word
        // (`muni-` + `lions` → `munitions`: two short words are more often a real compound).
        if knowledge.lookup(headScalars) == nil || knowledge.lookup(tailScalars) == nil || headScalars.count + tailScalars.count >= 8,
           let best = generator.candidates(for: headScalars + tailScalars).first(where: { $0.rule != "split" && $0.rule != "elision" && $0.rule != "hyphen" }),
           best.cost <= 2.6, best.score > -8 {
            return .join
        }
        return .unsure
    }

    /// A prefix before a vowel keeps its hyphen (`anti-` + `âge`, `auto-` + `évaluation`);
    /// both in lowercase.
    static func prefixBeforeVowel(_ head: String, _ tail: String) -> Bool {
        guard prefixes.contains(head), let v = tail.unicodeScalars.first else { return false }
        return "aeiouyàâéèêëîïôûœh".unicodeScalars.contains(v)
    }

    /// `l’auto` → `auto`.
    static func withoutElision(_ s: String) -> String {
        if let i = s.firstIndex(where: { $0 == "’" || $0 == "'" }) { return String(s[s.index(after: i)...]) }
        return s
    }

    /// The letters (and apostrophes) before the final hyphen of a line.
    static func lastWord(_ a: [UInt8]) -> Range<Int>? {
        var end = a.count
        while end > 0, a[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        // The hyphen: `-`, `¬` (C2 AC) or U+2010 (E2 80 90).
        if a[end - 1] == 0x2D { end -= 1 } else if end >= 2, a[end - 2] == 0xC2, a[end - 1] == 0xAC { end -= 2 } else if end >= 3, a[end - 3] == 0xE2, a[end - 2] == 0x80, a[end - 1] == 0x90 {
            end -= 3
        } else { return nil }
        var start = end
        while start > 0 {
            let b = a[start - 1]
            if b == 0x20 || b == 0x2D || b == 0x2F || b == 0x28 || b == 0x22 || (b < 0x80 && !FootnoteMarkers.isASCIILetter(b) && b != 0x27) { break }
            if b == 0xAB, start >= 2, a[start - 2] == 0xC2 { break }  // «
            start -= 1
        }
        // Keep whole scalars only.
        while start < end, a[start] & 0xC0 == 0x80 { start += 1 }
        return start < end ? start..<end : nil
    }

    /// The letters at the start of the next line's text.
    static func firstWord(_ b: [UInt8], from start: Int) -> Range<Int>? {
        var end = start
        while end < b.count, FootnoteMarkers.isASCIILetter(b[end]) || b[end] >= 0x80 {
            if b[end] == 0xE2 || b[end] == 0xC2 && end + 1 < b.count && (b[end + 1] == 0xA0 || b[end + 1] == 0xBB) { break }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    /// Adds the lowercase words of a line to the document's vocabulary.
    private mutating func learn(_ text: String) {
        var text = text
        text.withUTF8 { p in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var count = 0
            for b in p {
                if FootnoteMarkers.isASCIILetter(b) || b >= 0x80 {
                    h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
                    count += 1
                } else {
                    if count >= 5 { vocabulary.insert(h) }
                    h = 0xcbf2_9ce4_8422_2325
                    count = 0
                }
            }
            if count >= 5 { vocabulary.insert(h) }
        }
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
