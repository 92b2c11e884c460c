import Glibc

/// Turns the bytes of one document into lines, incrementally: feed it reads of any size (the
/// result does not depend on where reads split the input), then call `finish`. Lines go to a
/// `LineReceiver` (a `RecordCollector` makes `line` records of them).
///
/// The first 64 KiB are held until the encoding is decided (see `EncodingSniffer`); after that,
/// memory is one read plus the current unfinished line (at most `max-line` bytes).
public struct Decoder {
    public let document: String
    let configuration: DecodeStep.Configuration

    private enum Mode {
        case sniffing
        case utf8
        case converting(ICU.Converter)
    }

    private var mode: Mode = .sniffing
    private var sniffed: [UInt8] = []
    private var pending: [UInt8] = []
    private var pendingCR = false
    private var line = 0
    private var page = 1
    private var converted: [UInt8] = []
    public private(set) var report = DecodeReport()

    static let sniffSize = 64 * 1024

    public init(document: String, configuration: DecodeStep.Configuration) {
        self.document = document
        self.configuration = configuration
    }

    /// Decodes one read of input, appending finished records.
    public mutating func feed<R: LineReceiver>(_ bytes: UnsafeRawBufferPointer, into records: inout R) throws {
        report.bytes += bytes.count
        switch mode {
        case .sniffing:
            sniffed.append(contentsOf: bytes)
            if sniffed.count >= Self.sniffSize { try decide(final: false, into: &records) }
        case .utf8:
            consume(bytes, into: &records)
        case .converting(let converter):
            convert(bytes, with: converter, flush: false, into: &records)
        }
    }

    /// Ends the input: decodes what is held and emits the last line.
    public mutating func finish<R: LineReceiver>(into records: inout R) throws {
        if case .sniffing = mode { try decide(final: true, into: &records) }
        if case .converting(let converter) = mode {
            convert(UnsafeRawBufferPointer(start: nil, count: 0), with: converter, flush: true, into: &records)
            report.replaced += Int(converter.substitutions)
        }
        pendingCR = false
        if !pending.isEmpty {
            let bytes = pending
            pending.removeAll()
            bytes.withUnsafeBytes { emitLine($0, continues: false, into: &records) }
        }
    }

    private mutating func decide<R: LineReceiver>(final: Bool, into records: inout R) throws {
        let sample = sniffed
        sniffed = []
        let decision = try sample.withUnsafeBytes { try EncodingSniffer.decide($0, configuration: configuration, complete: final) }
        report.bom = decision.bomLength > 0
        report.encoding = decision.encoding
        report.converted = decision.converted
        report.guess = decision.guess
        report.firstInvalidOffset = decision.firstInvalidOffset
        if decision.encoding == "utf-8" {
            mode = .utf8
            sample.withUnsafeBytes { consume(UnsafeRawBufferPointer(rebasing: $0[decision.bomLength...]), into: &records) }
        } else {
            guard let converter = ICU.Converter(charset: decision.encoding) else {
                throw DecodeError.binary("unknown encoding \(decision.encoding)")
            }
            mode = .converting(converter)
            sample.withUnsafeBytes {
                convert(UnsafeRawBufferPointer(rebasing: $0[decision.bomLength...]), with: converter, flush: false, into: &records)
            }
        }
    }

    private mutating func convert<R: LineReceiver>(_ bytes: UnsafeRawBufferPointer, with converter: ICU.Converter, flush: Bool, into records: inout R) {
        converted.removeAll(keepingCapacity: true)
        converter.convert(bytes, flush: flush, into: &converted)
        let utf8 = converted
        utf8.withUnsafeBytes { consume($0, into: &records) }
    }

