import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// The de-hyphenation test set (`Dehyphenation/set.txt`, made by `Dehyphenation/make-set.py`):
/// French paragraphs broken into lines with syllabic breaks and breaks inside real compounds.
/// Through `dehyphenate`, no real hyphen may be lost and at least 95 % of the syllabic breaks must
/// be joined (the stage moves the rest of the word up, so the blank-line-separated blocks of its
/// output are the set's paragraphs).
@Suite struct DehyphenationSetTests {
    struct Break {
        var paragraph: Int
        var real: Bool
        var word: String
    }

    static let folder = CLI.repository + "/Tests/OCRCleanTests/Dehyphenation"

    static func breaks() throws -> [Break] {
        try String(contentsOfFile: folder + "/breaks.tsv", encoding: .utf8).split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 3, let n = Int(f[0]) else { return nil }
            return Break(paragraph: n, real: f[1] == "real", word: f[2])
        }
    }

    @Test func syllabicBreaksJoinedAndRealHyphensKept() throws {
        let input = try String(contentsOfFile: Self.folder + "/set.txt", encoding: .utf8)
        let pipeline = try Pipeline(PipelineFile.parse("normalize\ndehyphenate", name: "dehyphenation", path: "dehyphenation"),
                                    resources: CLI.resources)
        let output = try DocumentRunner.text(of: input, document: "set.txt", template: pipeline)
        let paragraphs = output.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "\n", with: " ") }
        let breaks = try Self.breaks()
        var joined = 0, syllabic = 0, kept = 0, real = 0
        var misses: [String] = []
        for b in breaks {
            guard b.paragraph <= paragraphs.count else { continue }
            let words = Set(paragraphs[b.paragraph - 1].split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()«»\"")) })
            let ok = words.contains(b.word)
            if b.real {
                // Kept joined (`auto-évaluation`), or the break left alone (`sm-` / `notify`):
                // what must never come out is the word without its hyphen.
                real += 1
                let deleted = words.contains(b.word.replacingOccurrences(of: "-", with: ""))
                if ok || !deleted { kept += 1 } else { misses.append("real \(b.word)") }
            } else {
                syllabic += 1
                if ok { joined += 1 } else { misses.append("syllabic \(b.word)") }
            }
        }
        #expect(paragraphs.count == Set(breaks.map(\.paragraph)).count || paragraphs.count == breaks.map(\.paragraph).max())
        #expect(syllabic > 400 && real > 250)
        #expect(kept == real, "real hyphens lost: \(misses.filter { $0.hasPrefix("real") }.prefix(20)); syllabic missed: \(misses.filter { $0.hasPrefix("syllabic") }.prefix(30))")
        #expect(Double(joined) >= 0.95 * Double(syllabic), "\(joined)/\(syllabic) syllabic breaks joined; missed: \(misses.filter { $0.hasPrefix("syllabic") }.prefix(30))")
        print("de-hyphenation set: \(joined)/\(syllabic) syllabic breaks joined, \(kept)/\(real) real hyphens kept")
    }
}
