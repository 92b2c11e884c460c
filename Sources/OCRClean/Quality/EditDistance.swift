/// Levenshtein distance between two sequences of integer symbols (grapheme clusters or words
/// mapped to numbers), with unit costs.
///
/// Bit-parallel (Myers 1999, in Hyyrö's formulation, blocks of 64 for long patterns): about
/// n·m/64 word operations, so two 100,000-character documents compare in well under a second.
public enum EditDistance {
    public static func distance(_ a: [Int], _ b: [Int]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // The shorter one is the pattern (bit vectors), the longer one the text.
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        let m = pattern.count
        let blocks = (m + 63) / 64
        // Match vectors per symbol: symbol → bit vector over the pattern.
        var index: [Int: Int] = [:]
        var peq: [UInt64] = []
        for (i, symbol) in pattern.enumerated() {
            let slot: Int
            if let s = index[symbol] {
                slot = s
            } else {
                slot = index.count
                index[symbol] = slot
                peq.append(contentsOf: repeatElement(0, count: blocks))
            }
            peq[slot * blocks + i / 64] |= 1 << UInt64(i % 64)
        }
        var pv = [UInt64](repeating: ~0, count: blocks)
        var mv = [UInt64](repeating: 0, count: blocks)
        let lastBit: UInt64 = 1 << UInt64((m - 1) % 64)
        var score = m
        let zeros = [UInt64](repeating: 0, count: blocks)
        for symbol in text {
            let base = index[symbol].map { $0 * blocks }
            // Horizontal carries into the first block: the top row grows by one per column.
            var hpIn: UInt64 = 1
            var hmIn: UInt64 = 0
            for k in 0..<blocks {
                let eq = base.map { peq[$0 + k] } ?? zeros[k]
                let p = pv[k], mm = mv[k]
                let xv = eq | mm
                let eqc = eq | hmIn
                let xh = (((eqc & p) &+ p) ^ p) | eqc
                var hp = mm | ~(xh | p)
                var hm = p & xh
                let top: UInt64 = k == blocks - 1 ? lastBit : 1 << 63
                let hpOut: UInt64 = hp & top != 0 ? 1 : 0
                let hmOut: UInt64 = hm & top != 0 ? 1 : 0
                if k == blocks - 1 {
                    if hpOut != 0 { score += 1 } else if hmOut != 0 { score -= 1 }
                }
                hp = (hp << 1) | hpIn
                hm = (hm << 1) | hmIn
                pv[k] = hm | ~(xv | hp)
                mv[k] = hp & xv
                hpIn = hpOut
                hmIn = hmOut
            }
        }
        return score
    }

    /// The grapheme clusters of `s` as symbols (same cluster, same number).
    public static func graphemes(_ s: String, table: inout [String: Int]) -> [Int] {
        s.map { c -> Int in
            let key = String(c)
            if let n = table[key] { return n }
            let n = table.count
            table[key] = n
            return n
        }
    }

    /// The whitespace-separated words of `s` as symbols.
    public static func words(_ s: String, table: inout [String: Int]) -> [Int] {
        s.split(whereSeparator: { $0.isWhitespace }).map { w -> Int in
            let key = String(w)
            if let n = table[key] { return n }
            let n = table.count
            table[key] = n
            return n
        }
    }
}
