import Foundation
import OCRCleanTestSupport
import Testing

/// Every input the fuzzer ever kept as a crash, and the seed corpus, replayed through the same
/// fuzz target (`.ci/fuzz` fuzzes; `ocr-clean-fuzz TARGET DIR` replays without the fuzzer).
@Suite struct FuzzRegressionTests {
    @Test(arguments: ["decode", "pipeline-file", "jsonl", "default"])
    func savedInputsStillPass(_ target: String) throws {
        let binary = URL(fileURLWithPath: CLI.executable).deletingLastPathComponent().appendingPathComponent("ocr-clean-fuzz").path
        let folder = CLI.repository + "/Tests/Fuzz/" + target
        let saved = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        #expect(!saved.isEmpty)
        let r = try CLI.shell("OCRCLEAN_FUZZ_TARGET= '\(binary)' \(target) '\(folder)'")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.output == "\(target): \(saved.count) inputs, no crash\n")
    }
}
