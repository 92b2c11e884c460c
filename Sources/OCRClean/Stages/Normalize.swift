/// Unicode and typographic normalization of each record's text, with the system ICU.
///
/// Fix, in this order:
/// 1. NFC (or NFKC with `form=nfkc`): `e\u{301}` → `é`.
/// 2. Mojibake of UTF-8 read as Windows-1252, only where the run has the exact shape of it
///    (`Ã©tÃ©` → `été`, `lâ€™Ã‰tat` → `l’État`, `Å“uvre` → `œuvre`); see `Mojibake`.
/// 3. Invisible and control characters removed (soft hyphen, zero-width space, word joiner,
///    BOM, bidi marks, C0/C1 controls except tab); a soft hyphen ending a line becomes `-` so
///    that de-hyphenation sees the break. Ligature code points U+FB00–FB06 expanded (`ﬁ` → `fi`;
///    `œ` and `æ` are letters and stay). Other space characters (U+2000–U+200A, U+3000…) become
///    a plain space; NBSP and narrow NBSP stay (they carry French spacing).
/// 4. Spacing and punctuation: runs of spaces inside a line collapsed, trailing white space
///    removed (leading indentation kept for layout), apostrophes by `apostrophe=`, quotes by
///    `quotes=`, the space before `; : ! ?` and inside `« »` by `french-spacing=`.
///
/// Leaves alone: `œ`/`æ`, superscript digits (unless `form=nfkc`), leading indentation, tabs,
/// apostrophes used as quotation marks ('mot'), colons in times and URLs (`10:30`, `http://`).
/// With the defaults, clean text changes only where it holds invisible characters, ligature
/// code points, repeated or trailing spaces.
///
/// Report: counts `nfc`, `mojibake`, `invisible`, `control`, `ligature`, `space`, `spaces`,
/// `apostrophe`, `quote`, `french-spacing`, `soft-hyphen`. Whitespace-only edits are counted but
/// not listed in a record's changes.
public struct Normalize: RecordFix {
    public static let name = "normalize"
    public static let summary = "Unicode NFC, mojibake, invisible characters, ligatures, spaces, apostrophes, quotes, French spacing."

    public enum Form: String, CaseIterable, Sendable { case nfc, nfkc }

    public enum Apostrophe: String, CaseIterable, Sendable {
        /// Leave apostrophes as they are.
        case keep
        /// `'` (and look-alikes ‘ ´ ʼ ′ `) after a letter become `’` (U+2019): `l'État` → `l’État`.
        case typographic
        /// `’` and look-alikes after a letter become `'`.
        case ascii
    }

    public enum Quotes: String, CaseIterable, Sendable {
        case keep
        /// `"mot"`, `“mot”`, `„mot“` → `« mot »` (inner space by `french-spacing`, NBSP when `keep`).
        case guillemets
        /// `« mot »`, `“mot”` → `"mot"`.
        case ascii
    }

    public enum FrenchSpacing: String, CaseIterable, Sendable {
        /// Leave the space before `; : ! ?` and inside `« »` as it is.
        case keep
        /// A plain space.
        case space
        /// A no-break space (U+00A0).
        case nbsp
        /// A narrow no-break space (U+202F) before `; ! ?` and inside `« »`, U+00A0 before `:`.
        case narrow
        /// No space (English style).
        case none
    }

    public static let options: [OptionSpec] = [
        .choice("form", Form.self, default: .nfc, help: "Unicode normalization form (nfkc also folds superscripts and compatibility characters)."),
        OptionSpec("mojibake", .bool, default: "true", help: "Repair UTF-8 that was read as Windows-1252 (Ã© → é), only where the run has its exact shape."),
        OptionSpec("invisible", .bool, default: "true", help: "Remove soft hyphens, zero-width characters, BOMs, bidi marks and control characters."),
        OptionSpec("ligatures", .bool, default: "true", help: "Expand ligature code points U+FB00–FB06 (ﬁ → fi); œ and æ stay."),
        OptionSpec("collapse-spaces", .bool, default: "true", help: "Collapse runs of spaces inside a line and remove trailing white space."),
        .choice("apostrophe", Apostrophe.self, default: .keep, help: "Apostrophe policy: keep, typographic (’) or ascii (')."),
        .choice("quotes", Quotes.self, default: .keep, help: "Double quotes: keep, guillemets (« »), or ascii (\")."),
        .choice("french-spacing", FrenchSpacing.self, default: .keep, help: "Space before ; : ! ? and inside « »."),
    ]

