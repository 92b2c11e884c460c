/// The plain-text word lists a lexicon is built from (see `Dictionaries/README.md`): forms with
/// part-of-speech letters, Zipf frequencies, and the domain lexicon. Parse errors carry
/// `file:line`.
public struct LexiconSources: Sendable {
    /// One form with what is known about it.
    public struct Form: Sendable {
        public var bytes: [UInt8]
        public var flags: UInt32
    }

    public var forms: [Form] = []
    /// Zipf frequency ×100 by lowercase form.
    public var zipf: [[UInt8]: UInt16] = [:]
    /// Lowercase word pairs from the domain's multiword entries (`prie le`, `états membres`).
    public var pairs: Set<[UInt8]> = []
    /// The same pairs as the domain writes them (`États Membres`, `Nations Unies`), formulas aside.
    public var casedPairs: Set<[UInt8]> = []
    /// Lowercase words that open the paragraphs of resolutions (`réaffirme`, `rappelant`).
    public var openers: Set<[UInt8]> = []
    /// The domain's names of three words or more, for repairing their damaged words.
    var phrases = DomainPhrases()
    /// The files read, for the cache key.
    public var files: [String] = []

    public init() {}

    /// Problems with a word-list file, located.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    static func lines(of path: String) throws -> [(Int, Substring)] {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch let failure as FileSystem.Failure {
            throw Failure(file: path, line: nil, message: "cannot read the word list (\(failure.reason))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(file: path, line: nil, message: "not UTF-8 text")
        }
        var result: [(Int, Substring)] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            result.append((number, line))
        }
        return result
    }

    /// Adds a forms file: `form` or `form<TAB>tags` per line (Dicollecte expansions, user lists).
    public mutating func addForms(path: String, source: UInt32) throws {
        files.append(path)
        for (number, line) in try Self.lines(of: path) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let word = String(parts[0])
            guard !word.isEmpty, !word.contains(" ") else {
                throw Failure(file: path, line: number, message: "expected one word per line, found '\(line)'")
            }
            var flags = source
            if parts.count > 1 { flags |= LexiconFlags.tags(parts[1]) }
            let nfc = ICU.normalize(word, form: .nfc)
            forms.append(Form(bytes: Array(nfc.utf8), flags: flags))
        }
    }

    /// Adds a frequency file: `lowercase form<TAB>zipf` per line.
    public mutating func addZipf(path: String) throws {
        files.append(path)
        for (number, line) in try Self.lines(of: path) {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value < 10 else {
                throw Failure(file: path, line: number, message: "expected 'word<TAB>zipf', found '\(line)'")
            }
            zipf[Array(parts[0].utf8)] = UInt16((value * 100).rounded())
        }
    }

    /// Adds the domain lexicon: `category<TAB>form<TAB>note` per line.
    public mutating func addDomain(path: String) throws {
        files.append(path)
        let categories = ["acronym", "abbrev", "term", "body", "instrument", "place", "formula", "foreign", "opener"]
        for (number, line) in try Self.lines(of: path) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 2, categories.contains(String(parts[0])), !parts[1].isEmpty else {
                throw Failure(file: path, line: number,
                              message: "expected 'category<TAB>form<TAB>note' with a category among \(categories.joined(separator: ", ")), found '\(line)'")
            }
            let category = String(parts[0])
            let phrase = ICU.normalize(String(parts[1]), form: .nfc)
            // An opener is a French word the forms list already has: only its place is news.
            if category == "opener" {
                openers.insert(Folding.lower(phrase))
                continue
            }
            var flags = LexiconFlags.domain
            if category == "acronym" { flags |= LexiconFlags.acronym }
            if category == "abbrev" { flags |= LexiconFlags.abbreviation }
            if category == "foreign" { flags |= LexiconFlags.foreign }
            let words = Self.words(of: phrase)
            for word in words { forms.append(Form(bytes: Array(word.utf8), flags: flags)) }
            for (a, b) in zip(words, words.dropFirst()) {
                pairs.insert(Folding.lower(a) + [0x20] + Folding.lower(b))
                // A formula's capital is the sentence's (`Considérant que`), not the domain's.
                if category != "formula" { casedPairs.insert(Array(a.utf8) + [0x20] + Array(b.utf8)) }
            }
            if ["term", "body", "instrument"].contains(category) {
                phrases.add(phrase, capitalsFixed: category != "term")
            }
        }
    }

    /// The words of a phrase: split at spaces, elisions (`l’`, `d’`) split off, commas dropped.
    static func words(of phrase: String) -> [String] {
        var result: [String] = []
        for token in phrase.split(separator: " ") {
            var t = String(token).trimmingCharacters(in: ",;:")
            if let apostrophe = t.firstIndex(where: { $0 == "’" || $0 == "'" }), t.distance(from: t.startIndex, to: apostrophe) <= 6,
               ElisionRules.prefixes.contains(String(t[...apostrophe]).lowercased().replacingApostrophe()) {
                result.append(String(t[...apostrophe]).replacingApostrophe())
                t = String(t[t.index(after: apostrophe)...])
            }
            if !t.isEmpty { result.append(t) }
        }
        return result
    }
}

/// Bits of a lexicon entry's flags.
public enum LexiconFlags {
    public static let dicollecte: UInt32 = 1 << 0
    public static let variant: UInt32 = 1 << 1
    public static let domain: UInt32 = 1 << 2
    public static let acronym: UInt32 = 1 << 3
    public static let abbreviation: UInt32 = 1 << 4
    public static let user: UInt32 = 1 << 5
    public static let noun: UInt32 = 1 << 8
    public static let adjective: UInt32 = 1 << 9
    public static let infinitive: UInt32 = 1 << 10
    public static let pastParticiple: UInt32 = 1 << 11
    public static let presentParticiple: UInt32 = 1 << 12
    public static let finiteVerb: UInt32 = 1 << 13
    public static let adverb: UInt32 = 1 << 14
    public static let properNoun: UInt32 = 1 << 15
    public static let grammatical: UInt32 = 1 << 16
    public static let masculine: UInt32 = 1 << 17
    public static let feminine: UInt32 = 1 << 18
    public static let singular: UInt32 = 1 << 19
    public static let plural: UInt32 = 1 << 20
    /// A foreign word (English, Latin) met in French text: known, never offered as a correction.
    public static let foreign: UInt32 = 1 << 21

    /// Flags for the part-of-speech letters of a forms file (`n a i p g v d r w`, gender `m f`,
    /// number `s x`).
    static func tags(_ letters: Substring) -> UInt32 {
        var flags: UInt32 = 0
        for c in letters {
            switch c {
            case "n": flags |= noun
            case "a": flags |= adjective
            case "i": flags |= infinitive
            case "p": flags |= pastParticiple
            case "g": flags |= presentParticiple
            case "v": flags |= finiteVerb
            case "d": flags |= adverb
            case "r": flags |= properNoun
            case "w": flags |= grammatical
            case "m": flags |= masculine
            case "f": flags |= feminine
            case "s": flags |= singular
            case "x": flags |= plural
            default: break
            }
        }
        return flags
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    func replacingApostrophe() -> String {
        String(map { $0 == "'" ? "’" : $0 })
    }
}
