/// Letters the engine read for digits inside numbers and the numbers of symbols: `I72,` → `172,`,
/// `224I` → `2241`, `4o96` → `4096`, `CTOC/COP/2OI2/I5` → `CTOC/COP/2012/15`.
///
/// Only in a protected chunk (a number, a symbol) with two real digits at least, and only in a
/// run of digits and look-alikes (`O o` for 0, `I l |` for 1) that holds a digit, has no letter
/// glued to it (`IPv4`, `sda1`, `ext2`, `1er` stay) and no more look-alikes than digits. Two
/// look-alikes opening a run are a word (`IO1`). `S` is no look-alike: it stands for 5 as often
/// as for 8 (`168S` was 1688), and `s` is a unit or a name (`0.5s`, `s390`).
extension RepairWords {
    func numberEdits(_ tokens: [WordToken], bytes: [UInt8], edits: inout [TextEdit], counts: inout Counts) {
        for token in tokens where token.kind == .symbol {
            let core = token.coreStart..<token.coreEnd
            guard core.count >= 3, core.count <= 40, let fixed = Self.numberRepaired(bytes[core]) else { continue }
            guard !edits.contains(where: { $0.range.overlaps(core) }) else { continue }
            edits.append(TextEdit(range: core, replacement: String(decoding: fixed, as: UTF8.self), rule: "number", confidence: 0.9))
            counts.count("number")
        }
    }

    /// The chunk with its look-alikes read as digits, or nil when it has none to read.
    static func numberRepaired(_ chunk: ArraySlice<UInt8>) -> [UInt8]? {
        // Read first, copy only a chunk that may change: every symbol of a record is asked.
        var realDigits = 0, lookalikes = 0
        for b in chunk {
            if isDigit(b) { realDigits += 1 } else if lookalikeDigit(b) != nil { lookalikes += 1 }
        }
        guard realDigits >= 2, lookalikes > 0 else { return nil }
        var out = Array(chunk)
        var changed = false
        var i = 0
        while i < out.count {
            guard isDigit(out[i]) || lookalikeDigit(out[i]) != nil else { i += 1; continue }
            var end = i
            var digits = 0, lookalikes = 0
            while end < out.count, isDigit(out[end]) || lookalikeDigit(out[end]) != nil {
                if isDigit(out[end]) { digits += 1 } else { lookalikes += 1 }
                end += 1
            }
            let gluedBefore = i > 0 && isLetter(out[i - 1])
            let gluedAfter = end < out.count && isLetter(out[end])
            let wordOpening = end - i >= 2 && lookalikeDigit(out[i]) != nil && lookalikeDigit(out[i + 1]) != nil
            if digits > 0, lookalikes > 0, lookalikes <= digits, !gluedBefore, !gluedAfter, !wordOpening {
                for k in i..<end {
                    if let d = lookalikeDigit(out[k]) { out[k] = d }
                }
                changed = true
            }
            i = end
        }
        return changed ? out : nil
    }

    /// The digit a letter is misread for: `O o` 0, `I l |` 1.
    @inline(__always) static func lookalikeDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x4F, 0x6F: return 0x30
        case 0x49, 0x6C, 0x7C: return 0x31
        default: return nil
        }
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A letter of any script (every byte of a multi-byte scalar counts: `é`, `œ`).
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
}
