/// A fast 64-bit hash of UTF-8 bytes for the lexicon's hash tables (FNV-1a, 8 bytes per step
/// where possible, then a final mix). It must never change without bumping the compiled
/// lexicon's format version: the tables on disk depend on it.
enum ByteHash {
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var i = 0
        let n = p.count
        if let base = p.baseAddress {
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                h = (h ^ w) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
        }
        while i < n {
            h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }
}
