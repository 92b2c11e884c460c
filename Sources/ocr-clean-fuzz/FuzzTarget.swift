import Foundation
import OCRClean

/// What one fuzz target feeds the library: `decode` (the byte decoder, read in chunks of a size
/// the input chooses), `pipeline-file` (the pipeline-file parser and loader, and the round trip
/// of the text it shows), `jsonl` (the JSON Lines cleaner), `default` (the whole default pipeline,
/// or `ocr-lines` when the first byte's high bit is set, writing records). A target must never crash, trap or leak out of its error paths; a broken
/// property traps, so the fuzzer keeps the input.
enum FuzzTarget: String, CaseIterable {
    case decode
    case pipelineFile = "pipeline-file"
    case jsonl
    case `default`

    static let resources = Resources.standard()
    nonisolated(unsafe) static var pipelines: [String: Pipeline] = [:]
    static let null = open("/dev/null", O_WRONLY)

    static func pipeline(_ name: String) -> Pipeline {
        if let p = pipelines[name] { return p }
        do {
            let p = try PipelineLoader.load(name, resources: resources)
            pipelines[name] = p
            return p
        } catch {
            fatalError("cannot load pipeline \(name): \(error)")
        }
    }

    func run(_ input: [UInt8]) {
        // The first byte picks a read size and a variant; the rest is the input.
        let control = Int(input.first ?? 0)
        let body = Array(input.dropFirst())
        let chunk = [1, 2, 3, 7, 64, 4096][control % 6]
        switch self {
        case .decode:
            var decoder = Decoder(document: "fuzz", configuration: Self.pipeline("minimal").decode)
            var collector = RecordCollector(document: "fuzz")
            var lines = 0
            do {
                let source = ByteSource(bytes: body, name: "fuzz", chunk: chunk)
                while let bytes = try source.read() {
                    try decoder.feed(bytes, into: &collector)
                    lines += collector.records.count(where: { $0.kind != .pageBreak })
                    collector.records.removeAll()
                }
                try decoder.finish(into: &collector)
                lines += collector.records.count(where: { $0.kind != .pageBreak })
                // Every line of the input is one record (page breaks are records of their own):
                // one more than its line ends, at most.
                let ends = body.count(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) + 1
                precondition(lines <= ends, "decode made \(lines) records from at most \(ends) lines")
            } catch is DecodeError {
                return
            } catch {
                fatalError("decode threw \(error)")
            }
        case .pipelineFile:
            let text = String(decoding: body, as: UTF8.self)
            guard let file = try? PipelineFile.parse(text, name: "fuzz", path: "fuzz.pipeline"),
                  (try? Pipeline(file, resources: Self.resources)) != nil else { return }
            // What `pipelines show` prints must read back as the same pipeline.
            let shown = file.effectiveText()
            guard let again = try? PipelineFile.parse(shown, name: "fuzz", path: "fuzz.pipeline"),
                  (try? Pipeline(again, resources: Self.resources)) != nil else {
                fatalError("the shown pipeline does not load:\n\(shown)")
            }
            // (Its first line names the file it was read from; the rest must be the same.)
            precondition(again.effectiveText().split(separator: "\n").dropFirst(2) == shown.split(separator: "\n").dropFirst(), "the shown pipeline reads back as another:\n\(shown)\n\(again.effectiveText())")
        case .jsonl:
            let field = control & 0x40 == 0 ? "text" : "ocr_hypothesis.transcription_unit"
            let source = ByteSource(bytes: body, name: "fuzz", chunk: chunk)
            let sink = OutputSink(descriptor: Self.null, name: "/dev/null")
            do {
                _ = try JSONLinesCleaner.run(source: source, document: "fuzz", field: field, template: Self.pipeline("minimal"), sink: sink, maxRecordBytes: 1 << 12)
                try sink.commit()
            } catch {
                fatalError("jsonl threw \(error)")
            }
        case .default:
            let source = ByteSource(bytes: body, name: "fuzz", chunk: chunk)
            let sink = OutputSink(descriptor: Self.null, name: "/dev/null")
            var writer = JSONLinesWriter(sink: sink)
            do {
                let name = control & 0x80 == 0 ? "default" : "ocr-lines"
                _ = try DocumentRunner.run(source: source, document: "fuzz", template: Self.pipeline(name), writer: &writer)
                try sink.commit()
            } catch is DecodeError {
                return
            } catch {
                fatalError("default threw \(error)")
            }
        }
    }

    /// The target named by `OCRCLEAN_FUZZ_TARGET` (libFuzzer owns the command line).
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["OCRCLEAN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set OCRCLEAN_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point under this name; it hands over to libFuzzer.
@_cdecl("ocr_clean_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = FuzzTarget.selected
    return runFuzzerDriver(&count, &arguments) { data, size in
        FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
#else
/// Without the fuzzer: `ocr-clean-fuzz TARGET FILE|DIR...` runs saved inputs (the regression
/// corpus under `Tests/Fuzz/TARGET`) through a target, the way the fuzzer did.
@main struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: ocr-clean-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE|DIR...\n".utf8))
            exit(64)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var files = [path]
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                files = names.sorted().filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("ocr-clean-fuzz: cannot read \(file)\n".utf8))
                    exit(1)
                }
                target.run(Array(data))
                count += 1
            }
        }
        print("\(name): \(count) inputs, no crash")
    }
}
#endif
