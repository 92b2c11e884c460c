import Foundation
import OCRCleanTestSupport
import Testing

/// What an unattended run over an archive meets: every kind of broken UTF-8, UTF-16, binary files
/// named `.txt`, ten million empty lines, JSON nested past any sane depth, nonsense pipeline files,
/// unreadable files, a full disk. Each gets a clear message and the right status; nothing crashes,
/// hangs, or leaves a partial output file. (`OCRCLEAN_LARGE_TESTS=1` adds a 1 GB file.)
@Suite struct HostileInputTests {
    let scratch = ScratchDirectory("ocr-clean-hostile")
    var tmp: String { scratch.path }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = "\(tmp)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Peak RSS in KB from GNU time's `rss=%M` line.
    static func rss(_ stderr: String) -> Int {
        Int(stderr.split(separator: "\n").last { $0.hasPrefix("rss=") }?.dropFirst(4) ?? "") ?? Int.max
    }

    @Test(arguments: HostileFiles.invalidUTF8.map(\.name))
    func invalidUTF8BecomesReplacementCharactersAndIsReported(_ kind: String) throws {
        let bad = try #require(HostileFiles.invalidUTF8.first { $0.name == kind }).bytes
        for atEnd in [false, true] {
            let (input, expected) = HostileFiles.embedded(bad, atEnd: atEnd)
            let r = try CLI.run(["-p", "minimal"], stdin: Data(input))
            #expect(r.status == 0)
            // Every valid byte is kept, in order; the bad bytes are U+FFFD, as many as Unicode says.
            #expect(r.output == expected + (atEnd ? "\n" : ""), "\(kind)")
            let count = expected.unicodeScalars.count { $0 == "\u{FFFD}" }
            let noun = count == 1 ? "sequence" : "sequences"
            #expect(r.stderr.contains("stdin: \(count) invalid byte \(noun) replaced by U+FFFD (first on line 2)"), "\(kind): \(r.stderr)")
        }
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16IsReadWithAndWithoutByteOrderMark(bigEndian: Bool, mark: Bool) throws {
        let text = "Résolution adoptée par l’Assemblée générale le 18 décembre 2002\nLes États Membres\n"
        let r = try CLI.run(["-p", "minimal"], stdin: Data(HostileFiles.utf16(text, bigEndian: bigEndian, mark: mark)))
        #expect(r.status == 0)
        #expect(r.output == text)
        #expect(r.stderr.contains("read as utf-16\(bigEndian ? "be" : "le")"), "\(r.stderr)")
    }

    @Test func binaryFilesNamedTextAreRefusedWithoutOutput() throws {
        for (name, bytes, kind) in [("scan.pdf.txt", HostileFiles.pdf(), "a PDF file"), ("scan.gz.txt", HostileFiles.gzip(), "a gzip file")] {
            let path = try write(name, bytes)
            for pipeline in ["minimal", "default"] {
                let r = try CLI.run(["-p", pipeline, path])
                #expect(r.status == 1 && r.stdout.isEmpty)
                #expect(r.stderr == "ocr-clean: \(path): not text: \(kind); not processed (use a pipeline with 'decode binary=accept' to force it)\n")
            }
        }
    }

    @Test func tenMillionEmptyLinesPassInBoundedMemory() throws {
        let path = try write("empty-lines.txt", [UInt8](repeating: 0x0A, count: 10_000_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let minimal = try CLI.shell("/usr/bin/time -f 'rss=%M' '\(CLI.executable)' -p minimal '\(path)' | wc -c")
        #expect(minimal.status == 0 && minimal.output.trimmingCharacters(in: .whitespacesAndNewlines) == "10000000")
        #expect(Self.rss(minimal.stderr) < 64 * 1024, "minimal: peak RSS \(Self.rss(minimal.stderr)) KB")
        // The default pipeline joins lines into paragraphs: no text, so no output, but one record
        // still accounts for all ten million lines.
        let records = try CLI.shell("/usr/bin/time -f 'rss=%M' '\(CLI.executable)' --format records '\(path)'")
        #expect(records.status == 0)
        #expect(records.output.contains("\"lines\":[1,10000000]"), "\(records.output.prefix(300))")
        #expect(Self.rss(records.stderr) < 64 * 1024, "default: peak RSS \(Self.rss(records.stderr)) KB")
    }

    /// Shapes no document has but an archive may hold, each once quadratic somewhere: a run of
    /// 200,000 letters (every split searched), `l’l’l’…` (each elision stripped and looked up
    /// again), 100,000 pages of one letter (one paragraph over every page break, its records
    /// copied at each line), 50,000 `<sup>` tags in Markdown (the list of changes copied at
    /// each change).
    static let pathologicalShapes: [(name: String, pipeline: String, bytes: [UInt8], letter: Character, count: Int)] = [
        ("letters", "default", [UInt8](repeating: 0x61, count: 200_000), "a", 200_000),
        ("elisions", "default", Array(String(repeating: "l’", count: 100_000).utf8), "l", 100_000),
        ("page-breaks", "default", Array(String(repeating: "a\u{0C}", count: 100_000).utf8), "a", 100_000),
        ("superscripts", "markdown", Array(String(repeating: "x<sup>1</sup>", count: 50_000).utf8), "x", 50_000),
    ]

    @Test(arguments: pathologicalShapes.map(\.name))
    func pathologicalShapesPassInBoundedTime(_ name: String) throws {
        let shape = try #require(Self.pathologicalShapes.first { $0.name == name })
        let path = try write("\(name).txt", shape.bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Seconds each now; a limit far above that, and every one of its letters is still there.
        // (Killed, not terminated: a process spawned by the test runner inherits its blocked signals.)
        let r = try CLI.shell("set -o pipefail; timeout -s KILL 30 '\(CLI.executable)' -p \(shape.pipeline) '\(path)' | tr -cd '\(shape.letter)' | wc -c")
        #expect(r.status == 0 && r.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(shape.count)")
    }

    @Test func deeplyNestedJSONIsWrittenBackAndReported() throws {
        let path = try write("deep.jsonl", HostileFiles.deepJSON(depth: 200_000))
        let r = try CLI.run(["--jsonl", "--field", "text", "-p", "minimal", path])
        #expect(r.status == 1)
        let lines = r.output.split(separator: "\n", omittingEmptySubsequences: false)
        let input = String(decoding: HostileFiles.deepJSON(depth: 200_000), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == input.count)
        #expect(lines.prefix(2) == input.prefix(2), "the nested records come back byte for byte")
        #expect(lines[2] == "{\"text\":\"I'Office\"}", "the next record is still cleaned")
        #expect(r.stderr.contains("\(path):1: not valid JSON (nesting deeper than 256"))
        #expect(r.stderr.contains("\(path):2: not valid JSON (nesting deeper than 256"))
    }

    @Test func aJSONRecordLongerThanTheLimitIsWrittenBackUnchanged() throws {
        // 70 MB in one record, over the 64 MB a record may hold.
        var bytes = Array("{\"text\":\"".utf8)
        bytes.reserveCapacity(70_000_100)
        let unit = Array("Les Etats ".utf8)
        while bytes.count < 70_000_000 { bytes += unit }
        bytes += Array("\"}\n{\"text\":\"fin\"}\n".utf8)
        let path = try write("huge.jsonl", bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = "\(tmp)/huge.out.jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.shell("/usr/bin/time -f 'rss=%M' '\(CLI.executable)' -p minimal --jsonl --field text '\(path)' > '\(out)'")
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):1: record longer than 67108864 bytes; written back unchanged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(bytes))
        #expect(Self.rss(r.stderr) < 200 * 1024, "peak RSS \(Self.rss(r.stderr)) KB")
    }

    @Test func nonsensePipelineFilesAreStatus64WithFileAndLine() throws {
        for seed in UInt64(0)..<24 {
            let path = try write("nonsense-\(seed).pipeline", Array(HostileFiles.nonsensePipeline(seed: seed).utf8))
            let r = try CLI.run(["-p", path, "\(tmp)/never-read.txt"])
            if r.status == 64 {
                #expect(r.stderr.hasPrefix("ocr-clean: \(path)"), "\(r.stderr)")
                #expect(r.stderr.filter { $0 == "\n" }.count == 1, "one line: \(r.stderr)")
            } else {
                // A nonsense file that happens to be a valid pipeline: it then reads the input.
                #expect(r.status == 1 && r.stderr.contains("never-read.txt"), "seed \(seed): \(r.status) \(r.stderr)")
            }
        }
    }

    @Test func unreadableInputsAreNamedAndTheRestIsCleaned() throws {
        let good = try write("good.txt", Array("Les États\n".utf8))
        var inputs = ["/proc/self/mem", tmp, good]
        if getuid() != 0 {
            let secret = try write("secret.txt", Array("x\n".utf8))
            chmod(secret, 0)
            inputs.append(secret)
        }
        let r = try CLI.run(["-p", "minimal"] + inputs)
        #expect(r.status == 1)
        #expect(r.output == "Les États\n")
        #expect(r.stderr.contains("/proc/self/mem: read error: input/output error"))
        #expect(r.stderr.contains("\(tmp): is a directory"), "\(r.stderr)")
    }

    @Test func aFullDiskIsAClearErrorAndLeavesNoPartialFile() throws {
        // A file-size limit stands in for a full disk: writes past it fail with EFBIG.
        var text = ""
        while text.utf8.count < 400_000 { text += "La Conférence des Parties à la Convention des Nations Unies.\n" }
        let input = try write("big-input.txt", Array(text.utf8))
        let dir = "\(tmp)/full"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        _ = try write("full/in/a.txt", Array(text.utf8))

        let file = try CLI.shell("ulimit -f 100; '\(CLI.executable)' -p minimal -o '\(dir)/out.txt' '\(input)'")
        #expect(file.status == 1)
        #expect(file.stderr == "ocr-clean: \(dir)/out.txt: cannot write (File too large)\n")
        let stdout = try CLI.shell("ulimit -f 100; '\(CLI.executable)' -p minimal '\(input)' > '\(dir)/stdout.txt'")
        #expect(stdout.status == 1)
        #expect(stdout.stderr == "ocr-clean: standard output: cannot write (File too large)\n")
        let batch = try CLI.shell("ulimit -f 100; '\(CLI.executable)' batch -p minimal '\(dir)/in' --out '\(dir)/out'")
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("\(dir)/out/a.txt: cannot write (File too large)"))
        // Nothing half-written: no output file, no temporary file.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["in", "out", "stdout.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["ocr-clean-catalog.sqlite"])
    }

    @Test func aGigabyteFileIsCleanedInBoundedMemory() throws {
        guard ProcessInfo.processInfo.environment["OCRCLEAN_LARGE_TESTS"] == "1" else { return }
        let seed = try Data(contentsOf: URL(fileURLWithPath: CLI.fixtures + "/seeds/004.txt"))
        let path = "\(tmp)/gigabyte.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var written = 0
        while written < 1 << 30 {
            try handle.write(contentsOf: seed)
            written += seed.count
        }
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLI.shell("/usr/bin/time -f 'rss=%M' '\(CLI.executable)' -p minimal '\(path)' | wc -c")
        #expect(r.status == 0)
        #expect(Self.rss(r.stderr) <= 64 * 1024, "minimal: peak RSS \(Self.rss(r.stderr)) KB")
        let once = try CLI.run(["-p", "minimal"], stdin: seed)
        #expect(Int(r.output.trimmingCharacters(in: .whitespacesAndNewlines)) == once.stdout.count * (written / seed.count))
    }

    @Test func theProductNeverStartsAShell() throws {
        // Tests and the benchmark run programs; the library, the batch runner and the tool never do.
        let forbidden = ["Process(", "system(", "popen(", "posix_spawn", "execv", "execl", "fork("]
        for folder in ["OCRClean", "OCRCleanBatch", "ocr-clean", "ICUShim"] {
            let root = CLI.repository + "/Sources/" + folder
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            #expect(!files.isEmpty)
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".cpp") || file.hasSuffix(".h") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for call in forbidden { #expect(!text.contains(call), "\(folder)/\(file) calls \(call)") }
            }
        }
    }
}
