/// Where the decoder delivers what it reads: physical lines (always valid UTF-8 by then) and
/// page breaks.
public protocol LineReceiver {
    /// One physical line without its line break. `continues` is true when no line break follows
    /// it in the input (a cut long line, or text directly before a form feed).
    mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, page: Int, continues: Bool)
    /// A form feed; `page` is the number of the page it starts, `line` the last line before it.
    mutating func pageBreak(page: Int, line: Int)
}

/// Collects lines as `line` records and page breaks as `pageBreak` records.
public struct RecordCollector: LineReceiver {
    public let document: String
    public var records: [Record] = []

    public init(document: String) {
        self.document = document
        records.reserveCapacity(4096)
    }

    public mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, page: Int, continues: Bool) {
        records.append(Record(
            kind: .line, text: String(decoding: bytes, as: UTF8.self),
            origin: Origin(document: document, page: page, lines: number...number), continues: continues))
    }

    public mutating func pageBreak(page: Int, line: Int) {
        records.append(Record(kind: .pageBreak, text: "", origin: Origin(document: document, page: page, lines: line...line)))
    }
}
