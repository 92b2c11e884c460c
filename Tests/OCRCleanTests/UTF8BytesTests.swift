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
}
