import Foundation
import OCRClean

/// Runs the built `ocr-clean` binary, the way a user does, and captures what it prints.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        public var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The repository's top folder (holds Package.swift, Pipelines/, Dictionaries/, Tests/).
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Test fixtures shared by the test targets.
    public static let fixtures = repository + "/Tests/Fixtures"

    /// Resources rooted at the repository (its Pipelines/ and Dictionaries/).
    public static var resources: Resources { Resources(roots: [repository]) }

    /// The binary built next to the test bundle.
    public static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["OCRCLEAN_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ocr-clean").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for configuration in ["debug", "release"] {
            let path = "\(repository)/.build/\(configuration)/ocr-clean"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return beside
    }()

    /// Runs `ocr-clean arguments…` with `stdin`, in `directory` (the repository by default).
    public static func run(
        _ arguments: [String], stdin: Data = Data(), directory: String? = nil, environment: [String: String] = [:],
        stdoutFile: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repository)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Feed and drain concurrently so large inputs and outputs cannot dead-lock the pipes.
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Locked(Data())
        let errorReader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished || !writer.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: out, stderr: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// Runs a shell command line (for pipes such as `… | head -1`); returns status and output.
    public static func shell(_ command: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = Locked(Data())
        let errorReader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: out, stderr: String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// A value shared between threads under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ v: Value) { lock.lock(); value = v; lock.unlock() }
}
