import Dispatch
import Glibc
import OCRClean
import Synchronization

/// Cleans every document of an archive into an output tree, in parallel, resumable.
///
/// ```
/// inputs ─▶ InputWalker ─▶ jobs workers: hash ─▶ (unchanged? skip) ─▶ pipeline ─▶ temp file ─▶ rename
///                                                        └─▶ catalog row (status, timings, quality, changes)
/// ```
///
/// A document is done when its output was renamed into place and its row written. Rows are
/// written in batches (one transaction for up to `rowsPerWrite` documents, at least once a
/// second): a row per transaction cost more than cleaning a small document and held the other
/// workers at the catalog. A run killed at any moment leaves only whole outputs (temporary files
/// are removed by the next run) and rows for whole outputs; the next run skips what has the same
/// content hash and pipeline version and redoes the rest (a whole output whose row was not yet
/// written is redone, to the same bytes), so the final tree is the same as an uninterrupted run's.
public final class BatchRunner: Sendable {
    public enum OnError: String, CaseIterable, Sendable {
        /// Stop at the first document that fails (exit 1).
        case abort
        /// Record the failure, write nothing for it, go on.
        case skip
        /// Record the failure, copy the input unchanged, go on.
        case copy
    }

    public struct Configuration: Sendable {
        public var inputs: [String]
        public var output: String
        public var template: Pipeline
        public var jobs: Int
        public var force: Bool
        public var onError: OnError
        public var maxFailures: Int?
        /// Also clean `.jsonl` files, the string at this dotted path of every record.
        public var jsonlField: String?
        /// Version of the tool, part of the pipeline version.
        public var toolVersion: String

        public init(inputs: [String], output: String, template: Pipeline, jobs: Int, force: Bool = false, onError: OnError = .skip,
                    maxFailures: Int? = nil, jsonlField: String? = nil, toolVersion: String) {
            self.inputs = inputs
            self.output = output
            self.template = template
            self.jobs = jobs
            self.force = force
            self.onError = onError
            self.maxFailures = maxFailures
            self.jsonlField = jsonlField
            self.toolVersion = toolVersion
        }
    }

    /// Where a run stands, for progress lines.
    public struct Progress: Sendable {
        public var total = 0
        public var done = 0
        public var processed = 0
        public var unchanged = 0
        public var failed = 0
        public var bytes = 0
        public var totalBytes = 0
        public var seconds = 0.0
        public var aborted = false

        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
        /// Seconds left at the current rate, or nil before there is a rate.
        public var remaining: Double? {
            guard bytes > 0, seconds > 0.5 else { return nil }
            return Double(totalBytes - bytes) / (Double(bytes) / seconds)
        }
    }

    public struct Failure: Sendable {
        public var path: String
        public var message: String
    }

    let configuration: Configuration
    let estimator: QualityEstimator
    let catalog: Catalog
    public let pipelineVersion: String

    private let state = Mutex(State())

    struct State {
        var progress = Progress()
        var failures: [Failure] = []
        var lastReport = 0.0
        /// Rows not yet written to the catalog, and when rows were last written.
        var pending: [PendingRow] = []
        var lastWrite = 0.0
    }

    /// A catalog row waiting to be written, with the status its document was counted under.
    typealias PendingRow = (entry: CatalogEntry, status: String)

    static let rowsPerWrite = 64

    public init(configuration: Configuration, resources: Resources) throws {
        self.configuration = configuration
        try FileSystem.makeDirectories(configuration.output)
        catalog = try Catalog(path: configuration.output + "/" + Catalog.fileName)
        estimator = try QualityEstimator(resources: resources)
        var identity = configuration.toolVersion + "\n" + configuration.template.file.effectiveText() + "\n" + (configuration.jsonlField ?? "")
        // A word list edited between runs changes the results as much as the pipeline does.
        for path in configuration.template.file.referencedFiles {
            identity += "\n" + path + " " + ((try? ContentHash.of(file: path)) ?? "unreadable")
        }
        var bytes = Array(identity.utf8)
        pipelineVersion = String(bytes.withUnsafeMutableBytes { ContentHash.of(UnsafeRawBufferPointer($0)) }.prefix(16))
    }