    let instance: String
    let form: Form
    let mojibake: Bool
    let invisible: Bool
    let ligatures: Bool
    let collapse: Bool
    let apostrophe: Apostrophe
    let quotes: Quotes
    let spacing: FrenchSpacing
    let policyBytes: [UInt64]

    public init(options: StageOptions, context: StageContext) {
        instance = context.instance
        form = options.choice("form", as: Form.self) ?? .nfc
        mojibake = options.bool("mojibake")
        invisible = options.bool("invisible")
        ligatures = options.bool("ligatures")
        collapse = options.bool("collapse-spaces")
        apostrophe = options.choice("apostrophe", as: Apostrophe.self) ?? .keep
        quotes = options.choice("quotes", as: Quotes.self) ?? .keep
        spacing = options.choice("french-spacing", as: FrenchSpacing.self) ?? .keep
        policyBytes = Self.policyBytes(apostrophe: apostrophe, quotes: quotes, spacing: spacing)
    }

    public mutating func fix(_ record: inout Record, counts: inout Counts) {
        guard !record.text.isEmpty else { return }
        var found = scan(record.text, continues: record.continues)
        if found.maybeDenormalized { applyNormalForm(&record, counts: &counts) }
        if mojibake, found.mojibakeLead {
            let edits = Mojibake.edits(record.text)
            if !edits.isEmpty {
                record.apply(edits, stage: instance)
                counts.count("mojibake", by: edits.count)
                // The repaired characters may need the later passes (an invisible one, say).
                found = scan(record.text, continues: record.continues)
                if found.maybeDenormalized { applyNormalForm(&record, counts: &counts) }
            }
        }
        if found.characters {
            let edits = characterEdits(record.text, continues: record.continues)
            if !edits.isEmpty {
                for edit in edits { counts.count(edit.rule) }
                record.apply(edits, stage: instance)
                if scan(record.text, continues: record.continues).maybeDenormalized { applyNormalForm(&record, counts: &counts) }
            }
        }
        if found.spacing || found.characters || found.mojibakeLead || found.trailing > 0 {
            let edits = spacingEdits(record.text, continues: record.continues)
            if !edits.isEmpty {
                for edit in edits { counts.count(edit.rule) }
                record.apply(edits, stage: instance)
            }
        }
    }

    public mutating func quickFix(_ line: UnsafeBufferPointer<UInt8>, continues: Bool) -> QuickFix {
        let found = scan(line, continues: continues)
        if found.nothing { return .unchanged }
        if found.onlyTrailing { return .truncated(line.count - found.trailing, counter: "spaces") }
        return .needsRecord
    }

    private func applyNormalForm(_ record: inout Record, counts: inout Counts) {
        let normalized = ICU.normalize(record.text, form: form == .nfkc ? .nfkc : .nfc)
        let edits = TextDiff.edits(from: record.text, to: normalized, rule: form.rawValue)
        if !edits.isEmpty {
            record.apply(edits, stage: instance)
            counts.count(form.rawValue, by: edits.count)
        }
    }

