import Glibc

/// Helpers for walking valid UTF-8 (the bytes of a Swift `String`) without `Character` iteration.
enum UTF8Bytes {
    /// Whether two strings have the same UTF-8 bytes (`==` compares canonical equivalence, and
    /// `utf8.elementsEqual` walks the bytes one by one).
    static func same(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in pa.count == pb.count && (pa.isEmpty || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0) }
        }
    }

    /// The text of a NUL-terminated C buffer filled by a C call (invalid bytes become U+FFFD).
    static func string(cBuffer buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The number of bytes of a scalar in UTF-8.
    @inline(__always)
    static func length(of v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// The scalar starting at `i` and its length in bytes. `p` must hold valid UTF-8.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// The scalar ending just before `i` and its start, or nil at the start of the buffer.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> (value: UInt32, start: Int)? {
        guard i > 0 else { return nil }
        var s = i - 1
        while s > 0, p[s] & 0xC0 == 0x80 { s -= 1 }
        return (scalar(p, at: s).value, s)
    }

    /// Whether the scalar value is a letter (Unicode Alphabetic).
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        // Latin-1 and Latin Extended-A/B, by table (every one checked against Unicode's
        // Alphabetic): letters from À, except × and ÷; below it ª, µ, º.
        if v < 0x250 { return v >= 0xC0 ? (v != 0xD7 && v != 0xF7) : (v == 0xAA || v == 0xB5 || v == 0xBA) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic
    }

    /// Whether the scalar value is white space (Unicode White_Space; ASCII without a table).
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isWhitespace
    }

    /// Whether the scalar is a letter or a digit.
    @inline(__always)
    static func isWordCharacter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isLetter(v) || (v >= 0x30 && v <= 0x39) }
        // The numbers of Latin-1: ², ³, ¹, ¼, ½, ¾.
        if v < 0x250 { return isLetter(v) || v == 0xB2 || v == 0xB3 || v == 0xB9 || (v >= 0xBC && v <= 0xBE) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
