@testable import OCRClean
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
