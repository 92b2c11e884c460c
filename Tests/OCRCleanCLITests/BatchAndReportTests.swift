import Foundation
import OCRCleanTestSupport
import Testing

/// `ocr-clean batch`, `report`, `eval` and `quality` as a user runs them: trees mirrored, the
/// catalog, resuming, refusals, exit codes, and a report that escapes hostile text.
@Suite(.serialized) struct BatchAndReportTests {
    let scratch = ScratchDirectory("ocr-clean-batch")
    var root: String { scratch.path }

    /// An input tree: the seeds in two folders, a hostile file name and content, a binary file,
    /// a link out of the tree.
    func makeInputs(_ name: String) throws -> String {
        let input = "\(root)/\(name)"
        let fm = FileManager.default
        try? fm.removeItem(atPath: input)
        try fm.createDirectory(atPath: input + "/un/deux", withIntermediateDirectories: true)
        for seed in ["000", "001", "004"] {
            try fm.copyItem(atPath: "\(CLI.fixtures)/seeds/\(seed).txt", toPath: "\(input)/un/\(seed).txt")
        }
        try fm.copyItem(atPath: "\(CLI.fixtures)/seeds/002.txt", toPath: "\(input)/un/deux/002.txt")
        try Data("<script>alert(1)</script> l’Office <img src=x onerror=alert(2)> javascript:alert(3)\n".utf8)
            .write(to: URL(fileURLWithPath: "\(input)/<img src=x onerror=alert(4)>.txt"))
        try fm.createSymbolicLink(atPath: "\(input)/dehors.txt", withDestinationPath: "/etc/hostname")
        return input
    }

    @Test func batchMirrorsTheTreeResumesAndRefusesLinksOut() throws {
        let input = try makeInputs("tree")
        let out = "\(root)/tree-out"
        let first = try CLI.run(["batch", input, "--out", out, "--jobs", "2"])
        #expect(first.status == 1, "a refused link makes the run fail")
        #expect(first.stderr.contains("dehors.txt: refused: symbolic link leads outside"))
        #expect(first.stderr.contains("5 cleaned, 0 unchanged, 0 failed"), "\(first.stderr)")
        for path in ["un/000.txt", "un/001.txt", "un/004.txt", "un/deux/002.txt", "<img src=x onerror=alert(4)>.txt"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(path)"), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(out)/dehors.txt"))
        let direct = try CLI.run(["\(input)/un/004.txt"])
        #expect(try String(contentsOfFile: "\(out)/un/004.txt", encoding: .utf8) == direct.output, "batch writes what the filter writes")

        try FileManager.default.removeItem(atPath: "\(input)/dehors.txt")
        let second = try CLI.run(["batch", input, "--out", out])
        #expect(second.status == 0 && second.stderr.contains("0 cleaned, 5 unchanged"), "\(second.stderr)")

        try Data("Un texte changé.\n".utf8).write(to: URL(fileURLWithPath: "\(input)/un/001.txt"))
        let third = try CLI.run(["batch", input, "--out", out])
        #expect(third.stderr.contains("1 cleaned, 4 unchanged"), "\(third.stderr)")
        #expect(try String(contentsOfFile: "\(out)/un/001.txt", encoding: .utf8) == "Un texte changé.\n")

