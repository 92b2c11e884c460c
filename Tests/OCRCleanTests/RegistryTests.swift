import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// `ocr-clean stages` is compared with a golden listing, so that renaming a stage or an option,
/// or changing a default, is a deliberate act. `RECORD_GOLDENS=1 swift test` rewrites it.
@Suite struct RegistryTests {
    @Test func stageListingMatchesTheGoldenFile() throws {
        let problem = try Golden.problem(StageRegistry.listing(), file: CLI.repository + "/Tests/OCRCleanTests/Golden/stages.txt")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func namesAreUniqueAndKebabCase() {
        let names = StageRegistry.allNames
        #expect(Set(names).count == names.count)
        for step in StageRegistry.all {
            #expect(step.name.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }, "\(step.name)")
            for option in step.options {
                #expect(option.name.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }, "\(step.name).\(option.name)")
                #expect(option.validate(option.defaultValue) == nil, "\(step.name).\(option.name) default does not validate")
                #expect(!option.help.isEmpty)
            }
        }
    }
}
