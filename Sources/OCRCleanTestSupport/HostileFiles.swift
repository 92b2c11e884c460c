import Foundation

/// Inputs an archive run meets sooner or later, made on demand for the tests (nothing large is
/// committed): broken UTF-8 of every kind, UTF-16, binary files named `.txt`, floods of empty
/// lines, JSON nested past any sane depth, pipeline files full of nonsense.
public enum HostileFiles {
    /// One sample of each kind of invalid UTF-8, by name.
    public static let invalidUTF8: [(name: String, bytes: [UInt8])] = [
        ("stray continuation byte", [0x80]),
        ("lead byte before ASCII", [0xC3, 0x41]),
        ("overlong two-byte slash", [0xC0, 0xAF]),
        ("overlong three-byte slash", [0xE0, 0x80, 0xAF]),
        ("overlong four-byte", [0xF0, 0x80, 0x80, 0xAF]),
        ("high surrogate as WTF-8", [0xED, 0xA0, 0x80]),
        ("low surrogate as WTF-8", [0xED, 0xBF, 0xBF]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("five-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("byte FE", [0xFE]),
        ("byte FF", [0xFF]),
        ("truncated three-byte", [0xE2, 0x82]),
        ("truncated four-byte", [0xF0, 0x9F, 0x98]),
    ]

    /// French text around a bad sequence, with enough valid accented text that the input is read
    /// as UTF-8 with stray bytes and not as a legacy charset.
    public static func embedded(_ bad: [UInt8], atEnd: Bool = false) -> (input: [UInt8], expected: String) {
        let before = Array(repeating: "Les États parties à la Convention,", count: 8).joined(separator: " ") + "\nfin "
        let after = atEnd ? "" : " suite\n"
        let input = Array(before.utf8) + bad + Array(after.utf8)
        // The Unicode recommendation (one U+FFFD per maximal ill-formed subpart), as Swift decodes.
        return (input, before + String(decoding: bad, as: UTF8.self) + after)
    }

    /// `text` in UTF-16, little- or big-endian, with or without a byte-order mark.
    public static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for unit in ((mark ? "\u{FEFF}" : "") + text).utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [high, low] : [low, high]
        }
        return out
    }

    /// The start of a PDF file with a compressed (random) stream.
    public static func pdf(seed: UInt64 = 1) -> [UInt8] {
        var generator = PipelineVerifier.Generator(seed: seed)
        var out = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        out += Array("1 0 obj\n<< /Length 4000 /Filter /FlateDecode >>\nstream\n".utf8)
        for _ in 0..<4000 { out.append(UInt8(truncatingIfNeeded: generator.next())) }
        out += Array("\nendstream\nendobj\ntrailer\n<< /Size 1 >>\n%%EOF\n".utf8)
        return out
    }

    /// A gzip member header followed by deflated-looking random bytes.
    public static func gzip(seed: UInt64 = 2) -> [UInt8] {
        var generator = PipelineVerifier.Generator(seed: seed)
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]
        for _ in 0..<4000 { out.append(UInt8(truncatingIfNeeded: generator.next())) }
        return out
    }

    /// JSON Lines records nested `depth` deep, in arrays and in objects, each with a `text` field.
    public static func deepJSON(depth: Int) -> [UInt8] {
        let arrays = "{\"text\":\"Etats\",\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}\n"
        let objects = "{\"b\":" + String(repeating: "{\"c\":", count: depth) + "1" + String(repeating: "}", count: depth) + ",\"text\":\"Etats\"}\n"
        return Array((arrays + objects + "{\"text\":\"I'Office\"}\n").utf8)
    }

    /// A pipeline file of nonsense: random bytes, words of the format in random order, unknown
    /// stages and options, broken quotes, very long lines.
    public static func nonsensePipeline(seed: UInt64) -> String {
        var g = PipelineVerifier.Generator(seed: seed)
        let pieces = ["decode", "normalize", "repair-words", "emit", "join-paragraphs", "=", "==", "form=", "=nfc", "\"", "\"unterminated",
                      "#", "as=", "as=x", "as=decode", "min-confidence=2", "window=-1", "window=99999999999999999999", "\t", " ", "\n", "\r",
                      "\u{0}", "\u{FEFF}", "é", "🙂", "separator=blank", "normalize#2", "stage", "x=y=z", "\\", "\\\"", "max-line=0"]
        var text = ""
        switch g.int(3) {
        case 0:
            for _ in 0..<(1 + g.int(60)) { text += pieces[g.int(pieces.count)] + (g.int(3) == 0 ? "\n" : " ") }
        case 1:
            var bytes: [UInt8] = []
            for _ in 0..<g.int(400) { bytes.append(UInt8(truncatingIfNeeded: g.next())) }
            text = String(decoding: bytes, as: UTF8.self)
        default:
            text = "decode\n" + String(repeating: pieces[g.int(pieces.count)], count: 10_000 + g.int(90_000)) + "\nemit\n"
        }
        return text
    }
}
