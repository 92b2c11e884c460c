/// The channel of the noisy-channel corrector: how likely the OCR read `observed` when the page
/// said `intended`, as a cost in -log10 probability.
///
/// Costs come from `Dictionaries/fr-ocr-confusions.tsv` (estimated on generated training pages),
/// completed by classic confusions of older engines that the training engines rarely make
/// (`rn`/`m`, `cl`/`d`, `li`/`h`, `ca`/`œ`, `1`/`l`, `|`/`l`), and by generic costs for any
/// other accent change, case change, substitution, insertion or deletion.
public struct ConfusionModel: Sendable {
    struct Rule: Sendable {
        var observed: [UInt32]
        var intended: [UInt32]
        /// 0 any position, 1 word start, 2 word end.
        var position: UInt8
        var cost: Double
        /// One letter for the same letter with another accent or case (left to folded lookups).
        var accentOnly: Bool = false
    }

    var rules: [Rule] = []
    /// Rules by the low bytes of their last observed and last intended scalars (`endsBit`):
    /// the rules of bucket `k` are `endsRules[endsStart[k]..<endsStart[k + 1]]`, in rule order.
    /// Most cells of `explain` find their bucket empty.
    var endsStart = [Int32](repeating: 0, count: 65537)
    var endsRules: [Int32] = []
    /// Rules by first observed scalar, for generating variants.
    var byFirst: [UInt32: [Int]] = [:]

    /// A confusion in folded text (lowercase, no accents): what candidate generation searches.
    /// Its two sides are ranges of `foldedBytes`, so that the search reads rules without
    /// retaining an array per rule.
    struct FoldedRule: Sendable {
        var observed: Range<Int32>
        var intended: Range<Int32>
        var cost: Double
    }

    /// Folded rules grouped by the first byte of their observed side, each group cheapest first:
    /// the rules of byte `b` are `foldedRules[foldedStart[b]..<foldedStart[b + 1]]` (accent and
    /// case rules vanish when folded: the folded lookup covers them).
    var foldedRules: [FoldedRule] = []
    var foldedStart = [Int32](repeating: 0, count: 257)
    var foldedBytes: [UInt8] = []
    /// The most bytes the intended side of a folded rule has.
    var foldedLongest = 0

    /// A space lost between two words (`contrela`).
    public var joinCost: Double = 2.0
    /// A space inserted inside a word (`transnati onal`).
    public var gapCost: Double = 2.0
    /// A line-break hyphen left inside a word (`audi-tion`).
    public var hyphenCost: Double = 1.0
    /// The apostrophe of an elided word lost (`lassistance`).
    public var elisionLostCost: Double = 1.8

    static let substitution = 2.6
    static let insertion = 2.6
    static let deletion = 2.6
    static let accent = 1.3
    static let caseChange = 1.2
    /// An unreadable glyph (`_`) standing for letters.
    static let unreadable = 1.0
    /// Signs an engine prints inside a word for letters it could not read: `_`, `¢`, `¡`, `€`,
    /// `©`, `¥`, `£`, `§`, `®`, `¤`. The corrector reads them all as `_`.
    static let unreadableGlyphs: Set<UInt32> = [0x5F, 0xA2, 0xA1, 0x20AC, 0xA9, 0xA5, 0xA3, 0xA7, 0xAE, 0xA4]
    /// An unreadable glyph standing for a ligature (`O_ce` → `Office`): what Ocrad cannot read most.
    static let unreadableLigature = 0.8

    static func isLigature(_ s: ArraySlice<UInt32>) -> Bool {
        s.elementsEqual([0x66, 0x66]) || s.elementsEqual([0x66, 0x69]) || s.elementsEqual([0x66, 0x6C])
            || s.elementsEqual([0x66, 0x66, 0x69]) || s.elementsEqual([0x66, 0x66, 0x6C])
    }

