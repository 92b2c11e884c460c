/// Runs documents through a pipeline: bytes → decode → stages → writer, streaming.
public enum DocumentRunner {
    /// The most bytes decoded into records before they go through the stages.
    static let sliceBytes = 16 << 10

    /// What happened to one document.
    public struct Result: Sendable {
        public var decode: DecodeReport
        /// Counters per stage instance.
        public var counts: [String: [String: Int]]
    }

    /// Cleans one document read from `source` with a fresh copy of `template`.
    public static func run<W: RecordWriter>(
        source: ByteSource, document: String, template: Pipeline, writer: inout W
    ) throws -> Result {
        var pipeline = template.resettingCounts()
        var decoder = Decoder(document: document, configuration: pipeline.decode)
        var collector = RecordCollector(document: document)
        var first = true
        while let chunk = try source.read() {
            if first {
                var conventions = InputConventions()
                conventions.scan(chunk)
                pipeline.follow(conventions)
                first = false
            }
            // A read is decoded in slices, so that a read of empty lines cannot become a million
            // records at once.
            var start = 0
            while start < chunk.count {
                let end = min(chunk.count, start + sliceBytes)
                collector.records.removeAll(keepingCapacity: true)
                try decoder.feed(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), into: &collector)
                if !collector.records.isEmpty { try writer.write(pipeline.push(collector.records)) }
                start = end
            }
        }
        collector.records.removeAll(keepingCapacity: true)
        try decoder.finish(into: &collector)
        if !collector.records.isEmpty { try writer.write(pipeline.push(collector.records)) }
        try writer.write(pipeline.finish())
        try writer.endDocument()
        return Result(decode: decoder.report, counts: pipeline.report)
    }

    /// Cleans one document to text. When every stage fixes lines in place (`RecordFix`), lines
    /// that no stage would touch go from the read buffer to the output without becoming records;
    /// the output is the same as through `run` with a `TextWriter`.
    public static func runText(
        source: ByteSource, document: String, template: Pipeline, writer: inout TextWriter
    ) throws -> Result {
        guard let fixers = template.fixers else {
            return try run(source: source, document: document, template: template, writer: &writer)
        }
        var decoder = Decoder(document: document, configuration: template.decode)
        var lines = FastLines(document: document, fixers: fixers, renderer: writer.renderer)
        while let chunk = try source.read() {
            try decoder.feed(chunk, into: &lines)
            try writer.writeRendered(&lines.output)
        }
        try decoder.finish(into: &lines)
        try writer.writeRendered(&lines.output)
        try writer.endDocument()
        var counts: [String: [String: Int]] = [:]
        for (i, name) in template.instances.enumerated() where !lines.counts[i].isEmpty { counts[name] = lines.counts[i] }
        return Result(decode: decoder.report, counts: counts)
    }

    /// Receives decoded lines, runs the in-place fixers only on lines that need them, and renders.
    struct FastLines: LineReceiver {
        let document: String
        var fixers: [any RecordFix]
        var counts: [Counts]
        var renderer: TextRenderer
        var output: [UInt8] = []
        /// The counter each fixer named for its last whitespace truncation.
        var truncationCounters: [StaticString]

        init(document: String, fixers: [any RecordFix], renderer: TextRenderer) {
            self.document = document
            self.fixers = fixers
            self.renderer = renderer
            counts = Array(repeating: [:], count: fixers.count)
            truncationCounters = Array(repeating: "", count: fixers.count)
            output.reserveCapacity(1 << 20)
        }

        mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, page: Int, continues: Bool) {
            var length = bytes.count
            var quick = true
            var truncatedBy: UInt64 = 0
            fixers.withUnsafeMutableBufferPointer { stages in
                for k in stages.indices {
                    switch stages[k].quickFix(UnsafeBufferPointer(rebasing: bytes[0..<length]), continues: continues) {
                    case .unchanged:
                        continue
                    case .truncated(let n, let name):
                        length = n
                        if k < 64 { truncatedBy |= 1 << UInt64(k); truncationCounters[k] = name }
                        continue
                    case .needsRecord:
                        quick = false
                    }
                    break
                }
            }
            if quick {
                if truncatedBy != 0 {
                    for k in fixers.indices where k < 64 && truncatedBy & (1 << UInt64(k)) != 0 {
                        counts[k].count(truncationCounters[k].description)
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<length]))
                if !continues { output.append(0x0A) }
                return
            }
            var record = Record(
                kind: .line, text: String(decoding: bytes, as: UTF8.self),
                origin: Origin(document: document, page: page, lines: number...number), continues: continues)
            for k in fixers.indices { fixers[k].fix(&record, counts: &counts[k]) }
            renderer.render(record, into: &output)
        }

        mutating func pageBreak(page: Int, line: Int) {
            renderer.render(Record(kind: .pageBreak, text: "", origin: Origin(document: document, page: page, lines: line...line)), into: &output)
        }
    }

    /// Cleans one in-memory text (a JSON field, a test input) with `pipeline` (a fresh copy of a
    /// template, whose counters then hold this document's counts) and returns the records.
    public static func records(of text: String, document: String, pipeline: inout Pipeline) throws -> [Record] {
        var out: [Record] = []
        try forEachRecords(of: text, document: document, pipeline: &pipeline) { out += $0 }
        return out
    }

    /// `records(of:)` streamed: `body` gets the records as the pipeline releases them, 1 MB of
    /// input at a time, so a caller that keeps only what it measures holds no more than the
    /// pipeline does (`quality` on a 10 MB document: 310 MB of records before).
    public static func forEachRecords(of text: String, document: String, pipeline: inout Pipeline,
                                      _ body: ([Record]) throws -> Void) throws {
        let chunk = 1 << 20
        var conventions = InputConventions()
        conventions.scan(text)
        pipeline.follow(conventions)
        var decoder = Decoder(document: document, configuration: pipeline.decode)
        var collector = RecordCollector(document: document)
        var s = text
        try s.withUTF8 { p in
            var start = 0
            while start < p.count {
                let end = min(p.count, start + chunk)
                try decoder.feed(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[start..<end])), into: &collector)
                try body(pipeline.push(collector.records))
                collector.records.removeAll(keepingCapacity: true)
                start = end
            }
        }
        try decoder.finish(into: &collector)
        try body(pipeline.push(collector.records))
        try body(pipeline.finish())
    }

    /// Cleans one in-memory text and returns it as text output would print it. A final line
    /// break is kept only when the input had one.
    public static func text(of text: String, document: String, template: Pipeline) throws -> String {
        var pipeline = template.resettingCounts()
        let records = try records(of: text, document: document, pipeline: &pipeline)
        var out = TextRenderer(configuration: template.emit)
        var bytes: [UInt8] = []
        out.render(records, into: &bytes)
        if !text.hasSuffix("\n"), bytes.last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
