/// French elided words: the article, pronoun or conjunction that loses its vowel before a
/// vowel (`l’État`, `d’experts`, `qu’il`, `jusqu’à`).
enum ElisionRules {
    /// Lowercase, with `’`.
    static let prefixes: Set<String> = ["l’", "d’", "j’", "m’", "n’", "s’", "t’", "c’", "qu’", "jusqu’", "lorsqu’", "puisqu’", "quoiqu’"]

    /// The prefixes without their apostrophe, as ASCII bytes (`qu`).
    static let bare: [[UInt8]] = prefixes.map { Array($0.utf8.dropLast(3)) }.sorted { $0.lexicographicallyPrecedes($1) }

    /// Whether the `count` lowercase letters `letter(0)`, `letter(1)`… are an elided word
    /// without its apostrophe (`qu`, `jusqu`): no string is built to ask.
    @inline(__always)
    static func isBare(count: Int, _ letter: (Int) -> UInt8) -> Bool {
        guard count >= 1, count <= 7 else { return false }
        search: for prefix in bare where prefix.count == count {
            for k in 0..<count where prefix[k] != letter(k) { continue search }
            return true
        }
        return false
    }
}

/// Elision happens before a vowel or a mute h.
enum RepairWordsVowels {
    static func startsWithVowelSound(_ v: UInt32) -> Bool {
        let lower = Folding.lower(v)
        // œ and æ, whose base is two letters.
        if lower == 0x153 || lower == 0xE6 { return true }
        switch Folding.base(lower) {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x68: return true
        default: return false
        }
    }
}
