/// Counters summed over the documents of a run, written by `--report FILE` as JSON.
public struct RunSummary: Sendable {
    public private(set) var documents = 0
    public private(set) var counts: [String: [String: Int]] = [:]

    public init() {}

    public mutating func add(_ stageCounts: [String: [String: Int]], decode: DecodeReport? = nil) {
        documents += 1
        for (stage, values) in stageCounts {
            for (key, value) in values { counts[stage, default: [:]][key, default: 0] += value }
        }
        if let decode {
            for (key, value) in decode.counts { counts["decode", default: [:]][key, default: 0] += value }
        }
    }

    /// `{"pipeline": …, "documents": n, "stages": {"normalize": {"apostrophe": 3, …}, …}}`.
    public func json(pipeline: String) -> String {
        var out = "{\"pipeline\":\(JSONString.encode(pipeline)),\"documents\":\(documents),\"stages\":{"
        for (i, stage) in counts.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            out += "\(JSONString.encode(stage)):{"
            let values = counts[stage] ?? [:]
            out += values.keys.sorted().map { "\(JSONString.encode($0)):\(values[$0]!)" }.joined(separator: ",")
            out += "}"
        }
        return out + "}}\n"
    }
}

extension DecodeReport {
    /// Lines for standard error about what the user should know: a conversion, replaced bytes,
    /// cut lines.
    public func warnings(document: String, maxLineBytes: Int) -> [String] {
        var lines: [String] = []
        if converted {
            var s = "\(document): read as \(encoding)"
            if let offset = firstInvalidOffset { s += " (not valid UTF-8 at byte \(offset + 1))" }
            if bom { s += " (byte-order mark)" }
            if let guess { s += "; ICU guessed \(guess)" }
            lines.append(s)
        }
        if replaced > 0 {
            let at = firstReplacedLine.map { " (first on line \($0))" } ?? ""
            lines.append("\(document): \(replaced) invalid byte sequence\(replaced == 1 ? "" : "s") replaced by U+FFFD\(at)")
        }
        if cutPieces > 0 {
            let at = firstCutLine.map { ":\($0)" } ?? ""
            lines.append("\(document)\(at): lines longer than max-line (\(maxLineBytes) bytes) cut into \(cutPieces) extra piece\(cutPieces == 1 ? "" : "s") at spaces (no text lost)")
        }
        return lines
    }
}