        let forced = try CLI.run(["batch", input, "--out", out, "--force"])
        #expect(forced.stderr.contains("5 cleaned, 0 unchanged"), "\(forced.stderr)")
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aWordListGivenOnTheCommandLineIsPartOfWhatARerunChecks() throws {
        let input = "\(root)/lists"
        try? FileManager.default.removeItem(atPath: input)
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try Data("Un égoportralt est utile.\n".utf8).write(to: URL(fileURLWithPath: "\(input)/a.txt"))
        let list = "\(root)/terms.txt"
        try Data("baladodiffusion\n".utf8).write(to: URL(fileURLWithPath: list))
        let out = "\(root)/lists-out"
        let first = try CLI.run(["batch", input, "--out", out, "--lexicon", list])
        #expect(first.status == 0 && first.stderr.contains("1 cleaned"), "\(first.stderr)")
        #expect(try String(contentsOfFile: "\(out)/a.txt", encoding: .utf8) == "Un égoportralt est utile.\n")
        let same = try CLI.run(["batch", input, "--out", out, "--lexicon", list])
        #expect(same.stderr.contains("0 cleaned, 1 unchanged"), "\(same.stderr)")

        // The list gains the word: the document is redone with it.
        try Data("baladodiffusion\négoportrait\n".utf8).write(to: URL(fileURLWithPath: list))
        let edited = try CLI.run(["batch", input, "--out", out, "--lexicon", list])
        #expect(edited.stderr.contains("1 cleaned, 0 unchanged"), "\(edited.stderr)")
        #expect(try String(contentsOfFile: "\(out)/a.txt", encoding: .utf8) == "Un égoportrait est utile.\n")
    }

