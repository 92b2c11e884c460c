/// French elided words: the article, pronoun or conjunction that loses its vowel before a
/// vowel (`l’État`, `d’experts`, `qu’il`, `jusqu’à`).
enum ElisionRules {
    /// Lowercase, with `’`.
    static let prefixes: Set<String> = ["l’", "d’", "j’", "m’", "n’", "s’", "t’", "c’", "qu’", "jusqu’", "lorsqu’", "puisqu’", "quoiqu’"]
}

/// Elision happens before a vowel or a mute h.
enum RepairWordsVowels {
    static func startsWithVowelSound(_ v: UInt32) -> Bool {
        var base: [UInt8] = []
        Folding.strip(Folding.lower(v), into: &base)
        return base.first.map { "aeiouyh".utf8.contains($0) } ?? false
    }
}
