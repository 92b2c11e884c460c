/// Character and word error rates of a text against its ground truth, the way dinglehopper and
/// `../shared/eval/score` count them: Levenshtein distance over grapheme clusters (or words)
/// divided by the length of the reference.
///
/// ```swift
/// let c = TextComparison(reference: gt, hypothesis: ocr, level: .collapsed)
/// c.cer   // 0.0209
/// ```
public struct TextComparison: Sendable {
    /// What the two texts are compared as.
    public enum Level: String, CaseIterable, Sendable {
        /// Exactly as they are.
        case raw
        /// NFC-normalized.
        case nfc
        /// Every run of white space one space, ends trimmed (so line breaks and paragraph joins
        /// cost nothing): the level of `../shared/eval/score`. The default.
        case collapsed
        /// Collapsed, lowercased, punctuation removed, accents kept: the level of the HIPE-OCRepair
        /// scorer.
        case hipe
        /// Collapsed and NFC, with the signs transcriptions write by their own conventions made
        /// one: apostrophes (`’` `‘` `ʼ` → `'`), double quotes (`«` `»` `“` `”` `„` → `"`), dashes and
        /// the line-break mark (`—` `–` `‐` `‑` `−` `¬` → `-`). A ground truth typed with ASCII
        /// signs (impresso's) then counts no error where the OCR printed the typographic one.
        case typography
        /// Each line trimmed, NFC, ligatures unjoined (`ﬁ` → `fi`), `’` → `'`, `—` → `–`: what
        /// dinglehopper compares for plain-text files (its `NFC_SBB` normalization), lines
        /// joined by line breaks.
        case dinglehopper
    }

    public let characterDistance: Int
    public let referenceCharacters: Int
    public let wordDistance: Int
    public let referenceWords: Int

    public var cer: Double { referenceCharacters == 0 ? (characterDistance == 0 ? 0 : 1) : Double(characterDistance) / Double(referenceCharacters) }
    public var wer: Double { referenceWords == 0 ? (wordDistance == 0 ? 0 : 1) : Double(wordDistance) / Double(referenceWords) }

    public init(reference: String, hypothesis: String, level: Level = .collapsed, codePoints: Bool = false) {
        let r = Self.prepare(reference, level)
        let h = Self.prepare(hypothesis, level)
        var table: [String: Int] = [:]
        let rc: [Int], hc: [Int]
        if codePoints {
            rc = r.unicodeScalars.map { Int($0.value) }
            hc = h.unicodeScalars.map { Int($0.value) }
        } else {
            rc = EditDistance.graphemes(r, table: &table)
            hc = EditDistance.graphemes(h, table: &table)
        }
        characterDistance = EditDistance.distance(rc, hc)
        referenceCharacters = rc.count
        var words: [String: Int] = [:]
        let rw = EditDistance.words(r, table: &words)
        let hw = EditDistance.words(h, table: &words)
        wordDistance = EditDistance.distance(rw, hw)
        referenceWords = rw.count
    }

    /// The text as compared at `level`.
    public static func prepare(_ text: String, _ level: Level) -> String {
        switch level {
        case .raw:
            return text
        case .nfc:
            return ICU.normalize(text, form: .nfc)
        case .collapsed:
            return collapse(text)
        case .hipe:
            let lowered = ICU.normalize(text, form: .nfc).lowercased()
            let kept = String(String.UnicodeScalarView(lowered.unicodeScalars.map { s -> Unicode.Scalar in
                s.properties.generalCategory.isPunctuation || s.properties.generalCategory.isSymbol ? " " : s
            }))
            return collapse(kept)
        case .typography:
            let nfc = ICU.normalize(collapse(text), form: .nfc)
            return String(String.UnicodeScalarView(nfc.unicodeScalars.map { typographicVariants[$0] ?? $0 }))
        case .dinglehopper:
            var lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
            // Python's `str.strip()`: Unicode white space and the separators U+001C–U+001F.
            let space = { (s: Unicode.Scalar) in s.properties.isWhitespace || (0x1C...0x1F).contains(s.value) }
            return lines.map { line in
                let scalars = line.unicodeScalars
                let trimmed = scalars.drop(while: space).reversed().drop(while: space).reversed()
                var t = ICU.normalize(String(String.UnicodeScalarView(trimmed)), form: .nfc)
                for (from, to) in dinglehopperEquivalences { t = t.replacing(from, with: to) }
                return t
            }.joined(separator: "\n")
        }
    }

    /// The signs `typography` makes one, with what it writes for them.
    static let typographicVariants: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for s in "’‘ʼ".unicodeScalars { table[s] = "'" }
        for s in "«»“”„".unicodeScalars { table[s] = "\"" }
        for s in "—–‐‑−¬".unicodeScalars { table[s] = "-" }
        return table
    }()

    /// dinglehopper's substitutions for plain text, in its order: ligatures, then the rest.
    static let dinglehopperEquivalences: [(String, String)] = [
        ("\u{E8BF}", "q&"), ("\u{EBA5}", "ſp"), ("\u{EBA7}", "ſſi"), ("ﬁ", "fi"), ("ﬀ", "ff"), ("ﬂ", "fl"), ("ﬃ", "ffi"),
        ("ĳ", "ij"), ("ﬆ", "st"), ("\u{F532}", "as"), ("\u{F533}", "is"), ("\u{F534}", "us"), ("\u{F535}", "Qu"),
        ("==", "–"), ("—", "–"), ("’", "'"), ("⸗", "-"), ("\u{F50E}", "q\u{301}"),
    ]

    /// Runs of white space (any Unicode white space) as one space, ends trimmed.
    public static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    var isSymbol: Bool {
        switch self {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
