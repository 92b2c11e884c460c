/// Reads back what OCR made of a United Nations document symbol at a page edge, by the grammar
/// of symbols: a series (`A`, `E`, `CTOC`…), then parts separated by `/`: known parts (`RES`,
/// `COP`, `CN.15`, `WG.7`, `L.9`) and numbers (`67`, `2012`).
///
/// ```
/// AJRES/67/189        →  A/RES/67/189         a slash read as a letter (J, I, l, V, P, |)
/// A/IRES/67/189       →  A/RES/67/189         a stroke read twice
/// CTOC/COP2010L.9     →  CTOC/COP/2010/L.9    slashes lost between letters and digits
/// cToc/coP/2010/L.9   →  CTOC/COP/2010/L.9    capitals read as lowercase
/// AVRES/67/i89        →  A/RES/67/189         a digit read as a letter inside a number
/// ```
///
/// Only a symbol that does not parse is read back, and only when every part then parses and
/// each repair is one the table above names; anything else stays as printed (`CTOCICOP/Ae/L9`).
enum SymbolReading {
    /// Series that open a symbol.
    static let series: Set<String> = ["A", "E", "S", "ST", "TD", "CTOC", "CAC", "UNODC", "CRC", "CCPR", "UNEP", "DP", "ICCD", "FCCC"]
    /// Parts known after the series, with or without a number after a full stop (`CN.15`).
    static let parts: Set<String> = [
        "RES", "COP", "COSP", "CONF", "CN", "C", "AC", "HRC", "WG", "PV", "SR", "CRP", "INF", "L", "DEC", "PRST", "WP",
        "Rev", "Add", "Corr", "Amend", "GC", "BUR", "SBSTA", "SBI", "OP", "SUB", "IRG", "CCPCJ", "CND", "CRIME", "STAT",
    ]
    /// What OCR reads for a slash between two letters.
    static let slashReadings: Set<Character> = ["J", "I", "l", "V", "P", "|", "1"]
    /// What OCR reads for a digit inside a number.
    static let digitReadings: [Character: Character] = ["i": "1", "l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "G": "6", "S": "5", "B": "8"]

    /// The symbol `word` was printed as, when OCR damaged it in one of the ways above; nil when it
    /// parses as it is or cannot be read back.
    static func repaired(_ word: Substring) -> String? {
        guard word.count >= 4, word.count <= 40, word.contains("/") else { return nil }
        var components = word.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard components.allSatisfy({ !$0.isEmpty }) else { return nil }
        if isValid(components) { return nil }
        // The series, capitalised, or split at a slash read as a letter (`AJRES`, `APRES`).
        if !series.contains(components[0]) {
            if series.contains(components[0].uppercased()) {
                components[0] = components[0].uppercased()
            } else if let split = splitAtSlash(components[0]) {
                components.replaceSubrange(0...0, with: split)
            } else {
                return nil
            }
        }
        var out = [components[0]]
        for component in components.dropFirst() {
            guard let read = readPart(component) else { return nil }
            out += read
        }
        return isValid(out) ? out.joined(separator: "/") : nil
    }

    /// `AJRES` → `A`, `RES`: a series and a known part around one slash reading.
    static func splitAtSlash(_ s: String) -> [String]? {
        let chars = Array(s)
        for k in chars.indices.dropFirst() where slashReadings.contains(chars[k]) {
            let left = String(chars[..<k]), right = String(chars[(k + 1)...])
            if series.contains(left), isKnownPart(right) { return [left, right] }
        }
        return nil
    }

    /// One component after the series as one or more valid parts, or nil.
    static func readPart(_ s: String) -> [String]? {
        if isPart(s) { return [s] }
        if isKnownPart(s.uppercased()) { return [s.uppercased()] }
        // A stroke read twice: `IRES` after a slash.
        if let first = s.first, slashReadings.contains(first), isKnownPart(String(s.dropFirst())) { return [String(s.dropFirst())] }
        // Letters and digits run together: `COP2010`, `2010L.9`, `COP2010L.9`.
        let chars = Array(s)
        if let run = splitRuns(chars), run.count > 1, run.contains(where: isKnownPart) { return run }
        // A digit read as a letter inside a number: `i89`, `G7` (one letter, digits beside it).
        let letters = chars.filter { !$0.isASCIINumber }
        if letters.count == 1, chars.count >= 2, let digit = digitReadings[letters[0]] {
            let number = String(chars.map { $0.isASCIINumber ? $0 : digit })
            if isNumber(number) { return [number] }
        }
        return nil
    }

    /// `COP2010L.9` → `COP`, `2010`, `L.9`: cut where letters meet digits, every piece a part.
    static func splitRuns(_ chars: [Character]) -> [String]? {
        if isPart(String(chars)) { return [String(chars)] }
        for k in chars.indices.dropFirst() where chars[k - 1].isLetter != chars[k].isLetter && (chars[k - 1].isASCIINumber || chars[k].isASCIINumber) {
            let left = String(chars[..<k])
            if isPart(left), let rest = splitRuns(Array(chars[k...])) { return [left] + rest }
        }
        return nil
    }

    static func isValid(_ components: [String]) -> Bool {
        components.count >= 2 && series.contains(components[0]) && components.dropFirst().allSatisfy(isPart)
    }

    /// A known part (`RES`, `CN.15`, `L.9`, `Rev.1`) or a number (`67`, `2012`, `13-2`).
    static func isPart(_ s: String) -> Bool { isKnownPart(s) || isNumber(s) }

    static func isKnownPart(_ s: String) -> Bool {
        let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, parts.contains(String(pieces[0])) else { return false }
        return pieces.count == 1 || (1...3).contains(pieces[1].count) && pieces[1].allSatisfy(\.isASCIINumber)
    }

    static func isNumber(_ s: String) -> Bool {
        let pieces = s.split(separator: "-", omittingEmptySubsequences: false)
        return pieces.count <= 2 && pieces.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isASCIINumber) }
    }
}
