@testable import OCRClean
import OCRCleanTestSupport
import Testing

/// The compiled lexicon finds every form and every folded key it was built from, finds nothing
/// else, and refuses bytes that are not a compiled lexicon of this version.
@Suite struct CompiledLexiconTests {
    /// Forms of a French paradigm and some neighbours in accents and case, enough to fill slots
    /// with probes that meet other keys.
    static let words: [String] = {
        var out = ["États", "états", "Etats", "contrôle", "controle", "œuvre", "l’Office", "a", "à", "Conseil", "conseil"]
        for stem in ["travail", "résolution", "assemblée", "développement", "coopération"] {
            for suffix in ["", "s", "x", "e", "es", "er", "é", "ée", "ées", "ant"] { out.append(stem + suffix) }
        }
        for i in 0..<400 { out.append("mot\(i)") }
        return out
    }()

    static func compiled() throws -> CompiledLexicon {
        var sources = LexiconSources()
        for w in words { sources.forms.append(LexiconSources.Form(bytes: Array(w.utf8), flags: LexiconFlags.dicollecte)) }
        return try CompiledLexicon(bytes: LexiconBuilder.build(sources))
    }

    @Test func everyFormAndFoldIsFound() throws {
        let lexicon = try Self.compiled()
        for w in Self.words {
            let entry = try #require(lexicon.entry(Array(w.utf8)), "\(w)")
            #expect(lexicon.formString(entry) == w)
            let folded = Folding.fold(w)
            let fold = try #require(lexicon.fold(folded), "\(w) folded")
            #expect(Array(lexicon.foldKey(fold)) == folded)
            #expect(lexicon.entries(ofFold: fold).contains(UInt32(entry)))
        }
    }

    @Test func wordsNotBuiltInAreNotFound() throws {
        let lexicon = try Self.compiled()
        for w in ["Etat", "contrdle", "ceuvre", "mot400", "mot-1", "", "résolutions x", "Travail"] {
            #expect(lexicon.entry(Array(w.utf8)) == nil, "\(w)")
        }
        for w in ["etat", "mot400", "travaux"] {
            #expect(lexicon.fold(Array(w.utf8)) == nil, "\(w)")
        }
    }

    /// The delete index gives, for a string, every frequent folded key that one deletion turns
    /// into it; the search that starts where the hash falls finds the same as a scan.
    @Test func deleteNeighboursAreThoseOfAScan() throws {
        var sources = LexiconSources()
        for w in Self.words {
            sources.forms.append(LexiconSources.Form(bytes: Array(w.utf8), flags: LexiconFlags.dicollecte))
            sources.zipf[Array(w.lowercased().utf8)] = 400
        }
        let lexicon = try CompiledLexicon(bytes: LexiconBuilder.build(sources))
        var expected: [UInt64: Set<Int>] = [:]
        // The index holds the frequent keys (a mixed-case form such as `l’Office` has no frequency).
        for fold in 0..<lexicon.foldCount where lexicon.foldZipf(fold) >= Double(LexiconBuilder.deleteMinZipf) / 100 {
            let key = Array(lexicon.foldKey(fold))
            let scalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
            guard scalars.count >= LexiconBuilder.deleteMinLength else { continue }
            for k in scalars.indices {
                var deleted = String.UnicodeScalarView()
                for (j, s) in scalars.enumerated() where j != k { deleted.append(s) }
                expected[ByteHash.hash(Array(String(deleted).utf8)), default: []].insert(fold)
            }
        }
        #expect(expected.count > 1000)
        for (hash, folds) in expected {
            var found: [Int] = []
            lexicon.deleteNeighbours(hash: hash, into: &found)
            #expect(Set(found) == folds)
        }
        for probe in ["zzz", "mot", "travai", "x"] {
            var found: [Int] = []
            lexicon.deleteNeighbours(hash: ByteHash.hash(Array(probe.utf8)), into: &found)
            #expect(Set(found) == expected[ByteHash.hash(Array(probe.utf8))] ?? [], "\(probe)")
        }
    }

    /// The filters in front of the tables answer for most strings that are no key, and never
    /// for a key (see `everyFormAndFoldIsFound`).
    @Test func filtersTurnAwayMostNonWords() throws {
        let lexicon = try Self.compiled()
        var passed = 0
        for i in 0..<10_000 {
            if lexicon.passes(ByteHash.hash(Array("nonmot\(i)".utf8)), filter: lexicon.foldFilterOffset) { passed += 1 }
            if lexicon.passes(ByteHash.hash(Array("nonmot\(i)".utf8)), filter: lexicon.formFilterOffset) { passed += 1 }
        }
        #expect(passed < 100)
    }

    /// The words that open resolutions' paragraphs (`opener` in `fr-domain.tsv`) are only
    /// offered as corrections if the French lexicon knows them: a typo in the list would make
    /// its bonus go nowhere.
    @Test func everyParagraphOpenerIsAKnownWord() throws {
        let lexicon = try Lexicon.french(resources: CLI.resources)
        #expect(lexicon.openers.count >= 60)
        for opener in lexicon.openers {
            #expect(lexicon.compiled.entry(opener) != nil, "\(String(decoding: opener, as: UTF8.self))")
        }
    }

    @Test func bytesOfAnotherFormatAreRefused() throws {
        var sources = LexiconSources()
        sources.forms.append(LexiconSources.Form(bytes: Array("mot".utf8), flags: LexiconFlags.dicollecte))
        let good = LexiconBuilder.build(sources)
        var oldMagic = good
        oldMagic[7] = UInt8(ascii: "4")
        #expect(throws: (any Error).self) { try CompiledLexicon(bytes: oldMagic) }
        var noIDBits = good
        for i in 28..<32 { noIDBits[i] = 0 }
        #expect(throws: (any Error).self) { try CompiledLexicon(bytes: noIDBits) }
        #expect(throws: (any Error).self) { try CompiledLexicon(bytes: Array(good.prefix(200))) }
    }
}
