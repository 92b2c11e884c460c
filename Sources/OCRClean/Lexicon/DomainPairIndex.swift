/// The domain's word pairs by one word, for the word beside it: `Membres` calls for `États`,
/// `Nations` for `Unies`. Built from the pairs as the domain writes them (`États Membres`), both
/// words four letters or more: a short word (`de`, `la`) says too little of its neighbour.
///
/// repair-words offers a written word the domain's word its neighbour calls for when the two
/// are close (`Prats Membres`, `Écacs parties` → `États`), an error too far from any word for
/// the confusion table alone.
public struct DomainPairIndex: Sendable {
    /// A word of a pair: as the domain writes it, and folded (`etats`) for the edit distance.
    struct Word: Sendable {
        let form: [UInt8]
        let folded: [Int]
        /// It opens with a capital (`États`).
        let capitalised: Bool
    }

    /// Keyed by the second word in lowercase: the first words.
    let byNext: [[UInt8]: [Word]]
    /// Keyed by the first word in lowercase: the second words.
    let byPrevious: [[UInt8]: [Word]]

    init(casedPairs: Set<[UInt8]>) {
        var byNext: [[UInt8]: [Word]] = [:], byPrevious: [[UInt8]: [Word]] = [:]
        func add(_ form: [UInt8], under key: [UInt8], to index: inout [[UInt8]: [Word]]) {
            guard index[key]?.contains(where: { $0.form == form }) != true else { return }
            let text = String(decoding: form, as: UTF8.self)
            let capitalised = text.unicodeScalars.first.map { Folding.isUpper($0.value) } ?? false
            index[key, default: []].append(Word(form: form, folded: Folding.fold(text).map(Int.init), capitalised: capitalised))
        }
        for pair in casedPairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let space = pair.firstIndex(of: 0x20) else { continue }
            let first = Array(pair[..<space]), second = Array(pair[(space + 1)...])
            guard Self.isWord(first), Self.isWord(second) else { continue }
            add(first, under: Folding.lower(String(decoding: second, as: UTF8.self)), to: &byNext)
            add(second, under: Folding.lower(String(decoding: first, as: UTF8.self)), to: &byPrevious)
        }
        self.byNext = byNext
        self.byPrevious = byPrevious
    }

    /// Four scalars or more, letters only.
    static func isWord(_ bytes: [UInt8]) -> Bool {
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        return scalars.count >= 4 && scalars.allSatisfy { UTF8Bytes.isLetter($0.value) }
    }
}
