/// Case and accent folding of UTF-8 words, for lexicon lookups.
///
/// `lower` maps letters to lowercase; `fold` also strips diacritics and spells ligatures out
/// (`Œuvre` → `oeuvre`, `États` → `etats`, `contrôle` → `controle`), so that words differing only
/// in accents share a key. Apostrophe look-alikes become `’` in both.
public enum Folding {
    /// The lowercase of a scalar (Latin letters by table, others by Unicode properties).
    @inline(__always)
    public static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        // The rest of Latin-1 (`«`, `°`, `ß`, `é`) is no capital.
        if v < 0x100 { return v }
        if v >= 0x100 && v <= 0x17F {
            // Latin Extended-A: pairs upper/lower (with a few exceptions handled by properties).
            if v == 0x130 || v == 0x131 || v == 0x138 || v == 0x149 || v == 0x17F || v == 0x178 {
                return v == 0x178 ? 0xFF : (v == 0x130 ? 0x69 : v)
            }
            if (0x139...0x148).contains(v) || (0x179...0x17E).contains(v) { return v & 1 == 1 ? v + 1 : v }
            return v & 1 == 0 ? v + 1 : v
        }
        // General punctuation (`’`, `–`), super- and subscripts, currency signs: no case.
        if v >= 0x2000 && v <= 0x20FF { return v }
        guard let s = Unicode.Scalar(v) else { return v }
        let mapped = s.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : v
    }

    @inline(__always)
    public static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return true }
        if v < 0x100 { return false }
        if v >= 0x2000 && v <= 0x20FF { return false }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isUppercase
    }

    /// The base letters of a lowercase scalar without its diacritics (`é` → `e`, `œ` → `oe`).
    @inline(__always)
    static func strip<Sink: ByteSink>(_ v: UInt32, into out: inout Sink) {
        switch v {
        case 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5: out.append(0x61)
        case 0xE7: out.append(0x63)
        case 0xE8, 0xE9, 0xEA, 0xEB: out.append(0x65)
        case 0xEC, 0xED, 0xEE, 0xEF: out.append(0x69)
        case 0xF1: out.append(0x6E)
        case 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF8: out.append(0x6F)
        case 0xF9, 0xFA, 0xFB, 0xFC: out.append(0x75)
        case 0xFD, 0xFF: out.append(0x79)
        case 0x153: out.append(0x6F); out.append(0x65)
        case 0xE6: out.append(0x61); out.append(0x65)
        case 0x2019, 0x27, 0x2BC, 0x2018: out.append(0xE2); out.append(0x80); out.append(0x99)
        default:
            if v >= 0x100, v < 0x250, case let base = latinBase[Int(v - 0x100)], base != 0 {
                out.append(base)
            } else {
                appendUTF8(v, to: &out)
            }
        }
    }

    /// The lowercase ASCII base letter of a Latin letter (`É` → `e`, `ç` → `c`), 0 for anything
    /// else. A table lookup: the corrector asks this in its inner loops.
    @inline(__always)
    public static func base(_ v: UInt32) -> UInt8 {
        v < 0x250 ? baseTable[Int(v)] : 0
    }

    static let baseTable: [UInt8] = (0..<0x250).map { v -> UInt8 in
        let value = UInt32(v)
        if value < 0x80 {
            let l = lower(value)
            return (l >= 0x61 && l <= 0x7A) ? UInt8(l) : 0
        }
        var out: [UInt8] = []
        strip(lower(value), into: &out)
        return out.count == 1 && out[0] >= 0x61 && out[0] <= 0x7A ? out[0] : 0
    }

    /// The ASCII base letter of U+0100–U+024F (Latin Extended-A and -B), from ICU's NFD; 0 when
    /// the letter has no ASCII base (ŋ, ß…).
    static let latinBase: [UInt8] = (0x100..<0x250).map { v -> UInt8 in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return 0 }
        let nfd = ICU.normalize(String(scalar), form: .nfd)
        guard let first = nfd.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return 0 }
        return UInt8(Folding.lower(first.value))
    }

    /// Lowercase, apostrophes as `’`.
    public static func lower(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        appendLower(word, to: &out)
    }

    static func appendLower<Sink: ByteSink>(_ word: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        var i = 0
        while i < word.count {
            let b = word[i]
            if b < 0x80, b != 0x27 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let (v, n) = UTF8Bytes.scalar(word, at: i)
            let l = lower(v)
            if l == 0x27 || l == 0x2BC || l == 0x2018 { appendUTF8(0x2019, to: &out) } else { appendUTF8(l, to: &out) }
            i += n
        }
    }

    /// Lowercase without diacritics, ligatures spelt out, apostrophes as `’`.
    public static func fold(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < word.count {
            let (v, n) = UTF8Bytes.scalar(word, at: i)
            if v < 0x80 {
                out.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
            } else {
                strip(lower(v), into: &out)
            }
            i += n
        }
    }

    public static func fold(_ word: String) -> [UInt8] {
        var s = word
        var out: [UInt8] = []
        s.withUTF8 { fold($0, into: &out) }
        return out
    }

    public static func lower(_ word: String) -> [UInt8] {
        var s = word
        var out: [UInt8] = []
        s.withUTF8 { lower($0, into: &out) }
        return out
    }

    @inline(__always)
    public static func appendUTF8<Sink: ByteSink>(_ v: UInt32, to out: inout Sink) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Calls `body` with the lowercase of `word` (as `lower`), written on the stack: every word of
    /// every record passes here, without a heap buffer each.
    @inline(__always)
    static func withLower<R>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count * 4 + 4) { buffer in
            var out = StackBytes(buffer.baseAddress!)
            appendLower(word, to: &out)
            return body(out.bytes)
        }
    }
}

/// Where the folding functions write bytes: a growing array, or a stack buffer (`StackBytes`).
public protocol ByteSink {
    mutating func append(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {}

/// Bytes written into memory the caller sized: 4 bytes per input byte or scalar always suffice (a
/// scalar is never shorter than one byte nor longer than four, and `'` becomes the 3-byte `’`).
struct StackBytes: ByteSink {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
