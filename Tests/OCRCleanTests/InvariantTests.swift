import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// The guarantees of `Stage`, checked for every registered stage alone and for every shipped
/// pipeline, over the seeds, the inputs of past failures (`Tests/Fixtures/invariants`), every case
/// input, and generated text (see `PipelineVerifier`).
@Suite struct InvariantTests {
    static let inputs: [(String, [UInt8])] = {
        var all: [(String, [UInt8])] = []
        for name in ["000", "001", "002", "003", "004"] {
            let path = CLI.fixtures + "/seeds/\(name).txt"
            all.append(("seed \(name)", Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())))
        }
        let regressions = CLI.fixtures + "/invariants"
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: regressions)) ?? []).sorted() where file.hasSuffix(".txt") {
            all.append(("regression \(file)", Array((try? Data(contentsOf: URL(fileURLWithPath: regressions + "/" + file))) ?? Data())))
        }
        for c in StageCase.all(in: CLI.repository + "/Tests/OCRCleanTests/Cases") {
            all.append((c.description, Array(c.input.utf8)))
        }
        var generator = PipelineVerifier.Generator(seed: 42)
        for k in 0..<20 { all.append(("generated French \(k)", generator.frenchOCR(lines: 60))) }
        for k in 0..<20 { all.append(("generated Unicode \(k)", generator.unicodeSoup(bytes: 600))) }
        // The long run: `OCRCLEAN_GENERATED=10000 OCRCLEAN_INVARIANT_CORPUS=../shared/eval swift test
        // -c release --filter InvariantTests` adds that many generated documents (short ones, half
        // French with OCR noise, half Unicode soup) and every file under the folders listed.
        let environment = ProcessInfo.processInfo.environment
        let extra = Int(environment["OCRCLEAN_GENERATED"] ?? "") ?? 0
        for k in 0..<extra {
            all.append(k % 2 == 0 ? ("generated French \(k)", generator.frenchOCR(lines: 4 + generator.int(16)))
                                  : ("generated Unicode \(k)", generator.unicodeSoup(bytes: 50 + generator.int(400))))
        }
        for folder in (environment["OCRCLEAN_INVARIANT_CORPUS"] ?? "").split(separator: ":").map(String.init) {
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() {
                let path = folder + "/" + file
                guard FileSystem.isRegularFile(path), let data = FileManager.default.contents(atPath: path) else { continue }
                all.append((path, Array(data)))
            }
        }
        return all
    }()

    static var pipelines: [(String, Pipeline)] {
        var all: [(String, Pipeline)] = []
        for (name, _) in CLI.resources.list(folder: "Pipelines", ext: ".pipeline") {
            if let p = try? PipelineLoader.load(name, resources: CLI.resources) { all.append(("pipeline \(name)", p)) }
        }
        // Each stage alone, after `normalize` (which every pipeline runs first and which alone
        // is responsible for NFC).
        for stage in StageRegistry.stages {
            // Text output with a blank line between blocks, so that a stage that joins lines
            // reads its own output back as the same blocks.
            let text = (stage.name == Normalize.name ? stage.name : "normalize\n" + stage.name) + "\nemit separator=blank"
            if let p = try? Pipeline(PipelineFile.parse(text, name: stage.name, path: stage.name), resources: CLI.resources) {
                all.append(("stage \(stage.name)", p))
            }
        }
        return all
    }

    /// `OCRCLEAN_DUMP_INPUTS=DIR swift test --filter InvariantTests` writes the inputs to DIR, to
    /// reproduce a failure with the command-line tool.
    @Test func inputsCanBeDumped() throws {
        guard let dir = ProcessInfo.processInfo.environment["OCRCLEAN_DUMP_INPUTS"] else { return }
        for (name, bytes) in Self.inputs {
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name.replacingOccurrences(of: " ", with: "-")))
        }
    }

    @Test func everyStageAndPipelineIsCovered() {
        #expect(Self.pipelines.count == CLI.resources.list(folder: "Pipelines", ext: ".pipeline").count + StageRegistry.stages.count)
    }

    @Test(arguments: pipelines.map(\.0))
    func invariantsHold(_ name: String) throws {
        let pipeline = try #require(Self.pipelines.first { $0.0 == name }?.1)
        var problems: [String] = []
        var failing = 0
        for (input, bytes) in Self.inputs {
            do {
                let found = try PipelineVerifier.problems(pipeline: pipeline, input: bytes, name: "\(name) on \(input)")
                if !found.isEmpty { failing += 1 }
                problems += found
            } catch is DecodeError {
                continue  // input refused as binary: checked in DecoderTests
            }
        }
        #expect(problems.isEmpty, "\(failing) of \(Self.inputs.count) inputs fail:\n\(problems.prefix(10).joined(separator: "\n"))")
    }
}
