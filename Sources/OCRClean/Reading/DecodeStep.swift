/// The first step of every pipeline: turns input bytes into line records (see `Decoder`).
///
/// Fix: `encoding=auto` reads UTF-8 (with or without BOM), recognises UTF-16 by its BOM or its
/// NUL pattern, and decodes a file that is not UTF-8 as the legacy charset ICU detects
/// (Windows-1252 for French Latin text), reporting that it did. CRLF and CR become line ends, a
/// form feed is a page break, stray invalid bytes become U+FFFD and are counted, lines longer than
/// `max-line` bytes are cut at a space (the pieces are marked so no line break is added).
/// Refuses files that are not text at all (PDF, gzip, images…) unless `binary=accept`.
public enum DecodeStep: StepDescription {
    public static let name = "decode"
    public static let summary = "Read bytes: detect the encoding, validate UTF-8, split lines; form feed = page break."

    public enum Encoding: String, CaseIterable, Sendable {
        case auto
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
        case latin1 = "iso-8859-1"
        case latin9 = "iso-8859-15"
        case utf16 = "utf-16"
        case utf16le = "utf-16le"
        case utf16be = "utf-16be"
    }

    public enum Binary: String, CaseIterable, Sendable {
        /// Stop with an error naming the file type.
        case refuse
        /// Decode it anyway (invalid bytes become U+FFFD).
        case accept
    }

    public static let options: [OptionSpec] = [
        .choice("encoding", Encoding.self, default: .auto,
                help: "Input encoding; auto detects a BOM, UTF-16, and legacy charsets when the input is not UTF-8."),
        OptionSpec("max-line", .int(4096...1 << 30), default: "1048576",
                   help: "Longest line in bytes; longer lines are cut at a space into pieces (no text is lost)."),
        .choice("binary", Binary.self, default: .refuse,
                help: "What to do with input that is not text (PDF, gzip, images, many control bytes)."),
    ]

    public struct Configuration: Sendable, Hashable {
        public var encoding: Encoding
        public var maxLineBytes: Int
        public var binary: Binary

        public init(_ options: StageOptions) {
            encoding = options.choice("encoding", as: Encoding.self) ?? .auto
            maxLineBytes = options.int("max-line")
            binary = options.choice("binary", as: Binary.self) ?? .refuse
        }

        public init(encoding: Encoding = .auto, maxLineBytes: Int = 1 << 20, binary: Binary = .refuse) {
            self.encoding = encoding
            self.maxLineBytes = maxLineBytes
            self.binary = binary
        }
    }
}

/// Input the decoder will not turn into records.
public enum DecodeError: Error, CustomStringConvertible, Sendable {
    /// The input is a known binary format or mostly control bytes.
    case binary(String)

    public var description: String {
        switch self {
        case .binary(let what):
            return "not text: \(what); not processed (use a pipeline with 'decode binary=accept' to force it)"
        }
    }
}

/// What the decoder saw and did, for the run report and the warnings on stderr.
public struct DecodeReport: Sendable, Hashable {
    /// The encoding the input was read as (`utf-8`, `windows-1252`, `utf-16le`, …).
    public var encoding = "utf-8"
    /// True when `encoding=auto` chose something other than UTF-8.
    public var converted = false
    /// What ICU guessed, when it was asked.
    public var guess: String?
    /// Where the input stopped being UTF-8 (byte offset of the first invalid byte), when it was converted.
    public var firstInvalidOffset: Int?
    public var bom = false
    /// Invalid byte sequences replaced by U+FFFD.
    public var replaced = 0
    /// Line of the first replacement.
    public var firstReplacedLine: Int?
    public var lines = 0
    public var pages = 1
    public var crlf = 0
    public var cr = 0
    /// Pieces made by cutting lines longer than `max-line`.
    public var cutPieces = 0
    public var firstCutLine: Int?
    public var bytes = 0

    public var counts: [String: Int] {
        var c: [String: Int] = ["lines": lines, "bytes": bytes]
        if pages > 1 { c["pages"] = pages }
        if replaced > 0 { c["invalid-replaced"] = replaced }
        if crlf > 0 { c["crlf"] = crlf }
        if cr > 0 { c["cr"] = cr }
        if cutPieces > 0 { c["long-line-pieces"] = cutPieces }
        if converted { c["converted"] = 1 }
        return c
    }
}