    /// Confusions of older OCR engines (and of our own generator's noise) that the training
    /// pages show too rarely to estimate: used where the table has nothing better.
    static let classic: [(String, String, Double)] = [
        ("rn", "m", 1.5), ("m", "rn", 1.8), ("cl", "d", 1.5), ("d", "cl", 2.0), ("li", "h", 1.7), ("h", "li", 2.0),
        ("ri", "n", 1.8), ("in", "m", 2.0), ("vv", "w", 1.5), ("ii", "ü", 1.8), ("0", "o", 1.2), ("1", "l", 1.2),
        ("I", "l", 1.6), ("|", "l", 1.4), ("!", "l", 1.8), ("l", "I", 2.0), ("ca", "œ", 1.2), ("ce", "œ", 0.8),
        ("oe", "œ", 0.9), ("ae", "æ", 1.5), ("d", "ô", 1.3), ("é", "è", 0.8), ("é", "ê", 0.9), ("e", "é", 1.4),
        ("e", "è", 1.4), ("e", "ê", 1.4), ("a", "à", 1.0), ("a", "â", 1.2), ("i", "î", 1.1), ("i", "ï", 1.4),
        ("o", "ô", 1.2), ("u", "û", 1.3), ("u", "ù", 1.3), ("c", "ç", 1.1), ("E", "É", 0.6), ("A", "À", 0.8),
        ("\"", "’", 1.5), ("c", "e", 2.0), ("e", "c", 2.0), ("n", "u", 2.0), ("u", "n", 2.0), ("t", "f", 2.0),
        ("f", "t", 2.0), ("h", "b", 2.2), ("b", "h", 2.2), ("l", "i", 2.0), ("i", "l", 2.0), ("t", "l", 2.2),
        ("l", "t", 2.2), ("c", "t", 1.8), ("t", "c", 2.0),
    ]

    public init() {
        for (o, t, c) in Self.classic { add(o, t, position: 0, cost: c) }
        index()
    }