    /// Splits UTF-8 bytes into lines at LF, CRLF, CR and form feed.
    private mutating func consume<R: LineReceiver>(_ bytes: UnsafeRawBufferPointer, into records: inout R) {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return }
        var i = 0
        if pendingCR {
            pendingCR = false
            if bytes[0] == 0x0A { i = 1; report.crlf += 1 } else { report.cr += 1 }
        }
        // Most text has neither CR nor form feed: then lines end at LF only, found with memchr,
        // and when the chunk up to its last LF is valid UTF-8 no line needs checking again.
        let simple = memchr(base + i, 0x0D, n - i) == nil && memchr(base + i, 0x0C, n - i) == nil
        var start = i
        if simple {
            var lastLF = n
            while lastLF > i, bytes[lastLF - 1] != 0x0A { lastLF -= 1 }
            let valid = lastLF > i && UTF8Validation.isValid(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + i, count: lastLF - i))
            while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                let end = base.distance(to: UnsafeRawPointer(hit))
                let segment = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                if pending.isEmpty && valid && segment.count <= configuration.maxLineBytes {
                    line += 1
                    report.lines = line
                    records.line(segment.assumingMemoryBound(to: UInt8.self), number: line, page: page, continues: false)
                } else {
                    finishLine(segment, continues: false, into: &records)
                }
                start = end + 1
            }
        } else {
            while i < n {
                let b = bytes[i]
                if b > 0x0D || (b != 0x0A && b != 0x0D && b != 0x0C) {
                    i += 1
                    continue
                }
                let segment = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
                if b == 0x0C {
                    if !pending.isEmpty || !segment.isEmpty { finishLine(segment, continues: true, into: &records) }
                    page += 1
                    report.pages = page
                    records.pageBreak(page: page, line: line)
                } else {
                    finishLine(segment, continues: false, into: &records)
                    if b == 0x0D {
                        if i + 1 < n {
                            if bytes[i + 1] == 0x0A { i += 1; report.crlf += 1 } else { report.cr += 1 }
                        } else {
                            pendingCR = true
                        }
                    }
                }
                i += 1
                start = i
            }
        }
        if start < n {
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<n]))
            cutLongLine(into: &records)
        }
    }

    /// Emits `pending + segment` as one line.
    private mutating func finishLine<R: LineReceiver>(_ segment: UnsafeRawBufferPointer, continues: Bool, into records: inout R) {
        if pending.isEmpty && segment.count <= configuration.maxLineBytes {
            emitLine(segment, continues: continues, into: &records)
        } else {
            pending.append(contentsOf: segment)
            cutLongLine(into: &records)
            let bytes = pending
            pending.removeAll(keepingCapacity: true)
            bytes.withUnsafeBytes { emitLine($0, continues: continues, into: &records) }
        }
    }

    /// Cuts pieces off an unfinished line longer than `max-line`, after a space when there is one
    /// in the last quarter, else at a character boundary.
    private mutating func cutLongLine<R: LineReceiver>(into records: inout R) {
        let limit = configuration.maxLineBytes
        while pending.count > limit {
            var cut = limit
            var j = limit
            let floor = limit - limit / 4
            while j > floor, pending[j - 1] != 0x20 { j -= 1 }
            if j > floor {
                cut = j
            } else {
                while cut > 0, pending[cut] & 0xC0 == 0x80 { cut -= 1 }
                if cut == 0 { cut = limit }
            }
            report.cutPieces += 1
            if report.firstCutLine == nil { report.firstCutLine = line + 1 }
            let piece = Array(pending[..<cut])
            pending.removeFirst(cut)
            piece.withUnsafeBytes { emitLine($0, continues: true, into: &records) }
        }
    }

    private mutating func emitLine<R: LineReceiver>(_ bytes: UnsafeRawBufferPointer, continues: Bool, into records: inout R) {
        line += 1
        report.lines = line
        let p = bytes.assumingMemoryBound(to: UInt8.self)
        if UTF8Validation.isValid(p) {
            records.line(p, number: line, page: page, continues: continues)
            return
        }
        var text = String(decoding: p, as: UTF8.self)
        let replaced = UTF8Validation.replacementCount(decoded: text, original: bytes)
        report.replaced += replaced
        if replaced > 0, report.firstReplacedLine == nil { report.firstReplacedLine = line }
        text.withUTF8 { records.line($0, number: line, page: page, continues: continues) }
    }
}
