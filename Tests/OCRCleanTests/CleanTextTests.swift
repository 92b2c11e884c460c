import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// Correct text must stay correct: the clean seeds (000–003: PDF extractions and Markdown of UN
/// texts) get no word change from `repair-words`, alone or in the shipped pipelines.
@Suite struct CleanTextTests {
    @Test(arguments: ["000", "001", "002", "003"])
    func cleanSeedsGetNoWordChange(_ seed: String) throws {
        let text = try String(contentsOfFile: CLI.fixtures + "/seeds/\(seed).txt", encoding: .utf8)
        for name in ["default", "ocr-lines", "markdown"] {
            var pipeline = try PipelineLoader.load(name, resources: CLI.resources)
            let records = try DocumentRunner.records(of: text, document: seed, pipeline: &pipeline)
            let changes = records.flatMap(\.changes).filter { $0.stage.contains(RepairWords.name) }
            #expect(changes.isEmpty, "seed \(seed), \(name): \(changes.prefix(5).map { "\($0.before)→\($0.after) (\($0.rule))" })")
        }
    }
}
