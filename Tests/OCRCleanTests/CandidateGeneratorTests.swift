@testable import OCRClean
import OCRCleanTestSupport
import Testing

/// What the candidate search offers for a word, before the document and the context weigh in.
@Suite struct CandidateGeneratorTests {
    static let generator = Result { try CandidateGenerator.french(resources: CLI.resources) }

    func candidates(_ word: String) throws -> [String] {
        try Self.generator.get().candidates(for: word.unicodeScalars.map(\.value)).map { JoinedText.string($0.text) }
    }

    /// The engine read the case of a lowercase word with its letters: a name or an acronym spelt
    /// the same is no candidate (`apt` is no `Apt`, `gt` no `Gt`, `vi` no `VI`), unless every
    /// capital differs from its small letter by size alone (`office` → `Office`).
    @Test func aLowercaseWordIsNoNameSpeltTheSame() throws {
        #expect(try !candidates("apt").contains("Apt"))
        #expect(try !candidates("gt").contains("Gt"))
        #expect(try !candidates("vi").contains("VI"))
        #expect(CandidateGenerator.readsOnlyCase(Array("apt".unicodeScalars.map(\.value)), Array("Apt".unicodeScalars.map(\.value))))
        #expect(!CandidateGenerator.readsOnlyCase(Array("office".unicodeScalars.map(\.value)), Array("Office".unicodeScalars.map(\.value))))
        #expect(!CandidateGenerator.readsOnlyCase(Array("etats".unicodeScalars.map(\.value)), Array("États".unicodeScalars.map(\.value))))
    }

    /// A misread letter in a lowercase word still finds the name it stands for when the case is
    /// not all that differs: `etats` → `États` (an accent too).
    @Test func aNameWithAnotherLetterIsStillACandidate() throws {
        #expect(try candidates("etats").contains("États"))
    }
}
