import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// Runs every case file in `Cases/<stage>/*.txtar`: input through the case's pipeline must give
/// the expected section exactly. `status: known-failure` cases must still fail (strict xfail).
@Suite struct StageCaseTests {
    static let cases = StageCase.all(in: CLI.repository + "/Tests/OCRCleanTests/Cases")

    @Test func thereAreCasesForEveryStage() {
        let folders = Set(Self.cases.map { ($0.path as NSString).deletingLastPathComponent.components(separatedBy: "/").last! })
        for step in StageRegistry.all where step.name != EmitStep.name {
            #expect(folders.contains(step.name), "no case files in Cases/\(step.name)/")
        }
    }

    @Test(arguments: cases)
    func stageCase(_ c: StageCase) throws {
        let actual = try c.run(resources: CLI.resources)
        if ProcessInfo.processInfo.environment["OCRCLEAN_FILL_CASES"] == "1", c.expected?.isEmpty ?? true {
            try c.fillExpected(actual)
            return
        }
        let expected = try #require(c.expected, "\(c.path) has no '-- expected --' section")
        if c.isKnownFailure {
            withKnownIssue(Comment(rawValue: c.comment)) {
                #expect(actual.utf8.elementsEqual(expected.utf8))
            }
        } else {
            #expect(actual.utf8.elementsEqual(expected.utf8), "\(c.path)\n--- actual ---\n\(actual)--- expected ---\n\(expected)")
        }
    }
}
