import Foundation
@testable import OCRClean
import OCRCleanTestSupport
import Testing

/// mark-noise clears a line with a byte count before reading its shape; the count must never
/// clear a line whose shape one of the noise tests would flag.
@Suite struct MarkNoiseTests {
    /// Every line of the seed texts and of the case files' inputs (noise lines among them).
    static let lines: [String] = {
        let root = CLI.repository + "/Tests"
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".txt") || path.hasSuffix(".txtar") { files.append(root + "/" + path) }
        }
        return files.flatMap { file in
            ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }()

    @Test func byteCountClearsNoLineTheShapeTestsFlag() {
        var cleared = 0, flagged = 0
        for line in Self.lines {
            var text = line
            text.withUTF8 { p in
                let shape = MarkNoise.shape(p)
                let noisy = shape.map { $0.shortRuns || $0.strewn } ?? false
                if noisy { flagged += 1 }
                if !MarkNoise.mayBeNoise(p) {
                    cleared += 1
                    #expect(!noisy, "cleared by the byte count but flagged by its shape: \(line)")
                }
            }
        }
        // The test reads both kinds of line: most are cleared, some are noise.
        #expect(cleared > 1_000)
        #expect(flagged > 5)
    }

    @Test func noiseLinesPassTheByteCount() {
        for line in ["_ us re ed Hu Se . ee e. de ee Re ue on", ". . ce . . . . a . > ire a. en He Hi à io",
                     "_.il_t_lrll_ilri_)|__ r_'llEi_._._ _| |..ll_|_lii_lci_ll_ _IL' l.| (::"] {
            var text = line
            #expect(text.withUTF8 { MarkNoise.mayBeNoise($0) }, "\(line)")
        }
    }
}
