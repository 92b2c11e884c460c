/// The domain's word pairs by one word, for the word beside it: `Membres` calls for `États`,
/// `Nations` for `Unies`. Built from the pairs as the domain writes them (`États Membres`), both
/// words four letters or more: a short word (`de`, `la`) says too little of its neighbour.
///
/// repair-words offers a written word the domain's word its neighbour calls for when the two
/// are close (`Prats Membres`, `Écacs parties` → `États`), an error too far from any word for
/// the confusion table alone.
public struct DomainPairIndex: Sendable {
    /// Keyed by the second word in lowercase: the first words as the domain writes them.
    let byNext: [[UInt8]: [[UInt8]]]
    /// Keyed by the first word in lowercase: the second words as the domain writes them.
    let byPrevious: [[UInt8]: [[UInt8]]]

    init(casedPairs: Set<[UInt8]>) {
        var byNext: [[UInt8]: [[UInt8]]] = [:], byPrevious: [[UInt8]: [[UInt8]]] = [:]
        for pair in casedPairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let space = pair.firstIndex(of: 0x20) else { continue }
            let first = Array(pair[..<space]), second = Array(pair[(space + 1)...])
            guard Self.isWord(first), Self.isWord(second) else { continue }
            let lowerFirst = first.withUnsafeBufferPointer { p -> [UInt8] in var out: [UInt8] = []; Folding.lower(p, into: &out); return out }
            let lowerSecond = second.withUnsafeBufferPointer { p -> [UInt8] in var out: [UInt8] = []; Folding.lower(p, into: &out); return out }
            if byNext[lowerSecond]?.contains(first) != true { byNext[lowerSecond, default: []].append(first) }
            if byPrevious[lowerFirst]?.contains(second) != true { byPrevious[lowerFirst, default: []].append(second) }
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
