import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// The quality estimate without ground truth ranks pages by how damaged they are.
@Suite struct QualityEstimatorTests {
    static let clean = """
        La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale \
        organisée a décidé de créer un groupe de travail provisoire à composition non limitée, chargé de \
        la conseiller et de l’aider à s’acquitter de son mandat sur l’assistance technique.
        """
    static let damaged = """
        La Conforence dcs Partics a la Convcntion des Nalions Unics contre la crimiualité transnati onale \
        organisce a dccidé de crécr un groupc de travail provisoirc à compositiou non limitéc, chargé de \
        la conseillcr ct de I'aider à s'acquittcr de son maudat sur l'assistancc techniquc.
        """
    static let garbled = """
        La Cnfrce dcs Ptics a la Cvtcn des Nlns Unc: coutre la crmnlté tmnsnti onle \
        orgnsce a dcdé de cré un gmpc de tmvl prvsrc à cmpstu non lmtéc, chrgé de \
        la cnslr ct de I'ader à s'cqtcr de son mdt sur l'sstuc tchnqc.
        """

    let scratch = ScratchDirectory("ocr-clean-quality")

    /// A model whose features are taken as logarithms must say by how much they are offset, and
    /// a wrong offset names the file and line.
    @Test func modelFileWithABadLogOffsetIsRefusedWithItsLine() throws {
        try FileManager.default.createDirectory(atPath: scratch.path + "/Dictionaries", withIntermediateDirectories: true)
        try "intercept\t-4\nlog-offset\t0\nunknown\t1\t1\n".write(toFile: scratch.path + "/Dictionaries/quality-model.tsv", atomically: true, encoding: .utf8)
        let resources = Resources(roots: [scratch.path, CLI.repository])
        #expect {
            try QualityEstimator(resources: resources)
        } throws: { "\($0)".contains("quality-model.tsv:2: log-offset must be positive") }
    }

    /// A line-break hyphen marked `¬` or joined was printed, not misread: it is no evidence of
    /// damage, while a word repair is.
    @Test func marksOfLineBreaksAreNoEvidenceOfDamage() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let text = "la coopéra-\ntion judiciaire et la garantie des droits"
        let plain = estimator.measure(text).estimatedCER
        let marked = estimator.measure(text, changes: [Change(offset: 10, before: "-", after: "¬", stage: "dehyphenate", rule: "dehyphenate")]).estimatedCER
        let repaired = estimator.measure(text, changes: [Change(offset: 0, before: "Ia", after: "la", stage: "repair-words", rule: "confusion")]).estimatedCER
        #expect(marked == plain)
        #expect(repaired > plain)
    }

    @Test func damageRaisesTheEstimate() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let template = try PipelineLoader.load("ocr-lines", resources: CLI.resources)
        let estimates = try [Self.clean, Self.damaged, Self.garbled].map {
            try estimator.assess($0, document: "page", template: template)
        }
        #expect(estimates[0].estimatedCER < estimates[1].estimatedCER)
        #expect(estimates[1].estimatedCER < estimates[2].estimatedCER)
        #expect(estimates[0].implausibleWords == 0)
        #expect(estimates[2].implausibleWords > estimates[1].implausibleWords)
        #expect(estimates[0].letterCostPerWord < estimates[2].letterCostPerWord)
        #expect(estimates[1].repairedErrors > 0)
    }

    /// Punctuation spaced out as tokens is wrong by one character a space, and the estimate says
    /// so; French spacing (`; : ! ?`, guillemets), a quotation in apostrophes and a table's leaders
    /// are right.
    @Test func spacesAroundPunctuationCountAsErrors() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let spaced = "Puisqu ' on manque de domestiques ( quoique l ' arrangement soit bon ) , d' une part ."
        let glued = "Puisqu’on manque de domestiques (quoique l’arrangement soit bon), d’une part."
        let french = "Il a dit : « le mot 'test' est bon » ; vraiment ? Suisse . . . . Fr. 20, France ... 25."
        #expect(estimator.measure(spaced).misplacedSpaces == 8)
        #expect(estimator.measure(glued).misplacedSpaces == 0)
        #expect(estimator.measure(french).misplacedSpaces == 0)
        let a = estimator.measure(spaced), b = estimator.measure(glued)
        #expect(a.estimatedCER - b.estimatedCER > 0.8 * 8 / Double(spaced.unicodeScalars.count))
    }

    /// At the `hipe` level (lowercased, no punctuation) a misplaced space and a change of
    /// punctuation, spacing or case alone are no error: the estimate there leaves them out, and
    /// keeps a misread letter.
    @Test func lettersOnlyEstimateLeavesPunctuationOut() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let spaced = "Puisqu ' on manque de domestiques ( quoique l ' arrangement soit bon ) , d' une part ."
        let glued = "Puisqu’on manque de domestiques (quoique l’arrangement soit bon), d’une part."
        // (The spaced text still has unknown pieces, `Puisqu`, and a stray `l`.)
        let a = estimator.measure(spaced), b = estimator.measure(glued)
        #expect(estimator.estimate(a, level: .hipe) - estimator.estimate(b, level: .hipe) < (estimator.estimate(a) - estimator.estimate(b)) / 10)
        let text = "la coopération judiciaire et la garantie des droits"
        let plain = estimator.measure(text)
        let spacing = estimator.measure(text, changes: [Change(offset: 0, before: "l ' a", after: "l’a", stage: "repair-words", rule: "elision")])
        let letter = estimator.measure(text, changes: [Change(offset: 0, before: "Ia", after: "la", stage: "repair-words", rule: "confusion")])
        let join = estimator.measure(text, changes: [Change(offset: 0, before: "transnati onal e", after: "transnationale", stage: "repair-words", rule: "merge")])
        #expect(spacing.punctuationChanges == ["elision": 1] && letter.punctuationChanges.isEmpty)
        #expect(join.punctuationChanges.isEmpty)
        #expect(estimator.estimate(spacing, level: .hipe) == estimator.estimate(plain, level: .hipe))
        #expect(estimator.estimate(spacing) > estimator.estimate(plain))
        #expect(estimator.estimate(letter, level: .hipe) > estimator.estimate(plain, level: .hipe))
    }

    /// A word cut at a line end is typesetting, not damage: `coopéra-` / `tion` is one known word,
    /// `Genève-` / `Ville` one compound, and the estimate of the column is that of the text uncut.
    @Test func wordsCutAtLineEndsAreMeasuredWhole() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let uncut = "Le programme de coopération technique du bureau de Genève-Ville est approuvé."
        let cut = "Le programme de coopéra-\ntion technique du bureau de Genève-\n  Ville est approuvé."
        let marked = "Le programme de coopéra¬\ntion technique du bureau de Genève-Ville est approuvé."
        let expected = estimator.measure(uncut)
        for text in [cut, marked] {
            let m = estimator.measure(text)
            #expect(m.words == expected.words)
            #expect(m.knownWords == expected.knownWords)
            #expect(m.estimatedCER == expected.estimatedCER)
        }
        // A hyphen before a capital or a number, or at the end of the text, is left as it is.
        let dash = estimator.measure("Les articles 3 à 12 du protocole -\n2010 et la note -")
        #expect(dash.words == estimator.measure("Les articles 3 à 12 du protocole - 2010 et la note -").words)
    }

    /// Writing the document's apostrophe (`c'est` → `c’est`) is typography, not repaired damage:
    /// a typeset page whose OCR read every `’` as `'` is not estimated worse for it, while a
    /// word repaired counts.
    @Test func apostropheStyleIsNotDamage() throws {
        let estimator = try QualityEstimator(resources: CLI.resources)
        let text = "C'est l'assistance technique qu'il faut renforcer."
        let plain = estimator.measure(text)
        let styled = estimator.measure(text, changes: [
            Change(offset: 0, before: "C'est", after: "C’est", stage: "repair-words", rule: "elision"),
            Change(offset: 6, before: "l'assistance", after: "l’assistance", stage: "repair-words", rule: "elision"),
        ])
        #expect(styled == plain)
        let repaired = estimator.measure(text, changes: [
            Change(offset: 6, before: "l'assistance", after: "l’assistancé", stage: "repair-words", rule: "elision"),
        ])
        #expect(repaired.repairedErrors == 2)
        #expect(repaired.changes["elision"] == 1)
    }
}
