/// The context rules of `RepairWords`: known words that are wrong where they stand, decided by
/// their neighbours (`contre La drogue`, `do la France`, `a) À décidé`, `par Office des`,
/// `Protocoles S’y rapportant`, `a prie`), and apostrophes the document prints otherwise.
/// `RepairWords.repair` calls them after the single-word repairs, on the record's words.
extension RepairWords {
    /// The articles `determinerCaseEdits` lowercases, as the OCR capitalises them.
    static let capitalisedArticles: Set<String> = ["La", "Le", "Les", "Du", "Des", "Un", "Une"]

    /// `contre La drogue` → `contre la drogue`: an article with a capital inside a sentence, after
    /// a lowercase word an article goes on from (see `takesArticleAfter`) or the known word that
    /// opens the sentence (`13. Salue Le rapport`), and
    /// before a lowercase word (known or misread: `contre Le Banchiment`) or a number (`tenue Les
    /// 19 et 20 octobre`), is the OCR's `L` for `l` (`La Haye`, `Le Caire`, `Los Angeles`
    /// keep theirs: a capital follows). In a document where that happens twice or more, also
    /// before a capitalised common noun (`de La Convention`, `Prie Le Secrétariat`). At the start
    /// of a line, the word before is the last of the line before, when it is a preposition or
    /// conjunction (`…dans` / `Le domaine`).
    func determinerCaseEdits(_ words: [Word?], bytes: [UInt8], previousLine: String?, consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices {
            guard let word = words[i], word.core.count <= 3, let first = word.core.first, first == 0x4C || first == 0x44 || first == 0x55,
                  !consumed[i], word.token.coreStart == word.token.start, word.token.coreEnd == word.token.end,
                  !word.sentenceStart, Self.capitalisedArticles.contains(JoinedText.string(word.core)) else { continue }
            if i == 0 {
                guard word.token.start == 0, let previousLine, Self.endsBeforeArticle(previousLine) else { continue }
            } else {
                guard let before = words[i - 1], before.token.coreEnd == before.token.end,
                      case let previous = core(of: before, bytes), Self.lowercaseInContext(before, previous),
                      Self.takesArticleAfter(previous, flags: before.known?.flags) else { continue }
            }
            if i + 1 < words.count, let after = words[i + 1] {
                let next = core(of: after, bytes)
                guard let start = next.first, UTF8Bytes.isLetter(start) else { continue }
                if CasePattern(next) != .lower {
                    // Before a capitalised noun only in a document whose OCR capitalises articles
                    // (`de La Convention`); a name keeps its article (`La Haye`: no common noun).
                    guard profile.capitalisesArticles, first == 0x4C, CasePattern(next) == .title,
                          knowledge.exact(next).map({ $0.flags & LexiconFlags.properNoun == 0 }) ?? true,
                          let common = knowledge.exact(CasePattern.lower(next)), common.flags & LexiconFlags.noun != 0 else { continue }
                }
            } else {
                // A date or a number: `tenue Les 19 et 20 octobre`.
                let k = word.token.end + 1
                guard first == 0x4C, k < bytes.count, bytes[k - 1] == 0x20, bytes[k] >= 0x30, bytes[k] <= 0x39 else { continue }
            }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string(CasePattern.lower(word.core)), at: range, rule: "case", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// A word an article goes on from inside a sentence: a grammatical word (`contre`, `dans`,
    /// `On`), a participle or infinitive (`tenue Les 19`), a form of `être` (`est Le nom`), a verb
    /// that is no noun (`Salue`). After a noun or an adjective (`dépêches suivantes Le général`,
    /// `chemin de fer La commission`) the capital may open a sentence whose full stop a
    /// newspaper's OCR lost.
    static func takesArticleAfter(_ word: [UInt32], flags: UInt32?) -> Bool {
        guard let flags else { return false }
        if FunctionWords.locativeVerbs.contains(CasePattern.lower(word)) { return true }
        if flags & (LexiconFlags.grammatical | LexiconFlags.pastParticiple | LexiconFlags.infinitive | LexiconFlags.presentParticiple) != 0 { return true }
        return flags & LexiconFlags.finiteVerb != 0 && flags & (LexiconFlags.noun | LexiconFlags.adjective) == 0
    }

    /// The line ends with a word that no sentence ends with and that an article follows: a
    /// preposition or a conjunction (`…activités dans`), nothing after it. A line ending with
    /// another word may close a sentence whose full stop is missing (`…le 1er février` / `Les
    /// tarifs suivants`, `2 fr` / `La question`).
    static func endsBeforeArticle(_ line: String) -> Bool {
        let last = line.unicodeScalars.reversed().prefix { $0 != " " }
        return FunctionWords.beforeLes.contains(last.reversed().map(\.value))
    }

    /// A word written in lowercase, or a known word capitalised only because it opens the
    /// sentence (`Salue`, `Prie`). (After a comma a capital may open a sentence whose full stop
    /// the OCR read as a comma: `chaînes, Les expressions`.)
    static func lowercaseInContext(_ word: Word, _ core: [UInt32]) -> Bool {
        let casing = CasePattern(core)
        return casing == .lower || (casing == .title && word.sentenceStart && word.known != nil)
    }

    /// `visant À favoriser` → `visant à favoriser`: the preposition with a capital inside a
    /// sentence, between two lowercase words (an engine's capital for a raised accent). `À`
    /// opening a sentence or an item (`a) À décidé` is another rule's), or in capitals, stays.
    func capitalGraveEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst().dropLast() {
            guard let word = words[i], !consumed[i], !word.sentenceStart, word.token.coreEnd - word.token.coreStart == 2,
                  bytes[word.token.coreStart] == 0xC3, bytes[word.token.coreStart + 1] == 0x80,
                  word.token.coreStart == word.token.start, word.token.coreEnd == word.token.end, word.token.singleSpaceBefore,
                  let before = words[i - 1], before.token.coreEnd == before.token.end, CasePattern(core(of: before, bytes)) == .lower,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart,
                  after.known != nil, CasePattern(core(of: after, bytes)) == .lower else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add("à", at: range, rule: "case", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// `i) A continuer de fournir` → `i) À continuer…`, `2 i) À décidé` → `2 i) A décidé`: a
    /// capital `A` opening a sentence or an item is the preposition before an infinitive (in a
    /// document that accents its capitals) and the verb *avoir* before a past participle, whatever
    /// the engine read. A word that may also be a noun or a finite verb (`A titre`, `À présent`)
    /// decides nothing.
    func capitalAEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropLast() {
            guard let word = words[i], !consumed[i], word.sentenceStart,
                  word.token.coreStart == word.token.start, word.token.coreEnd == word.token.end,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart,
                  let flags = after.known?.flags, CasePattern(core(of: after, bytes)) == .lower else { continue }
            let length = word.token.coreEnd - word.token.coreStart
            let isA = length == 1 && bytes[word.token.coreStart] == 0x41
            let isGraveA = length == 2 && bytes[word.token.coreStart] == 0xC3 && bytes[word.token.coreStart + 1] == 0x80
            let replacement: String
            if isA, profile.allowCapitalAccents, flags & LexiconFlags.infinitive != 0,
               flags & (LexiconFlags.finiteVerb | LexiconFlags.pastParticiple | LexiconFlags.noun) == 0 {
                replacement = "À"
            } else if isGraveA, flags & LexiconFlags.pastParticiple != 0,
                      flags & (LexiconFlags.noun | LexiconFlags.infinitive | LexiconFlags.finiteVerb) == 0 {
                replacement = "A"
            } else {
                continue
            }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(replacement, at: range, rule: "a-grave", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// `II a dit`, `Us ont` → `Il a dit`, `Ils ont`: see `FunctionWords.pronoun`.
    func pronounEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropLast() {
            guard let word = words[i], !consumed[i], word.sentenceStart,
                  word.token.coreStart == word.token.start, word.token.coreEnd == word.token.end,
                  let after = words[i + 1], after.token.singleSpaceBefore,
                  let pronoun = FunctionWords.pronoun(core(of: word, bytes), next: core(of: after, bytes), nextFlags: after.known?.flags) else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(pronoun, at: range, rule: "pronoun", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// `… ainsi modifié. 11 sera demandé` → `Il sera demandé`: the number 11 opening a sentence
    /// before a lowercase verb or clitic (`11 y a`, `11 s’agit`) is `Il` read as two ones. A
    /// number can open a sentence as a paragraph's number (`11. Prie`, `11 Demande`: capital), and
    /// follows abbreviations (`art. 11 prévoit`): those stay.
    func numeralPronounEdits(_ words: [Word?], tokens: [WordToken], bytes: [UInt8], recordStartsSentence: Bool, edits: inout [TextEdit], counts: inout Counts) {
        for i in tokens.indices.dropLast() {
            let token = tokens[i]
            guard words[i] == nil, token.end - token.start == 2, bytes[token.start] == 0x31, bytes[token.start + 1] == 0x31,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart else { continue }
            if i == 0 {
                guard recordStartsSentence else { continue }
            } else {
                // The sentence before ends on a word or a number (not an abbreviation), or on a
                // stop of its own (`deviné ? 11 s’agit`).
                let before = tokens[i - 1]
                let stops: [UInt8] = [0x2E, 0x21, 0x3F]
                if before.kind == .punctuation {
                    guard bytes[before.start..<before.end].allSatisfy(stops.contains) else { continue }
                } else {
                    guard before.end - before.coreEnd == 1, stops.contains(bytes[before.coreEnd]) else { continue }
                    if let word = words[i - 1] {
                        let core = self.core(of: word, bytes)
                        guard core.count - DomainPhrases.elisionLength(core) >= 4,
                              knowledge.exact(core + [0x2E]).map({ $0.flags & LexiconFlags.abbreviation == 0 }) ?? true else { continue }
                    } else {
                        guard bytes[before.coreStart..<before.coreEnd].allSatisfy(FootnoteMarkers.isDigit) else { continue }
                    }
                }
            }
            let next = core(of: after, bytes)
            guard CasePattern(next) == .lower, FunctionWords.followsSubjectPronoun(next, after.known?.flags) else { continue }
            let range = token.start..<token.end
            Self.add("Il", at: range, rule: "pronoun", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// `au 1 er juillet`, `la 1 re légion`, `le 20 ème siècle` → `1er`, `1re`, `20ème`: an ordinal
    /// whose suffix the engine set apart. Alone the suffix is no word and was read as the
    /// nearest one (`1 et juillet`); after its number it is joined back. `er`, `re` and `ère`
    /// only after `1`; `ème` after any number.
    func ordinalEdits(_ words: [Word?], tokens: [WordToken], bytes: [UInt8], consumed: inout [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in tokens.indices.dropFirst() {
            // The tokens first (plain values): a number, then a short word after one space.
            let token = tokens[i], number = tokens[i - 1]
            guard token.kind == .word, token.singleSpaceBefore, token.start == token.coreStart, token.coreEnd - token.coreStart <= 4,
                  number.kind != .word, number.end > number.start, number.end == number.coreEnd, !consumed[i],
                  bytes[number.start..<number.end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), words[i] != nil else { continue }
            let suffix = Array(bytes[token.coreStart..<token.coreEnd])
            let first = bytes[number.start..<number.end] == [0x31]
            guard (first && Self.firstSuffixes.contains(suffix)) || suffix == Self.ordinalSuffix else { continue }
            let range = number.end..<token.coreStart
            guard !edits.contains(where: { $0.range.overlaps(number.start..<token.coreEnd) }) else { continue }
            edits.append(TextEdit(range: range, replacement: "", rule: "ordinal", confidence: 0.9))
            consumed[i] = true
            counts.count("ordinal")
        }
    }

    static let firstSuffixes: [[UInt8]] = [Array("er".utf8), Array("re".utf8), Array("ère".utf8)]
    static let ordinalSuffix: [UInt8] = Array("ème".utf8)

    /// The cheap test before `a` is read as `la` (it runs for every `a`): the word before is
    /// short enough to be a preposition and starts like one.
    static func mayBePreposition(_ word: Word?, _ bytes: [UInt8]) -> Bool {
        guard let word, word.token.end == word.token.coreEnd else { return false }
        let n = word.token.coreEnd - word.token.coreStart
        guard n >= 2, n <= 6 else { return false }
        return [0x64, 0x63, 0xC3, 0x73, 0x70, 0x61, 0x76, 0x65].contains(bytes[word.token.coreStart])
    }

    /// A known word's flags, with those of its lowercase form when it is capitalised: the domain
    /// lexicon's `Convention` is also the feminine noun `convention`.
    func nextFlags(_ word: Word, _ hit: WordKnowledge.Hit, _ bytes: [UInt8]) -> UInt32 {
        guard !word.core.isEmpty, CasePattern(word.core) == .title, let lower = knowledge.lookup(CasePattern.lower(word.core)) else { return hit.flags }
        return hit.flags | lower.flags
    }

    /// Whether the word and the next, written together, are a known word (`dé faut`: `défaut`,
    /// `sou vent`: `souvent`). Asked only by the rules that read it.
    func gluesToNext(_ word: Word, _ after: Word, _ bytes: [UInt8]) -> Bool {
        knowledge.known(core(of: word, bytes) + core(of: after, bytes)) != nil
    }

    /// The word before is unknown, or makes a known word with this one (`utilisati on`, `donné
    /// es`): this one may be the end of a word cut by a space.
    func pieceOfPrevious(_ word: Word, _ before: Word?, _ bytes: [UInt8]) -> Bool {
        guard let before else { return false }
        guard before.known != nil else { return true }
        return knowledge.known(core(of: before, bytes) + core(of: word, bytes)) != nil
    }

    /// `do la France`, `là crise` → `de la France`, `la crise`: see `FunctionWords.replacement`.
    /// In line-aligned text the word after may open the next line (`contre là` / `criminalité`).
    func functionWordEdits(_ words: [Word?], bytes: [UInt8], nextLine: String?, consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices {
            guard let word = words[i], !consumed[i], word.token.coreStart == word.token.start, word.token.coreEnd == word.token.end,
                  FunctionWords.mayReplace(bytes[word.token.coreStart..<word.token.coreEnd]),
                  word.token.coreEnd - word.token.coreStart > 1 || Self.mayBePreposition(i > 0 ? words[i - 1] : nil, bytes) else { continue }
            let following: Word
            if i + 1 < words.count {
                guard let after = words[i + 1], after.token.singleSpaceBefore else { continue }
                following = after
            } else {
                // The last token of the line, with nothing after it but spaces.
                guard let nextLine, bytes[word.token.end...].allSatisfy({ $0 == 0x20 }), let first = firstWord(of: nextLine) else { continue }
                following = first
            }
            guard let hit = following.known,
                  let replacement = FunctionWords.replacement(core(of: word, bytes), sentenceStart: word.sentenceStart, afterWord: i > 0 && words[i - 1] != nil,
                                                              previous: i > 0 ? words[i - 1].flatMap { $0.token.end == $0.token.coreEnd ? CasePattern.lower(core(of: $0, bytes)) : nil } : nil,
                                                              next: core(of: following, bytes), nextFlags: nextFlags(following, hit, bytes), saysTu: profile.saysTu,
                                                              gluesToNext: { gluesToNext(word, following, bytes) },
                                                              numberAfterNext: i + 1 < words.count && Self.numberFollows(following, bytes),
                                                              afterVerb: i > 0 && Self.isVerb(words[i - 1]),
                                                              pieceOfPrevious: { i > 0 && pieceOfPrevious(word, words[i - 1], bytes) }) else { continue }
            // `s’y` takes the document's apostrophe.
            let text = documentApostrophes && profile.apostrophe != 0x2019 ? replacement.replacing("’", with: "'") : replacement
            Self.add(text, at: word.token.coreStart..<word.token.coreEnd, rule: "function-word", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// A known verb form that is no pronoun or other grammatical word (`Saluant`, `appliquer`).
    static func isVerb(_ word: Word?) -> Bool {
        guard let word, word.token.end == word.token.coreEnd, let flags = word.known?.flags else { return false }
        return flags & (LexiconFlags.infinitive | LexiconFlags.presentParticiple | LexiconFlags.finiteVerb) != 0
            && flags & LexiconFlags.grammatical == 0
    }

    /// A number follows the word after one space (`et 2 octobre`).
    static func numberFollows(_ word: Word, _ bytes: [UInt8]) -> Bool {
        let end = word.token.end
        return word.token.coreEnd == end && end + 1 < bytes.count && bytes[end] == 0x20 && bytes[end + 1] >= 0x30 && bytes[end + 1] <= 0x39
    }

    /// The first token of a line when it is a known word with nothing before it (its scalars
    /// filled in: its offsets belong to that line).
    func firstWord(of line: String) -> Word? {
        var line = line
        return line.withUTF8 { p -> Word? in
            guard let token = WordTokenizer.tokens(p).first, token.kind == .word, token.coreStart == token.start else { return nil }
            let core = JoinedText.scalars(UnsafeBufferPointer(rebasing: p[token.coreStart..<token.coreEnd]))
            guard let hit = knowledge.known(core) else { return nil }
            return Word(token: token, core: core, known: hit, sentenceStart: false)
        }
    }

    /// `relatives l’élimination`, `annexées la présente résolution`, `visant prévenir` → `relatives
    /// à l’élimination`, `annexées à la présente`, `visant à prévenir`: the `à` an engine dropped
    /// (Tesseract's English model reads no `à`) after a word that takes it before its complement,
    /// where French has no other word: before a determiner after `relatif`, `conformément`,
    /// `grâce`, `quant`, `annexé` and their forms; before an infinitive after `visant`, `tendant`,
    /// `destiné`. `le` and `les` are not determiners here: with `à` they make `au`, `aux`.
    func lostGraveAEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropLast() {
            guard let word = words[i], !consumed[i], word.known != nil, word.token.end == word.token.coreEnd,
                  word.token.coreEnd - word.token.coreStart >= 5,
                  let after = words[i + 1], !consumed[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart else { continue }
            // Compared byte by byte (ASCII letters in either case), after the first letter: most
            // words are none of these.
            let written = bytes[word.token.coreStart..<word.token.coreEnd]
            guard Self.graveAGovernorOpenings[Int(written.first! < 0x80 ? written.first! | 0x20 : written.first!)],
                  let governor = Self.graveAGovernors.first(where: { $0.word.count == written.count
                      && zip($0.word, written).allSatisfy { w, b in w == (b < 0x80 ? b | 0x20 : b) } }) else { continue }
            let next = core(of: after, bytes)
            guard CasePattern(next) == .lower else { continue }
            let takesGraveA = governor.beforeInfinitive
                ? after.known.map { $0.flags & LexiconFlags.infinitive != 0 && $0.flags & LexiconFlags.noun == 0 } ?? false
                : Self.determinersAfterGraveA.contains(next)
                    || (next.count > 2 && next[0] == 0x6C && JoinedText.isApostrophe(next[1]) && Self.startsWithVowelSound(next[2]))
            guard takesGraveA else { continue }
            let at = after.token.start
            guard !edits.contains(where: { $0.range.contains(at) || $0.range.lowerBound == at }) else { continue }
            edits.append(TextEdit(range: at..<at, replacement: "à ", rule: "a-grave", confidence: 0.85))
            counts.count("a-grave")
        }
    }

    /// Words always followed by `à` before a determiner (`relatives à la`, `conformément à sa`),
    /// or before an infinitive (`visant à prévenir`), in UTF-8.
    static let graveAGovernors: [(word: [UInt8], beforeInfinitive: Bool)] =
        ["relatif", "relative", "relatifs", "relatives", "conformément", "grâce", "quant", "annexé", "annexée", "annexés", "annexées"]
            .map { (Array($0.utf8), false) }
        + ["visant", "tendant", "destiné", "destinée", "destinés", "destinées"].map { (Array($0.utf8), true) }
    /// The first bytes of `graveAGovernors`, by byte.
    static let graveAGovernorOpenings: [Bool] = (0..<256).map { b in graveAGovernors.contains { $0.word[0] == UInt8(b) } }
    /// Determiners that follow `à` as written (not `le`, `les`: `au`, `aux`).
    static let determinersAfterGraveA: Set<[UInt32]> = Set(["la", "leur", "leurs", "cette", "ce", "cet", "ces", "un", "une", "tous", "toutes",
                                                           "chaque", "son", "sa", "ses", "notre", "nos", "votre", "vos", "tout", "toute"]
        .map { $0.unicodeScalars.map(\.value) })

    /// `par Office des Nations Unies`, `Prie Office de` → `par l’Office`, `Prie l’Office`: an
    /// elided article the engine lost whole before a capitalised singular noun starting with a
    /// vowel, in running text: after a preposition or `que` and before a lowercase word other than
    /// a conjunction, or after a verb and before its complement (`de`, `des`, `du`, `à`:
    /// `Exhorte Office à`). Names (`par Amnesty`, `pour Alpha et SPARC`), plurals (`entre
    /// États`), labels and headings (`pour Orphelinat »`, `Arrête Article unique`) stay.
    func missingArticleEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst().dropLast() {
            guard let word = words[i], !consumed[i], !word.sentenceStart, word.known != nil, word.token.start == word.token.coreStart,
                  word.token.end == word.token.coreEnd, word.token.singleSpaceBefore, word.core.count >= 4, CasePattern(word.core) == .title,
                  let first = word.core.first, Self.startsWithVowelSound(first), first != 0x48, !word.core.contains(where: JoinedText.isApostrophe),
                  let lower = knowledge.lookup(CasePattern.lower(word.core)), Self.singularCommonNoun(lower.flags),
                  let before = words[i - 1], before.token.end == before.token.coreEnd,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart else { continue }
            let previous = CasePattern.lower(core(of: before, bytes))
            let next = core(of: after, bytes)
            let governs = (FunctionWords.prepositionsBeforeArticle.contains(previous) || previous == [0x71, 0x75, 0x65])
                    && CasePattern(next) == .lower && !Self.conjunctions.contains(next)
                || Self.complementStarts.contains(next) && knowledge.lookup(previous).map { ContextRules.onlyFiniteVerb($0.flags) } == true
            guard governs else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string([0x6C, profile.apostrophe] + word.core), at: range, rule: "elision", confidence: 0.85, to: &edits, counts: &counts)
        }
    }

    /// `dans application de la Convention`, `de examen des rapports`, `paragraphe 2 de article
    /// 30` → `dans l’application`, `de l’examen`, `de l’article 30`: the elided article lost
    /// whole before a singular common noun in lowercase starting with a vowel. French elides
    /// there: after `dans` a determiner is due, and after `de` the page printed `de l’` or `d’`;
    /// the engine drops the thin `l’` far more often than it reads `d’` as `de` (38 to 0 on the
    /// generated pages). A noun that may also be a verb or an adjective (`de ordinaire`), `h`
    /// (aspirated or not), `de` before `à` and `sur` (`copie sur écriture`, `sur alpha et ia64`)
    /// stay, unless a term of the domain lexicon reads so (`droits de homme` → `droits de
    /// l’homme`). After a present participle the article was lost
    /// before a noun with its complement (`Rappelant adoption de sa résolution` → `Rappelant
    /// l’adoption`), but for the nouns of locutions (`prenant acte de`, see `locutionNouns`).
    func lostArticleEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            guard let word = words[i], !consumed[i], let hit = word.known, word.token.start == word.token.coreStart,
                  word.token.singleSpaceBefore, word.token.coreEnd - word.token.coreStart >= 4,
                  Self.singularCommonNoun(hit.flags),
                  hit.flags & (LexiconFlags.adjective | LexiconFlags.finiteVerb | LexiconFlags.infinitive | LexiconFlags.presentParticiple) == 0,
                  let before = words[i - 1], before.token.end == before.token.coreEnd, before.token.start == before.token.coreStart else { continue }
            let closed = word.token.end == word.token.coreEnd
            let after = i + 1 < words.count && closed
                ? words[i + 1].flatMap { $0.token.singleSpaceBefore && $0.token.start == $0.token.coreStart ? $0 : nil } : nil
            // After `de` the noun may also go before a number (`de article 30`), and a term of the
            // domain end a clause (`droits de homme,`); any noun there may be a name (`le format de
            // opus.`, `sa version de echo,`).
            let endsClause = word.token.end == word.token.coreEnd + 1 && [0x2C, 0x3B, 0x3A, 0x2E, 0x29].contains(bytes[word.token.coreEnd])
            let beforeNumber = closed && word.token.end + 1 < bytes.count && bytes[word.token.end] == 0x20
                && bytes[word.token.end + 1] >= 0x30 && bytes[word.token.end + 1] <= 0x39
            guard after != nil || endsClause || beforeNumber else { continue }
            // Cheap checks on the bytes first: a lowercase vowel or an accented letter opens the
            // word, and the word before has the length of `de` or `dans`.
            let opening = bytes[word.token.coreStart], previousLength = before.token.coreEnd - before.token.coreStart
            let participle = previousLength >= 5 && bytes[before.token.coreEnd - 3] == 0x61 && bytes[before.token.coreEnd - 2] == 0x6E
                && bytes[before.token.coreEnd - 1] == 0x74 && before.known != nil
                && knowledge.known(CasePattern.lower(core(of: before, bytes))).map { $0.flags & LexiconFlags.presentParticiple != 0 } == true
            guard Self.vowelBytes.contains(opening) || opening == 0xC3 || opening == 0x68, previousLength == 2 || previousLength == 4 || participle else { continue }
            let written = core(of: word, bytes)
            guard let first = written.first, Self.startsWithVowelSound(first), CasePattern(written) == .lower else { continue }
            let previous = core(of: before, bytes), next = after.map { core(of: $0, bytes) }
            // A term of the domain lexicon written so (`droits de l’homme`: the pairs `droits de`,
            // `de l’`, `l’ homme`) decides alone, also before an h.
            let pairs = knowledge.lexicon.pairs
            let term = previous == [0x64, 0x65] && i >= 2 && pairs.contains(Self.deArticle) && pairs.contains(Self.articleSpace + JoinedText.bytes(written))
                && words[i - 2].map { $0.token.end == $0.token.coreEnd && pairs.contains(Folding.lower(JoinedText.string(core(of: $0, bytes))) + [0x20, 0x64, 0x65]) } == true
            let governs = opening != 0x68 && (participle
                ? next.map(Self.takesComplement) == true && hit.flags & (LexiconFlags.grammatical | LexiconFlags.adverb | LexiconFlags.pastParticiple) == 0
                    && !Self.locutionNouns.contains(JoinedText.bytes(written))
                : previous == Self.dans ? next.map { CasePattern($0) == .lower } == true : previous == [0x64, 0x65] && next != [0xE0])
            guard (governs && (after != nil || beforeNumber)) || term else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string([0x6C, profile.apostrophe] + written), at: range, rule: "elision", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    /// `de`, `du`, `des`, `à`, `au`, `aux`, or a word elided after `d’`: the complement of a noun
    /// after a participle (`Rappelant adoption de sa résolution`).
    static func takesComplement(_ next: [UInt32]) -> Bool {
        complementStarts.contains(next) || next == [0x61, 0x75] || next == [0x61, 0x75, 0x78]
            || (next.count > 2 && next[0] == 0x64 && JoinedText.isApostrophe(next[1]))
    }

    /// Nouns a participle takes bare in a locution (`prenant acte de`, `portant atteinte à`,
    /// `faisant appel à`, `ayant accès à`): no article was lost before them.
    static let locutionNouns: Set<[UInt8]> = Set(["acte", "accès", "appel", "état", "effet", "usage", "appui", "autorité", "intérêt",
                                                  "égard", "office", "obstacle", "allusion", "attention", "échec", "écho", "abstraction",
                                                  "amende", "irruption", "affaire", "envie", "objet", "asile", "assaut", "alliance",
                                                  "emploi", "exception", "erreur", "œuvre", "impression", "ombrage", "atteinte",
                                                  "action", "avis", "allégeance", "école", "escale", "entrée", "issue", "ordre"].map { Array($0.utf8) })

    /// `de l’` and `l’ ` as the domain's word pairs write them.
    static let deArticle = Array("de l’".utf8)
    static let articleSpace = Array("l’ ".utf8)

    /// The preposition never followed by a bare common noun in lowercase.
    static let dans: [UInt32] = Array("dans".unicodeScalars.map(\.value))
    static let vowelBytes: Set<UInt8> = Set("aeiouy".utf8)

    /// A common noun that may be singular (`Office`, `application`; not `États` alone, not a name
    /// or a foreign word): one an elided article may have been lost before.
    static func singularCommonNoun(_ flags: UInt32) -> Bool {
        flags & LexiconFlags.noun != 0 && flags & (LexiconFlags.properNoun | LexiconFlags.foreign) == 0
            && (flags & LexiconFlags.plural == 0 || flags & LexiconFlags.singular != 0)
    }

    /// `les Mats Membres`, `aux Étals Membres` → `les États Membres`: a word the lexicon knows
    /// only in lowercase (`mats`, `étals`), written with a capital before the word of a domain
    /// pair as the domain writes it, one or two letters from the pair's capitalised word. A
    /// common noun takes no capital inside a sentence, and the pair says what stood there.
    /// A name where one stands (`M. Fats`) and pairs whose word the domain writes in lowercase
    /// stay.
    func domainPairRealWordEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        let index = knowledge.lexicon.pairIndex
        for i in words.indices.dropLast() {
            guard let word = words[i], !consumed[i], !word.nameContext, let hit = word.known, hit.flags & (LexiconFlags.properNoun | LexiconFlags.domain | LexiconFlags.acronym) == 0,
                  word.token.start == word.token.coreStart, word.token.end == word.token.coreEnd,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.start == after.token.coreStart else { continue }
            // The cheap test first (it runs for every known word): a capital opens the word.
            let opening = bytes[word.token.coreStart]
            guard (opening >= 0x41 && opening <= 0x5A) || (opening == 0xC3 && bytes[word.token.coreStart + 1] <= 0x9E),
                  word.token.coreEnd - word.token.coreStart >= 4, after.token.coreEnd - after.token.coreStart >= 4,
                  // A grammatical word calls for nothing (`Entrée pour` is no `Centre pour`).
                  let nextHit = after.known, nextHit.flags & LexiconFlags.grammatical == 0 else { continue }
            let next = Array(bytes[after.token.coreStart..<after.token.coreEnd])
            guard let forms = index.byNext[Folding.lower(String(decoding: next, as: UTF8.self))] else { continue }
            let written = core(of: word, bytes)
            guard written.count >= 4, CasePattern(written) == .title, knowledge.exact(written) == nil else { continue }
            let folded = Folding.fold(JoinedText.string(written)).map(Int.init)
            for pairWord in forms where pairWord.capitalised && knowledge.lexicon.casedPairs.contains(pairWord.form + [0x20] + next) {
                let distance = EditDistance.distance(folded, pairWord.folded)
                guard distance >= 1, distance <= 2 else { continue }
                let range = word.token.coreStart..<word.token.coreEnd
                Self.add(String(decoding: pairWord.form, as: UTF8.self), at: range, rule: "pair", confidence: 0.85, to: &edits, counts: &counts)
                break
            }
        }
    }

    /// `la prévention du Crime` → `du crime`: a capital the engine put on a word inside a
    /// sentence, after a word in lowercase, where the domain's multiword entries write the two
    /// words in lowercase and go on with the word before or after (`prévention du crime`). A word
    /// the domain writes capitalised after that word (`la Convention`, `du Nord`), a name where
    /// one stands and a word known only capitalised stay.
    func domainPairCaseEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            // The cheap test first (it runs for every word): an ASCII capital opens the word.
            guard let token = words[i]?.token, bytes[token.coreStart] >= 0x41, bytes[token.coreStart] <= 0x5A,
                  let word = words[i], !consumed[i], !word.sentenceStart, !word.nameContext, word.token.start == word.token.coreStart,
                  word.token.coreEnd - word.token.coreStart >= 4, let before = words[i - 1], before.token.end == before.token.coreEnd, word.token.singleSpaceBefore,
                  let hit = word.known, hit.flags & (LexiconFlags.properNoun | LexiconFlags.acronym) == 0 else { continue }
            let written = core(of: word, bytes)
            guard CasePattern(written) == .title else { continue }
            let previous = core(of: before, bytes)
            guard CasePattern(previous) == .lower else { continue }
            let lower = CasePattern.lower(written)
            guard knowledge.exact(lower) != nil else { continue }
            let pair = JoinedText.bytes(previous) + [0x20] + JoinedText.bytes(lower)
            let pairs = knowledge.lexicon.casedPairs
            guard pairs.contains(pair), !pairs.contains(JoinedText.bytes(previous) + [0x20] + JoinedText.bytes(written)) else { continue }
            // One pair is no phrase (`idées de Droit`, an old text's capital, has `de droit`): the
            // word before or after must continue it (`prévention du`, `du crime`).
            let wordBefore = i >= 2 ? words[i - 2].map { JoinedText.bytes(core(of: $0, bytes)) + [0x20] + JoinedText.bytes(previous) } : nil
            let wordAfter = i + 1 < words.count ? words[i + 1].map { JoinedText.bytes(lower) + [0x20] + JoinedText.bytes(core(of: $0, bytes)) } : nil
            guard wordBefore.map(pairs.contains) == true || wordAfter.map(pairs.contains) == true else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string(lower), at: range, rule: "case", confidence: 0.85, to: &edits, counts: &counts)
        }
    }

    /// `les Protocoles S’y rapportant`, `ceux qui S’y livrent` → `s’y`: the pronoun capitalised
    /// inside a sentence, after a word in lowercase or a capitalised noun and before a verb in
    /// lowercase. After a word in capitals (a headline run into its text: `BERLIN S’y`) it stays.
    func capitalisedCliticEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst().dropLast() {
            guard let word = words[i], !consumed[i], !word.sentenceStart, word.token.start == word.token.coreStart, word.token.end == word.token.coreEnd,
                  word.core.count == 3, word.core[0] == 0x53, JoinedText.isApostrophe(word.core[1]), word.core[2] == 0x79,
                  let before = words[i - 1], before.token.end == before.token.coreEnd, CasePattern(core(of: before, bytes)) != .upper,
                  let after = words[i + 1], after.token.singleSpaceBefore, let flags = after.known?.flags,
                  flags & (LexiconFlags.finiteVerb | LexiconFlags.presentParticiple | LexiconFlags.infinitive) != 0,
                  after.core.isEmpty || CasePattern(after.core) == .lower else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string([0x73, word.core[1], 0x79]), at: range, rule: "case", confidence: 0.85, to: &edits, counts: &counts)
        }
    }

    static let complementStarts: Set<[UInt32]> = Set(["de", "des", "du", "à"].map { $0.unicodeScalars.map(\.value) })
    /// After these a capitalised noun may be a name in a list (`pour Alpha et SPARC`).
    static let conjunctions: Set<[UInt32]> = Set(["et", "ou", "mais", "ni", "car"].map { $0.unicodeScalars.map(\.value) })

    /// `?Office`, `‘identification`, `’Office`, `'Office`: the OCR's reading of an elided `l’`
    /// glued to a known word starting with a vowel (a lone mark before a word is not French
    /// punctuation), or the `l` lost before its apostrophe.
    func lostElisionEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        let marks: [[UInt8]] = [[0x3F], [0x21], [0x27], [0xE2, 0x80, 0x98], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x9C]]
        for (i, w) in words.enumerated() {
            guard let word = w, !consumed[i], word.token.coreEnd == word.token.end || !Self.isQuote(bytes[word.token.coreEnd]) else { continue }
            // A `'` kept as the word's first letter (`'Office`; a quoted `'all'` is not).
            let leadingQuote = word.known == nil && word.token.coreStart == word.token.start && bytes[word.token.coreStart] == 0x27
            guard leadingQuote || (word.token.coreStart > word.token.start && marks.contains(Array(bytes[word.token.start..<word.token.coreStart]))) else { continue }
            // An opening `“` closed later in the record opens a quotation (`c'est “une suggestion”`).
            if bytes[word.token.start] == 0xE2, bytes[word.token.start + 2] == 0x9C, Self.closesQuote(bytes, after: word.token.coreEnd) { continue }
            var core = core(of: word, bytes)
            var hit = word.known
            var range = word.token.start..<word.token.coreStart
            if leadingQuote {
                core.removeFirst()
                hit = knowledge.known(core)
                range = word.token.coreStart..<(word.token.coreStart + 1)
            }
            // A word of the domain's names is a noun when capitalised (`Office`, `ONUDC`); in
            // lowercase it may be an adjective of a name (`organisée`). After `“` (a quotation may
            // close on the next line) only a capitalised word takes the article.
            guard let hit, let first = core.first else { continue }
            let capitalised = Folding.isUpper(first)
            let opensQuote = bytes[word.token.start] == 0xE2 && bytes[word.token.start + 2] == 0x9C
            guard capitalised || !opensQuote,
                  hit.flags & (LexiconFlags.noun | LexiconFlags.properNoun) != 0 || (capitalised && hit.flags & LexiconFlags.domain != 0),
                  hit.flags & LexiconFlags.plural == 0 || hit.flags & LexiconFlags.singular != 0,
                  core.count >= 3, Self.startsWithVowelSound(first), !core.contains(where: JoinedText.isApostrophe) else { continue }
            guard !edits.contains(where: { $0.range.overlaps(word.token.start..<word.token.coreEnd) }) else { continue }
            let article = (word.sentenceStart ? "L" : "l") + JoinedText.string([profile.apostrophe])
            edits.append(TextEdit(range: range, replacement: article, rule: "elision", confidence: 0.85))
            counts.count("elision")
        }
    }

    /// Whether a word is a form of *avoir* a participle may follow: in lowercase, or capitalised
    /// at a sentence start (`b) A prie le secrétariat`); a capital inside a sentence names
    /// something (`ESC ( A sélectionne`, `un processus A détient`). Compares bytes: it runs for
    /// every word.
    func auxiliary(_ word: Word, _ bytes: [UInt8]) -> Bool {
        let s = word.token.coreStart, n = word.token.coreEnd - s
        guard n >= 1, n <= 8 else { return false }
        var first = bytes[s]
        if first >= 0x41, first <= 0x5A, word.sentenceStart { first |= 0x20 }
        // Every form starts with a, o or e (`a`, `ont`, `eut`).
        guard first == 0x61 || first == 0x6F || first == 0x65 else { return false }
        search: for form in ContextRules.auxiliaries where form.count == n && form[0] == first {
            for k in 1..<n where bytes[s + k] != form[k] { continue search }
            return true
        }
        return false
    }

    /// `la gardé d’un bataillon`, `des livrés`, `les comptés` → `la garde`, `des livres`, `les
    /// comptes`: after a determiner, a past participle that is no noun, with an `é` where the noun
    /// it would be has `e`, is that noun: the engine read a speck as the accent (old newspapers
    /// show it often). The noun agrees with the determiner and is more frequent than the
    /// participle; a participle before its noun stays (`une prétendue victime`: no noun
    /// `pretendue`), and so does one that is a noun too (`les blessés`, `les réfugiés`).
    func accentSpeckNounEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            guard let word = words[i], !consumed[i], let hit = word.known, hit.flags & LexiconFlags.pastParticiple != 0,
                  hit.flags & (LexiconFlags.noun | LexiconFlags.properNoun) == 0,
                  word.token.coreStart == word.token.start, word.token.singleSpaceBefore,
                  !consumed[i - 1], let before = words[i - 1], before.token.coreEnd == before.token.end,
                  before.token.coreEnd - before.token.coreStart <= 8 else { continue }
            let determiner = CasePattern.lower(core(of: before, bytes))
            guard CandidateGenerator.determiners.contains(JoinedText.string(determiner)) else { continue }
            let written = core(of: word, bytes)
            guard CasePattern(written) == .lower, let accent = written.lastIndex(of: 0xE9) else { continue }
            // Pieces of a word cut by a space are no determiner and noun (`les problé mes
            // rencontrés`, `la manié re`): the words around must be known, and the word with the
            // next one no word in any accents.
            if i + 1 < words.count, let after = words[i + 1] {
                guard after.known != nil, knowledge.lexicon.compiled.fold(Folding.fold(JoinedText.string(written + core(of: after, bytes)))) == nil else { continue }
            }
            var noun = written
            noun[accent] = 0x65
            // `cet` only stands before a vowel (`un fichier cet fermé` is `est fermé`).
            guard determiner != Self.cet || Self.startsWithVowelSound(noun[0]),
                  let other = knowledge.lookup(noun), other.flags & LexiconFlags.noun != 0, other.zipf > hit.zipf,
                  CandidateGenerator.agrees(determiner, noun, other.flags) else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string(noun), at: range, rule: "accent", confidence: 0.8, to: &edits, counts: &counts)
        }
    }

    static let cet: [UInt32] = [0x63, 0x65, 0x74]

    /// `a prie le Secrétaire général` → `a prié`: see `ContextRules.participle`.
    func participleEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            guard let word = words[i], let flags = word.known?.flags, ContextRules.onlyFiniteVerb(flags), !consumed[i],
                  word.token.coreStart == word.token.start, let before = words[i - 1], before.token.coreEnd == before.token.end,
                  word.token.singleSpaceBefore, auxiliary(before, bytes),
                  let participle = ContextRules.participle(core(of: word, bytes), knowledge: knowledge) else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add(JoinedText.string(participle), at: range, rule: "participle", confidence: 0.85, to: &edits, counts: &counts)
        }
    }