    /// Loads the table; rows the corrector cannot use (spaces, punctuation-only) are skipped.
    public init(tablePath: String) throws {
        var table: [String: Double] = [:]
        for (number, line) in try LexiconSources.lines(of: tablePath) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 4, let cost = Double(parts[3]), cost >= 0 else {
                throw LexiconSources.Failure(file: tablePath, line: number, message: "expected 'ocr<TAB>intended<TAB>context<TAB>cost…', found '\(line)'")
            }
            let (o, t, context) = (String(parts[0]), String(parts[1]), String(parts[2]))
            switch context {
            case "join": joinCost = min(joinCost, cost)
            case "gap": gapCost = min(gapCost, cost)
            case "hyphen": hyphenCost = min(hyphenCost, cost)
            case "any", "^", "$":
                guard Self.usable(o), Self.usable(t), o != t else { continue }
                let key = "\(o)\t\(t)\t\(context)"
                table[key] = min(table[key] ?? cost, cost)
            default:
                throw LexiconSources.Failure(file: tablePath, line: number, message: "unknown context '\(context)' (expected any, ^, $, gap, join or hyphen)")
            }
        }
        // The table describes the engines of the training pages; older engines confuse the
        // classic pairs more often, so a classic pair keeps the lower of the two costs.
        var classic: [String: Double] = [:]
        for (o, t, c) in Self.classic { classic[o + "\t" + t] = c }
        var known = Set<String>()
        for (key, cost) in table.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let pair = parts[0] + "\t" + parts[1]
            add(parts[0], parts[1], position: parts[2] == "^" ? 1 : (parts[2] == "$" ? 2 : 0), cost: min(cost, classic[pair] ?? cost))
            known.insert(pair)
        }
        for (o, t, c) in Self.classic where !known.contains(o + "\t" + t) { add(o, t, position: 0, cost: c) }
        index()
    }

    /// Letters, digits, apostrophes and the few symbols OCR puts for letters (`|`, `!`, `_`).
    static func usable(_ s: String) -> Bool {
        !s.isEmpty && s != "∅" && s != "␣" && s.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "'’|!\"_".unicodeScalars.contains($0)
        } && s.unicodeScalars.contains { $0.properties.isAlphabetic || "|!_".unicodeScalars.contains($0) || ("0"..."9").contains($0) }
    }

    mutating func add(_ o: String, _ t: String, position: UInt8, cost: Double) {
        rules.append(Rule(observed: o.unicodeScalars.map(\.value), intended: t.unicodeScalars.map(\.value), position: position, cost: cost))
    }

    mutating func index() {
        byFirst = [:]
        for i in rules.indices {
            rules[i].accentOnly = rules[i].observed.count == 1 && rules[i].intended.count == 1
                && Self.sameBase(rules[i].observed[0], rules[i].intended[0])
        }
        // Counting sort by bucket: counts, their running sums, then each rule at its bucket's
        // next free place (rule order kept inside a bucket).
        let bits = rules.map { Self.endsBit($0.observed.last!, $0.intended.last!) }
        endsStart = [Int32](repeating: 0, count: 65537)
        for bit in bits { endsStart[bit + 1] += 1 }
        for k in 0..<65536 { endsStart[k + 1] += endsStart[k] }
        var next = endsStart
        endsRules = [Int32](repeating: 0, count: rules.count)
        for (i, bit) in bits.enumerated() {
            endsRules[Int(next[bit])] = Int32(i)
            next[bit] += 1
        }
        for (i, rule) in rules.enumerated() { byFirst[rule.observed[0], default: []].append(i) }
        struct Pair: Hashable { var observed: [UInt8]; var intended: [UInt8] }
        var folded: [Pair: Double] = [:]
        for rule in rules {
            var o: [UInt8] = []
            var t: [UInt8] = []
            JoinedText.bytes(rule.observed).withUnsafeBufferPointer { Folding.fold($0, into: &o) }
            JoinedText.bytes(rule.intended).withUnsafeBufferPointer { Folding.fold($0, into: &t) }
            guard o != t, !o.isEmpty else { continue }
            folded[Pair(observed: o, intended: t)] = min(folded[Pair(observed: o, intended: t)] ?? .infinity, rule.cost)
        }
        // By first byte, then cost; equal costs in byte order, so that every process tries them
        // in the same order.
        let sorted = folded.sorted { a, b in
            if (a.key.observed[0], a.value) != (b.key.observed[0], b.value) { return (a.key.observed[0], a.value) < (b.key.observed[0], b.value) }
            if a.key.observed != b.key.observed { return a.key.observed.lexicographicallyPrecedes(b.key.observed) }
            return a.key.intended.lexicographicallyPrecedes(b.key.intended)
        }
        for (pair, cost) in sorted {
            let o = Int32(foldedBytes.count)
            foldedBytes += pair.observed
            let t = Int32(foldedBytes.count)
            foldedBytes += pair.intended
            foldedRules.append(FoldedRule(observed: o..<t, intended: t..<Int32(foldedBytes.count), cost: cost))
            foldedStart[Int(pair.observed[0]) + 1] += 1
            foldedLongest = max(foldedLongest, pair.intended.count)
        }
        for b in 0..<256 { foldedStart[b + 1] += foldedStart[b] }
    }

    /// Folded strings the page may have said: `folded` with one confusion undone (two for cheap
    /// ones), calling `body` with each and the cost of the undoing (duplicates possible). The
    /// bytes passed to `body` are valid during the call only.
    func foldedVariants(of folded: [UInt8], maxCost: Double, cheap: Double, body: (UnsafeBufferPointer<UInt8>, Double) -> Void) {
        let n = folded.count
        let capacity = n + 2 * foldedLongest
        foldedRules.withUnsafeBufferPointer { rules in
        foldedStart.withUnsafeBufferPointer { start in
        foldedBytes.withUnsafeBufferPointer { bytes in
        folded.withUnsafeBufferPointer { s in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * max(capacity, 1)) { scratch in
            let one = scratch.baseAddress!, two = one + capacity
            for i in 0..<n {
                let first = Int(s[i])
                for r in Int(start[first])..<Int(start[first + 1]) {
                    let rule = rules[r]
                    if rule.cost > maxCost { break }
                    guard let m = Self.undo(rule, at: i, in: UnsafeBufferPointer(start: s.baseAddress, count: n), into: one, bytes) else { continue }
                    body(UnsafeBufferPointer(start: one, count: m), rule.cost)
                    guard rule.cost <= cheap else { continue }
                    // A second confusion undone, after a cheap one. A cheap one wholly before `i`
                    // was undone first, with this one after it: the same string, the same cost.
                    let base = rule.cost + 0.8
                    let variant = UnsafeBufferPointer(start: one, count: m)
                    for j in 0..<m {
                        let second = Int(one[j])
                        for r2 in Int(start[second])..<Int(start[second + 1]) {
                            let rule2 = rules[r2]
                            let c = base + rule2.cost
                            if c > maxCost { break }
                            if rule2.cost <= cheap && j + rule2.observed.count <= i { continue }
                            guard let m2 = Self.undo(rule2, at: j, in: variant, into: two, bytes) else { continue }
                            body(UnsafeBufferPointer(start: two, count: m2), c)
                        }
                    }
                }
            }
        }}}}}
    }

    /// Writes `s` with `rule` undone at `i` into `out` and returns its length, or nil when the
    /// rule's observed side is not at `i`.
    @inline(__always)
    static func undo(_ rule: FoldedRule, at i: Int, in s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let o = Int(rule.observed.lowerBound), oc = rule.observed.count
        guard i + oc <= s.count else { return nil }
        for k in 0..<oc where s[i + k] != bytes[o + k] { return nil }
        let t = Int(rule.intended.lowerBound), tc = rule.intended.count
        var m = 0
        for k in 0..<i { out[m] = s[k]; m += 1 }
        for k in 0..<tc { out[m] = bytes[t + k]; m += 1 }
        for k in (i + oc)..<s.count { out[m] = s[k]; m += 1 }
        return m
    }

    /// The cheapest way the OCR turned `intended` into `observed` (weighted edit distance).
    public func cost(observed o: [UInt32], intended t: [UInt32]) -> Double { explain(observed: o, intended: t).cost }

    /// How the cheapest way is made: its cost, and how many of its edits are generic (not an
    /// accent, a case change or a known confusion).
    public struct Path: Sendable {
        public var cost: Double
        public var generic: Int
        public var accentsOnly: Bool
    }

    struct Cell {
        var cost: Double
        var generic: Int
        var accents: Bool
    }

    public func explain(observed o: [UInt32], intended t: [UInt32]) -> Path {
        let n = o.count
        let m = t.count
        if n == m && o == t { return Path(cost: 0, generic: 0, accentsOnly: true) }
        let width = m + 1
        // What the diagonal moves compare, once per letter rather than once per cell: the
        // lowercase, the base letter, and apostrophes read as one.
        var letters = o.map(Letter.init)
        letters += t.map(Letter.init)
        // Per cell: the best cost, generic edits on the best path, and whether it holds only accent
        // or case changes. Moves are tried in a fixed order and a later one wins only when it is
        // strictly cheaper.
        var dp = [Cell](repeating: Cell(cost: .infinity, generic: 0, accents: true), count: (n + 1) * width)
        endsStart.withUnsafeBufferPointer { starts in
        endsRules.withUnsafeBufferPointer { bucketRules in
        letters.withUnsafeBufferPointer { letters in
        dp.withUnsafeMutableBufferPointer { dp in
            dp[0].cost = 0
            for i in 0...n {
                for j in 0...m {
                    if i == 0 && j == 0 { continue }
                    var best = Cell(cost: .infinity, generic: 0, accents: false)
                    if i > 0 { Self.consider(&best, dp[(i - 1) * width + j], Self.deletion, generic: 1, accent: false) }
                    if j > 0 { Self.consider(&best, dp[i * width + j - 1], Self.insertion, generic: 1, accent: false) }
                    if i > 0 && j > 0 {
                        let a = letters[i - 1]
                        let b = letters[n + j - 1]
                        let diagonal = dp[(i - 1) * width + j - 1]
                        if a.value == b.value || (a.apostrophe && b.apostrophe) {
                            Self.consider(&best, diagonal, 0, generic: 0, accent: true)
                        } else if a.lower == b.lower {
                            Self.consider(&best, diagonal, Self.caseChange, generic: 0, accent: true)
                        } else if a.base != 0 && a.base == b.base {
                            Self.consider(&best, diagonal, Self.accent, generic: 0, accent: true)
                        } else {
                            Self.consider(&best, diagonal, Self.substitution, generic: 1, accent: false)
                        }
                        let bit = Self.endsBit(a.value, b.value)
                        for k in Int(starts[bit])..<Int(starts[bit + 1]) {
                            let rule = rules[Int(bucketRules[k])]
                            let lo = rule.observed.count
                            let lt = rule.intended.count
                            guard lo <= i, lt <= j, rule.observed[lo - 1] == a.value, rule.intended[lt - 1] == b.value else { continue }
                            if rule.position == 1 && (i - lo != 0 || j - lt != 0) { continue }
                            if rule.position == 2 && (i != n || j != m) { continue }
                            if !Self.matches(o, i - lo, rule.observed) || !Self.matches(t, j - lt, rule.intended) { continue }
                            Self.consider(&best, dp[(i - lo) * width + j - lt], rule.cost, generic: 0, accent: rule.accentOnly)
                        }
                    }
                    if i > 0 && o[i - 1] == 0x5F {
                        // `_`: a glyph the engine could not read (Ocrad): any one to three letters,
                        // or nothing; `n_`, `r_`, `i_` the halves of an `m`.
                        for k in 0...min(3, j) {
                            let ligature = k >= 2 && Self.isLigature(t[(j - k)..<j])
                            Self.consider(&best, dp[(i - 1) * width + j - k], ligature ? Self.unreadableLigature : Self.unreadable + 0.2 * Double(max(0, k - 1)),
                                          generic: 0, accent: false)
                        }
                        if i >= 2, j >= 1, t[j - 1] == 0x6D, [0x6E, 0x72, 0x69].contains(o[i - 2]) {
                            Self.consider(&best, dp[(i - 2) * width + j - 1], Self.unreadable, generic: 0, accent: false)
                        }
                    }
                    dp[i * width + j] = best
                }
            }
        }
        }
        }
        }
        let last = dp[n * width + m]
        return Path(cost: last.cost, generic: last.generic, accentsOnly: last.accents)
    }

    /// A letter of `explain`'s words with what its diagonal moves compare.
    struct Letter {
        let value: UInt32
        let lower: UInt32
        let base: UInt8
        let apostrophe: Bool

        init(_ v: UInt32) {
            value = v
            lower = Folding.lower(v)
            base = Folding.base(v)
            apostrophe = JoinedText.isApostrophe(v)
        }
    }

    /// Takes the move from `cell` at `cost` more when it is strictly cheaper than `best`.
    @inline(__always)
    static func consider(_ best: inout Cell, _ cell: Cell, _ cost: Double, generic: Int, accent: Bool) {
        let c = cell.cost + cost
        if c < best.cost {
            best = Cell(cost: c, generic: cell.generic + generic, accents: cell.accents && accent)
        }
    }

    @inline(__always)
    static func endsBit(_ a: UInt32, _ b: UInt32) -> Int { Int(a & 0xFF) << 8 | Int(b & 0xFF) }

    @inline(__always)
    static func matches(_ s: [UInt32], _ at: Int, _ part: [UInt32]) -> Bool {
        for k in part.indices where s[at + k] != part[k] { return false }
        return true
    }

    /// Same letter once case and accents are removed (`é`/`e`, `À`/`a`).
    static func sameBase(_ a: UInt32, _ b: UInt32) -> Bool {
        let x = Folding.base(a)
        return x != 0 && x == Folding.base(b)
    }

    /// Folded strings with each `_` (an unreadable glyph, at most two) replaced by what it may
    /// stand for: one letter, `ff`/`fi`/`fl`/`ffi` (ligatures), nothing, or with the letter before
    /// it an `m` (`con_n_unauté` → `communaute`). Cost `unreadable` each.
    func unreadableVariants(of folded: [UInt8], _ body: ([UInt8], Double) -> Void) {
        var holes = 0
        for b in folded where b == 0x5F { holes += 1 }
        guard holes > 0, holes <= 2, folded.count <= 30 else { return }
        // One buffer, filled and emptied as the holes are tried in turn.
        var out: [UInt8] = []
        out.reserveCapacity(folded.count + 6)
        func expand(from: Int, cost: Double) {
            let entry = out.count
            var i = from
            while i < folded.count, folded[i] != 0x5F {
                out.append(folded[i])
                i += 1
            }
            if i == folded.count {
                body(out, cost)
            } else {
                let hole = out.count
                for fill in Self.unreadableFills {
                    out.append(contentsOf: fill)
                    expand(from: i + 1, cost: cost + (fill.count >= 2 ? Self.unreadableLigature : Self.unreadable))
                    out.removeSubrange(hole...)
                }
                if hole > 0, case let before = out[hole - 1], before == 0x6E || before == 0x72 || before == 0x69 {
                    out[hole - 1] = 0x6D
                    expand(from: i + 1, cost: cost + Self.unreadable)
                    out[hole - 1] = before
                }
            }
            out.removeSubrange(entry...)
        }
        expand(from: 0, cost: 0)
    }

    /// What an unreadable glyph may stand for: one letter, nothing, or a ligature.
    static let unreadableFills: [[UInt8]] = (0x61...0x7A).map { [UInt8($0)] } + [[], Array("ff".utf8), Array("fi".utf8), Array("fl".utf8), Array("ffi".utf8)]

    /// Strings the page may have said, made by undoing one confusion (or two cheap ones) in
    /// `observed`, with the cost of the undoing. Accents are left to the folded lookup.
    func variants(of observed: [UInt32], maxCost: Double, limit: Int = 400) -> [([UInt32], Double)] {
        var out: [([UInt32], Double)] = []
        var seen = Set<[UInt32]>([observed])
        func expand(_ s: [UInt32], _ base: Double, depth: Int) {
            for i in s.indices {
                guard let list = byFirst[s[i]] else { continue }
                for r in list {
                    let rule = rules[r]
                    let c = base + rule.cost
                    guard c <= maxCost, i + rule.observed.count <= s.count, Self.matches(s, i, rule.observed) else { continue }
                    if rule.position == 1 && i != 0 { continue }
                    if rule.position == 2 && i + rule.observed.count != s.count { continue }
                    // Accent-only rules are covered by the folded lookup.
                    if rule.accentOnly { continue }
                    var v = Array(s[..<i])
                    v += rule.intended
                    v += s[(i + rule.observed.count)...]
                    guard seen.insert(v).inserted else { continue }
                    out.append((v, c))
                    if out.count >= limit { return }
                    if depth < 2 { expand(v, c, depth: depth + 1) }
                    if out.count >= limit { return }
                }
            }
        }
        expand(observed, 0, depth: 1)
        return out
    }
}

