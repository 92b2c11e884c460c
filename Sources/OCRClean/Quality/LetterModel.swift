import Glibc

/// How French a word looks letter by letter, known or not: a byte-trigram model of the lexicon's
/// lowercase forms weighted by their frequency (`fr-zipf.tsv`). `tranquillité` scores about −1.5
/// per trigram, the OCR garble `tmnqaillitô` below −4: a page's unknown names still look
/// French, its garbage does not. Used for the quality estimate, not for repairs.
struct LetterModel: Sendable {
    private var trigrams: [UInt32: Double] = [:]
    private var bigrams: [UInt32: Double] = [:]
    /// Add-k smoothing over an alphabet of about `alphabet` bytes.
    static let k = 0.01
    static let alphabet = 100.0
    static let start: UInt8 = 0x02
    static let end: UInt8 = 0x03

    init(lexicon: CompiledLexicon) {
        var word: [UInt8] = []
        for entry in 0..<lexicon.wordCount {
            let zipf = lexicon.zipf(entry)
            guard zipf > 0 else { continue }
            Folding.lower(lexicon.form(entry), into: &word)
            guard !word.isEmpty else { continue }
            let weight = Glibc.pow(10, zipf - 3)
            Self.forEachTrigram(word) { tri in
                trigrams[tri, default: 0] += weight
                bigrams[tri >> 8, default: 0] += weight
            }
        }
    }

    /// The mean log probability per trigram of a lowercase word (its bytes), with start and end
    /// marks: 0 for an empty word.
    func logProbability(_ word: [UInt8]) -> Double {
        guard !word.isEmpty else { return 0 }
        var total = 0.0
        var count = 0
        Self.forEachTrigram(word) { tri in
            total += Glibc.log((trigrams[tri, default: 0] + Self.k) / (bigrams[tri >> 8, default: 0] + Self.k * Self.alphabet))
            count += 1
        }
        return total / Double(count)
    }

    /// Calls `body` with each trigram of `^ word $` (bytes packed in a UInt32); the word is not empty.
    private static func forEachTrigram(_ word: [UInt8], _ body: (UInt32) -> Void) {
        var previous2 = UInt32(start), previous1 = UInt32(word[0])
        for i in 1...word.count {
            let next = i < word.count ? UInt32(word[i]) : UInt32(end)
            body(previous2 << 16 | previous1 << 8 | next)
            previous2 = previous1
            previous1 = next
        }
    }
}
