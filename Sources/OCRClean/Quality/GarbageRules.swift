/// Tokens no correct text contains, in the spirit of rmgarbage (Taghva et al., "Automatic removal
/// of garbage strings in OCR text", 2001), adapted to French: a token is garbage when it is
/// longer than 40 characters, repeats one character four times (`iiii`), has more signs than
/// letters and digits, holds two different punctuation signs inside, switches case inside a word
/// (`raPport`), runs five consonants (`rsqtn`), has four letters or more and no vowel (`rmnt`), or
/// has a digit between two letters (`app1ication`; not `1er`, `60e`, `rapportant1`).
enum GarbageRules {
    static let vowels: Set<UInt32> = Set("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ".unicodeScalars.map(\.value))

    /// Whether the token (a chunk between spaces, punctuation at its ends removed) is garbage.
    static func isGarbage(_ token: [UInt32]) -> Bool {
        guard !token.isEmpty else { return false }
        if token.count > 40 { return true }
        var run = 1
        for k in 1..<max(1, token.count) where k < token.count {
            run = token[k] == token[k - 1] ? run + 1 : 1
            if run >= 4 { return true }
        }
        var letters = 0, digits = 0, signs = 0
        var inside = Set<UInt32>()
        var consonants = 0, maxConsonants = 0, vowelsSeen = 0
        var sawLower = false, caseSwitch = false, sawUpperAfterLower = false
        for (k, v) in token.enumerated() {
            let isDigit = v >= 0x30 && v <= 0x39
            let isLetter = !isDigit && UTF8Bytes.isLetter(v)
            if isDigit {
                digits += 1
                consonants = 0
            } else if isLetter {
                letters += 1
                if vowels.contains(v) {
                    vowelsSeen += 1
                    consonants = 0
                } else {
                    consonants += 1
                    maxConsonants = max(maxConsonants, consonants)
                }
                let lower = Folding.lower(v) == v
                if lower {
                    if sawUpperAfterLower { caseSwitch = true }
                    sawLower = true
                } else if sawLower {
                    sawUpperAfterLower = true
                }
            } else {
                signs += 1
                consonants = 0
                let apostropheOrHyphen = v == 0x27 || v == 0x2019 || v == 0x2D
                if k > 0 && k < token.count - 1 && !apostropheOrHyphen && v != 0x2E && v != 0x2F { inside.insert(v) }
            }
        }
        if signs > letters + digits { return true }
        if inside.count >= 2 { return true }
        if caseSwitch { return true }
        if maxConsonants >= 5 { return true }
        if letters >= 4 && vowelsSeen == 0 && digits == 0 && signs == 0 { return true }
        // A digit between two letters (`app1ication`); not `1er`, `60e`, `rapportant1`.
        for k in 1..<max(1, token.count - 1) where k + 1 < token.count {
            let v = token[k]
            if v >= 0x30 && v <= 0x39, UTF8Bytes.isLetter(token[k - 1]), UTF8Bytes.isLetter(token[k + 1]) { return true }
        }
        return false
    }
}
