/// A step of a pipeline: takes records one at a time and writes records out.
///
/// ```
///  bytes ─▶ decode ─▶ stage 1 ─▶ stage 2 ─▶ … ─▶ stage n ─▶ writer (text | records | diff)
///                     process(record) for every record, then finish() once at end of input
/// ```
///
/// A stage may hold records back while it needs context (a page of lookahead to recognise
/// running heads) and must release them in `finish(into:)`.
///
/// Requirements, checked for every registered stage by the invariant tests
/// (`Tests/OCRCleanTests/InvariantTests.swift`):
/// - Every input line stays accounted for: it appears in exactly one output record's `origin`
///   (a stage relabels text it does not want in the running text, it never drops it).
/// - Records leave in input order.
/// - Running the stage on its own output changes nothing (idempotence).
/// - Nothing is held back after `finish`.
///
/// Stages are value types: the driver copies a fresh pipeline for every document, so no state
/// leaks between documents and documents can run in parallel. Shared data (lexicons) lives in
/// immutable, `Sendable` classes.
public protocol Stage: StepDescription {
    init(options: StageOptions, context: StageContext) throws
    mutating func process(_ record: Record, into output: inout StageOutput) throws
    mutating func finish(into output: inout StageOutput) throws
}

extension Stage {
    public mutating func finish(into output: inout StageOutput) throws {}
}

/// A stage that edits each record in place and never holds, adds or removes records (most
/// fixers). The driver runs it over a batch without copying records.
public protocol RecordFix: Stage {
    mutating func fix(_ record: inout Record, counts: inout Counts)

    /// What `fix` would do to a physical line with these bytes (valid UTF-8, no line break),
    /// judged from the bytes alone. `.needsRecord` is always safe; the other answers let the
    /// driver write the line to text output without building a record, so they must be exact.
    /// (Mutating only so that the driver can call it in place, without copying the stage.)
    mutating func quickFix(_ line: UnsafeBufferPointer<UInt8>, continues: Bool) -> QuickFix
}

/// What a `RecordFix` would do to a line, judged from its bytes.
public enum QuickFix: Sendable {
    /// Nothing.
    case unchanged
    /// Only drop the bytes from this length on: a whitespace-only edit, counted under `counter`
    /// but not listed in changes.
    case truncated(Int, counter: StaticString)
    /// Something else: build a record and call `fix`.
    case needsRecord
}

extension RecordFix {
    public mutating func quickFix(_ line: UnsafeBufferPointer<UInt8>, continues: Bool) -> QuickFix { .needsRecord }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        var record = record
        fix(&record, counts: &output.counts)
        output.emit(record)
    }
}

/// Counters of a stage: what it did, by kind (`apostrophe: 12`, `joined: 3`).
public typealias Counts = [String: Int]

extension Dictionary where Key == String, Value == Int {
    /// Adds `n` to the counter `key` (nothing when `n` is 0).
    public mutating func count(_ key: String, by n: Int = 1) {
        if n != 0 { self[key, default: 0] += n }
    }
}

/// What `ocr-clean stages` lists for a pipeline step: name, summary and declared options.
public protocol StepDescription: Sendable {
    /// The name used in Pipelines/ files, in `changes[].stage` and in reports.
    static var name: String { get }
    /// One line for `ocr-clean stages`.
    static var summary: String { get }
    /// Every option the step accepts, with its default and help.
    static var options: [OptionSpec] { get }
}

/// What a stage writes: records, plus counters that end up in the run report.
public struct StageOutput: Sendable {
    public internal(set) var records: [Record] = []
    public var counts: Counts = [:]

    public init() {}

    public mutating func emit(_ record: Record) { records.append(record) }
    public mutating func count(_ key: String, by n: Int = 1) { counts.count(key, by: n) }
}

/// What a stage gets besides its options: its instance name and the shared resources.
public struct StageContext: Sendable {
    /// The instance name: the stage name, or the `as=` name of the pipeline step.
    public var instance: String
    public var resources: Resources

    public init(instance: String, resources: Resources) {
        self.instance = instance
        self.resources = resources
    }
}
