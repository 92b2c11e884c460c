import OCRClean

/// What a report shows: one summary per document, from a batch catalog or from records files
/// (`ocr-clean --format records`).
public struct ReportData: Sendable {
    public struct Document: Sendable {
        public var name: String
        public var status: String
        public var words: Int
        public var knownShare: Double
        public var garbageShare: Double
        public var changeShare: Double
        public var estimatedCER: Double
        public var changes: [String: Int]
        public var excerptBefore: String
        public var excerptAfter: String
        public var error: String?
    }

    public var sources: [String] = []
    public var pipeline = ""
    public var documents: [Document] = []

    public init() {}

    public var totalWords: Int { documents.reduce(0) { $0 + $1.words } }
    public var done: Int { documents.filter { $0.status == "done" }.count }
    public var failed: Int { documents.filter { $0.status != "done" }.count }

    /// Word-weighted means over the documents that were cleaned.
    public var knownShare: Double { weighted(\.knownShare) }
    public var garbageShare: Double { weighted(\.garbageShare) }
    public var estimatedCER: Double { weighted(\.estimatedCER) }

    func weighted(_ key: KeyPath<Document, Double>) -> Double {
        let cleaned = documents.filter { $0.status == "done" && $0.words > 0 }
        let words = cleaned.reduce(0) { $0 + $1.words }
        guard words > 0 else { return 0 }
        return cleaned.reduce(0.0) { $0 + $1[keyPath: key] * Double($1.words) } / Double(words)
    }

    /// Changes by rule over the corpus, largest first.
    public var changesByRule: [(rule: String, count: Int)] {
        var total: [String: Int] = [:]
        for d in documents { for (k, v) in d.changes { total[k, default: 0] += v } }
        return total.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The value of a metric named on the command line (`known_share`, `quality`, `estimated_cer`,
    /// `garbage_share`, `done_share`, `failed_share`), or nil for an unknown name.
    public func metric(_ name: String) -> Double? {
        let total = max(1, documents.count)
        switch name {
        case "known_share": return knownShare
        case "garbage_share": return garbageShare
        case "estimated_cer": return estimatedCER
        case "quality": return 1 - estimatedCER
        case "done_share": return Double(done) / Double(total)
        case "failed_share": return Double(failed) / Double(total)
        default: return nil
        }
    }

    public static let metricNames = ["known_share", "quality", "done_share", "estimated_cer", "garbage_share", "failed_share"]

    /// Reads a catalog (`ocr-clean-catalog.sqlite`, or the directory holding one).
    public mutating func addCatalog(_ path: String) throws {
        let file = FileSystem.isDirectory(path) ? path + "/" + Catalog.fileName : path
        let catalog = try Catalog(path: file)
        sources.append(file)
        for e in try catalog.entries() {
            if pipeline.isEmpty { pipeline = e.pipeline }
            documents.append(Document(name: e.path, status: e.status.rawValue, words: e.words, knownShare: e.knownShare, garbageShare: e.garbageShare,
                                      changeShare: e.changeShare, estimatedCER: e.estimatedCER, changes: e.changesByRule,
                                      excerptBefore: e.excerptBefore, excerptAfter: e.excerptAfter, error: e.error))
        }
    }

    /// A line of a records file that is no record (`FILE: line 3: not a record of …`).
    public struct NotARecord: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var description: String {
            "line \(line): not a record of `ocr-clean --format records` (a JSON object with kind, text and origin.document)"
        }
    }

    /// Reads records (JSON Lines of `ocr-clean --format records`): documents are grouped by
    /// `origin.document`; the text before cleaning is rebuilt from each record's changes. A line
    /// that is no record (a text file given by mistake, a file cut short) stops the report with
    /// its number rather than leaving documents out unsaid; blank lines are skipped.
    public mutating func addRecords(_ path: String, estimator: QualityEstimator) throws {
        let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
        sources.append(path)
        var order: [String] = []
        var before: [String: String] = [:]
        var after: [String: String] = [:]
        var changes: [String: [String: Int]] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let json = String(line)
            guard let kind = JSONFieldLocator.string(in: json, at: "kind") else { throw NotARecord(line: number + 1) }
            guard kind != "furniture", kind != "page-break" else { continue }
            guard let document = JSONFieldLocator.string(in: json, at: "origin.document"),
                  let current = JSONFieldLocator.string(in: json, at: "text") else { throw NotARecord(line: number + 1) }
            if before[document] == nil { order.append(document) }
            var original = current
            var k = 0
            var edits: [(offset: Int, length: Int, before: String)] = []
            while let b = JSONFieldLocator.string(in: json, at: "changes.\(k).before"),
                  let offset = JSONFieldLocator.number(in: json, at: "changes.\(k).offset"),
                  let length = JSONFieldLocator.number(in: json, at: "changes.\(k).length") {
                let stage = JSONFieldLocator.string(in: json, at: "changes.\(k).stage") ?? ""
                let rule = JSONFieldLocator.string(in: json, at: "changes.\(k).rule") ?? ""
                changes[document, default: [:]]["\(stage)/\(rule)", default: 0] += 1
                edits.append((offset, length, b))
                k += 1
            }
            // Undo the changes from the last one (offsets count code points of the final text).
            var scalars = Array(original.unicodeScalars)
            for e in edits.reversed() where e.offset >= 0 && e.offset + e.length <= scalars.count {
                scalars.replaceSubrange(e.offset..<(e.offset + e.length), with: Array(e.before.unicodeScalars))
            }
            original = String(String.UnicodeScalarView(scalars))
            before[document, default: ""] += original + "\n"
            // A noise line was read, so it counts in the quality of the input, but text output
            // leaves it out.
            if kind != "noise" { after[document, default: ""] += current + "\n" }
        }
        for document in order {
            var m = estimator.measure(before[document] ?? "")
            for (key, n) in changes[document] ?? [:] { m.changes[String(key.split(separator: "/").last ?? ""), default: 0] += n }
            m.estimatedCER = estimator.estimate(m)
            documents.append(Document(name: document, status: "done", words: m.words, knownShare: m.knownShare, garbageShare: m.garbageShare,
                                      changeShare: m.changeShare, estimatedCER: m.estimatedCER, changes: changes[document] ?? [:],
                                      excerptBefore: String((before[document] ?? "").prefix(400)), excerptAfter: String((after[document] ?? "").prefix(400)), error: nil))
        }
    }
}
