/// Finds the string at a dotted path (`text`, `ocr_hypothesis.transcription_unit`, `pages.0.text`)
/// in one JSON value, while checking that the whole value is well-formed JSON.
///
/// Only the location of the string token is returned, so the caller can splice a new string in and
/// keep every other byte of the record as it was (key order, spacing, number spelling).
public enum JSONFieldLocator {
    struct Located {
        /// Byte range of the string token, quotes included.
        var range: Range<Int>
        var value: String
    }

    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "\(message) at byte \(offset + 1)" }
    }

    /// Deeper nesting is refused rather than risking the stack.
    static let maxDepth = 256

    /// The string at the dotted `path` of one JSON text, or nil (no string there, or not JSON).
    public static func string(in json: String, at path: String) -> String? {
        var json = json
        let components = path.split(separator: ".").map(String.init)
        return json.withUTF8 { try? locate($0, path: components)?.value }
    }

    /// The integer at the dotted `path` of one JSON text, or nil.
    public static func number(in json: String, at path: String) -> Int? {
        var json = json
        let components = path.split(separator: ".").map(String.init)
        return json.withUTF8 { p -> Int? in
            var parser = Parser(p: p, path: components, wantNumber: true)
            parser.skipSpace()
            guard (try? parser.value(depth: 0, matched: true)) != nil, let range = parser.numberRange else { return nil }
            return Int(String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self))
        }
    }

    static func locate(_ bytes: UnsafeBufferPointer<UInt8>, path: [String]) throws -> Located? {
        var parser = Parser(p: bytes, path: path)
        parser.skipSpace()
        try parser.value(depth: 0, matched: true)
        parser.skipSpace()
        if parser.i != bytes.count { throw Malformed(offset: parser.i, message: "unexpected text after the JSON value") }
        return parser.found
    }

    private struct Parser {
        let p: UnsafeBufferPointer<UInt8>
        let path: [String]
        var wantNumber = false
        var i = 0
        var found: Located?
        /// With `wantNumber`: the bytes of the number at the path.
        var numberRange: Range<Int>?

        mutating func skipSpace() {
            while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        }

        func fail(_ message: String) -> Malformed { Malformed(offset: i, message: message) }

        /// Parses a value; `matched` says whether the path so far leads here (depth = components used).
        mutating func value(depth: Int, matched: Bool) throws {
            guard depth <= JSONFieldLocator.maxDepth else { throw fail("nesting deeper than \(JSONFieldLocator.maxDepth)") }
            guard i < p.count else { throw fail("unexpected end of line") }
            switch p[i] {
            case 0x7B: try object(depth: depth, matched: matched)
            case 0x5B: try array(depth: depth, matched: matched)
            case 0x22:
                let start = i
                let s = try string()
                if matched && depth == path.count { found = Located(range: start..<i, value: s) }
            case 0x74: try literal("true")
            case 0x66: try literal("false")
            case 0x6E: try literal("null")
            case 0x2D, 0x30...0x39:
                let start = i
                try number()
                if wantNumber && matched && depth == path.count { numberRange = start..<i }
            default: throw fail("unexpected character")
            }
        }

        mutating func object(depth: Int, matched: Bool) throws {
            i += 1
            skipSpace()
            if i < p.count, p[i] == 0x7D { i += 1; return }
            while true {
                skipSpace()
                guard i < p.count, p[i] == 0x22 else { throw fail("expected a key") }
                let key = try string()
                skipSpace()
                guard i < p.count, p[i] == 0x3A else { throw fail("expected ':'") }
                i += 1
                skipSpace()
                let follows = matched && depth < path.count && path[depth] == key
                try value(depth: depth + 1, matched: follows)
                skipSpace()
                guard i < p.count else { throw fail("unexpected end of line") }
                if p[i] == 0x2C { i += 1; continue }
                if p[i] == 0x7D { i += 1; return }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int, matched: Bool) throws {
            i += 1
            skipSpace()
            if i < p.count, p[i] == 0x5D { i += 1; return }
            var index = 0
            while true {
                skipSpace()
                let follows = matched && depth < path.count && path[depth] == String(index)
                try value(depth: depth + 1, matched: follows)
                index += 1
                skipSpace()
                guard i < p.count else { throw fail("unexpected end of line") }
                if p[i] == 0x2C { i += 1; continue }
                if p[i] == 0x5D { i += 1; return }
                throw fail("expected ',' or ']'")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            guard i + n <= p.count else { throw fail("unexpected end of line") }
            for k in 0..<n where p[i + k] != word.utf8Start[k] { throw fail("unexpected character") }
            i += n
        }

        mutating func number() throws {
            let start = i
            if p[i] == 0x2D { i += 1 }
            func digits() -> Int {
                let s = i
                while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
                return i - s
            }
            guard digits() > 0 else { i = start; throw fail("bad number") }
            if i < p.count, p[i] == 0x2E {
                i += 1
                guard digits() > 0 else { throw fail("bad number") }
            }
            if i < p.count, p[i] == 0x65 || p[i] == 0x45 {
                i += 1
                if i < p.count, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
                guard digits() > 0 else { throw fail("bad number") }
            }
        }

        /// Parses a string token starting at `"`, returning its value.
        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            var runStart = i
            while true {
                guard i < p.count else { throw fail("unterminated string") }
                let b = p[i]
                if b == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i]))
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw fail("control character in a string") }
                if b != 0x5C { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i]))
                guard i + 1 < p.count else { throw fail("unterminated string") }
                let e = p[i + 1]
                i += 2
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), i + 6 <= p.count, p[i] == 0x5C, p[i + 1] == 0x75 {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: String(scalar).utf8)
                default:
                    i -= 1
                    throw fail("bad escape")
                }
                runStart = i
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= p.count else { throw fail("bad \\u escape") }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = p[i + k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw fail("bad \\u escape")
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }
    }
}
