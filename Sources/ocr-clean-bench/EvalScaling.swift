import ArgumentParser
import Foundation

/// `ocr-clean-bench eval-scaling CORPUS`: how `ocr-clean eval` grows with the length of a
/// document. For each size, the first bytes of the corpus (cut at a line end) are the reference
/// and the default pipeline's output of them the text scored against it; the time and the peak
/// memory of `ocr-clean eval` on that pair are printed with the error rate it found.
struct EvalScaling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-scaling",
        abstract: "Time and memory of ocr-clean eval on ever longer pairs of documents cut from a corpus.")

    @Argument(help: "Corpus to cut the documents from (make-corpus output).")
    var corpus: String

    @Option(help: "Document sizes in KB.")
    var sizes: [Int] = [100, 200, 400, 800]

    @Option(help: "The ocr-clean binary.")
    var binary: String?

    @Option(help: "CPU to pin every command to.")
    var cpu = 0

    func run() throws {
        let exe = try ocrCleanBinary(binary)
        // Only the bytes needed are read: the peak memory a child reports starts at this
        // program's own (posix_spawn shares its memory until the exec).
        guard let file = FileHandle(forReadingAtPath: corpus) else { throw ValidationError("cannot read \(corpus)") }
        let bytes = [UInt8](file.readData(ofLength: (sizes.max() ?? 0) * 1000 + 65_536))
        try file.close()
        let work = NSTemporaryDirectory() + "ocr-clean-eval-scaling-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        print("size KB   chars   CER %   cpu s   peak RSS")
        for size in sizes {
            var end = min(bytes.count, size * 1000)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let reference = "\(work)/doc.gt.txt", hypothesis = "\(work)/doc.ocr.txt"
            try Data(bytes[..<end]).write(to: URL(fileURLWithPath: reference))
            let cleaned = try Measurement.run([exe, "-q", "-o", hypothesis], stdin: reference, cpu: cpu)
            guard cleaned.status == 0 else { throw ValidationError("ocr-clean failed with status \(cleaned.status)") }
            let json = "\(work)/eval.json"
            let m = try Measurement.run(["/bin/sh", "-c", "exec \"$0\" eval --json --gt \"$1\" \"$2\" > \"$3\"", exe, reference, hypothesis, json],
                                        stdin: "/dev/null", cpu: cpu)
            guard m.status == 0 else { throw ValidationError("ocr-clean eval failed with status \(m.status)") }
            let output = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
            let document = (output?["documents"] as? [[String: Any]])?.first
            let cer = (document?["cer"] as? Double).map { $0 * 100 } ?? .nan
            let chars = (document?["reference_characters"] as? NSNumber)?.doubleValue ?? .nan
            print(String(format: "%7d %7.0f %7.2f %7.2f %8.1f MB", end / 1000, chars, cer, m.cpu, Double(m.maxRSSKB) / 1024))
        }
    }
}
