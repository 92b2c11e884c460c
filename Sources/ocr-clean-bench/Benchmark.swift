import ArgumentParser
import Foundation

/// Measures the release binary on a large input next to `cat` and `uconv`: throughput (MB/s of
/// input per CPU second and per wall second), peak memory, and start-up time.
///
///     swift build -c release
///     ../shared/bench/make-corpus --mb 50 --seed 1 /tmp/bench50.txt
///     swift run -c release ocr-clean-bench /tmp/bench50.txt
///
/// Every command runs pinned to one CPU, `--runs` times; the best run is reported (the usual
/// practice for throughput: other load on the machine only ever makes a run slower).
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr-clean-bench",
        abstract: "Benchmarks of ocr-clean: throughput next to cat and uconv, batch scaling, kill-and-resume, eval scaling.",
        subcommands: [Throughput.self, BatchScaling.self, KillResume.self, EvalScaling.self],
        defaultSubcommand: Throughput.self)
}

/// The ocr-clean binary next to this program, or the one given.
func ocrCleanBinary(_ given: String?) throws -> String {
    let exe = given ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ocr-clean").path
    guard FileManager.default.isExecutableFile(atPath: exe) else {
        throw ValidationError("no ocr-clean binary at \(exe); build it with 'swift build -c release' or pass --binary")
    }
    return exe
}

struct Throughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Throughput, memory and start-up of ocr-clean next to cat and uconv (the default).")

    @Argument(help: "Input file (make it with make-corpus --mb 50 --seed 1).")
    var input: String

    @Option(help: "The ocr-clean binary (default: the release build next to this program).")
    var binary: String?

    @Option(help: "Pipelines to measure.")
    var pipelines: [String] = ["minimal", "ocr-lines", "default"]

    @Option(help: "Runs per command; the best is reported.")
    var runs = 3

    @Option(help: "CPU to pin every command to.")
    var cpu = 0

    func run() throws {
        let exe = try ocrCleanBinary(binary)
        let size = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { throw ValidationError("\(input) is empty or missing") }
        let mb = Double(size) / 1_000_000
        print(String(format: "input: %@ (%.1f MB), best of %d runs, pinned to CPU %d", input, mb, runs, cpu))
        print("command".padding(toLength: 34, withPad: " ", startingAt: 0) + "    cpu s   wall s   MB/s(cpu)  MB/s(wall)   peak RSS")
        var rows: [(String, Measurement)] = []
        // One short line through each pipeline first, so that every measurement below reads the
        // compiled lexicon from its cache: a first run after the word lists changed (or in a new
        // checkout) compiles it, which costs seconds and memory the runs after do not pay.
        let line = NSTemporaryDirectory() + "ocr-clean-bench-line.txt"
        try "L’Assemblée générale, Réaffirmant ses résolutions 55/25,\n".write(toFile: line, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: line) }
        for pipeline in pipelines {
            let first = try Measurement.run([exe, "--pipeline", pipeline], stdin: line, cpu: cpu)
            if first.wall > 0.5 {
                print(String(format: "(first run of %@ compiled the lexicon cache: %.2f s, peak RSS %.1f MB; not counted below)", pipeline, first.wall, Double(first.maxRSSKB) / 1024))
            }
        }
        func measure(_ name: String, _ arguments: [String], stdin: String? = nil) throws {
            var best: Measurement?
            for _ in 0..<runs {
                let m = try Measurement.run(arguments, stdin: stdin ?? input, cpu: cpu)
                if m.status != 0 { throw ValidationError("\(name) failed with status \(m.status)") }
                if best == nil || m.cpu < best!.cpu { best = m }
            }
            rows.append((name, best!))
            let b = best!
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: " %8.3f %8.3f %11.1f %11.1f %8.1f MB", b.cpu, b.wall, mb / b.cpu, mb / b.wall, Double(b.maxRSSKB) / 1024))
        }
        try measure("cat", ["/bin/cat"])
        if let uconv = ["/usr/bin/uconv", "/usr/local/bin/uconv"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            try measure("uconv -x any-nfc", [uconv, "-f", "utf-8", "-t", "utf-8", "-x", "any-nfc"])
        }
        for pipeline in pipelines {
            try measure("ocr-clean -p \(pipeline)", [exe, "--pipeline", pipeline, "-q"])
        }
        if let uconv = rows.first(where: { $0.0.hasPrefix("uconv") })?.1, let minimal = rows.first(where: { $0.0 == "ocr-clean -p minimal" })?.1 {
            print(String(format: "minimal vs uconv: %.1f× (CPU time)", uconv.cpu / minimal.cpu))
        }
        // Start-up: one short line through each pipeline, median of 21 runs.
        for pipeline in pipelines {
            var times: [Double] = []
            for _ in 0..<21 { times.append(try Measurement.run([exe, "--pipeline", pipeline], stdin: line, cpu: cpu).wall) }
            times.sort()
            print(String(format: "start-up + one line, %@: %.1f ms (median of 21)", pipeline, times[10] * 1000))
        }
    }
}

/// One run of a command: wall time, CPU time (user + system) and peak resident memory.
struct Measurement {
    var wall: Double
    var cpu: Double
    var maxRSSKB: Int
    var status: Int32

    static func run(_ command: [String], stdin path: String, cpu: Int) throws -> Measurement {
        // taskset execs the command in place, so the rusage below is the command's own.
        let taskset = "/usr/bin/taskset"
        let arguments = FileManager.default.isExecutableFile(atPath: taskset) ? [taskset, "-c", String(cpu)] + command : command
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else { throw ValidationError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let exited = status & 0x7F == 0
        return Measurement(wall: wall, cpu: cpuSeconds, maxRSSKB: usage.ru_maxrss, status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }
}
