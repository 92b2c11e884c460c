/// A loaded pipeline: the decoder settings, the stages in order, and the output settings.
///
/// The driver pushes batches of records through every stage in turn; `finish()` ends the input,
/// and what each stage releases still passes the stages after it. Memory stays bounded because
/// batches are small (one read of input) and stages hold back at most a page.
///
/// ```swift
/// var pipeline = template          // a fresh copy per document
/// for batch in decoded { try writer.write(pipeline.push(batch)) }
/// try writer.write(pipeline.finish())
/// ```
public struct Pipeline: Sendable {
    public let file: PipelineFile
    public let decode: DecodeStep.Configuration
    public let emit: EmitStep.Configuration
    public private(set) var stages: [any Stage]
    /// Instance names, parallel to `stages`.
    public let instances: [String]
    /// The stages as in-place fixers when every stage is one (enables the fast text path).
    public var fixers: [any RecordFix]? {
        let fixers = stages.compactMap { $0 as? any RecordFix }
        return fixers.count == stages.count ? fixers : nil
    }
    /// Counters per stage instance (parallel to `stages`), summed over the documents run so far.
    public private(set) var counts: [[String: Int]]

    /// Builds the stages of a checked pipeline file. Stage set-up errors (a missing lexicon, say)
    /// are reported at the step's line.
    public init(_ file: PipelineFile, resources: Resources) throws {
        self.file = file
        var decode = DecodeStep.Configuration(StageOptions(specs: DecodeStep.options))
        var emit = EmitStep.Configuration(StageOptions(specs: EmitStep.options))
        var stages: [any Stage] = []
        var instances: [String] = []
        for step in file.steps {
            guard let type = StageRegistry.step(named: step.name) else {
                throw PipelineFileError(file: file.path, line: step.line, message: "unknown stage '\(step.name)'")
            }
            let options = StageOptions(Dictionary(step.options, uniquingKeysWith: { a, _ in a }), specs: type.options)
            if step.name == DecodeStep.name {
                decode = DecodeStep.Configuration(options)
            } else if step.name == EmitStep.name {
                emit = EmitStep.Configuration(options)
            } else if let stageType = type as? any Stage.Type {
                do {
                    stages.append(try stageType.init(options: options, context: StageContext(instance: step.instance, resources: resources)))
                } catch let error as PipelineFileError {
                    throw error
                } catch {
                    throw PipelineFileError(file: file.path, line: step.line, message: "cannot set up '\(step.instance)': \(error)")
                }
                instances.append(step.instance)
            }
        }
        self.decode = decode
        self.emit = emit
        self.stages = stages
        self.instances = instances
        self.counts = Array(repeating: [:], count: stages.count)
    }

    /// Pushes records through every stage; returns what comes out of the last one.
    public mutating func push(_ records: [Record]) throws -> [Record] {
        var batch = records
        for i in stages.indices {
            if batch.isEmpty { break }
            if var fixer = stages[i] as? any RecordFix {
                var counts = Counts()
                Self.fixAll(&fixer, &batch, &counts)
                stages[i] = fixer
                tally(counts, at: i)
                continue
            }
            var out = StageOutput()
            out.records.reserveCapacity(batch.count)
            for record in batch { try stages[i].process(record, into: &out) }
            tally(out.counts, at: i)
            batch = out.records
        }
        return batch
    }

    private static func fixAll<F: RecordFix>(_ fixer: inout F, _ batch: inout [Record], _ counts: inout Counts) {
        for j in batch.indices { fixer.fix(&batch[j], counts: &counts) }
    }

    /// Ends the input: each stage flushes what it holds, which then passes the later stages.
    public mutating func finish() throws -> [Record] {
        var carried: [Record] = []
        for i in stages.indices {
            var out = StageOutput()
            for record in carried { try stages[i].process(record, into: &out) }
            try stages[i].finish(into: &out)
            tally(out.counts, at: i)
            carried = out.records
        }
        return carried
    }

    /// Adds counts gathered outside the stages (the decoder's) to a report.
    mutating func tally(_ counts: [String: Int], at index: Int) {
        for (key, value) in counts { self.counts[index][key, default: 0] += value }
    }

    /// The counters of every stage instance, keyed by instance name.
    public var report: [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for (i, name) in instances.enumerated() where !counts[i].isEmpty { result[name] = counts[i] }
        return result
    }

    /// Whether a stage reads the input's conventions (see `ConventionFollowing`).
    public var awaitsConventions: Bool {
        stages.contains { ($0 as? any ConventionFollowing)?.awaitsConventions == true }
    }

    /// Tells the stages that follow a convention of their input what the input shows (before
    /// the first record; a stage only ever adds what it learns).
    public mutating func follow(_ conventions: InputConventions) {
        for i in stages.indices {
            guard var stage = stages[i] as? any ConventionFollowing else { continue }
            stage.follow(conventions)
            stages[i] = stage
        }
    }

    /// A copy with fresh stage state but the same configuration, for the next document.
    /// (Stages are values, so the template kept by the caller is never touched by a run.)
    public func resettingCounts() -> Pipeline {
        var copy = self
        copy.counts = Array(repeating: [:], count: stages.count)
        return copy
    }
}
