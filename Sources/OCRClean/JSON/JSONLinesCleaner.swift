/// Cleans one string field of every record of a JSON Lines input and writes every record back,
/// all other bytes intact (`ocr-clean --jsonl --field ocr_hypothesis.transcription_unit`).
///
/// Each field value is cleaned as a document of its own (a fresh pipeline copy). When a stage
/// follows the input's conventions (`ocr-lines`: `dehyphenate mode=document`), the first
/// `conventionRecords` records (at most `conventionBytes`) are read before any is cleaned: what
/// their fields show together (`InputConventions`: line-break hyphens written `¬`) holds for
/// every record of the file, since the records of one corpus share a transcription convention.
/// Other pipelines clean each record as soon as it is read, holding nothing back.
/// A record that is malformed, not valid UTF-8, longer than `maxRecordBytes`, or lacks the field
/// is written back unchanged and reported; nothing is dropped.
public enum JSONLinesCleaner {
    public struct Result: Sendable {
        public var records = 0
        public var cleaned = 0
        /// Records without a string at the field path.
        public var missing = 0
        /// Records that could not be read, with their line numbers.
        public var problems: [(line: Int, message: String)] = []
        /// Counters per stage instance, summed.
        public var counts: [String: [String: Int]] = [:]
    }

    public static func run(
        source: ByteSource, document: String, field: String, template: Pipeline, sink: OutputSink,
        maxRecordBytes: Int = 64 << 20, conventionRecords: Int = 1000, conventionBytes: Int = 16 << 20
    ) throws -> Result {
        let path = field.split(separator: ".").map(String.init)
        var template = template
        var result = Result()
        /// Records read before the conventions are known, with their line numbers.
        var held: [(bytes: [UInt8], number: Int)] = []
        var heldBytes = 0
        var holding = template.awaitsConventions
        var line: [UInt8] = []
        var lineNumber = 0
        var oversized = false

        /// Reads the conventions off the held records, then cleans them.
        func release() throws {
            guard holding else { return }
            holding = false
            var conventions = InputConventions()
            for record in held {
                if let located = try? record.bytes.withUnsafeBufferPointer({ try JSONFieldLocator.locate($0, path: path) }) {
                    conventions.scan(located.value)
                }
            }
            template.follow(conventions)
            for record in held { try write(record.bytes, lineNumber: record.number) }
            held = []
        }

        func finishLine() throws {
            lineNumber += 1
            defer { line.removeAll(keepingCapacity: true) }
            if holding, !oversized {
                held.append((line, lineNumber))
                heldBytes += line.count
                if held.count >= conventionRecords || heldBytes >= conventionBytes { try release() }
                return
            }
            try release()
            try write(line, lineNumber: lineNumber)
        }

        func write(_ line: [UInt8], lineNumber: Int) throws {
            if oversized {
                try line.withUnsafeBytes { try sink.write($0) }
                try sink.write(byte: 0x0A)
                oversized = false
                result.records += 1
                result.problems.append((lineNumber, "record longer than \(maxRecordBytes) bytes; written back unchanged"))
                return
            }
            var body = line[...]
            var ending: [UInt8] = [0x0A]
            if body.last == 0x0D { body = body.dropLast(); ending = [0x0D, 0x0A] }
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                try line.withUnsafeBytes { try sink.write($0) }
                try sink.write(byte: 0x0A)
                return
            }
            result.records += 1
            let output = try clean(Array(body), lineNumber: lineNumber)
            try output.withUnsafeBytes { try sink.write($0) }
            try ending.withUnsafeBytes { try sink.write($0) }
        }

        func clean(_ body: [UInt8], lineNumber: Int) throws -> [UInt8] {
            guard String(validating: body, as: UTF8.self) != nil else {
                result.problems.append((lineNumber, "not valid UTF-8; written back unchanged"))
                return body
            }
            let located: JSONFieldLocator.Located?
            do {
                located = try body.withUnsafeBufferPointer { try JSONFieldLocator.locate($0, path: path) }
            } catch {
                result.problems.append((lineNumber, "not valid JSON (\(error)); written back unchanged"))
                return body
            }
            guard let located else {
                result.missing += 1
                return body
            }
            var pipeline = template.resettingCounts()
            let records: [Record]
            do {
                records = try DocumentRunner.records(of: located.value, document: "\(document):\(lineNumber)", pipeline: &pipeline)
            } catch let error as DecodeError {
                // A value the decoder refuses (mostly control characters): this record only.
                result.problems.append((lineNumber, "\(error); written back unchanged"))
                return body
            }
            var renderer = TextRenderer(configuration: template.emit)
            var text: [UInt8] = []
            renderer.render(records, into: &text)
            if !located.value.hasSuffix("\n"), text.last == 0x0A { text.removeLast() }
            for (stage, counts) in pipeline.report {
                for (key, value) in counts { result.counts[stage, default: [:]][key, default: 0] += value }
            }
            result.cleaned += 1
            var out: [UInt8] = []
            out.reserveCapacity(body.count + 16)
            out.append(contentsOf: body[..<located.range.lowerBound])
            JSONString.append(String(decoding: text, as: UTF8.self), to: &out)
            out.append(contentsOf: body[located.range.upperBound...])
            return out
        }

        while let chunk = try source.read() {
            var start = 0
            let n = chunk.count
            var i = 0
            while i < n {
                if chunk[i] == 0x0A {
                    if oversized {
                        try sink.write(UnsafeRawBufferPointer(rebasing: chunk[start..<i]))
                    } else {
                        line.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<i]))
                    }
                    try finishLine()
                    start = i + 1
                }
                i += 1
            }
            if start < n {
                if oversized {
                    try sink.write(UnsafeRawBufferPointer(rebasing: chunk[start..<n]))
                } else {
                    line.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<n]))
                    if line.count > maxRecordBytes {
                        // Too long to hold: stream the rest of this record through unchanged.
                        try release()
                        try line.withUnsafeBytes { try sink.write($0) }
                        line.removeAll()
                        oversized = true
                    }
                }
            }
        }
        if !line.isEmpty || oversized {
            try finishLine()
        }
        try release()
        return result
    }
}
