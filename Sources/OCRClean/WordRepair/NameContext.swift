/// Where a text is about to write a person's name, read word by word: after a title (`M.`,
/// `MM.`, `Mme`, `le citoyen`, `le capitaine`), and after a name in a list (`MM. Rouzé,
/// Desprès`, `Gonin et Ladame`). Word repair leaves a capitalised unknown word there as it is:
/// names are what a lexicon does not know, and an edit that reads one as words breaks it
/// (`Duaime` → `Du aime`, `Taube` → `l’aube`, `Lefrançais` → `le français`).
///
/// A name in a list is a capitalised word the lexicons do not know; the next word continues the
/// list after `et`, or after `,` when the list began after a title or at the start of a
/// sentence. Word repair only reads that word as a name when it is capitalised inside the
/// sentence. `les Nations Unies et Etats
/// Membres` opens no list: `Unies` is a known word.
struct NameContext {
    /// The next word stands where a name does.
    private(set) var expectsName = false
    /// The word just read was a name, and only `et` may follow it in the list.
    private var afterName = false

    /// Titles, abbreviated (case-sensitive, with or without their full stop).
    static let abbreviations = ByteWordList(["M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr"])
    /// Titles written out, in lowercase (a capital first letter is accepted).
    static let nouns = ByteWordList([
        "monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "monseigneur", "citoyen", "citoyenne", "citoyens", "citoyennes",
        "capitaine", "général", "colonel", "lieutenant", "commandant", "amiral", "maréchal", "docteur",
        "professeur", "abbé", "cardinal", "baron", "baronne", "comte", "comtesse", "duc", "duchesse",
        "marquis", "marquise", "prince", "princesse", "sieur", "sieurs", "veuve", "président", "présidente",
    ])

    /// Reads a word token; returns whether it is a title whose full stop ends no sentence.
    mutating func read(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken, known: Bool, sentenceStart: Bool) -> Bool {
        var core = UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd])
        // An abbreviation the lexicon knows keeps its full stop in the core (`MM.`).
        let stopInCore = core.count > 1 && core.last == 0x2E
        if stopInCore { core = UnsafeBufferPointer(rebasing: core.dropLast()) }
        let wasExpected = expectsName, wasAfterName = afterName
        expectsName = false
        afterName = false
        let trailing = token.end - token.coreEnd
        // The chunk is the core, or the core and one full stop (`M.`), or one comma (`Rouzé,`).
        let stop = stopInCore ? trailing == 0 : trailing == 1 && p[token.coreEnd] == 0x2E
        let comma = trailing == 1 && p[token.coreEnd] == 0x2C
        guard token.start == token.coreStart, trailing == 0 || stop || comma else { return false }
        if !comma, Self.matches(core, Self.abbreviations, foldFirst: false) {
            expectsName = true
            return stop
        }
        if trailing == 0, Self.matches(core, Self.nouns, foldFirst: true) {
            expectsName = true
            return false
        }
        if wasAfterName, trailing == 0, core.count == 2, core[0] == 0x65, core[1] == 0x74 {
            // `Gonin et` …: the list goes on.
            expectsName = true
            return false
        }
        guard !known, !stopInCore, Self.isTitleCase(core) else { return false }
        // Two capitalised unknown words joined by `et` are names wherever they stand (`les
        // ingénieurs Gonin et Ladame`). A list with commas opens only after a title or at the
        // start of a sentence: inside a sentence a capitalised unknown word is as often a misread
        // elision, and a comma a misread full stop (`Finterpréteur, Tétat`).
        if trailing == 0 { afterName = true } else if comma, wasExpected || sentenceStart { expectsName = true }
        return false
    }

    /// Reads a token that is no word (a number, a symbol, a lone sign): it ends any list.
    mutating func readOther() {
        expectsName = false
        afterName = false
    }

    /// An ASCII capital, then no ASCII capital (`Rouzé`, not `NULL` or `McLeod`).
    static func isTitleCase(_ core: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = core.first, first >= 0x41, first <= 0x5A else { return false }
        return !core.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Whether `core` is one of `list` (its first letter folded to lowercase if `foldFirst`).
    static func matches(_ core: UnsafeBufferPointer<UInt8>, _ list: ByteWordList, foldFirst: Bool) -> Bool {
        list.contains(count: core.count) { k in
            k == 0 && foldFirst && core[0] >= 0x41 && core[0] <= 0x5A ? core[0] | 0x20 : core[k]
        }
    }
}
