import ArgumentParser
import Glibc
import OCRClean

/// `ocr-clean quality FILE…`: quality without ground truth, per document or per JSON Lines record.
struct Quality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Estimate the quality of documents without ground truth (known words, garbage, changes, estimated CER).",
        discussion: """
            Runs the pipeline over each document (or each record's string with --jsonl) and prints, for the \
            text as it came in: words, share of known words, share of garbage tokens, word changes per 1,000 \
            words and the estimated character error rate. With --gt-field (JSON Lines) or --gt DIR the true \
            CER is printed too, with the Spearman correlation between estimate and truth.

            Example (HIPE units):
              ocr-clean quality --jsonl --field ocr_hypothesis.transcription_unit \\
                --gt-field ground_truth.transcription_unit units.jsonl
            """)

    @Argument(help: "Text files, or JSON Lines files with --jsonl.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Pipeline whose changes count as evidence.")
    var pipeline = "ocr-lines"

    @Flag(help: "Input is JSON Lines: measure the string at --field of every record.")
    var jsonl = false

    @Option(help: "With --jsonl: dotted path of the text.")
    var field = "text"

    @Option(help: "With --jsonl: dotted path of the ground truth, to print the true CER.")
    var gtField: String?

    @Option(help: "Directory of NAME.gt.txt references for text files, to print the true CER.")
    var gt: String?

    @Option(help: "Level at which the true CER is computed, and estimated: raw, nfc, collapsed (the default), typography (collapsed, apostrophes, quotes and dashes made one), hipe (also lowercased, no punctuation: misplaced spaces and changes of punctuation or case alone count for nothing), dinglehopper.")
    var level: TextComparison.Level = .collapsed

    @Flag(help: "Print JSON Lines (one object per document) instead of a table.")
    var json = false

    func run() throws {
        let resources = Resources.standard()
        let template = try loadPipeline(pipeline, resources: resources)
        let estimator = try QualityEstimator(resources: resources)
        var estimates: [Double] = []
        var truths: [Double] = []
        var failed = false
        if !json { print(pad("document", 40) + "  words  known%  garbage%  changes/1k  est.CER%" + (gtField != nil || gt != nil ? "  CER%" : "")) }
        func report(_ name: String, _ text: String, _ truth: String?) throws {
            let m = try estimator.assess(text, document: name, template: template, level: level)
            var trueCER: Double?
            if let truth {
                trueCER = TextComparison(reference: truth, hypothesis: text, level: level).cer
                estimates.append(m.estimatedCER)
                truths.append(trueCER!)
            }
            if json {
                var line = "{\"document\":\(jsonString(name)),\"words\":\(m.words),\"known_share\":\(m.knownShare),\"garbage_share\":\(m.garbageShare)"
                line += ",\"short_share\":\(m.shortShare),\"changed_share\":\(m.changedShare),\"noise_share\":\(m.noiseShare),\"stray_share\":\(m.strayShare),\"misplaced_space_share\":\(m.misplacedSpaceShare),\"unknown_char_share\":\(m.unknownCharacterShare),\"repaired_share\":\(m.repairedShare),\"letter_cost\":\(m.letterCostPerWord),\"implausible_share\":\(m.implausibleShare),\"characters\":\(m.characters),\"changes_per_1000_words\":\(m.changeShare * 1000),\"estimated_cer\":\(m.estimatedCER)"
                if let trueCER { line += ",\"cer\":\(trueCER)" }
                print(line + "}")
            } else {
                var line = pad(name, 40) + "  " + pad(String(m.words), 5, right: true) + "  " + pad(format2(m.knownShare * 100), 6, right: true)
                line += "  " + pad(format2(m.garbageShare * 100), 8, right: true) + "  " + pad(format2(m.changeShare * 1000), 10, right: true)
                line += "  " + pad(format2(m.estimatedCER * 100), 8, right: true)
                if let trueCER { line += "  " + pad(format2(trueCER * 100), 4, right: true) }
                print(line)
            }
        }
        for file in files {
            do {
                let text = String(decoding: try FileSystem.read(file), as: UTF8.self)
                if jsonl {
                    for (n, line) in text.split(separator: "\n").enumerated() {
                        guard let value = JSONFieldLocator.string(in: String(line), at: field) else {
                            warn("\(file):\(n + 1): no string at '\(field)'")
                            failed = true
                            continue
                        }
                        let truth = gtField.flatMap { JSONFieldLocator.string(in: String(line), at: $0) }
                        try report("\(file):\(n + 1)", value, truth)
                    }
                } else {
                    var truth: String?
                    if let gt {
                        let name = FileSystem.name(of: file)
                        let base = [".ocr.txt", ".raw.txt", ".txt"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name
                        truth = try? String(decoding: FileSystem.read(gt + "/" + base + ".gt.txt"), as: UTF8.self)
                    }
                    try report(file, text, truth)
                }
            } catch {
                warn("\(file): \(error)")
                failed = true
            }
        }
        if estimates.count >= 3 {
            let rho = Statistics.spearman(estimates, truths)
            let line = "Spearman correlation of the estimated and the true CER over \(estimates.count) documents: \((rho * 1000).rounded() / 1000)"
            if json { warn(line) } else { print(line) }
        }
        if failed { throw ExitCode(1) }
    }
}
