import ArgumentParser
import Glibc
import OCRClean
import OCRCleanBatch

extension BatchRunner.OnError: ExpressibleByArgument {}

/// `ocr-clean batch INPUT… --out DIR`: a whole archive, in parallel, resumable.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean every document of an archive into an output tree (parallel, resumable, with a SQLite catalog).",
        discussion: """
            Walks the inputs (files and directories; .txt files, and .jsonl files with --field), mirrors \
            their tree under --out, and writes each output atomically. The catalog \
            (--out/ocr-clean-catalog.sqlite) records every document: input, size, content hash, pipeline \
            and version, status, timings, quality and changes by rule. Running again skips documents \
            already done with the same content and pipeline and redoes the others; --force redoes all. \
            Symbolic links leading outside an input, and paths that would leave --out, are refused.

            Examples:
              ocr-clean batch scans/ --out clean/
              ocr-clean batch units/ --field ocr_hypothesis.transcription_unit --out repaired/ --jobs 4
              ocr-clean report clean/ocr-clean-catalog.sqlite --format html > report.html
            """)

    @Argument(help: "Input files or directories.")
    var inputs: [String]

    @Option(help: "Output directory (created if needed).")
    var out: String

    @Option(name: .shortAndLong, help: "Pipeline name (from Pipelines/) or path to a .pipeline file.")
    var pipeline = "default"

    @OptionGroup var adjustments: PipelineAdjustments

    @Option(help: "Documents cleaned at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Redo every document, even those the catalog shows as done.")
    var force = false

    @Option(help: "When a document fails: abort (stop), skip (record it, go on), copy (copy it unchanged, go on).")
    var onError: BatchRunner.OnError = .skip

    @Option(help: "Stop after this many failed documents.")
    var maxFailures: Int?

    @Option(help: "Also clean .jsonl files: the string at this dotted path of every record.")
    var field: String?

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(name: .shortAndLong, help: "No progress and no summary line.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxFailures, maxFailures < 1 { throw ValidationError("--max-failures must be at least 1") }
    }

    func run() throws {
        let resources = Resources.standard()
        let template = try loadPipeline(pipeline, overrides: adjustments.overrides, resources: resources)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let configuration = BatchRunner.Configuration(
            inputs: inputs, output: out, template: template, jobs: jobs ?? max(1, cores), force: force, onError: onError,
            maxFailures: maxFailures, jsonlField: field, toolVersion: OCRCleanCommand.version)
        let runner: BatchRunner
        do {
            runner = try BatchRunner(configuration: configuration, resources: resources)
        } catch {
            warn("\(out): \(error)")
            throw ExitCode(1)
        }
        let show = !quiet && (progress || isatty(2) == 1)
        let result = try runner.run { p in
            guard show else { return }
            var line = "\r\(p.done)/\(p.total) documents  \(format2(p.megabytesPerSecond)) MB/s"
            if let left = p.remaining { line += "  ETA \(Self.duration(left))" }
            line += "  failures \(p.failed)   "
            writeError(line)
        }
        if show { writeError("\n") }
        for refusal in result.refused { warn("\(refusal.path): refused: \(refusal.reason)") }
        for failure in result.failures.prefix(50) { warn("\(failure.path): \(failure.message)") }
        if result.failures.count > 50 { warn("\(result.failures.count - 50) more failures: see the catalog") }
        let p = result.progress
        if !quiet {
            var summary = "batch: \(p.done) of \(p.total) documents (\(p.processed) cleaned, \(p.unchanged) unchanged, \(p.failed) failed)"
            summary += " in \(format2(p.seconds)) s, \(format2(p.megabytesPerSecond)) MB/s; catalog \(out)/\(Catalog.fileName)"
            if p.aborted { summary += "; stopped early" }
            warn(summary)
        }
        if p.failed > 0 || !result.refused.isEmpty || p.aborted { throw ExitCode(1) }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600):\(pad2((s % 3600) / 60)):\(pad2(s % 60))" : "\(s / 60):\(pad2(s % 60))"
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