    /// What a quick byte scan says may need work.
    struct Scan {
        /// A byte ≥ 0xCC: a scalar ≥ U+0300 (combining marks and beyond) that ICU must check.
        var maybeDenormalized = false
        /// A possible mojibake lead (Â Ã Ä Å â ï).
        var mojibakeLead = false
        /// A control byte or a non-ASCII character the character pass may touch.
        var characters = false
        /// Something the spacing pass may touch: repeated spaces, or a character one of the
        /// apostrophe, quote and French-spacing policies acts on.
        var spacing = false
        /// Bytes of trailing white space to remove.
        var trailing = 0

        /// Only trailing white space to remove (a silent edit the fast path can make on bytes).
        var onlyTrailing: Bool { !maybeDenormalized && !mojibakeLead && !characters && !spacing && trailing > 0 }
        var nothing: Bool { !maybeDenormalized && !mojibakeLead && !characters && !spacing && trailing == 0 }
    }

    /// Whether any apostrophe, quote or French-spacing policy is active.
    var hasPolicies: Bool { apostrophe != .keep || quotes != .keep || spacing != .keep }

    /// Each ASCII character an active policy acts on, repeated in eight bytes.
    static func policyBytes(apostrophe: Apostrophe, quotes: Quotes, spacing: FrenchSpacing) -> [UInt64] {
        var bytes: [UInt8] = []
        if apostrophe != .keep { bytes += [0x27, 0x60] }
        if quotes != .keep { bytes += [0x22] }
        if spacing != .keep { bytes += [0x3B, 0x3A, 0x21, 0x3F] }
        return bytes.map { UInt64($0) &* 0x0101_0101_0101_0101 }
    }

    /// One pass over the bytes deciding which of the passes can have anything to do; most lines
    /// of clean text need none.
    func scan(_ text: String, continues: Bool) -> Scan {
        var t = text
        return t.withUTF8 { scan($0, continues: continues) }
    }

    func scan(_ p: UnsafeBufferPointer<UInt8>, continues: Bool) -> Scan {
        var result = Scan()
        let n = p.count
        guard let base = p.baseAddress, n > 0 else { return result }
        var end = n
        if collapse && !continues {
            end = Self.contentEnd(p)
            if end < n { result.trailing = n - end }
        }
        // Leading indentation is kept, so its spaces never count as a run.
        var i = 0
        while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        var previousSpace = false
        while i < end {
            // Eight bytes at a time: skip to the first byte that is not plain ASCII or is a control
            // byte, a policy character or the second space of a run.
            if i + 8 <= end {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let lowBytes = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                let spaces = Self.zeroBytes(w ^ 0x2020_2020_2020_2020)
                let doubled = spaces & (spaces << 8) | (previousSpace ? spaces & 0x80 : 0)
                var special = high | lowBytes | (collapse ? doubled : 0)
                for c in policyBytes { special |= Self.zeroBytes(w ^ c) }
                if special == 0 {
                    previousSpace = spaces >> 63 != 0
                    i += 8
                    continue
                }
                let skip = special.trailingZeroBitCount >> 3
                if skip > 0 {
                    previousSpace = p[i + skip - 1] == 0x20
                    i += skip
                }
            }
            let b = p[i]
            if b < 0x80 {
                switch b {
                case 0x20:
                    if collapse && previousSpace { result.spacing = true }
                case 0x00...0x08, 0x0B...0x1F, 0x7F:
                    result.characters = true
                case 0x27, 0x60:
                    if apostrophe != .keep { result.spacing = true }
                case 0x22:
                    if quotes != .keep { result.spacing = true }
                case 0x3B, 0x3A, 0x21, 0x3F:
                    if spacing != .keep { result.spacing = true }
                default:
                    break
                }
                previousSpace = b == 0x20
                i += 1
                continue
            }
            previousSpace = false
            let b1: UInt8 = i + 1 < n ? p[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? p[i + 2] : 0
            // Non-ASCII characters the spacing policies act on: ’ ‘ “ ” „ « » ´ ʼ ′.
            if hasPolicies, b == 0xE2 || b == 0xC2 || b == 0xCA { result.spacing = true }
            // Scalars from U+0300 on may be affected by NFC, except the general punctuation
            // block U+2002–U+206F (’ “ ” – — …), which has no canonical decompositions.
            if b >= 0xCC && !(b == 0xE2 && (b1 == 0x81 || (b1 == 0x80 && b2 >= 0x82))) { result.maybeDenormalized = true }
            switch b {
            case 0xC2:
                // C1 controls and the soft hyphen; NBSP and Latin-1 punctuation are left alone.
                if b1 < 0xA0 || b1 == 0xAD { result.characters = true }
            case 0xC3:
                if (0x82...0x85).contains(b1) || b1 == 0xA2 || b1 == 0xAF, i + 2 < n, Mojibake.isContinuation(p, at: i + 2) {
                    result.mojibakeLead = true
                }
            case 0xD8:
                if b1 == 0x9C { result.characters = true }  // U+061C
            case 0xE1:
                if (b1 == 0x9A && b2 == 0x80) || (b1 == 0xA0 && b2 == 0x8E) { result.characters = true }
            case 0xE2:
                // U+2000–U+200F, U+2028–U+202E, U+205F–U+2069
                if (b1 == 0x80 && (b2 <= 0x8F || (0xA8...0xAE).contains(b2))) || (b1 == 0x81 && (0x9F...0xA9).contains(b2)) {
                    result.characters = true
                }
            case 0xE3:
                if b1 == 0x80 && b2 == 0x80 { result.characters = true }  // U+3000
            case 0xEF:
                if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xAC && b2 <= 0x86) { result.characters = true }
            default:
                break
            }
            i += b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
        }
        // A soft hyphen or control character may sit in the trailing white space.
        if end < n && !result.characters {
            for k in end..<n where p[k] != 0x20 && p[k] != 0x09 { result.characters = true }
        }
        return result
    }

