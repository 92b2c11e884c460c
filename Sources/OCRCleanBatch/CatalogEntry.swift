import GRDB

/// One document's row in the batch catalog: where it came from, what was done, how long it took,
/// and its quality (see `QualityMetrics`).
public struct CatalogEntry: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documents"

    public enum Status: String, Codable, Sendable {
        /// Cleaned and written.
        case done
        /// Could not be cleaned; nothing written (`--on-error skip`).
        case failed
        /// Could not be cleaned; the input was copied unchanged (`--on-error copy`).
        case copied
    }

    /// Path relative to the input root it was found under (the path under `--out`).
    public var path: String
    public var input: String
    public var size: Int
    public var hash: String
    public var pipeline: String
    public var pipelineVersion: String
    public var status: Status
    public var error: String?
    public var started: Double
    public var seconds: Double
    public var bytesOut: Int
    public var words: Int
    public var knownShare: Double
    public var garbageShare: Double
    public var changeShare: Double
    public var estimatedCER: Double
    /// Changes by rule (`stage/rule`), as JSON: `{"repair-words/accent": 12, …}`.
    public var changes: String
    /// The first 400 characters of the input and of the output, for reports.
    public var excerptBefore: String
    public var excerptAfter: String

    enum CodingKeys: String, CodingKey {
        case path, input, size, hash, pipeline, status, error, started, seconds, words, changes
        case pipelineVersion = "pipeline_version"
        case bytesOut = "bytes_out"
        case knownShare = "known_share"
        case garbageShare = "garbage_share"
        case changeShare = "change_share"
        case estimatedCER = "estimated_cer"
        case excerptBefore = "excerpt_before"
        case excerptAfter = "excerpt_after"
    }

    /// Changes by rule, decoded.
    public var changesByRule: [String: Int] {
        var result: [String: Int] = [:]
        // `{"a":1,"b":2}`: written by `encodeChanges`, so a small reader suffices.
        let body = changes.dropFirst().dropLast()
        for pair in body.split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let n = Int(parts[1]) else { continue }
            result[String(parts[0].dropFirst().dropLast())] = n
        }
        return result
    }

    static func encodeChanges(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\"\($0.key.filter { $0 != "\"" && $0 != "," && $0 != ":" })\":\($0.value)" }.joined(separator: ",") + "}"
    }
}
