/// The edits turning one text into another: the common prefix and suffix are kept (cut at
/// character boundaries, never between a base letter and its combining marks), the middle is
/// replaced. Works on UTF-8 bytes.
enum TextDiff {
    /// One edit per space-separated word that differs, when both texts have the same spaces (as
    /// normalization and mojibake repair leave them): `Ame\u{301}lie … ope\u{301}ration` gets two
    /// changes, not one spanning the whole record between them, which would swallow every later
    /// change in between (and cost a long record quadratic time). Otherwise one edit, from the
    /// first difference to the last.
    static func edits(from old: String, to new: String, rule: String) -> [TextEdit] {
        let a = Array(old.utf8)
        let b = Array(new.utf8)
        if a == b { return [] }
        let wordsA = a.split(separator: 0x20, omittingEmptySubsequences: false)
        let wordsB = b.split(separator: 0x20, omittingEmptySubsequences: false)
        guard wordsA.count == wordsB.count else { return [edit(a, b, offset: 0, rule: rule)].compactMap { $0 } }
        var out: [TextEdit] = []
        for (x, y) in zip(wordsA, wordsB) where !x.elementsEqual(y) {
            if let e = edit(Array(x), Array(y), offset: x.startIndex, rule: rule) { out.append(e) }
        }
        return out
    }

    private static func edit(_ a: [UInt8], _ b: [UInt8], offset: Int, rule: String) -> TextEdit? {
        if a == b { return nil }
        var prefix = 0
        let shorter = min(a.count, b.count)
        while prefix < shorter, a[prefix] == b[prefix] { prefix += 1 }
        prefix = boundary(a, b, prefix)
        var suffix = 0
        while suffix < shorter - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        // The suffix must start at a character boundary that is not a combining mark in either text.
        while suffix > 0 {
            let i = a.count - suffix
            let j = b.count - suffix
            if isStart(a, i) && isStart(b, j) && !isMark(a, i) && !isMark(b, j) { break }
            suffix -= 1
        }
        let replacement = String(decoding: b[prefix..<(b.count - suffix)], as: UTF8.self)
        return TextEdit(range: (offset + prefix)..<(offset + a.count - suffix), replacement: replacement, rule: rule)
    }

    /// Moves `i` back to a character boundary shared by both texts, before any combining mark.
    private static func boundary(_ a: [UInt8], _ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i > 0 {
            if isStart(a, i) && isStart(b, i) && !isMark(a, i) && !isMark(b, i) { break }
            i -= 1
        }
        return i
    }

    /// Whether `i` is the end of the bytes or the first byte of a character.
    private static func isStart(_ p: [UInt8], _ i: Int) -> Bool {
        i >= p.count || p[i] & 0xC0 != 0x80
    }

    /// Whether the character at `i` is a combining mark (canonical combining class not 0).
    private static func isMark(_ p: [UInt8], _ i: Int) -> Bool {
        guard i < p.count, p[i] >= 0xCC else { return false }
        let value = p.withUnsafeBufferPointer { UTF8Bytes.scalar($0, at: i).value }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.canonicalCombiningClass.rawValue != 0
    }
}