    /// 0x80 in every byte of `x` that is zero, 0 elsewhere (exact, no false positives).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// Where a line's content ends: before trailing spaces, tabs, NBSP and narrow NBSP.
    static func contentEnd(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var end = p.count
        while end > 0 {
            if p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1; continue }
            if end >= 2, p[end - 2] == 0xC2, p[end - 1] == 0xA0 { end -= 2; continue }
            if end >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80, p[end - 1] == 0xAF { end -= 3; continue }
            break
        }
        return end
    }

    /// Pass 3: invisible and control characters, ligatures, exotic spaces.
    func characterEdits(_ text: String, continues: Bool) -> [TextEdit] {
        var edits: [TextEdit] = []
        var t = text
        t.withUTF8 { p in
            let n = p.count
            // Where the line's content ends: a soft hyphen just before trailing white space ends the line.
            var contentEnd = n
            while contentEnd > 0, p[contentEnd - 1] == 0x20 || p[contentEnd - 1] == 0x09 { contentEnd -= 1 }
            var i = 0
            while i < n {
                let (v, length) = UTF8Bytes.scalar(p, at: i)
                var replacement: String?
                var rule = ""
                var silent = false
                switch v {
                case 0x00...0x08, 0x0B...0x1F, 0x7F, 0x80...0x9F:
                    if invisible { replacement = ""; rule = "control" }
                case 0xAD:
                    if invisible {
                        if i + length == contentEnd && !continues,
                           let prev = UTF8Bytes.scalar(p, before: i), UTF8Bytes.isLetter(prev.value) {
                            replacement = "-"; rule = "soft-hyphen"
                        } else {
                            replacement = ""; rule = "invisible"
                        }
                    }
                case 0x200B, 0x2060, 0xFEFF, 0x180E, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                    if invisible { replacement = ""; rule = "invisible" }
                case 0x2000...0x200A, 0x205F, 0x3000, 0x1680, 0x2028, 0x2029:
                    replacement = " "; rule = "space"; silent = true
                case 0xFB00...0xFB06:
                    if ligatures { replacement = Self.ligature(v); rule = "ligature" }
                default:
                    break
                }
                if let replacement {
                    let edit = TextEdit(range: i..<(i + length), replacement: replacement, rule: rule, silent: silent)
                    // Merge with a directly preceding edit of the same rule (a run of controls).
                    if let last = edits.last, last.range.upperBound == i, last.rule == rule, replacement.isEmpty, last.replacement.isEmpty {
                        edits[edits.count - 1].range = last.range.lowerBound..<(i + length)
                    } else {
                        edits.append(edit)
                    }
                }
                i += length
            }
        }
        return edits
    }

    static func ligature(_ v: UInt32) -> String {
        switch v {
        case 0xFB00: return "ff"
        case 0xFB01: return "fi"
        case 0xFB02: return "fl"
        case 0xFB03: return "ffi"
        case 0xFB04: return "ffl"
        default: return "st"  // U+FB05 ſt, U+FB06 st
        }
    }

    /// Pass 4: spaces, apostrophes, quotes, French spacing.
    func spacingEdits(_ text: String, continues: Bool) -> [TextEdit] {
        var edits: [TextEdit] = []
        var t = text
        t.withUTF8 { p in
            let n = p.count
            var end = n
            if collapse && !continues {
                while end > 0 {
                    if p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1; continue }
                    if end >= 2, p[end - 2] == 0xC2, p[end - 1] == 0xA0 { end -= 2; continue }
                    if end >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80, p[end - 1] == 0xAF { end -= 3; continue }
                    break
                }
            }
            // Leading indentation is kept for layout stages.
            var i = 0
            while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
            while i < end {
                let b = p[i]
                if b == 0x20 {
                    var j = i
                    while j < end, p[j] == 0x20 { j += 1 }
                    let spacedPunctuation = j < end && spacing != .keep && isSpacedPunctuation(p, at: j, end: end)
                    if collapse, j - i > 1, !spacedPunctuation {
                        edits.append(TextEdit(range: (i + 1)..<j, replacement: "", rule: "spaces", silent: true))
                    }
                    i = j
                    continue
                }
                if b < 0x80 {
                    switch b {
                    case 0x27:
                        if apostrophe == .typographic, let prev = UTF8Bytes.scalar(p, before: i), UTF8Bytes.isLetter(prev.value) {
                            edits.append(TextEdit(range: i..<(i + 1), replacement: "\u{2019}", rule: "apostrophe"))
                        }
                    case 0x22:
                        if quotes == .guillemets, let edit = guillemet(p, at: i, length: 1, end: end) { edits.append(edit) }
                    case 0x3B, 0x3A, 0x21, 0x3F:
                        if spacing != .keep, let edit = spaceBefore(p, at: i, end: end) { Self.append(edit, to: &edits) }
                    default:
                        break
                    }
                    i += 1
                    continue
                }
                let (v, length) = UTF8Bytes.scalar(p, at: i)
                switch v {
                case 0x2018, 0x00B4, 0x02BC, 0x2032, 0x0060:
                    if apostrophe == .typographic, let prev = UTF8Bytes.scalar(p, before: i), UTF8Bytes.isLetter(prev.value),
                       i + length < end, UTF8Bytes.isLetter(UTF8Bytes.scalar(p, at: i + length).value) {
                        edits.append(TextEdit(range: i..<(i + length), replacement: "\u{2019}", rule: "apostrophe"))
                    }
                case 0x2019:
                    if apostrophe == .ascii, let prev = UTF8Bytes.scalar(p, before: i), UTF8Bytes.isLetter(prev.value) {
                        edits.append(TextEdit(range: i..<(i + length), replacement: "'", rule: "apostrophe"))
                    }
                case 0x201C, 0x201D, 0x201E:
                    if quotes == .guillemets, let edit = guillemet(p, at: i, length: length, end: end) {
                        edits.append(edit)
                    } else if quotes == .ascii {
                        edits.append(TextEdit(range: i..<(i + length), replacement: "\"", rule: "quote"))
                    }
                case 0xAB:
                    if quotes == .ascii {
                        var j = i + length
                        j = skipSpaces(p, from: j, end: end)
                        edits.append(TextEdit(range: i..<j, replacement: "\"", rule: "quote"))
                        i = j
                        continue
                    } else if spacing != .keep, let edit = spaceAfterOpening(p, at: i, length: length, end: end) {
                        edits.append(edit)
                        i = edit.range.upperBound
                        continue
                    }
                case 0xBB:
                    if quotes == .ascii {
                        let start = spaceRunStart(p, before: i)
                        if let last = edits.last, last.range.upperBound > start {
                            edits.append(TextEdit(range: i..<(i + length), replacement: "\"", rule: "quote"))
                        } else {
                            edits.append(TextEdit(range: start..<(i + length), replacement: "\"", rule: "quote"))
                        }
                    } else if spacing != .keep, let edit = spaceBefore(p, at: i, end: end) {
                        Self.append(edit, to: &edits)
                    }
                default:
                    break
                }
                i += length
            }
            if end < n {
                Self.append(TextEdit(range: end..<n, replacement: "", rule: "spaces", silent: true), to: &edits)
            }
        }
        return edits
    }

    /// Appends an edit that replaces a whole run of spaces, absorbing an earlier edit inside that run.
    private static func append(_ edit: TextEdit, to edits: inout [TextEdit]) {
        var edit = edit
        while let last = edits.last, last.range.upperBound > edit.range.lowerBound {
            edit.range = min(last.range.lowerBound, edit.range.lowerBound)..<edit.range.upperBound
            edits.removeLast()
        }
        edits.append(edit)
    }

    /// Whether the byte at `j` is `; : ! ? »` that `french-spacing` governs here.
    private func isSpacedPunctuation(_ p: UnsafeBufferPointer<UInt8>, at j: Int, end: Int) -> Bool {
        switch p[j] {
        case 0x3B, 0x3A, 0x21, 0x3F: return followedByBreak(p, after: j + 1, end: end)
        case 0xC2: return j + 1 < end && p[j + 1] == 0xBB
        default: return false
        }
    }

    /// True when what follows is the end of the line, white space, or closing punctuation.
    private func followedByBreak(_ p: UnsafeBufferPointer<UInt8>, after j: Int, end: Int) -> Bool {
        if j >= end { return true }
        switch p[j] {
        case 0x20, 0x09, 0x29, 0x5D, 0x22, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F: return true
        case 0xC2: return j + 1 < end && (p[j + 1] == 0xA0 || p[j + 1] == 0xBB)
        case 0xE2: return j + 2 < end && p[j + 1] == 0x80 && (p[j + 2] == 0xAF || p[j + 2] == 0x99 || p[j + 2] == 0x9D)
        default: return false
        }
    }

    /// Start of the run of spaces (plain, NBSP, narrow NBSP) that ends at `i`.
    private func spaceRunStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var s = i
        while s > 0 {
            if p[s - 1] == 0x20 { s -= 1; continue }
            if s >= 2, p[s - 2] == 0xC2, p[s - 1] == 0xA0 { s -= 2; continue }
            if s >= 3, p[s - 3] == 0xE2, p[s - 2] == 0x80, p[s - 1] == 0xAF { s -= 3; continue }
            break
        }
        return s
    }

    private func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, from i: Int, end: Int) -> Int {
        var j = i
        while j < end {
            if p[j] == 0x20 { j += 1; continue }
            if j + 1 < end, p[j] == 0xC2, p[j + 1] == 0xA0 { j += 2; continue }
            if j + 2 < end, p[j] == 0xE2, p[j + 1] == 0x80, p[j + 2] == 0xAF { j += 3; continue }
            break
        }
        return j
    }

    /// The space French typography wants before `punctuation` (first byte) under the policy.
    private func wantedSpace(before punctuation: UInt8) -> String {
        switch spacing {
        case .keep, .space: return " "
        case .nbsp: return "\u{A0}"
        case .narrow: return punctuation == 0x3A ? "\u{A0}" : "\u{202F}"
        case .none: return ""
        }
    }

    /// Sets the space between a word and `; : ! ? »` at `i`.
    private func spaceBefore(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> TextEdit? {
        let isClosingGuillemet = p[i] == 0xC2
        if !isClosingGuillemet {
            guard followedByBreak(p, after: i + 1, end: end) else { return nil }
        }
        let start = spaceRunStart(p, before: i)
        guard start > 0, let prev = UTF8Bytes.scalar(p, before: start) else { return nil }
        // After another mark of the same family ("?!", "!!") no space goes in between.
        if [0x21, 0x3F, 0x3B, 0x3A].contains(prev.value) && start == i { return nil }
        if prev.value == 0xAB { return nil }
        guard UTF8Bytes.isWordCharacter(prev.value) || [0x29, 0x5D, 0x2E, 0x22, 0x2019, 0xBB, 0x201D, 0xB9, 0xB2, 0xB3].contains(prev.value)
            || (0x2070...0x2079).contains(prev.value) else { return nil }
        let wanted = wantedSpace(before: isClosingGuillemet ? 0x3B : p[i])
        let current = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
        if current == wanted { return nil }
        return TextEdit(range: start..<i, replacement: wanted, rule: "french-spacing")
    }

    /// Sets the space after an opening `«` at `i`.
    private func spaceAfterOpening(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int, end: Int) -> TextEdit? {
        let start = i + length
        let stop = skipSpaces(p, from: start, end: end)
        guard stop < end else { return nil }
        let wanted = wantedSpace(before: 0x3B)
        let current = String(decoding: UnsafeBufferPointer(rebasing: p[start..<stop]), as: UTF8.self)
        if current == wanted { return nil }
        return TextEdit(range: start..<stop, replacement: wanted, rule: "french-spacing")
    }

    /// Turns a double quote at `i` into `«` or `»` when its position says which it is.
    private func guillemet(_ p: UnsafeBufferPointer<UInt8>, at i: Int, length: Int, end: Int) -> TextEdit? {
        let space: String
        switch spacing {
        case .keep, .nbsp: space = "\u{A0}"
        case .space: space = " "
        case .narrow: space = "\u{202F}"
        case .none: space = ""
        }
        let prev = UTF8Bytes.scalar(p, before: i)?.value
        let nextIndex = i + length
        let next: UInt32? = nextIndex < end ? UTF8Bytes.scalar(p, at: nextIndex).value : nil
        let prevIsOpen = prev == nil || prev == 0x20 || prev == 0x28 || prev == 0xA0 || prev == 0x5B
        let nextIsWord = next.map { UTF8Bytes.isWordCharacter($0) } ?? false
        let prevIsWord = prev.map { UTF8Bytes.isWordCharacter($0) || $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false
        let nextIsClose = next == nil || next == 0x20 || next == 0x2C || next == 0x2E || next == 0x3B || next == 0x3A || next == 0x29
        let opening: Bool
        let closing: Bool
        switch p[i] {
        case 0x22:
            opening = prevIsOpen && nextIsWord
            closing = prevIsWord && nextIsClose
        case 0xE2:
            // „ opens; “ opens before a word and closes after one (German style „…“); ” closes.
            switch p[i + 2] {
            case 0x9E:
                opening = nextIsWord
                closing = false
            case 0x9C:
                opening = nextIsWord && !prevIsWord
                closing = prevIsWord && nextIsClose
            default:
                opening = nextIsWord && prevIsOpen
                closing = prevIsWord
            }
        default:
            opening = false
            closing = false
        }
        if opening { return TextEdit(range: i..<(i + length), replacement: "«" + space, rule: "quote") }
        if closing { return TextEdit(range: i..<(i + length), replacement: space + "»", rule: "quote") }
        return nil
    }
}