    /// Runs the batch; `report` is called now and then (at most five times a second) and at the end.
    public func run(report: @Sendable (Progress) -> Void) throws -> (progress: Progress, failures: [Failure], refused: [InputWalker.Refusal]) {
        let start = Self.now()
        Self.removeTemporaryFiles(under: configuration.output)
        let extensions = configuration.jsonlField == nil ? [".txt"] : [".txt", ".jsonl"]
        let walker = InputWalker(inputs: configuration.inputs, extensions: extensions, output: configuration.output)
        let documents = walker.documents
        let known = try catalog.entriesByPath()
        state.withLock {
            $0.progress.total = documents.count
            $0.progress.totalBytes = documents.reduce(0) { $0 + $1.size }
        }
        let runID = try catalog.startRun(pipeline: configuration.template.file.name, version: pipelineVersion, jobs: configuration.jobs,
                                         documents: documents.count, started: Self.wallClock())
        let next = Atomic<Int>(0)
        let jobs = max(1, min(configuration.jobs, documents.count))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while true {
                if state.withLock({ $0.progress.aborted }) { return }
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < documents.count else { return }
                process(documents[index], previous: known[documents[index].relative], start: start, report: report)
            }
        }
        write(state.withLock { s in defer { s.pending.removeAll() }; return s.pending })
        let final = state.withLock { s -> (Progress, [Failure]) in
            s.progress.seconds = Self.now() - start
            return (s.progress, s.failures)
        }
        try catalog.finishRun(runID, finished: Self.wallClock(), processed: final.0.processed, unchanged: final.0.unchanged, failed: final.0.failed,
                              seconds: final.0.seconds, bytes: final.0.bytes)
        report(final.0)
        return (final.0, final.1, walker.refused)
    }

    private func process(_ document: InputWalker.Document, previous: CatalogEntry?, start: Double, report: @Sendable (Progress) -> Void) {
        let began = Self.now()
        let target = configuration.output + "/" + document.relative
        let outcome: (status: String, entry: CatalogEntry?, failure: Failure?)
        do {
            let bytes = try FileSystem.read(document.input)
            let hash = bytes.withUnsafeBytes { ContentHash.of($0) }
            if !configuration.force, let previous, previous.hash == hash, previous.pipelineVersion == pipelineVersion,
               previous.status != .failed, FileSystem.size(of: target) == previous.bytesOut {
                outcome = ("unchanged", nil, nil)
            } else {
                do {
                    let entry = try clean(document, bytes: bytes, hash: hash, target: target, began: began)
                    outcome = ("processed", entry, nil)
                } catch {
                    let message = "\(error)"
                    var entry = blankEntry(document, hash: hash, began: began, status: .failed, error: message)
                    if configuration.onError == .copy {
                        do {
                            try FileSystem.makeDirectories(FileSystem.directory(of: target))
                            let sink = try OutputSink(atomicPath: target)
                            try bytes.withUnsafeBytes { try sink.write($0) }
                            try sink.commit()
                            entry.status = .copied
                            entry.bytesOut = bytes.count
                        } catch {
                            entry.error = message + "; copy failed: \(error)"
                        }
                    }
                    outcome = ("failed", entry, Failure(path: document.input, message: message))
                }
            }
        } catch {
            outcome = ("failed", nil, Failure(path: document.input, message: "\(error)"))
        }
        let now = Self.now()
        let (snapshot, rows) = state.withLock { s -> (Progress?, [PendingRow]) in
            s.progress.done += 1
            s.progress.bytes += document.size
            switch outcome.status {
            case "processed": s.progress.processed += 1
            case "unchanged": s.progress.unchanged += 1
            default: fail(outcome.failure, in: &s)
            }
            var rows: [PendingRow] = []
            if let entry = outcome.entry { s.pending.append((entry, outcome.status)) }
            if s.pending.count >= Self.rowsPerWrite || (!s.pending.isEmpty && now - s.lastWrite >= 1) {
                rows = s.pending
                s.pending.removeAll(keepingCapacity: true)
                s.lastWrite = now
            }
            s.progress.seconds = now - start
            guard now - s.lastReport >= 0.2 else { return (nil, rows) }
            s.lastReport = now
            return (s.progress, rows)
        }
        write(rows)
        if let snapshot { report(snapshot) }
    }

    /// Counts a failure and stops the run when the configuration says so.
    private func fail(_ failure: Failure?, in s: inout State) {
        s.progress.failed += 1
        if let failure { s.failures.append(failure) }
        if configuration.onError == .abort || (configuration.maxFailures.map { s.progress.failed >= $0 } ?? false) {
            s.progress.aborted = true
        }
    }

    /// Writes catalog rows in one transaction; if that fails, their documents count as failed.
    private func write(_ rows: [PendingRow]) {
        guard !rows.isEmpty else { return }
        do {
            try catalog.save(rows.map(\.entry))
        } catch {
            state.withLock { s in
                for row in rows {
                    switch row.status {
                    case "processed": s.progress.processed -= 1
                    case "unchanged": s.progress.unchanged -= 1
                    default: s.progress.failed -= 1
                    }
                    fail(Failure(path: row.entry.input, message: "catalog: \(error)"), in: &s)
                }
            }
        }
    }

    /// Cleans one document into `target` (atomically) and returns its catalog row.
    private func clean(_ document: InputWalker.Document, bytes: [UInt8], hash: String, target: String, began: Double) throws -> CatalogEntry {
        try FileSystem.makeDirectories(FileSystem.directory(of: target))
        // Not synced one by one (10,000 flushes would cost more than the cleaning): a power cut
        // can leave a short file, which the next run sees (its size differs from the catalog's).
        let sink = try OutputSink(atomicPath: target, durable: false)
        let source = try ByteSource(path: document.input)
        var counts: [String: [String: Int]] = [:]
        do {
            if let field = configuration.jsonlField, document.relative.lowercased().hasSuffix(".jsonl") {
                let result = try JSONLinesCleaner.run(source: source, document: document.relative, field: field, template: configuration.template, sink: sink)
                counts = result.counts
            } else {
                var writer = TextWriter(sink: sink, configuration: configuration.template.emit)
                let result = try DocumentRunner.runText(source: source, document: document.relative, template: configuration.template, writer: &writer)
                counts = result.counts
            }
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
        // Quality of the text as it came in (its first megabyte), with the changes made.
        let sample = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        var metrics = estimator.measure(sample)
        var changes: [String: Int] = [:]
        for (stage, stageCounts) in counts where !Self.structuralStages.contains(stage) {
            for (rule, n) in stageCounts where !Self.counters.contains(rule) {
                changes["\(stage)/\(rule)"] = n
            }
        }
        for (key, n) in changes { metrics.changes[String(key.split(separator: "/").last ?? ""), default: 0] += n }
        metrics.estimatedCER = estimator.estimate(metrics)
        var entry = blankEntry(document, hash: hash, began: began, status: .done, error: nil)
        entry.bytesOut = FileSystem.size(of: target) ?? 0
        entry.words = metrics.words
        entry.knownShare = metrics.knownShare
        entry.garbageShare = metrics.garbageShare
        entry.changeShare = metrics.changeShare
        entry.estimatedCER = metrics.estimatedCER
        entry.changes = CatalogEntry.encodeChanges(changes)
        entry.excerptBefore = String(sample.prefix(400))
        entry.excerptAfter = String(String(decoding: (try? FileSystem.readPrefix(target, bytes: 4096)) ?? [], as: UTF8.self).prefix(400))
        return entry
    }

    private func blankEntry(_ document: InputWalker.Document, hash: String, began: Double, status: CatalogEntry.Status, error: String?) -> CatalogEntry {
        CatalogEntry(path: document.relative, input: document.input, size: document.size, hash: hash, pipeline: configuration.template.file.name,
                     pipelineVersion: pipelineVersion, status: status, error: error, started: Self.wallClock(), seconds: Self.now() - began, bytesOut: 0,
                     words: 0, knownShare: 0, garbageShare: 0, changeShare: 0, estimatedCER: 0, changes: "{}", excerptBefore: "", excerptAfter: "")
    }

    /// Temporary files of outputs a killed run did not finish (`.NAME.tmp-XXXXXX`).
    static func removeTemporaryFiles(under directory: String) {
        for name in FileSystem.list(directory) {
            let path = directory + "/" + name
            if FileSystem.isDirectory(path) {
                removeTemporaryFiles(under: path)
            } else if isTemporary(name) {
                unlink(path)
            }
        }
    }

    /// Stages whose counts describe structure, not edits of the text.
    static let structuralStages: Set<String> = ["decode", "join-paragraphs", "parse-markdown"]
    /// Counters that are not changes (what a stage looked at or decided to leave, and
    /// white-space edits).
    static let counters: Set<String> = ["words", "unknown", "searches", "bytes", "lines", "footnotes", "long-page", "notes-written-early", "unsure", "kept",
                                        "spaces", "space", "indent"]

    /// `.NAME.tmp-XXXXXX`, the temporary file of `OutputSink`.
    static func isTemporary(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard b.count > 12, b[0] == 0x2E else { return false }
        return Array(b[(b.count - 11)..<(b.count - 6)]) == Array(".tmp-".utf8)
    }

    /// Wall-clock seconds since 1970 (for the catalog).
    static func wallClock() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
