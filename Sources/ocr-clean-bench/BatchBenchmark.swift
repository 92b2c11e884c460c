import ArgumentParser
import Foundation

/// Cuts a corpus into `count` documents of about `size` bytes (at line ends) under `directory`,
/// in folders of 100.
func makeDocuments(from corpus: String, count: Int, size: Int, into directory: String) throws -> Int {
    let data = try Data(contentsOf: URL(fileURLWithPath: corpus))
    let bytes = [UInt8](data)
    try? FileManager.default.removeItem(atPath: directory)
    var start = 0
    var total = 0
    for k in 0..<count {
        guard start < bytes.count else { throw ValidationError("the corpus is too small for \(count) documents of \(size) bytes") }
        var end = min(bytes.count, start + size)
        while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
        let folder = "\(directory)/\(String(format: "%03d", k / 100))"
        if k % 100 == 0 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data(bytes[start..<end]).write(to: URL(fileURLWithPath: "\(folder)/doc-\(String(format: "%05d", k)).txt"))
        total += end - start
        start = end
    }
    return total
}

/// Runs a command, returns its status and wall time.
func timed(_ arguments: [String]) throws -> (status: Int32, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Every file under `directory` (relative path → bytes), the catalog and its journal left out.
func tree(_ directory: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory) where !path.hasPrefix("ocr-clean-catalog") {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "\(directory)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(path)"))
        }
    }
    return result
}

/// `ocr-clean-bench batch-scaling CORPUS`: the same batch with --jobs 1 and --jobs N.
struct BatchScaling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-scaling",
        abstract: "Batch throughput with one job and with several, on documents cut from a corpus; checks the outputs are the same.")

    @Argument(help: "Corpus to cut into documents (make-corpus output).")
    var corpus: String

    @Option(help: "Number of documents.")
    var documents = 10_000

    @Option(help: "Approximate size of each document in bytes.")
    var size = 1_000

    @Option(help: "Jobs of the parallel run.")
    var jobs = 2

    @Option(help: "Pipeline.")
    var pipeline = "default"

    @Option(help: "The ocr-clean binary.")
    var binary: String?

    func run() throws {
        let exe = try ocrCleanBinary(binary)
        let work = NSTemporaryDirectory() + "ocr-clean-batch-scaling"
        // The documents and outputs are scratch: gone when the benchmark ends, however it ends.
        defer { try? FileManager.default.removeItem(atPath: work) }
        let bytes = try makeDocuments(from: corpus, count: documents, size: size, into: work + "/in")
        print(String(format: "%d documents, %.1f MB, pipeline %@", documents, Double(bytes) / 1e6, pipeline))
        var seconds: [Int: Double] = [:]
        for j in [1, jobs] {
            let out = "\(work)/out-\(j)"
            try? FileManager.default.removeItem(atPath: out)
            let r = try timed([exe, "batch", work + "/in", "--out", out, "--jobs", String(j), "-p", pipeline, "-q"])
            guard r.status == 0 else { throw ValidationError("batch --jobs \(j) failed with status \(r.status)") }
            seconds[j] = r.seconds
            print(String(format: "--jobs %d: %.2f s, %.1f documents/s, %.2f MB/s", j, r.seconds, Double(documents) / r.seconds, Double(bytes) / 1e6 / r.seconds))
        }
        let one = try tree("\(work)/out-1"), many = try tree("\(work)/out-\(jobs)")
        print("outputs: \(one.count) files with --jobs 1, \(many.count) with --jobs \(jobs); identical: \(one == many)")
        print(String(format: "speed-up with %d jobs: %.2f×", jobs, seconds[1]! / seconds[jobs]!))
    }
}

/// `ocr-clean-bench kill-resume CORPUS`: kills a batch with SIGKILL at random moments and
/// resumes it; the final tree must equal an uninterrupted run's.
struct KillResume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill-resume",
        abstract: "Kill a batch with SIGKILL at random moments, resume each time, compare with an uninterrupted run.")

    @Argument(help: "Corpus to cut into documents (make-corpus output).")
    var corpus: String

    @Option(help: "Number of documents.")
    var documents = 2_000

    @Option(help: "Approximate size of each document in bytes.")
    var size = 1_000

    @Option(help: "Number of kills.")
    var kills = 10

    @Option(help: "Random seed for the kill times.")
    var seed: UInt64 = 1

    @Option(help: "The ocr-clean binary.")
    var binary: String?

    func run() throws {
        let exe = try ocrCleanBinary(binary)
        let work = NSTemporaryDirectory() + "ocr-clean-kill-resume"
        // The documents and outputs are scratch: gone when the benchmark ends, however it ends.
        defer { try? FileManager.default.removeItem(atPath: work) }
        _ = try makeDocuments(from: corpus, count: documents, size: size, into: work + "/in")
        let reference = "\(work)/reference"
        try? FileManager.default.removeItem(atPath: reference)
        let full = try timed([exe, "batch", work + "/in", "--out", reference, "-q"])
        guard full.status == 0 else { throw ValidationError("the uninterrupted run failed (\(full.status))") }
        print(String(format: "uninterrupted run: %.2f s", full.seconds))
        let out = "\(work)/killed"
        try? FileManager.default.removeItem(atPath: out)
        var rng = SplitMix(seed: seed)
        var killed = 0
        var runs = 0
        // Each kill comes after a random part of the time an uninterrupted run takes per kill, so
        // the kills fall all along the batch; the last run is left to finish.
        while true {
            runs += 1
            let process = Process()
            process.executableURL = URL(fileURLWithPath: exe)
            process.arguments = ["batch", work + "/in", "--out", out, "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if killed < kills {
                let delay = 0.05 + Double(rng.next() % 1000) / 1000 * full.seconds / Double(kills)
                usleep(useconds_t(delay * 1e6))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    killed += 1
                    print(String(format: "kill %d after %.2f s", killed, delay))
                    continue
                }
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationError("a resumed run failed (\(process.terminationStatus))") }
            break
        }
        let a = try tree(reference), b = try tree(out)
        let temporaries = b.keys.filter { $0.contains(".tmp-") }
        print("runs: \(runs), kills: \(killed); files: \(a.count) uninterrupted, \(b.count) after kills; temporary files left: \(temporaries.count)")
        print("byte-identical outputs: \(a == b)")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        check.arguments = ["\(out)/ocr-clean-catalog.sqlite", "SELECT count(*) || ' rows, ' || count(DISTINCT path) || ' documents done' FROM documents WHERE status = 'done'"]
        try check.run()
        check.waitUntilExit()
        if a != b || !temporaries.isEmpty { throw ExitCode(1) }
    }
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
