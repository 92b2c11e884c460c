/// Decides how to read a document from its first bytes (up to 64 KiB).
///
/// In order: a byte-order mark decides; an explicit `encoding=` is used as given; known binary
/// formats (PDF, gzip, zip, images, executables) and inputs made mostly of control bytes are
/// refused; a NUL byte in every other position means UTF-16 without BOM; valid UTF-8 (or UTF-8
/// with a few stray invalid bytes among valid multi-byte characters) is UTF-8; anything else is
/// handed to ICU's charset detector, and a Latin guess is read as Windows-1252, the superset of
/// ISO-8859-1 that legacy French text uses (`’` is 0x92 there).
enum EncodingSniffer {
    struct Decision {
        var encoding: String
        var bomLength = 0
        var converted = false
        var guess: String?
        var firstInvalidOffset: Int?
    }

    static func decide(_ sample: UnsafeRawBufferPointer, configuration: DecodeStep.Configuration, complete: Bool) throws -> Decision {
        let bom = byteOrderMark(sample)
        switch configuration.encoding {
        case .auto:
            break
        case .utf8:
            return Decision(encoding: "utf-8", bomLength: bom?.encoding == "utf-8" ? bom!.length : 0)
        case .utf16:
            if let bom, bom.encoding.hasPrefix("utf-16") { return Decision(encoding: bom.encoding, bomLength: bom.length, converted: true) }
            return Decision(encoding: nulPattern(sample) ?? "utf-16le", converted: true)
        default:
            let name = configuration.encoding.rawValue
            return Decision(encoding: name, bomLength: bom?.encoding == name ? bom!.length : 0, converted: true)
        }
        if let bom {
            return Decision(encoding: bom.encoding, bomLength: bom.length, converted: bom.encoding != "utf-8")
        }
        if configuration.binary == .refuse, let kind = binaryKind(sample) {
            throw DecodeError.binary(kind)
        }
        if let utf16 = nulPattern(sample) {
            return Decision(encoding: utf16, converted: true)
        }
        if configuration.binary == .refuse, looksBinary(sample) {
            throw DecodeError.binary("mostly control bytes")
        }
        let scan = UTF8Validation.scan(sample, complete: complete)
        if scan.invalid == 0 || scan.multiByte >= 2 * scan.invalid {
            return Decision(encoding: "utf-8")
        }
        var decision = Decision(encoding: "windows-1252", converted: true, firstInvalidOffset: scan.firstInvalid)
        var confident = false
        if let guess = ICU.detectCharset(sample) {
            decision.guess = "\(guess.name) (confidence \(guess.confidence))"
            let latin = ["ISO-8859-1", "windows-1252", "ISO-8859-15"]
            if !latin.contains(guess.name), guess.confidence >= 60, !guess.name.hasPrefix("UTF"),
               ICU.Converter(charset: guess.name) != nil {
                decision.encoding = guess.name
                confident = true
            }
        }
        // Text in a single-byte Latin encoding is mostly ASCII (French: 95 % and more); bytes
        // that are neither UTF-8 nor mostly ASCII nor a confidently detected charset are not text.
        if configuration.binary == .refuse, !confident, asciiShare(sample) < 0.6 {
            throw DecodeError.binary("neither UTF-8 nor mostly ASCII, and no known encoding fits")
        }
        return decision
    }

    static func byteOrderMark(_ s: UnsafeRawBufferPointer) -> (encoding: String, length: Int)? {
        if s.count >= 3, s[0] == 0xEF, s[1] == 0xBB, s[2] == 0xBF { return ("utf-8", 3) }
        if s.count >= 4, s[0] == 0xFF, s[1] == 0xFE, s[2] == 0, s[3] == 0 { return ("utf-32le", 4) }
        if s.count >= 4, s[0] == 0, s[1] == 0, s[2] == 0xFE, s[3] == 0xFF { return ("utf-32be", 4) }
        if s.count >= 2, s[0] == 0xFF, s[1] == 0xFE { return ("utf-16le", 2) }
        if s.count >= 2, s[0] == 0xFE, s[1] == 0xFF { return ("utf-16be", 2) }
        return nil
    }