/// Small helpers on scalar arrays shared by the word-repair types.
enum JoinedText {
    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x2018 }

    /// The word after an elided article or pronoun (`l’entrée` → `entrée`), after `'` or `’`.
    static func afterElision(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = p.count - 1
        while i > 0 {
            if p[i] == 0x27 { return UnsafeBufferPointer(rebasing: p[(i + 1)...]) }
            if p[i] == 0x99, i >= 2, p[i - 1] == 0x80, p[i - 2] == 0xE2 { return UnsafeBufferPointer(rebasing: p[(i + 1)...]) }
            i -= 1
        }
        return p
    }

    static func scalars(_ p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(p.count)
        var i = 0
        while i < p.count {
            let (v, n) = UTF8Bytes.scalar(p, at: i)
            out.append(v)
            i += n
        }
        return out
    }

    static func bytes(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 4)
        for v in scalars { Folding.appendUTF8(v, to: &out) }
        return out
    }

    static func string(_ scalars: [UInt32]) -> String { String(decoding: bytes(scalars), as: UTF8.self) }

    /// Calls `body` with the UTF-8 bytes of `scalars` encoded on the stack (lookups run for every
    /// word and candidate: no heap allocation), `'` written `’` when `typographic`, in lowercase
    /// (as `CasePattern.lower`) when `lowercase`.
    @inline(__always)
    static func withBytes<R>(_ scalars: [UInt32], typographic: Bool = false, lowercase: Bool = false,
                             _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4 + 4) { buffer in
            var out = StackBytes(buffer.baseAddress!)
            for var v in scalars {
                if typographic && v == 0x27 { v = 0x2019 }
                if lowercase { v = Folding.lower(v) }
                Folding.appendUTF8(v, to: &out)
            }
            return body(out.bytes)
        }
    }
}
