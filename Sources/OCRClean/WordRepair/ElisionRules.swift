/// French elided words: the article, pronoun or conjunction that loses its vowel before a
/// vowel (`l’État`, `d’experts`, `qu’il`, `jusqu’à`).
enum ElisionRules {
    /// Lowercase, with `’`.
    static let prefixes: Set<String> = ["l’", "d’", "j’", "m’", "n’", "s’", "t’", "c’", "qu’", "jusqu’", "lorsqu’", "puisqu’", "quoiqu’"]

    /// The prefixes without their apostrophe (`qu`), asked letter by letter.
    static let bare = ByteWordList(prefixes.map { String($0.dropLast()) })
}

/// Elision happens before a vowel or a mute h.
enum RepairWordsVowels {
    static func startsWithVowelSound(_ v: UInt32) -> Bool {
        isVowel(v) || Folding.base(Folding.lower(v)) == 0x68
    }

    /// A vowel letter in any case and with any accent (`y`, `œ` and `æ` count).
    static func isVowel(_ v: UInt32) -> Bool {
        let lower = Folding.lower(v)
        // œ and æ, whose base is two letters.
        if lower == 0x153 || lower == 0xE6 { return true }
        switch Folding.base(lower) {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }
}