    @Test func aFailingDocumentIsSkippedCopiedOrStopsTheRun() throws {
        let input = "\(root)/failing"
        try? FileManager.default.removeItem(atPath: input)
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34] + (0..<2000).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: "\(input)/a.txt"))
        try Data("du texte\n".utf8).write(to: URL(fileURLWithPath: "\(input)/b.txt"))
        let skip = try CLI.run(["batch", input, "--out", "\(root)/failing-skip"])
        #expect(skip.status == 1 && skip.stderr.contains("a.txt: ") && skip.stderr.contains("1 failed"))
        #expect(!FileManager.default.fileExists(atPath: "\(root)/failing-skip/a.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/failing-skip/b.txt"))
        let copy = try CLI.run(["batch", input, "--out", "\(root)/failing-copy", "--on-error", "copy"])
        #expect(copy.status == 1)
        #expect(FileManager.default.contents(atPath: "\(root)/failing-copy/a.txt") == FileManager.default.contents(atPath: "\(input)/a.txt"))
        let abort = try CLI.run(["batch", input, "--out", "\(root)/failing-abort", "--on-error", "abort", "--jobs", "1"])
        #expect(abort.status == 1 && abort.stderr.contains("stopped early"))
    }

    @Test func htmlReportEscapesHostileTextAndRunsNoScript() throws {
        let input = try makeInputs("hostile")
        try FileManager.default.removeItem(atPath: "\(input)/dehors.txt")
        let out = "\(root)/hostile-out"
        _ = try CLI.run(["batch", input, "--out", out])
        let report = "\(root)/report.html"
        let r = try CLI.run(["report", out, "--format", "html", "-o", report])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!html.contains("<script"), "no script element")
        #expect(!html.contains("<img"), "no element from document text or file names")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(4)&gt;.txt"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))
        #expect(html.contains("<svg"), "charts are inline SVG")
        // The page .ci/run opens in headless Chromium.
        if let target = ProcessInfo.processInfo.environment["OCRCLEAN_REPORT_CHECK"] {
            try html.write(toFile: target, atomically: true, encoding: .utf8)
        }
        for format in ["text", "json", "md"] {
            let other = try CLI.run(["report", out, "--format", format])
            #expect(other.status == 0 && !other.output.isEmpty)
            if format == "md" { #expect(!other.output.contains("<script")) }
        }
    }

    @Test func reportThresholdsGateACorpus() throws {
        let input = try makeInputs("gate")
        try FileManager.default.removeItem(atPath: "\(input)/dehors.txt")
        let out = "\(root)/gate-out"
        _ = try CLI.run(["batch", input, "--out", out])
        #expect(try CLI.run(["report", out, "--fail-under", "known_share=0.5"]).status == 0)
        let missed = try CLI.run(["report", out, "--fail-under", "known_share=0.9999"])
        #expect(missed.status == 1 && missed.stderr.contains("threshold missed: known_share"))
        #expect(try CLI.run(["report", out, "--fail-above", "estimated_cer=0.5"]).status == 0)
        #expect(try CLI.run(["report", out, "--fail-under", "nonsense=1"]).status == 64)
    }

    @Test func reportReadsRecordsFiles() throws {
        let records = try CLI.run(["--format", "records", "\(CLI.fixtures)/seeds/004.txt"])
        let path = "\(root)/004.jsonl"
        try records.stdout.write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["report", path, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.output.contains("\"documents\":1") && r.output.contains("repair-words/"), "\(r.output.prefix(300))")
        // A text file given by mistake, and a records file cut short, are refused with the line.
        let text = try CLI.run(["report", "\(CLI.fixtures)/seeds/004.txt"])
        #expect(text.status == 1 && text.stderr.contains("004.txt: line 1: not a record"), "\(text.stderr)")
        let cut = "\(root)/cut.jsonl"
        try (records.stdout + Data("{\"kind\":\"paragraph\",\"te".utf8)).write(to: URL(fileURLWithPath: cut))
        let lines = records.stdout.split(separator: UInt8(ascii: "\n")).count
        let short = try CLI.run(["report", cut])
        #expect(short.status == 1 && short.stderr.contains("cut.jsonl: line \(lines + 1): not a record"), "\(short.stderr)")
    }

    @Test func evalPrintsErrorRatesBeforeAndAfter() throws {
        let gt = "\(root)/gt"
        try? FileManager.default.createDirectory(atPath: gt, withIntermediateDirectories: true)
        try Data("la coopération internationale\n".utf8).write(to: URL(fileURLWithPath: "\(gt)/doc.gt.txt"))
        try Data("la coopératiou inter nationale\n".utf8).write(to: URL(fileURLWithPath: "\(gt)/doc.ocr.txt"))
        let r = try CLI.run(["eval", "--gt", gt, "--json", "\(gt)/doc.ocr.txt"])
        #expect(r.status == 0)
        // 2 edits (u→n, a space) over 29 characters.
        #expect(r.output.contains("\"cer\":\(2.0 / 29.0)"), "\(r.output)")
        let missing = try CLI.run(["eval", "--gt", "\(root)/nowhere", "\(gt)/doc.ocr.txt"])
        #expect(missing.status == 1 && missing.stderr.contains("no reference"))
    }

    @Test func qualityComparesWithTheTruthAtTheChosenLevel() throws {
        let units = "\(root)/units.jsonl"
        try Data("""
            {"ocr":"L’Office des Nations Unies","gt":"l'Office des Nations Unies"}
            {"ocr":"la coopératiou inter nationale","gt":"la coopération internationale"}
            {"ocr":"Le Conscil a dccidé de crécr un groupc","gt":"Le Conseil a décidé de créer un groupe"}
            {"ocr":"sans vérité terrain"}

            """.utf8).write(to: URL(fileURLWithPath: units))
        func cers(_ level: String) throws -> (status: Int32, cers: [Double], stderr: String) {
            let r = try CLI.run(["quality", "--jsonl", "--json", "--field", "ocr", "--gt-field", "gt", "--level", level, units])
            let values = r.output.split(separator: "\n").compactMap { line -> Double? in
                guard let range = line.range(of: "\"cer\":") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })
            }
            return (r.status, values, r.stderr)
        }
        let collapsed = try cers("collapsed")
        // The record without truth is measured, not compared; three pairs give a correlation.
        #expect(collapsed.status == 0 && collapsed.cers.count == 3, "\(collapsed)")
        #expect(collapsed.stderr.contains("Spearman correlation") && collapsed.stderr.contains("over 3 documents"))
        // `L’` against `l'`: two errors as they are, none at the HIPE level (lowercased, no punctuation).
        #expect(collapsed.cers.first == 2.0 / 26.0)
        let hipe = try cers("hipe")
        #expect(hipe.cers.first == 0 && hipe.cers[2] > 0, "\(hipe)")
        let bad = try CLI.run(["quality", "--jsonl", "--field", "ocr", "--level", "words", units])
        #expect(bad.status == 64 && bad.stderr.contains("words"), "\(bad.stderr)")
    }
}