    /// The name of a binary format recognised by its first bytes.
    static func binaryKind(_ s: UnsafeRawBufferPointer) -> String? {
        func starts(_ magic: [UInt8]) -> Bool {
            s.count >= magic.count && zip(s, magic).allSatisfy { $0 == $1 }
        }
        let formats: [(String, [UInt8])] = [
            ("a PDF file", Array("%PDF-".utf8)),
            ("a gzip file", [0x1F, 0x8B]),
            ("a zip archive (or an Office/EPUB document)", [0x50, 0x4B, 0x03, 0x04]),
            ("a bzip2 file", Array("BZh".utf8)),
            ("an xz file", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
            ("a zstd file", [0x28, 0xB5, 0x2F, 0xFD]),
            ("a 7-zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
            ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("a JPEG image", [0xFF, 0xD8, 0xFF]),
            ("a GIF image", Array("GIF8".utf8)),
            ("a TIFF image", [0x49, 0x49, 0x2A, 0x00]),
            ("a TIFF image", [0x4D, 0x4D, 0x00, 0x2A]),
            ("a JPEG 2000 image", [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50]),
            ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
            ("a SQLite database", Array("SQLite format 3".utf8)),
            ("a DjVu document", Array("AT&TFORM".utf8)),
        ]
        for (name, magic) in formats where starts(magic) { return name }
        return nil
    }

    /// "utf-16le"/"utf-16be" when NUL bytes sit in every other position (Latin text in UTF-16).
    static func nulPattern(_ s: UnsafeRawBufferPointer) -> String? {
        let n = s.count - s.count % 2
        guard n >= 4 else { return nil }
        var even = 0
        var odd = 0
        var i = 0
        while i < n {
            if s[i] == 0 { even += 1 }
            if s[i + 1] == 0 { odd += 1 }
            i += 2
        }
        let pairs = n / 2
        if odd * 10 >= pairs * 3, even * 20 < pairs { return "utf-16le" }
        if even * 10 >= pairs * 3, odd * 20 < pairs { return "utf-16be" }
        return nil
    }

    /// The share of printable ASCII and white space in the sample.
    static func asciiShare(_ s: UnsafeRawBufferPointer) -> Double {
        guard !s.isEmpty else { return 1 }
        var ascii = 0
        for b in s where (b >= 0x20 && b < 0x7F) || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C { ascii += 1 }
        return Double(ascii) / Double(s.count)
    }

    /// At least 16 control bytes (other than tab, line ends, form feed and escape) making more
    /// than 10 % of the sample: a few stray NULs in text do not make it binary.
    static func looksBinary(_ s: UnsafeRawBufferPointer) -> Bool {
        guard !s.isEmpty else { return false }
        var controls = 0
        for b in s where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            controls += 1
        }
        return controls >= 16 && controls * 10 > s.count
    }
}

/// UTF-8 validity checks that count what `String(decoding:as:)` replaces.
enum UTF8Validation {
    struct Scan {
        var invalid = 0
        var multiByte = 0
        var firstInvalid: Int?
    }

    /// Counts invalid sequences and valid multi-byte characters. When `complete` is false, an
    /// incomplete sequence at the very end is not counted as invalid (the next read completes it).
    static func scan(_ s: UnsafeRawBufferPointer, complete: Bool) -> Scan {
        var result = Scan()
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: length = 0
            }
            if length == 0 {
                result.invalid += 1
                if result.firstInvalid == nil { result.firstInvalid = i }
                i += 1
                continue
            }
            var k = 1
            var ok = true
            while k < length {
                if i + k >= n {
                    if !complete { return result }
                    ok = false
                    break
                }
                let c = s[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if c < lo || c > hi { ok = false; break }
                k += 1
            }
            if ok {
                result.multiByte += 1
                i += length
            } else {
                result.invalid += 1
                if result.firstInvalid == nil { result.firstInvalid = i }
                i += max(1, k)
            }
        }
        return result
    }

    /// Whether the bytes are valid UTF-8 (eight ASCII bytes at a time where it can).
    static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        var i = 0
        while i < n {
            if i + 8 <= n {
                let high = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.trailingZeroBitCount >> 3
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            switch b {
            case 0xC2...0xDF:
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return false }
                let c1 = p[i + 1]
                if b == 0xE0 && c1 < 0xA0 { return false }
                if b == 0xED && c1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return false }
                let c1 = p[i + 1]
                if b == 0xF0 && c1 < 0x90 { return false }
                if b == 0xF4 && c1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// How many U+FFFD in `decoded` were put there by decoding (not present in `original`).
    static func replacementCount(decoded: String, original: UnsafeRawBufferPointer) -> Int {
        var inDecoded = 0
        for scalar in decoded.unicodeScalars where scalar.value == 0xFFFD { inDecoded += 1 }
        var inOriginal = 0
        var i = 0
        while i + 2 < original.count {
            if original[i] == 0xEF, original[i + 1] == 0xBF, original[i + 2] == 0xBD { inOriginal += 1; i += 3 } else { i += 1 }
        }
        return max(0, inDecoded - inOriginal)
    }
}
