import OCRClean
import OCRCleanTestSupport
import Testing

/// Error rates as the evaluation tools count them.
@Suite struct TextComparisonTests {
    /// The textbook dynamic programme the bit-parallel distance must agree with.
    static func levenshtein(_ a: [Int], _ b: [Int]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    @Test func bitParallelDistanceEqualsTheDynamicProgramme() {
        var g = PipelineVerifier.Generator(seed: 7)
        for _ in 0..<500 {
            // Lengths around the 64-symbol word size of the bit-parallel algorithm, small alphabets.
            let alphabet = 2 + g.int(6)
            let a = (0..<g.int(150)).map { _ in g.int(alphabet) }
            let b = (0..<g.int(150)).map { _ in g.int(alphabet) }
            #expect(EditDistance.distance(a, b) == Self.levenshtein(a, b), "\(a) \(b)")
        }
    }

    /// Near copies, as a page and its ground truth are: scattered edits, and runs of up to 150
    /// symbols deleted in one place and inserted in another (a line read out of order), which
    /// take the best alignment far off the diagonal. Every band pass must give the exact
    /// distance, across many 64-row blocks, with the dense and the sparse match table.
    @Test func bandedDistanceEqualsTheDynamicProgrammeOnNearCopies() {
        var g = PipelineVerifier.Generator(seed: 11)
        for round in 0..<300 {
            let alphabet = 2 + g.int(round % 2 == 0 ? 4 : 300)
            let a = (0..<g.int(700)).map { _ in g.int(alphabet) }
            var b = a
            for _ in 0..<g.int(round % 3 == 0 ? 200 : 25) {
                let at = g.int(b.count + 1)
                switch g.int(round % 4 == 1 ? 4 : 3) {
                case 3:
                    let run = Array(b[at...].prefix(g.int(150)))
                    b.removeSubrange(at..<at + run.count)
                    b.insert(contentsOf: run, at: g.int(b.count + 1))
                case 0: b.insert(g.int(alphabet), at: at)
                case 1: if at < b.count { b.remove(at: at) }
                default: if at < b.count { b[at] = g.int(alphabet) }
                }
            }
            let expected = Self.levenshtein(a, b)
            #expect(EditDistance.distance(a, b) == expected, "round \(round)")
            #expect(EditDistance.distance(b, a, denseCells: 0) == expected, "round \(round), sparse")
        }
    }

    @Test func dinglehopperLevelCountsAsDinglehopperDoes() {
        // dinglehopper 0.11 on these two plain-text files: CER 4/62 (lines trimmed, `ﬁ` = `fi`,
        // `’` = `'`, `—` = `–`; the line breaks count).
        let reference = "L’effet ﬁnal de la résolution\n  Les États — membres  \n\nQu’il soit\n"
        let hypothesis = "L'effet final de la resolution\nLes Etats - membres\nQu’il soit"
        let c = TextComparison(reference: reference, hypothesis: hypothesis, level: .dinglehopper)
        #expect(c.referenceCharacters == 62)
        #expect(c.characterDistance == 4)
    }

    @Test func collapsedLevelIgnoresLineBreaksAndSpaces() {
        let c = TextComparison(reference: "la coopération\ninternationale\n", hypothesis: "la  coopératiou internationale", level: .collapsed)
        #expect(c.referenceCharacters == 29 && c.characterDistance == 1)
        #expect(c.referenceWords == 3 && c.wordDistance == 1)
    }

    /// The typographic signs a transcription writes by its own convention are one sign; letters,
    /// digits and other signs still count.
    @Test func typographyLevelMakesApostrophesQuotesAndDashesOne() {
        let reference = "l'État \"membre\" - com-\npris"
        let hypothesis = "l’État «membre» — com¬\npris"
        #expect(TextComparison(reference: reference, hypothesis: hypothesis, level: .typography).characterDistance == 0)
        #expect(TextComparison(reference: reference, hypothesis: hypothesis, level: .collapsed).characterDistance == 5)
        let misread = TextComparison(reference: reference, hypothesis: "I’Etat «membre» — com¬ pris.", level: .typography)
        #expect(misread.characterDistance == 3)
    }
}
