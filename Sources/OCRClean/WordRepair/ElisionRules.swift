/// French elided words: the article, pronoun or conjunction that loses its vowel before a
/// vowel (`l’État`, `d’experts`, `qu’il`, `jusqu’à`).
enum ElisionRules {
    /// Lowercase, with `’`.
    static let prefixes: Set<String> = ["l’", "d’", "j’", "m’", "n’", "s’", "t’", "c’", "qu’", "jusqu’", "lorsqu’", "puisqu’", "quoiqu’"]
}
