/// The domain lexicon's names of three words or more (`Convention des Nations Unies contre la
/// criminalité transnationale organisée`, `Conférence des Parties`, `à composition non limitée`),
/// indexed by their words of four letters or more, so that a record is compared only with the
/// few names its words belong to. See `RepairWords.phraseEdits`.
struct DomainPhrases: Sendable {
    struct Phrase: Sendable {
        /// The words as the lexicon writes them after their elided article (`homme` of `l’homme`),
        /// commas dropped: what a damaged word is rewritten to.
        var words: [[UInt32]]
        /// The same words in lowercase without their elided article (`homme`), for comparing.
        var keys: [[UInt32]]
        /// The keys in UTF-8, for the quick test of a name as written.
        var keyBytes: [[UInt8]]
        /// Whether the word (elided article aside) starts with a capital (`Office`).
        var titled: [Bool]
        /// The words shorter than `anchorLength`, which vote for no window.
        var shortWords: Int
        /// Whether a comma follows the word in the name (`terre, air et mer`).
        var commaAfter: [Bool]
        /// A name of a body or instrument, whose capitals are part of the name; a term's are not
        /// (`le groupe de travail` is as right as `le Groupe de travail`).
        var capitalsFixed: Bool
    }

    private(set) var phrases: [Phrase] = []
    /// Phrase and word position, by the lowercase UTF-8 key of each word of four letters or more.
    private(set) var anchors: [[UInt8]: [(phrase: Int, position: Int)]] = [:]

    /// The lowercase keys of words a body's or an instrument's name writes with a capital and no
    /// name writes in lowercase (`office`, `protocoles`): such a word in lowercase may need one.
    private(set) var capitalised: Set<[UInt8]> = []
    private var lowercase: Set<[UInt8]> = []

    /// Whether some anchor has this first byte (lowercase) and byte length (capped at 31): the
    /// test that spares lowercasing and hashing most words of a record.
    private(set) var anchorShapes = [Bool](repeating: false, count: 256 * 32)

    static let minimumWords = 3
    static let anchorLength = 4

    var isEmpty: Bool { phrases.isEmpty }

    mutating func add(_ name: String, capitalsFixed: Bool) {
        var words: [[UInt32]] = []
        var commaAfter: [Bool] = []
        for piece in name.split(separator: " ") {
            var scalars = piece.unicodeScalars.map(\.value)
            let comma = scalars.last == 0x2C
            while let last = scalars.last, last == 0x2C || last == 0x3B || last == 0x3A { scalars.removeLast() }
            guard !scalars.isEmpty else { continue }
            words.append(scalars)
            commaAfter.append(comma)
        }
        guard words.count >= Self.minimumWords else { return }
        let keys = words.map(Self.key)
        let index = phrases.count
        let named = words.map { Array($0.dropFirst(Self.elisionLength($0))) }
        let titled = named.map { CasePattern($0) == .title }
        phrases.append(Phrase(words: named, keys: keys, keyBytes: keys.map(JoinedText.bytes), titled: titled,
                              shortWords: keys.count { $0.count < Self.anchorLength }, commaAfter: commaAfter, capitalsFixed: capitalsFixed))
        for (position, key) in keys.enumerated() where key.count >= Self.anchorLength {
            let bytes = JoinedText.bytes(key)
            if capitalsFixed && titled[position] {
                if !lowercase.contains(bytes) { capitalised.insert(bytes) }
            } else if !titled[position] {
                lowercase.insert(bytes)
                capitalised.remove(bytes)
            }
            anchors[bytes, default: []].append((index, position))
            anchorShapes[Self.shape(bytes)] = true
        }
    }

    /// The phrases (and the word's position in each) that contain this word, given in
    /// lowercase UTF-8 without its elided article.
    func containing(lowercaseBytes word: [UInt8]) -> [(phrase: Int, position: Int)] {
        anchors[word] ?? []
    }

    /// The index in `anchorShapes` of a word's bytes.
    @inline(__always)
    static func shape<C: Collection<UInt8>>(_ bytes: C) -> Int {
        guard let first = bytes.first else { return 0 }
        let lower = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        return Int(lower) * 32 + min(bytes.count, 31)
    }

    /// A word's bytes without an elided article (`l’Office` → `Office`).
    static func withoutElision(_ core: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // (A plain loop: it runs on every long word of a damaged record.)
        var k = 0
        while k < min(core.count, 9) {
            let b = core[k]
            if b == 0x27 || (b == 0xE2 && k + 2 < core.count && core[k + 1] == 0x80 && core[k + 2] == 0x99) {
                guard WordKnowledge.isElisionPrefix(UnsafeBufferPointer(rebasing: core[..<k])) else { return core }
                return UnsafeBufferPointer(rebasing: core[(k + (b == 0x27 ? 1 : 3))...])
            }
            k += 1
        }
        return core
    }

    /// How a word is compared: lowercase, apostrophes as `’`, without what stands before an
    /// apostrophe after one or two scalars, an elided article or its misreading (`L'Office`,
    /// `I’Office` → `office`).
    static func key(_ word: [UInt32]) -> [UInt32] {
        let start = prefixLength(word)
        return word[start...].map { JoinedText.isApostrophe($0) ? 0x2019 : Folding.lower($0) }
    }

    /// The scalars up to an apostrophe after one or two scalars (`l’`, `qu’`, `I’`, `|'`), or 0.
    static func prefixLength(_ word: [UInt32]) -> Int {
        guard let apostrophe = word.prefix(3).firstIndex(where: JoinedText.isApostrophe), apostrophe >= 1, apostrophe + 1 < word.count else {
            return elisionLength(word)
        }
        return apostrophe + 1
    }

    /// The scalars of an elided article opening the word (`l’`, `qu'`, `jusqu’`), or 0.
    static func elisionLength(_ word: [UInt32]) -> Int {
        guard let apostrophe = word.prefix(8).firstIndex(where: JoinedText.isApostrophe), apostrophe >= 1, apostrophe + 1 < word.count else { return 0 }
        let prefix = JoinedText.string(word[..<apostrophe].map(Folding.lower)) + "’"
        return ElisionRules.prefixes.contains(prefix) ? apostrophe + 1 : 0
    }
}
