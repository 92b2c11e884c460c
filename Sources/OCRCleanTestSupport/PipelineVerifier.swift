import Foundation
import OCRClean

/// Checks the guarantees every stage and pipeline must keep (see `Stage`), on one input.
///
/// - Accounting: every input line appears in exactly one output record's `origin`.
/// - Order: records leave in input order (footnotes, which pipelines move after the body, are
///   checked among themselves).
/// - Output text is valid Unicode in NFC.
/// - Idempotence: the pipeline run on its own text output gives the same text.
/// - Read sizes: feeding the bytes in reads of 1, 7 and 4096 bytes, and of random sizes, gives
///   the same records.
public enum PipelineVerifier {
    public static func problems(pipeline template: Pipeline, input: [UInt8], name: String, idempotence: Bool = true) throws -> [String] {
        var problems: [String] = []
        let whole = try run(template, input, chunk: 0)
        // Accounting.
        var seen = [Int](repeating: 0, count: whole.lines + 1)
        for r in whole.records where r.kind != .pageBreak {
            for line in r.origin.ownLines where line >= 1 && line <= whole.lines { seen[line] += 1 }
        }
        for line in 1..<max(1, seen.count) where seen[line] != 1 {
            problems.append("\(name): line \(line) is in \(seen[line]) records")
            if problems.count > 5 { break }
        }
        // Order.
        var last = 0
        var lastNote = 0
        for r in whole.records where r.kind != .pageBreak {
            if r.kind == .footnote {
                if r.origin.lines.lowerBound < lastNote { problems.append("\(name): footnote at line \(r.origin.lines.lowerBound) out of order") }
                lastNote = r.origin.lines.lowerBound
            } else {
                if r.origin.lines.lowerBound < last { problems.append("\(name): record at line \(r.origin.lines.lowerBound) after line \(last)") }
                last = r.origin.lines.lowerBound
            }
        }
        // NFC.
        let text = render(whole.records, template)
        if !text.utf8.elementsEqual(ICU.normalize(text, form: .nfc).utf8) { problems.append("\(name): output is not NFC") }
        // Idempotence.
        if idempotence {
            let again = render(try run(template, Array(text.utf8), chunk: 0).records, template)
            if !again.utf8.elementsEqual(text.utf8) {
                problems.append("\(name): not idempotent:\n" + Golden.diff(text, again))
            }
        }
        // Read sizes.
        for chunk in [1, 7, 4096, -1] where input.count < 200_000 || chunk > 1 {
            let split = try run(template, input, chunk: chunk)
            if split.records != whole.records {
                problems.append("\(name): reads of \(chunk < 0 ? "random sizes" : "\(chunk) bytes") give other records")
            }
        }
        return problems
    }

    static func render(_ records: [Record], _ template: Pipeline) -> String {
        var renderer = TextRenderer(configuration: template.emit)
        var bytes: [UInt8] = []
        renderer.render(records, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The records for `input` fed in reads of `chunk` bytes: all at once when 0, random sizes
    /// from 1 to 4096 (seeded by the input's length) when negative.
    static func run(_ template: Pipeline, _ input: [UInt8], chunk: Int) throws -> (records: [Record], lines: Int) {
        var pipeline = template.resettingCounts()
        var decoder = Decoder(document: "t", configuration: pipeline.decode)
        var collector = RecordCollector(document: "t")
        var out: [Record] = []
        try input.withUnsafeBytes { raw in
            var i = 0
            var sizes = Generator(seed: UInt64(raw.count))
            while i < raw.count {
                let step = chunk == 0 ? raw.count : chunk < 0 ? 1 + sizes.int(4096) : chunk
                let j = min(raw.count, i + step)
                collector.records.removeAll()
                try decoder.feed(UnsafeRawBufferPointer(rebasing: raw[i..<j]), into: &collector)
                out += try pipeline.push(collector.records)
                i = j
            }
        }
        collector.records.removeAll()
        try decoder.finish(into: &collector)
        out += try pipeline.push(collector.records)
        out += try pipeline.finish()
        return (out, decoder.report.lines)
    }

    /// Deterministic pseudo-random text for property tests: French-like words with OCR noise,
    /// or arbitrary Unicode (combining marks, emoji, right-to-left, controls, invalid bytes).
    public struct Generator {
        var state: UInt64
        public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

        static let words = ["l’Assemblée", "générale", "États", "Membres", "coopération", "internationale", "contre", "la", "criminalité",
                            "transnationale", "organisée", "Convention", "des", "Nations", "Unies", "à", "œuvre", "Protocoles", "s’y",
                            "rapportant", "résolution", "57/168", "CTOC/COP/2010/L.9", "V.10-57325", "a)", "1er", "60e", "«", "»", ";", ":",
                            "contrôle", "pièces", "l’Office", "d’experts", "qu’il", "2012", "Prie", "le", "Secrétaire", "général", "de"]

        /// French-like text with OCR noise: lost accents, I’ for l’, split and glued words,
        /// hyphenated line ends, form feeds, furniture lines.
        public mutating func frenchOCR(lines: Int) -> [UInt8] {
            var out = ""
            for n in 0..<lines {
                var line: [String] = []
                for _ in 0..<(3 + int(12)) {
                    var w = Self.words[int(Self.words.count)]
                    switch int(20) {
                    case 0: w = w.replacingOccurrences(of: "é", with: "e")
                    case 1: w = w.replacingOccurrences(of: "l’", with: "I'")
                    case 2: if w.count > 5 { w.insert(" ", at: w.index(w.startIndex, offsetBy: 3)) }
                    case 3: w = w.replacingOccurrences(of: "œ", with: "ce")
                    case 4: w += "\(1 + int(9))"
                    default: break
                    }
                    line.append(w)
                }
                var text = line.joined(separator: int(10) == 0 ? "  " : " ")
                if int(8) == 0 { text += "-" }
                if int(40) == 0 { out += "\u{C}" }
                if int(25) == 0 { out += "\(n) V.10-57325\n" }
                if int(15) == 0 { out += "\n" }
                out += text + "\n"
            }
            return Array(out.utf8)
        }

        /// Arbitrary Unicode and bytes: combining marks, emoji with joiners, right-to-left text,
        /// controls, NUL, lone surrogates as WTF-8 bytes, invalid UTF-8.
        public mutating func unicodeSoup(bytes count: Int) -> [UInt8] {
            var out: [UInt8] = []
            let pieces: [[UInt8]] = [
                Array("é".utf8), Array("e\u{301}".utf8), Array("\u{301}".utf8), Array("👩‍👩‍👧".utf8), Array("שלום".utf8),
                Array("مرحبا".utf8), Array("\u{200F}\u{202E}".utf8), [0x00], [0x07], [0x1B], [0x0D], [0x0A], [0x0C], [0x09],
                [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xFF], [0xC3], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
                Array("\u{AD}".utf8), Array("\u{FEFF}".utf8), Array("ﬁ".utf8), Array("Ã©".utf8), Array("'".utf8), Array("  ".utf8),
                Array("mot".utf8), Array(" ".utf8), Array("«".utf8), Array("\u{2028}".utf8), Array("ᄀ\u{1161}".utf8),
            ]
            while out.count < count { out += pieces[int(pieces.count)] }
            return out
        }
    }
}
