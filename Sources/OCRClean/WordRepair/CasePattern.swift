/// How a word is capitalised, so that a correction keeps it: `ETATS` → `ÉTATS`, `Etats` → `États`.
enum CasePattern: Sendable {
    case lower
    case title
    case upper
    case mixed

    init(_ s: [UInt32]) {
        var letters = 0
        var upper = 0
        var firstUpper = false
        for v in s where UTF8Bytes.isLetter(v) {
            let isUpper = Folding.isUpper(v)
            if letters == 0 { firstUpper = isUpper }
            letters += 1
            if isUpper { upper += 1 }
        }
        if upper == 0 {
            self = .lower
        } else if upper == letters && letters > 1 {
            self = .upper
        } else if upper == 1 && firstUpper {
            self = .title
        } else {
            self = .mixed
        }
    }

    /// `candidate` written in this pattern; a candidate with capitals of its own (a proper noun,
    /// an acronym) keeps them when the pattern is lowercase.
    func apply(to candidate: [UInt32]) -> [UInt32] {
        switch self {
        case .lower, .mixed:
            return candidate
        case .upper:
            return candidate.map(Self.upper)
        case .title:
            var out = candidate
            // After an elided article the capital goes on the article (`L’État`).
            if let first = out.firstIndex(where: { UTF8Bytes.isLetter($0) }) { out[first] = Self.upper(out[first]) }
            return out
        }
    }

    static func upper(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) ? v - 0x20 : v }
        if v >= 0xE0 && v <= 0xFE && v != 0xF7 { return v - 0x20 }
        if v == 0x153 { return 0x152 }
        if v == 0xFF { return 0x178 }
        guard let s = Unicode.Scalar(v) else { return v }
        let mapped = s.properties.uppercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : v
    }

    static func lower(_ s: [UInt32]) -> [UInt32] { s.map(Folding.lower) }

    static func title(_ s: [UInt32]) -> [UInt32] {
        var out = lower(s)
        if !out.isEmpty { out[0] = upper(out[0]) }
        return out
    }
}
