import ArgumentParser
import Glibc
import OCRClean

@main
struct OCRCleanCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ocr-clean",
        abstract: "Clean OCR and PDF-extracted text into normalized text or structured records.",
        discussion: """
            Reads files (or standard input) as raw bytes, runs a pipeline of stages from Pipelines/ \
            and writes cleaned text or JSON Lines records to standard output. Diagnostics go to \
            standard error. Exit status: 0 success, 1 an input could not be processed, 64 bad \
            arguments or pipeline file.

            Examples:
              ocr-clean < scan.txt > clean.txt
              ocr-clean --pipeline minimal a.txt b.txt
              ocr-clean --format records scan.txt | jq .kind
              ocr-clean --lexicon terms.txt --set repair-words.min-confidence=0.9 scan.txt
              ocr-clean --jsonl --field ocr_hypothesis.transcription_unit < units.jsonl
            """,
        version: "ocr-clean \(version) (ICU \(ICU.version))",
        subcommands: [Clean.self, Batch.self, Eval.self, Quality.self, Report.self, Pipelines.self, Stages.self, Dict.self],
        defaultSubcommand: Clean.self
    )

    /// A closed pipe (`ocr-clean … | head`) and a file-size limit (`ulimit -f`) come back from
    /// `write` as errors the commands report, instead of signals that kill the process and leave
    /// a temporary file behind.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}

/// The pipeline a command was given, with the command line's changes to its options. A bad
/// pipeline file or change is reported (`file:line` or the option, what was expected, a
/// suggestion) and ends the command with status 64, before any input is read.
func loadPipeline(_ nameOrPath: String, overrides: PipelineOverrides = PipelineOverrides(), resources: Resources) throws -> Pipeline {
    do {
        let file = try overrides.apply(to: PipelineLoader.file(nameOrPath, resources: resources))
        return try Pipeline(file, resources: resources)
    } catch let error as PipelineFileError {
        warn(error.description)
        throw ExitCode(64)
    }
}

/// Writes text to standard error as it is (progress lines).
func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// Prints a diagnostic line on standard error, prefixed with the program name.
func warn(_ message: String) {
    var line = Array("ocr-clean: \(message)\n".utf8)
    _ = line.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
