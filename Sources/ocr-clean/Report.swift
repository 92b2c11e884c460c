import ArgumentParser
import Glibc
import OCRClean
import OCRCleanBatch

extension ReportRenderer.Format: ExpressibleByArgument {}

/// `ocr-clean report CATALOG|RECORDS…`: corpus quality at a glance, and a gate for CI.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report on a cleaned corpus from batch catalogs or records files (text, JSON, Markdown, HTML).",
        discussion: """
            Inputs are batch catalogs (ocr-clean-catalog.sqlite, or the --out directory of a batch) or \
            records files (ocr-clean --format records). The HTML report is one self-contained file with \
            inline SVG charts and no script. --fail-under and --fail-above make the command exit 1 when the \
            corpus misses a threshold, so a corpus can be checked in CI.

            Metrics: known_share, quality (1 − estimated CER), done_share (higher is better; --fail-under); \
            estimated_cer, garbage_share, failed_share (lower is better; --fail-above).

            Example:
              ocr-clean report clean/ --format html -o report.html --fail-under known_share=0.9
            """)

    @Argument(help: "Batch catalogs (or batch output directories) and records files.")
    var inputs: [String]

    @Option(help: "text, json, md or html.")
    var format: ReportRenderer.Format = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "METRIC=VALUE: exit 1 when the metric is below VALUE (repeatable).")
    var failUnder: [String] = []

    @Option(help: "METRIC=VALUE: exit 1 when the metric is above VALUE (repeatable).")
    var failAbove: [String] = []

    func validate() throws {
        for spec in failUnder + failAbove {
            let parts = spec.split(separator: "=")
            guard parts.count == 2, Double(parts[1]) != nil, ReportData.metricNames.contains(String(parts[0])) else {
                throw ValidationError("'\(spec)': expected METRIC=NUMBER with METRIC one of \(ReportData.metricNames.joined(separator: ", "))")
            }
        }
    }

    func format4(_ x: Double) -> String { String((x * 10000).rounded() / 10000) }

    func run() throws {
        var data = ReportData()
        var estimator: QualityEstimator?
        for input in inputs {
            do {
                if FileSystem.isDirectory(input) || input.hasSuffix(".sqlite") {
                    try data.addCatalog(input)
                } else {
                    if estimator == nil { estimator = try QualityEstimator(resources: Resources.standard()) }
                    try data.addRecords(input, estimator: estimator!)
                }
            } catch {
                warn("\(input): \(error)")
                throw ExitCode(1)
            }
        }
        let text = ReportRenderer.render(data, as: format)
        do {
            if let output {
                try FileSystem.write(Array(text.utf8), to: output)
            } else {
                let sink = OutputSink()
                try Array(text.utf8).withUnsafeBytes { try sink.write($0) }
                try sink.commit()
            }
        } catch OutputSink.WriteError.brokenPipe {
        } catch {
            warn("\(output ?? "standard output"): \(error)")
            throw ExitCode(1)
        }
        var missed: [String] = []
        for (spec, under) in failUnder.map({ ($0, true) }) + failAbove.map({ ($0, false) }) {
            let parts = spec.split(separator: "=")
            let name = String(parts[0])
            let threshold = Double(parts[1])!
            let value = data.metric(name) ?? 0
            if under ? value < threshold : value > threshold {
                missed.append("\(name) \(format4(value)) is \(under ? "below" : "above") \(threshold)")
            }
        }
        for m in missed { warn("threshold missed: \(m)") }
        if !missed.isEmpty { throw ExitCode(1) }
    }
}
