@testable import OCRClean
import Testing

/// The byte-level letter tests that tokenizers and layout stages run on every scalar agree with
/// Unicode's properties; the Latin ranges are answered from a table and must not drift.
@Suite struct UTF8BytesTests {
    @Test func letterTableMatchesUnicodeAlphabetic() {
        for v in UInt32(0)..<0x300 {
            let s = Unicode.Scalar(v)!
            #expect(UTF8Bytes.isLetter(v) == s.properties.isAlphabetic, "U+\(String(v, radix: 16))")
        }
    }

    @Test func wordCharacterTableMatchesUnicode() {
        for v in UInt32(0x80)..<0x300 {
            let s = Unicode.Scalar(v)!
            #expect(UTF8Bytes.isWordCharacter(v) == (s.properties.isAlphabetic || s.properties.numericType != nil), "U+\(String(v, radix: 16))")
        }
    }

    @Test func spaceTestMatchesUnicodeWhiteSpace() {
        for v in UInt32(0)..<0x3100 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(UTF8Bytes.isSpace(v) == s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    /// Folding answers Latin-1 and general punctuation from tables; every scalar up to the CJK
    /// blocks must fold as Unicode's simple case mapping says (but `İ`, which lowercases to `i`
    /// and a dot above, folds to `i`).
    @Test func caseTablesMatchUnicode() {
        for v in UInt32(0)..<0x3100 {
            guard let s = Unicode.Scalar(v) else { continue }
            let mapped = s.properties.lowercaseMapping.unicodeScalars
            let lower = v == 0x130 ? 0x69 : mapped.count == 1 ? mapped.first!.value : v
            #expect(Folding.lower(v) == lower, "U+\(String(v, radix: 16))")
            #expect(Folding.isUpper(v) == s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
    }
}
