import Foundation
import OCRClean

/// A test case in a small text archive (txtar) file: a header, then named sections.
///
/// ```
/// Both halves are words: keep the hyphen.
/// pipeline: normalize apostrophe=typographic
/// -- input --
/// l'État
/// -- expected --
/// l’État
/// ```
///
/// Header lines of the form `key: value` are settings (`pipeline:`, `format: text|records`,
/// `status: known-failure`); other header lines describe the case. `pipeline:` holds steps
/// separated by `;`, or `@NAME` for a shipped pipeline. Invisible characters are written
/// `\u{AD}` in sections; the loader expands them (write `\\u{` for a literal backslash-u).
public struct StageCase: Sendable, CustomStringConvertible {
    public var path: String
    public var comment: String
    public var settings: [String: String]
    public var sections: [String: String]

    public var description: String { (path as NSString).lastPathComponent }
    public var input: String { sections["input"] ?? "" }
    public var expected: String? { sections["expected"] }
    public var isKnownFailure: Bool { settings["status"] == "known-failure" }

    public init(path: String) throws {
        self.path = path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var comment: [String] = []
        var settings: [String: String] = [:]
        var sections: [String: String] = [:]
        var current: String?
        var body: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        func close() {
            guard let current else { return }
            sections[current] = body.isEmpty ? "" : Self.expand(body.joined(separator: "\n") + "\n")
        }
        for line in lines {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                close()
                current = String(line.dropFirst(3).dropLast(3))
                body = []
            } else if current != nil {
                body.append(line)
            } else if let colon = line.range(of: ": "), !line[..<colon.lowerBound].isEmpty,
                      line[..<colon.lowerBound].allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) {
                settings[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
            } else {
                comment.append(String(line))
            }
        }
        close()
        self.comment = comment.joined(separator: "\n")
        self.settings = settings
        self.sections = sections
    }

    init(unreadable path: String) {
        self.path = path
        comment = "unreadable case file"
        settings = [:]
        sections = [:]
    }

    /// Expands `\u{XXXX}` escapes.
    public static func expand(_ s: String) -> String {
        guard s.contains("\\u{") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "\\u{") {
            if r.lowerBound > rest.startIndex, rest[rest.index(before: r.lowerBound)] == "\\" {
                out += rest[..<rest.index(before: r.lowerBound)] + "\\u{"
                rest = rest[r.upperBound...]
                continue
            }
            out += rest[..<r.lowerBound]
            guard let close = rest[r.upperBound...].firstIndex(of: "}"),
                  let value = UInt32(rest[r.upperBound..<close], radix: 16), let scalar = Unicode.Scalar(value) else {
                out += "\\u{"
                rest = rest[r.upperBound...]
                continue
            }
            out.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Every `.txtar` file below `directory`, sorted.
    public static func all(in directory: String) -> [StageCase] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".txtar") { paths.append("\(directory)/\(item)") }
        }
        // A file that cannot be read still becomes a case, one without sections, so it fails.
        return paths.sorted().map { (try? StageCase(path: $0)) ?? StageCase(unreadable: $0) }
    }

    /// The pipeline of the case: `@NAME` loads a shipped pipeline, otherwise the steps are inline.
    public func pipeline(resources: Resources) throws -> Pipeline {
        let spec = settings["pipeline"] ?? sections["pipeline"] ?? "@minimal"
        if spec.hasPrefix("@") {
            return try PipelineLoader.load(String(spec.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines), resources: resources)
        }
        let text = spec.split(separator: ";").joined(separator: "\n")
        return try Pipeline(PipelineFile.parse(text, name: description, path: path), resources: resources)
    }

    /// Runs the case: the text (or JSON records with `format: records`) the pipeline produces.
    public func run(resources: Resources) throws -> String {
        let template = try pipeline(resources: resources)
        if settings["format"] == "records" {
            var pipeline = template.resettingCounts()
            let records = try DocumentRunner.records(of: input, document: "case", pipeline: &pipeline)
            return records.map { RecordDump.line($0) }.joined(separator: "\n") + "\n"
        }
        return try DocumentRunner.text(of: input, document: "case", template: template)
    }
}

extension StageCase {
    /// Writes `actual` as the expected section of a case file whose expected section is empty
    /// (used with `OCRCLEAN_FILL_CASES=1 swift test` when writing new cases; the result is read
    /// and checked by hand before it is committed). Invisible characters are written escaped.
    public func fillExpected(_ actual: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.hasSuffix("-- expected --\n") else { return }
        var escaped = ""
        for scalar in actual.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0xAD || (0x200B...0x200F).contains(scalar.value) {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        text += escaped
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// A compact, readable one-line form of a record for golden files:
/// `paragraph p1 l3-5 [footnote 1] "text" {changes}`.
public enum RecordDump {
    public static func line(_ r: Record) -> String {
        var s = "\(r.kind.rawValue) p\(r.origin.page) l\(r.origin.lines.lowerBound)"
        if r.origin.lines.upperBound != r.origin.lines.lowerBound { s += "-\(r.origin.lines.upperBound)" }
        for gap in r.origin.skipped { s += " skip=\(gap.lowerBound)" + (gap.count > 1 ? "-\(gap.upperBound)" : "") }
        if let label = r.label { s += " [\(label)]" }
        if !r.notes.isEmpty { s += " notes=\(r.notes.joined(separator: ","))" }
        if r.continues { s += " continues" }
        s += " " + quoted(r.text)
        for (c, offset) in zip(r.changes, r.scalarOffsets()) {
            s += " {\(offset):\(quoted(c.before))→\(quoted(c.after)) \(c.stage)/\(c.rule)}"
        }
        return s
    }

    static func quoted(_ t: String) -> String {
        var out = "\""
        for scalar in t.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0xAD, 0xA0, 0x202F, 0x200B, 0xFEFF].contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
