/// UTF-8 text that was decoded as Windows-1252 (or ISO-8859-1) and encoded again: `Ã©` for `é`,
/// `â€™` for `’`, `Å“` for `œ`, `Â«` for `«`.
///
/// A run is repaired only when it has the exact shape of a mis-decoded UTF-8 character: a lead
/// character from a small set (Â Ã Ä Å for two-byte characters, â for the three-byte punctuation
/// block U+2000–U+20FF, ï for a byte-order mark) followed by the right number of characters that
/// stand for continuation bytes, and the bytes form one valid UTF-8 character. French text never
/// contains such runs (`âge`, `Ångström`, `naïf` are left alone because what follows the lead is
/// a letter), which is what keeps this fix from firing on correct text.
enum Mojibake {
    /// The byte a character stands for when UTF-8 bytes were read as Windows-1252 or ISO-8859-1,
    /// for bytes 0x80–0xBF (continuation bytes).
    static func continuationByte(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x80...0xBF: return UInt8(v)  // ISO-8859-1 (C1 controls and Latin-1 punctuation)
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// Whether the character encoded at `i` stands for a continuation byte.
    static func isContinuation(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = p[i]
        guard b >= 0xC2 else { return false }
        return continuationByte(UTF8Bytes.scalar(p, at: i).value) != nil
    }

    /// How many continuation characters a lead character needs, or nil when it cannot start a repair.
    static func continuationCount(lead v: UInt32) -> Int? {
        switch v {
        case 0xC2...0xC5: return 1  // Â Ã Ä Å: U+0080–U+017F (accented letters, « » °, NBSP, œ)
        case 0xE2: return 2  // â: U+2000–U+2FFF (’ “ ” – — … €)
        case 0xEF: return 2  // ï: only the byte-order mark ï»¿ (checked by the caller)
        default: return nil
        }
    }

    /// Tries to repair a run starting at `scalars[index]`. Returns the repaired scalar (nil for a
    /// byte-order mark, which is dropped) and the number of scalars consumed, or nil when the run
    /// does not have the exact shape of mojibake.
    static func repair(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (Unicode.Scalar?, Int)? {
        let lead = scalars[index].value
        guard let count = continuationCount(lead: lead), index + count < scalars.count else { return nil }
        var bytes: [UInt8] = [UInt8(lead)]
        for k in 1...count {
            guard let b = continuationByte(scalars[index + k].value) else { return nil }
            bytes.append(b)
        }
        // A repaired character may itself be the start of a longer run only in double encoding,
        // which the caller handles by repeating the pass.
        guard let decoded = String(validating: bytes, as: UTF8.self), let scalar = decoded.unicodeScalars.first,
              decoded.unicodeScalars.count == 1 else { return nil }
        if lead == 0xEF {
            return scalar.value == 0xFEFF ? (nil, count + 1) : nil
        }
        if lead == 0xE2 {
            // Only the punctuation and currency blocks: a real "â" followed by two Latin-1 symbols
            // decoding to some other script is not worth the risk.
            guard (0x2000...0x20CF).contains(scalar.value) || scalar.value == 0x2122 else { return nil }
            return (scalar, count + 1)
        }
        if lead == 0xC2 || lead == 0xC3 {
            // U+0080–U+00FF: accented Latin letters, « » °, NBSP.
            return (scalar, count + 1)
        }
        // Ä, Å: Latin Extended-A letters (œ Œ š ž ł ć č…) only.
        guard (0x0100...0x017F).contains(scalar.value) else { return nil }
        return (scalar, count + 1)
    }

    /// Edits repairing every mojibake run of `text` (offsets in UTF-8 bytes), repeated for double
    /// encoding (at most 3 rounds); empty when there is nothing to repair.
    static func edits(_ text: String) -> [TextEdit] {
        var current = text
        var firstRound: [TextEdit] = []
        var rounds = 0
        for _ in 0..<3 {
            let scalars = Array(current.unicodeScalars)
            var out = String.UnicodeScalarView()
            var edits: [TextEdit] = []
            var offset = 0
            scalars.withUnsafeBufferPointer { buffer in
                var i = 0
                while i < buffer.count {
                    if continuationCount(lead: buffer[i].value) != nil, let (scalar, used) = repair(buffer, at: i) {
                        var length = 0
                        for k in i..<(i + used) { length += UTF8.width(buffer[k]) }
                        edits.append(TextEdit(range: offset..<(offset + length), replacement: scalar.map { String($0) } ?? "", rule: "mojibake"))
                        if let scalar { out.append(scalar) }
                        offset += length
                        i += used
                    } else {
                        out.append(buffer[i])
                        offset += UTF8.width(buffer[i])
                        i += 1
                    }
                }
            }
            guard !edits.isEmpty else { break }
            rounds += 1
            if rounds == 1 { firstRound = edits }
            current = String(out)
        }
        if rounds <= 1 { return firstRound }
        return TextDiff.edits(from: text, to: current, rule: "mojibake")
    }
}