    /// `et de facilite la ratification`, `continue de coordonne la fourniture` → `de faciliter`,
    /// `de coordonner`: after `de`, `à`, `pour` or `sans`, a word that is only a finite verb
    /// form (no noun, adjective or other use: `de suite`, `à continue` stay) ending in `e`, whose
    /// form with an `r` after is an infinitive, is that infinitive, its last letter lost or cut
    /// off (`à utilise r`): the preposition takes no finite verb. Lost, only before a determiner.
    func lostInfinitiveEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropFirst() {
            guard let word = words[i], !consumed[i], let flags = word.known?.flags, ContextRules.onlyFiniteVerb(flags),
                  word.token.coreStart == word.token.start, word.token.singleSpaceBefore,
                  word.token.coreEnd - word.token.coreStart >= 4, bytes[word.token.coreEnd - 1] == 0x65,
                  let before = words[i - 1], before.token.coreEnd == before.token.end, before.token.coreStart == before.token.start,
                  Self.takesInfinitive.contains(count: before.token.coreEnd - before.token.coreStart, {
                      let b = bytes[before.token.coreStart + $0]
                      return $0 == 0 && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                  }) else { continue }
            let written = core(of: word, bytes)
            // A form no frequency list has may be a noun the lexicon lacks (`le caractère de surfrappe`).
            guard CasePattern(written) == .lower, (word.known?.zipf ?? 0) > WordKnowledge.unlistedZipf,
                  let hit = knowledge.lookup(written + [0x72]), hit.flags & LexiconFlags.infinitive != 0, hit.zipf > WordKnowledge.unlistedZipf else { continue }
            // The lost `r` may stand apart (`à utilise r.`): it goes back into the word.
            // (An `r` alone is no word token: `r.` reads as an abbreviation.)
            var end = word.token.coreEnd
            var after = i + 1
            let r = word.token.end
            if r == end, r + 1 < bytes.count, bytes[r] == 0x20, bytes[r + 1] == 0x72,
               r + 2 == bytes.count || [0x20, 0x2E, 0x2C, 0x3B, 0x3A, 0x0A].contains(bytes[r + 2]) {
                guard after < words.count, !consumed[after] else { continue }
                end = r + 2
                after += 1
            }
            if end == word.token.coreEnd {
                // Without the cut `r`, the verb takes its object: a determiner follows, with no
                // stop before it (`de facilite la`). A noun the lexicon knows only as a verb (`type
                // de mappe tableau`, `de mappe. Cette`) or a misread word (`de choque message`,
                // `pour lite ou`) is followed by anything else.
                guard word.token.end == word.token.coreEnd, after < words.count, opensObject(words[after], bytes) else { continue }
            }
            // In garbled text the verb may be a misread of anything (`pour relie rais.m` is `pour
            // cette raison`): what follows must be a known word, or nothing.
            if after < words.count, words[after]?.known == nil { continue }
            Self.add(JoinedText.string(written + [0x72]), at: word.token.coreStart..<end, rule: "infinitive", confidence: 0.85, to: &edits, counts: &counts)
        }
    }

    /// A determiner, or an elided article (`la`, `les`, `une`, `ces`, `l’accès`).
    func opensObject(_ word: Word?, _ bytes: [UInt8]) -> Bool {
        guard let word, word.token.coreStart == word.token.start else { return false }
        let text = CasePattern.lower(core(of: word, bytes))
        if text.count > 2, text[0] == 0x6C, JoinedText.isApostrophe(text[1]) { return true }
        return CandidateGenerator.determiners.contains(JoinedText.string(text))
    }

    /// Prepositions an infinitive follows and a finite verb never does (`de`, `à`, `pour`, `sans`).
    static let takesInfinitive = ByteWordList(["de", "à", "pour", "sans"])

    /// `a) À décidé de constituer` → `a) A décidé`: a French engine puts an accent on the
    /// auxiliary *a* that opens a sentence or an enumerated item. The preposition opens no clause
    /// before a past participle; a participle that is also a noun (`À vue d’œil`) or that follows
    /// an adverb is left alone.
    func accentedAuxiliaryEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropLast() {
            guard let word = words[i], word.sentenceStart, !consumed[i], word.token.coreEnd - word.token.coreStart == 2,
                  bytes[word.token.coreStart] == 0xC3, bytes[word.token.coreStart + 1] == 0x80,
                  word.token.start == word.token.coreStart, word.token.end == word.token.coreEnd,
                  let next = words[i + 1], next.token.singleSpaceBefore, next.token.start == next.token.coreStart,
                  let flags = next.known?.flags, flags & LexiconFlags.pastParticiple != 0, flags & LexiconFlags.noun == 0,
                  next.core.isEmpty || CasePattern(next.core) == .lower else { continue }
            let range = word.token.coreStart..<word.token.coreEnd
            Self.add("A", at: range, rule: "auxiliary", confidence: 0.9, to: &edits, counts: &counts)
        }
    }

    /// Whether a closing `”` follows `offset` in the record.
    static func closesQuote(_ bytes: [UInt8], after offset: Int) -> Bool {
        var i = offset
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D { return true }
            i += 1
        }
        return false
    }

    static func isQuote(_ b: UInt8) -> Bool { b == 0x27 || b == 0x22 || b == 0xE2 || b == 0xC2 }

    /// A lone capital read for `l’` with the apostrophe lost and a space left:
    /// - `dans Y Echo`, `chère à Y Univers` → `dans l’Echo`, `chère à l’Univers`: an italic `l’`
    ///   before a title (a newspaper's, a ship's) read as `Y`, inside a sentence and before a
    ///   capitalised word that takes the elision (`Y serez-vous ?` stays);
    /// - `de I exercice`, `de I enfant` → `de l’exercice`, `de l’enfant`: `l’` read as `I` or `V`
    ///   after a preposition, before a known lowercase word that takes the elision (`de I à V`,
    ///   `System V est`, `l’option I indique` stay).
    func loneCapitalElisionEdits(_ words: [Word?], bytes: [UInt8], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        for i in words.indices.dropLast() {
            guard let word = words[i], !consumed[i], !word.sentenceStart, word.token.start == word.token.coreStart,
                  word.token.coreEnd == word.token.end, word.token.end - word.token.start == 1,
                  let after = words[i + 1], after.token.singleSpaceBefore, after.token.coreStart == after.token.start else { continue }
            let next = core(of: after, bytes)
            guard next.count >= 3, let first = next.first, Self.startsWithVowelSound(first) else { continue }
            switch bytes[word.token.start] {
            case 0x59:
                guard CasePattern(next) == .title else { continue }
            case 0x49, 0x56:
                guard CasePattern(next) == .lower, after.known != nil, i > 0, let before = words[i - 1],
                      before.token.coreEnd == before.token.end, word.token.singleSpaceBefore,
                      FunctionWords.prepositionsBeforeArticle.contains(core(of: before, bytes)) else { continue }
            default:
                continue
            }
            // Not when the word after is being repaired: its reading decides.
            guard !edits.contains(where: { $0.range.overlaps(word.token.start..<after.token.coreEnd) }) else { continue }
            Self.add("l" + JoinedText.string([profile.apostrophe]), at: word.token.start..<after.token.start, rule: "elision", confidence: 0.85,
                     to: &edits, counts: &counts)
        }
    }

    /// Apostrophes inside words written as the document prints them (`l'État` → `l’État` in a
    /// document that prints `’`). Edits already made to a word carry the right apostrophe.
    func apostropheEdits(_ words: [Word?], consumed: [Bool], edits: inout [TextEdit], counts: inout Counts) {
        // Towards `’`: an OCR engine prints `'` for `’`. The other way only where the engine
        // lost the accents: that one also prints `’` for `'` (see `DocumentProfile.apostrophe`).
        let wanted = profile.apostrophe
        guard wanted == 0x2019 || profile.misreadsStraightApostrophes else { return }
        let other: UInt32 = wanted == 0x2019 ? 0x27 : 0x2019
        let replacement = JoinedText.string([wanted])
        let width = UTF8Bytes.length(of: other)
        for case let word? in words where word.core.contains(other) {
            var offset = word.token.coreStart
            for (k, v) in word.core.enumerated() {
                let length = UTF8Bytes.length(of: v)
                if v == other, k > 0, UTF8Bytes.isLetter(word.core[k - 1]) || word.core[k - 1] == 0x7C,
                   !edits.contains(where: { $0.range.contains(offset) }) {
                    edits.append(TextEdit(range: offset..<(offset + width), replacement: replacement, rule: "apostrophe"))
                    counts.count("apostrophe")
                }
                offset += length
            }
        }
    }
}
