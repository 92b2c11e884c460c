import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// End-to-end golden files for the layout stages, on the seeds: the PDF extractions 000 and 002
/// through `default` (checked by hand against `../shared/eval/real/*.gt.txt`: no difference),
/// the Markdown conversions 001 and 003 through `markdown` (same paragraphs as the clean text of
/// `../shared/eval/dev/sources`, footnotes last). `RECORD_GOLDENS=1 swift test` rewrites them.
@Suite struct LayoutGoldenTests {
    static let cases: [(seed: String, pipeline: String)] = [("000", "default"), ("002", "default"), ("001", "markdown"), ("003", "markdown")]

    static func records(_ seed: String, _ pipelineName: String) throws -> [Record] {
        let text = try String(contentsOfFile: CLI.fixtures + "/seeds/\(seed).txt", encoding: .utf8)
        var pipeline = try PipelineLoader.load(pipelineName, resources: CLI.resources)
        return try DocumentRunner.records(of: text, document: seed, pipeline: &pipeline)
    }

    @Test(arguments: cases.map { "\($0.seed) \($0.pipeline)" })
    func textMatchesTheGoldenFile(_ name: String) throws {
        let parts = name.split(separator: " ").map(String.init)
        let text = try String(contentsOfFile: CLI.fixtures + "/seeds/\(parts[0]).txt", encoding: .utf8)
        let pipeline = try PipelineLoader.load(parts[1], resources: CLI.resources)
        let output = try DocumentRunner.text(of: text, document: parts[0], template: pipeline)
        let problem = try Golden.problem(output, file: CLI.repository + "/Tests/OCRCleanTests/Golden/\(parts[1])-\(parts[0]).txt")
        #expect(problem == nil, "\(problem ?? "")")
    }

    /// Every footnote is linked from the text, no furniture or separator is left in a paragraph,
    /// and the footnotes come last.
    @Test(arguments: cases.map { "\($0.seed) \($0.pipeline)" })
    func footnotesLinkedAndFurnitureOut(_ name: String) throws {
        let parts = name.split(separator: " ").map(String.init)
        let records = try Self.records(parts[0], parts[1])
        let linked = Set(records.flatMap(\.notes))
        let notes = records.filter { $0.kind == .footnote }
        #expect(!notes.isEmpty)
        for note in notes where note.label.flatMap(Int.init) != nil {
            #expect(linked.contains(note.label!), "footnote \(note.label!) of seed \(parts[0]) is not linked")
        }
        if let firstNote = records.firstIndex(where: { $0.kind == .footnote }) {
            #expect(records[firstNote...].allSatisfy { $0.kind == .footnote || $0.text.isEmpty })
        }
        for r in records where r.kind == .paragraph || r.kind == .listItem || r.kind == .heading {
            #expect(!r.text.contains("V.10-57325") && !r.text.contains("____") && !r.text.contains("CTOC/COP/2010/L.9"), "\(r.text.prefix(80))")
        }
    }
}
