import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// Pipeline files: every shipped file loads, and every mistake is refused with `file:line`,
/// what was expected, and the nearest known name.
@Suite struct PipelineFileTests {
    static func error(_ text: String) -> String {
        do {
            let file = try PipelineFile.parse(text, name: "t", path: "t.pipeline")
            _ = try Pipeline(file, resources: CLI.resources)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func everyShippedPipelineLoads() throws {
        let shipped = CLI.resources.list(folder: "Pipelines", ext: ".pipeline")
        #expect(Set(shipped.map(\.name)).isSuperset(of: ["default", "minimal", "ocr-lines"]))
        for (name, path) in shipped {
            let file = try PipelineFile.load(path: path)
            #expect(!file.description.isEmpty, "\(name) has no description comment")
            _ = try Pipeline(file, resources: CLI.resources)
        }
    }

    @Test func unknownStageSuggestsTheNearestName() {
        #expect(Self.error("decode\nnormalise form=nfc\n") == "t.pipeline:2: unknown stage 'normalise' (known: \(StageRegistry.allNames.joined(separator: ", "))). Did you mean 'normalize'?")
    }

    @Test func unknownOptionSuggestsTheNearestOption() {
        #expect(Self.error("normalize apostrophes=keep") == "t.pipeline:1: unknown option 'apostrophes' for 'normalize' (known: form, mojibake, invisible, ligatures, collapse-spaces, apostrophe, quotes, french-spacing). Did you mean 'apostrophe'?")
    }

    @Test func badChoiceSaysWhatIsExpected() {
        #expect(Self.error("# c\n\nnormalize apostrophe=curly") == "t.pipeline:3: bad value 'curly' for option 'apostrophe' of 'normalize': expected one of keep, typographic, ascii")
        #expect(Self.error("normalize form=nfd") == "t.pipeline:1: bad value 'nfd' for option 'form' of 'normalize': expected one of nfc, nfkc. Did you mean 'nfc'?")
        #expect(Self.error("decode max-line=12") == "t.pipeline:1: bad value '12' for option 'max-line' of 'decode': expected a whole number from 4096 to 1073741824")
    }

    @Test func structureErrors() {
        #expect(Self.error("normalize\ndecode") == "t.pipeline:2: 'decode' must be the first step")
        #expect(Self.error("emit\nnormalize") == "t.pipeline:2: 'emit' must be the last step; found 'normalize' after it")
        #expect(Self.error("normalize form") == "t.pipeline:1: expected key=value after 'normalize', found 'form'")
        #expect(Self.error("normalize form=nfc form=nfkc") == "t.pipeline:1: option 'form' is given twice for 'normalize'")
        #expect(Self.error("normalize quotes=\"keep") == "t.pipeline:1: unterminated quote")
        #expect(Self.error("# only comments\n") == "t.pipeline: the pipeline has no steps")
        #expect(Self.error("normalize as=n\nnormalize as=n") == "t.pipeline:2: instance name 'n' is used twice; give one of them as=NAME")
    }

    @Test func commentsQuotesAndInstanceNames() throws {
        let file = try PipelineFile.parse("# A test.\nnormalize  apostrophe=\"typographic\"  # trailing comment\nnormalize as=second\n", name: "t", path: "t")
        #expect(file.description == ["A test."])
        #expect(file.steps.map(\.instance) == ["normalize", "second"])
        #expect(file.steps[0].options.map(\.1) == ["typographic"])
    }

    @Test func effectiveTextFillsInEveryDefault() throws {
        let file = try PipelineFile.parse("# Mine.\nnormalize apostrophe=typographic\n", name: "mine", path: "mine.pipeline")
        let text = file.effectiveText()
        #expect(text.contains("decode     encoding=auto max-line=1048576 binary=refuse"))
        #expect(text.contains("normalize  form=nfc mojibake=true invisible=true ligatures=true collapse-spaces=true apostrophe=typographic quotes=keep french-spacing=keep"))
        // What `show` prints loads again and means the same.
        let again = try PipelineFile.parse(text, name: "mine", path: "x")
        let steps = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        #expect(steps(again.effectiveText()) == steps(text))
    }

    @Test func missingPipelineNameSuggests() {
        do {
            _ = try PipelineLoader.file("minimall", resources: CLI.resources)
            Issue.record("no error")
        } catch {
            #expect("\(error)".hasPrefix("minimall: no pipeline named 'minimall' (known: "))
            #expect("\(error)".hasSuffix("Did you mean 'minimal'?"))
        }
    }
}
