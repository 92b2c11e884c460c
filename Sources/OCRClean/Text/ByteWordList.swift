/// A short fixed list of words (UTF-8), asked letter by letter so that no key is built per
/// question: `qu` as an elided word, `Mme` as a title, `inter` as a bound prefix. A bit for
/// each length and first byte the list holds turns most words away before it is searched.
struct ByteWordList: Sendable {
    let words: [[UInt8]]
    private var pairs = [UInt64](repeating: 0, count: 256)

    init(_ list: [String]) {
        words = list.map { Array($0.utf8) }
        for word in words where !word.isEmpty && word.count < 64 {
            let bit = Self.bit(length: word.count, first: word[0])
            pairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// Whether the `count` bytes `byte(0)`, `byte(1)`… are a word of the list (the caller maps
    /// case as the list needs: `qu` for `Qu`).
    @inline(__always)
    func contains(count: Int, _ byte: (Int) -> UInt8) -> Bool {
        guard count > 0, count < 64 else { return false }
        let first = byte(0)
        let bit = Self.bit(length: count, first: first)
        guard pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        search: for word in words where word.count == count && word[0] == first {
            for k in 1..<count where word[k] != byte(k) { continue search }
            return true
        }
        return false
    }

    private static func bit(length: Int, first: UInt8) -> Int { length << 8 | Int(first) }
}
