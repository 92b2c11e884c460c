/// Renders the text of records: lines end with a line break (none after the piece of a cut
/// line), a page break between physical lines prints as a form feed, furniture is left out
/// unless asked for, noise is left out (an empty line when records print one per line), and
/// `separator=blank` puts a blank line between joined records.
public struct TextRenderer: Sendable {
    let configuration: EmitStep.Configuration
    /// Shows changes inline (`--format diff`).
    let diff: Bool
    private var wroteBlock = false

    public init(configuration: EmitStep.Configuration, diff: Bool = false) {
        self.configuration = configuration
        self.diff = diff
    }

    public mutating func render(_ records: [Record], into out: inout [UInt8]) {
        for record in records { render(record, into: &out) }
    }

    public mutating func render(_ record: Record, into out: inout [UInt8]) {
        switch record.kind {
        case .pageBreak:
            if !wroteBlock { out.append(0x0C) }
            return
        case .furniture:
            if !configuration.furniture { return }
        case .noise:
            // Line by line, the line keeps its place, empty.
            if configuration.separator == .line && !record.continues { out.append(0x0A) }
            return
        case .line:
            break
        default:
            if configuration.separator == .blank && wroteBlock { out.append(0x0A) }
            wroteBlock = true
        }
        if diff && !record.changes.isEmpty {
            out.append(contentsOf: Self.inline(record).utf8)
        } else {
            out.append(contentsOf: record.text.utf8)
        }
        if !record.continues { out.append(0x0A) }
    }

    /// Starts a new document (no blank line before its first block).
    public mutating func reset() { wroteBlock = false }

    /// The record's text with each change written `[before→after]` (`[+after]`, `[-before]`).
    static func inline(_ record: Record) -> String {
        let bytes = Array(record.text.utf8)
        var out = ""
        var position = 0
        for change in record.changes {
            let end = change.offset + change.after.utf8.count
            guard change.offset >= position, end <= bytes.count else { continue }
            out += String(decoding: bytes[position..<change.offset], as: UTF8.self)
            if change.before.isEmpty {
                out += "[+\(change.after)]"
            } else if change.after.isEmpty {
                out += "[-\(change.before)]"
            } else {
                out += "[\(change.before)→\(change.after)]"
            }
            position = end
        }
        out += String(decoding: bytes[position...], as: UTF8.self)
        return out
    }
}

/// Writes rendered text to an output sink (`--format text` and `--format diff`).
public struct TextWriter: RecordWriter {
    let sink: OutputSink
    private(set) var renderer: TextRenderer
    private var buffer: [UInt8] = []

    public init(sink: OutputSink, configuration: EmitStep.Configuration, diff: Bool = false) {
        self.sink = sink
        renderer = TextRenderer(configuration: configuration, diff: diff)
        buffer.reserveCapacity(1 << 16)
    }

    public mutating func write(_ records: [Record]) throws {
        buffer.removeAll(keepingCapacity: true)
        renderer.render(records, into: &buffer)
        try buffer.withUnsafeBytes { try sink.write($0) }
    }

    public mutating func endDocument() throws {
        renderer.reset()
    }

    /// Writes bytes rendered elsewhere (the fast text path) and empties the buffer.
    mutating func writeRendered(_ bytes: inout [UInt8]) throws {
        try bytes.withUnsafeBytes { try sink.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}
