import Foundation
@testable import OCRClean
import OCRCleanTestSupport
import Testing

/// The JSON Lines field mode: the string at a dotted path is cleaned, every other byte of the
/// record stays as it was; broken records are written back unchanged and reported.
@Suite struct JSONTests {
    static func run(_ input: String, field: String, pipeline: String = "minimal") throws -> (String, JSONLinesCleaner.Result) {
        let inputPath = NSTemporaryDirectory() + "ocr-clean-jsonl-\(UUID().uuidString).jsonl"
        let outputPath = inputPath + ".out"
        try input.write(toFile: inputPath, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(atPath: inputPath)
            try? FileManager.default.removeItem(atPath: outputPath)
        }
        let sink = try OutputSink(atomicPath: outputPath)
        let result = try JSONLinesCleaner.run(
            source: try ByteSource(path: inputPath), document: "t", field: field,
            template: try PipelineLoader.load(pipeline, resources: CLI.resources), sink: sink)
        try sink.commit()
        return (try String(contentsOfFile: outputPath, encoding: .utf8), result)
    }

    @Test func cleansTheFieldAndKeepsEveryOtherByte() throws {
        let input = """
            {"id": 7,  "meta":{"x":[1,2.5e3,true,null]},"ocr_hypothesis": {"transcription_unit": "l\\u2019eﬀet   de\\nla Re\\u0301solution", "n": -1}, "z": "\\ud83d\\ude00"}

            {"ocr_hypothesis": {"other": "x"}}

            """
        let (output, result) = try Self.run(input, field: "ocr_hypothesis.transcription_unit")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == #"{"id": 7,  "meta":{"x":[1,2.5e3,true,null]},"ocr_hypothesis": {"transcription_unit": "l’effet de\nla Résolution", "n": -1}, "z": "\ud83d\ude00"}"#)
        #expect(lines[1] == "")
        #expect(lines[2] == #"{"ocr_hypothesis": {"other": "x"}}"#)
        #expect(result.records == 2 && result.cleaned == 1 && result.missing == 1 && result.problems.isEmpty)
    }

    @Test func arrayIndicesInThePath() throws {
        let (output, _) = try Self.run(#"{"pages":[{"text":"a  b"},{"text":"c  d"}]}"# + "\n", field: "pages.1.text")
        #expect(output == #"{"pages":[{"text":"a  b"},{"text":"c d"}]}"# + "\n")
    }

    @Test func malformedRecordsAreWrittenBackAndReported() throws {
        let input = "{\"text\": \"ok  ok\"}\n{\"text\": \"unterminated}\n[1,2\n{\"text\": \"x\"} trailing\n"
        let (output, result) = try Self.run(input, field: "text")
        #expect(output == "{\"text\": \"ok ok\"}\n{\"text\": \"unterminated}\n[1,2\n{\"text\": \"x\"} trailing\n")
        #expect(result.problems.map(\.line) == [2, 3, 4])
        #expect(result.problems[0].message.hasPrefix("not valid JSON (unterminated string"))
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (output, result) = try Self.run(deep + "\n", field: "text")
        #expect(output == deep + "\n")
        #expect(result.problems.first?.message.contains("nesting deeper than") == true)
    }

    /// Two records write a line-break hyphen `¬`, or one writes it inside a word: the file's
    /// convention, so `ocr-lines` marks the break of a record that printed `-`; alone, or beside
    /// one stray `¬` (after a number, before a capital), that record keeps its `-`.
    @Test func breakMarksOfSomeRecordsHoldForTheFile() throws {
        let marked = #"{"id":1,"text":"la ga¬\nrantie"}"# + "\n" + #"{"id":2,"text":"les sour¬\nces"}"# + "\n"
        let plain = #"{"id":3,"text":"la coopéra-\ntion"}"# + "\n"
        let (together, _) = try Self.run(marked + plain, field: "text", pipeline: "ocr-lines")
        #expect(together.hasSuffix(#"{"id":3,"text":"la coopéra¬\ntion"}"# + "\n"))
        let (alone, _) = try Self.run(plain, field: "text", pipeline: "ocr-lines")
        #expect(alone == plain)
        let (stray, _) = try Self.run(#"{"id":1,"text":"à Fr. 2. ¬\nCe qui"}"# + "\n" + plain, field: "text", pipeline: "ocr-lines")
        #expect(stray.hasSuffix(plain))
        let (oneMark, _) = try Self.run(#"{"id":1,"text":"la ga¬\nrantie"}"# + "\n" + plain, field: "text", pipeline: "ocr-lines")
        #expect(oneMark.hasSuffix(#"{"id":3,"text":"la coopéra¬\ntion"}"# + "\n"))
    }

    /// Only a pipeline that follows the input's conventions holds records back to learn them
    /// (up to 1,000 records or 16 MB); the others clean each record as soon as it is read.
    @Test func onlyConventionFollowingPipelinesHoldRecords() throws {
        #expect(try PipelineLoader.load("ocr-lines", resources: CLI.resources).awaitsConventions)
        for name in ["default", "minimal", "ocr-lines-marked", "markdown"] {
            #expect(try !PipelineLoader.load(name, resources: CLI.resources).awaitsConventions)
        }
    }

    @Test func conventionsCountOnlyMarksAtLineEnds() {
        var c = InputConventions()
        c.scan("Fr. 2. ¬  \r\nCe ¬ milieu\nfin¬")
        #expect(c.breakMarks == 1 && !c.marksBreakHyphens)
        c.scan("2 ¬\nLe")
        #expect(c.breakMarks == 2 && c.marksBreakHyphens)
        var word = InputConventions()
        word.scan("la ga¬  \r\nrantie")
        #expect(word.breakMarks == 1 && word.wordBreakMarks == 1 && word.marksBreakHyphens)
        var capital = InputConventions()
        capital.scan("Haute¬\nMarne")
        #expect(capital.wordBreakMarks == 0 && !capital.marksBreakHyphens)
    }

    @Test func locatorDecodesEscapes() throws {
        let json = Array(#"{"a":{"b":"x\"y\\z\u00e9\ud83d\ude00\/"}}"#.utf8)
        let found = try json.withUnsafeBufferPointer { try JSONFieldLocator.locate($0, path: ["a", "b"])?.value }
        #expect(found == "x\"y\\zé😀/")
    }
}
