import ArgumentParser
import Glibc
import OCRClean

extension TextComparison.Level: ExpressibleByArgument {}

/// `ocr-clean eval --gt DIR FILE…`: character and word error rates against ground truth.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Character and word error rates of files against ground truth (dinglehopper's CER).",
        discussion: """
            Each FILE is compared with its reference: with --gt DIR, the file of the same name in DIR, or \
            NAME.gt.txt for NAME.ocr.txt, NAME.raw.txt, NAME.out.txt or NAME.txt; with --gt FILE, that file. \
            With --clean, FILE is first run through the pipeline and both the input (before) and the \
            output (after) are scored. Totals are sums of distances over sums of reference lengths.

            Example:
              ocr-clean eval --clean --gt ../shared/eval/real ../shared/eval/real/004.ocr.txt
            """)

    @Argument(help: "Files to score (OCR output, or input to clean with --clean).")
    var files: [String]

    @Option(help: "Ground truth: a directory of references, or one reference file.")
    var gt: String

    @Flag(help: "Clean each file with the pipeline first; print the rates before and after.")
    var clean = false

    @Option(name: .shortAndLong, help: "Pipeline for --clean.")
    var pipeline = "default"

    @OptionGroup var adjustments: PipelineAdjustments

    @Option(help: "Comparison level: raw, nfc, collapsed (white space collapsed; the default), typography (collapsed, apostrophes, quotes and dashes made one), hipe (also lowercased, no punctuation), dinglehopper (lines trimmed, its NFC_SBB substitutions).")
    var level: TextComparison.Level = .collapsed

    @Flag(help: "Count Unicode code points instead of grapheme clusters.")
    var codePoints = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let resources = Resources.standard()
        let template = clean ? try loadPipeline(pipeline, overrides: adjustments.overrides, resources: resources) : nil
        struct Row {
            var name: String
            var before: TextComparison
            var after: TextComparison?
        }
        var rows: [Row] = []
        var failed = false
        for file in files {
            guard let reference = referencePath(for: file) else {
                warn("\(file): no reference found for it in \(gt)")
                failed = true
                continue
            }
            do {
                let hypothesis = try text(file)
                let truth = try text(reference)
                let before = TextComparison(reference: truth, hypothesis: hypothesis, level: level, codePoints: codePoints)
                var after: TextComparison?
                if let template {
                    let cleaned = try DocumentRunner.text(of: hypothesis, document: file, template: template)
                    after = TextComparison(reference: truth, hypothesis: cleaned, level: level, codePoints: codePoints)
                }
                rows.append(Row(name: file, before: before, after: after))
            } catch {
                warn("\(file): \(error)")
                failed = true
            }
        }
        func pct(_ x: Double) -> String { String(format2(x * 100)) }
        var totals = (cd: 0, rc: 0, wd: 0, rw: 0, cda: 0, wda: 0)
        for r in rows {
            totals.cd += r.before.characterDistance
            totals.rc += r.before.referenceCharacters
            totals.wd += r.before.wordDistance
            totals.rw += r.before.referenceWords
            totals.cda += r.after?.characterDistance ?? 0
            totals.wda += r.after?.wordDistance ?? 0
        }
        let totalCER = totals.rc == 0 ? 0 : Double(totals.cd) / Double(totals.rc)
        let totalWER = totals.rw == 0 ? 0 : Double(totals.wd) / Double(totals.rw)
        let totalCERAfter = totals.rc == 0 ? 0 : Double(totals.cda) / Double(totals.rc)
        let totalWERAfter = totals.rw == 0 ? 0 : Double(totals.wda) / Double(totals.rw)
        if json {
            var out = "{\"level\":\"\(level.rawValue)\",\"documents\":["
            for (i, r) in rows.enumerated() {
                if i > 0 { out += "," }
                out += "{\"file\":\(jsonString(r.name)),\"reference_characters\":\(r.before.referenceCharacters),\"reference_words\":\(r.before.referenceWords)"
                out += ",\"cer\":\(r.before.cer),\"wer\":\(r.before.wer)"
                if let a = r.after { out += ",\"cer_after\":\(a.cer),\"wer_after\":\(a.wer)" }
                out += "}"
            }
            out += "],\"total\":{\"cer\":\(totalCER),\"wer\":\(totalWER)"
            if clean { out += ",\"cer_after\":\(totalCERAfter),\"wer_after\":\(totalWERAfter)" }
            out += "}}\n"
            print(out, terminator: "")
        } else {
            let header = clean ? "CER_b  CER_a  WER_b  WER_a  impr%" : "  CER    WER"
            print(pad("file", 48) + " " + pad("chars", 7, right: true) + "  " + header)
            for r in rows {
                var line = pad(r.name, 48) + " " + pad(String(r.before.referenceCharacters), 7, right: true) + "  "
                if let a = r.after {
                    let impr = r.before.characterDistance == 0 ? 0 : Double(r.before.characterDistance - a.characterDistance) / Double(r.before.characterDistance)
                    line += [pct(r.before.cer), pct(a.cer), pct(r.before.wer), pct(a.wer), pct(impr)].map { pad($0, 5, right: true) }.joined(separator: "  ")
                } else {
                    line += pad(pct(r.before.cer), 5, right: true) + "  " + pad(pct(r.before.wer), 5, right: true)
                }
                print(line)
            }
            var total = pad("TOTAL (\(rows.count) files)", 48) + " " + pad(String(totals.rc), 7, right: true) + "  "
            if clean {
                let impr = totals.cd == 0 ? 0 : Double(totals.cd - totals.cda) / Double(totals.cd)
                total += [pct(totalCER), pct(totalCERAfter), pct(totalWER), pct(totalWERAfter), pct(impr)].map { pad($0, 5, right: true) }.joined(separator: "  ")
            } else {
                total += pad(pct(totalCER), 5, right: true) + "  " + pad(pct(totalWER), 5, right: true)
            }
            print(total)
            print("CER/WER in % at level '\(level.rawValue)' over \(codePoints ? "code points" : "grapheme clusters")")
        }
        if failed { throw ExitCode(1) }
    }

    /// The reference file for `file`.
    func referencePath(for file: String) -> String? {
        if FileSystem.isRegularFile(gt) { return gt }
        guard FileSystem.isDirectory(gt) else { return nil }
        let name = FileSystem.name(of: file)
        var candidates = [name]
        for suffix in [".ocr.txt", ".raw.txt", ".out.txt", ".hyp.txt", ".txt"] where name.hasSuffix(suffix) {
            candidates.append(String(name.dropLast(suffix.count)) + ".gt.txt")
        }
        for c in candidates {
            let path = gt + "/" + c
            if path != file, FileSystem.isRegularFile(path) { return path }
        }
        return nil
    }

    func text(_ path: String) throws -> String {
        let bytes = try FileSystem.read(path)
        return String(decoding: bytes, as: UTF8.self)
    }
}

func format2(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
    }
    return s
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    guard n < width else { return s }
    return right ? String(repeating: " ", count: width - n) + s : s + String(repeating: " ", count: width - n)
}

func jsonString(_ s: String) -> String {
    var out: [UInt8] = []
    JSONString.append(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}
