import ArgumentParser
import Glibc
import OCRClean

extension OutputFormat: ExpressibleByArgument {}

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean documents from files or standard input to standard output (the default command).")

    @Argument(help: "Input files; none or '-' reads standard input. Each file is one document.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "Pipeline name (from Pipelines/) or path to a .pipeline file.")
    var pipeline = "default"

    @OptionGroup var adjustments: PipelineAdjustments

    @Option(help: "Output format: text, records (JSON Lines), or diff (text with changes inline).")
    var format: OutputFormat = .text

    @Flag(help: "Input is JSON Lines: clean the string at --field in every record, keep all other fields.")
    var jsonl = false

    @Option(help: "With --jsonl: dotted path of the string to clean (e.g. text, ocr_hypothesis.transcription_unit).")
    var field = "text"

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write a JSON report of what every stage did to this file.")
    var report: String?

    @Flag(name: .shortAndLong, help: "Print only errors on standard error, no warnings.")
    var quiet = false

    func validate() throws {
        if jsonl && format != .text {
            throw ValidationError("--jsonl writes the input records back; --format applies to plain-text input only")
        }
        if let output, files.contains(output) {
            throw ValidationError("'\(output)' is both an input and the output")
        }
    }

    func run() throws {
        let resources = Resources.standard()
        let template = try loadPipeline(pipeline, overrides: adjustments.overrides, resources: resources)
        let sink: OutputSink
        do {
            sink = try output.map { try OutputSink(atomicPath: $0) } ?? OutputSink()
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        var failed = false
        var summary = RunSummary()
        do {
            var textWriter = TextWriter(sink: sink, configuration: template.emit, diff: format == .diff)
            var recordWriter = JSONLinesWriter(sink: sink)
            for input in files.isEmpty ? ["-"] : files {
                let source: ByteSource
                do {
                    source = input == "-" ? ByteSource() : try ByteSource(path: input)
                } catch {
                    warn("\(error)")
                    failed = true
                    continue
                }
                let document = input == "-" ? "stdin" : input
                do {
                    if jsonl {
                        let result = try JSONLinesCleaner.run(source: source, document: document, field: field, template: template, sink: sink)
                        summary.add(result.counts)
                        for problem in result.problems.prefix(20) { warn("\(document):\(problem.line): \(problem.message)") }
                        if result.problems.count > 20 { warn("\(document): \(result.problems.count - 20) more records with problems") }
                        if !result.problems.isEmpty { failed = true }
                        if result.missing > 0 && !quiet {
                            warn("\(document): \(result.missing) of \(result.records) records have no string at '\(field)'; written back unchanged")
                        }
                    } else {
                        let result: DocumentRunner.Result
                        switch format {
                        case .records:
                            result = try DocumentRunner.run(source: source, document: document, template: template, writer: &recordWriter)
                        case .text, .diff:
                            result = try DocumentRunner.runText(source: source, document: document, template: template, writer: &textWriter)
                        }
                        summary.add(result.counts, decode: result.decode)
                        if !quiet { for line in result.decode.warnings(document: document, maxLineBytes: template.decode.maxLineBytes) { warn(line) } }
                    }
                } catch let error as DecodeError {
                    warn("\(document): \(error)")
                    failed = true
                } catch let error as ByteSource.OpenError {
                    // A read error part way (a failing disk, `/proc/self/mem`): this document's
                    // output stops there; the other inputs are still cleaned.
                    warn("\(error)")
                    failed = true
                }
            }
            try sink.commit()
        } catch OutputSink.WriteError.brokenPipe {
            // The reader stopped reading (`ocr-clean … | head`): a normal end for a filter.
            throw ExitCode(failed ? 1 : 0)
        } catch {
            sink.abandon()
            warn("\(error)")
            throw ExitCode(1)
        }
        if let report {
            do {
                try FileSystem.write(Array(summary.json(pipeline: template.file.name).utf8), to: report)
            } catch {
                warn("\(report): cannot write the report (\(error))")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
