/// Writes every record as one JSON object per line (`--format records`).
///
/// ```json
/// {"kind":"paragraph","text":"l’Office …","origin":{"document":"scan.txt","page":2,"lines":[12,15]},
///  "changes":[{"offset":0,"length":2,"before":"I’","after":"l’","stage":"repair-words","rule":"elision","confidence":0.97}]}
/// ```
///
/// `offset` and `length` count Unicode code points of `text` (what Python's `str` indexes).
/// `label`, `notes` and `continues` appear only when set. The schema is documented in the README
/// and checked by `RecordsSchemaTests`.
public struct JSONLinesWriter: RecordWriter {
    let sink: OutputSink
    private var line: [UInt8] = []

    public init(sink: OutputSink) {
        self.sink = sink
        line.reserveCapacity(4096)
    }

    public mutating func write(_ records: [Record]) throws {
        for record in records {
            line.removeAll(keepingCapacity: true)
            Self.encode(record, into: &line)
            line.append(0x0A)
            try line.withUnsafeBytes { try sink.write($0) }
        }
    }

    public mutating func endDocument() throws {}

    static func encode(_ record: Record, into out: inout [UInt8]) {
        func key(_ k: String) { out.append(contentsOf: Array("\"\(k)\":".utf8)) }
        func number(_ n: Int) { out.append(contentsOf: Array(String(n).utf8)) }
        out.append(contentsOf: Array("{\"kind\":\"\(record.kind.rawValue)\",".utf8))
        key("text")
        JSONString.append(record.text, to: &out)
        out.append(contentsOf: Array(",\"origin\":{\"document\":".utf8))
        JSONString.append(record.origin.document, to: &out)
        out.append(contentsOf: Array(",\"page\":".utf8))
        number(record.origin.page)
        out.append(contentsOf: Array(",\"lines\":[".utf8))
        number(record.origin.lines.lowerBound)
        out.append(0x2C)
        number(record.origin.lines.upperBound)
        out.append(0x5D)
        if !record.origin.skipped.isEmpty {
            out.append(contentsOf: Array(",\"skipped\":[".utf8))
            for (i, range) in record.origin.skipped.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(0x5B)
                number(range.lowerBound)
                out.append(0x2C)
                number(range.upperBound)
                out.append(0x5D)
            }
            out.append(0x5D)
        }
        out.append(contentsOf: Array("},\"changes\":[".utf8))
        if !record.changes.isEmpty {
            let offsets = record.scalarOffsets()
            for (i, change) in record.changes.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(contentsOf: Array("{\"offset\":".utf8))
                number(offsets[i])
                out.append(contentsOf: Array(",\"length\":".utf8))
                number(change.after.unicodeScalars.count)
                out.append(0x2C)
                key("before")
                JSONString.append(change.before, to: &out)
                out.append(0x2C)
                key("after")
                JSONString.append(change.after, to: &out)
                out.append(0x2C)
                key("stage")
                JSONString.append(change.stage, to: &out)
                out.append(0x2C)
                key("rule")
                JSONString.append(change.rule, to: &out)
                if let confidence = change.confidence {
                    out.append(0x2C)
                    key("confidence")
                    out.append(contentsOf: Array(String(format3(confidence)).utf8))
                }
                out.append(0x7D)
            }
        }
        out.append(0x5D)
        if let label = record.label {
            out.append(0x2C)
            key("label")
            JSONString.append(label, to: &out)
        }
        if !record.notes.isEmpty {
            out.append(contentsOf: Array(",\"notes\":[".utf8))
            for (i, note) in record.notes.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSONString.append(note, to: &out)
            }
            out.append(0x5D)
        }
        if record.continues { out.append(contentsOf: Array(",\"continues\":true".utf8)) }
        out.append(0x7D)
    }

    /// A number with at most three decimals, without trailing zeros.
    static func format3(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var s = String(rounded)
        if s.contains("e") { s = "0" }
        return s
    }
}
