/// Conventions an input shows in its own bytes, read before cleaning starts so that a stage can
/// follow them from the first line: the first read of a text file (up to 1 MB), or the cleaned
/// field of the first records of a JSON Lines file (the records of one corpus share a
/// transcription convention).
///
/// ```
/// l’Assemblée a décidé de ga¬      two or more lines end with `¬`, or one cuts a word between
/// rantir l’accès aux sour¬         letters (`ga¬` / `rantir`): the input writes a line-break
/// ces et de coopéra-               hyphen so, and `dehyphenate mode=document` marks the other
/// tion…                            breaks the same way (`coopéra¬` / `tion`)
/// ```
public struct InputConventions: Sendable, Equatable {
    /// Line ends written `¬` (spaces after it allowed).
    public private(set) var breakMarks = 0
    /// Those of them between a letter and a next line opening in a lowercase letter.
    public private(set) var wordBreakMarks = 0

    public init() {}

    /// The input writes a line-break hyphen as `¬`: two marks, or one inside a word (a stray
    /// glyph lands anywhere; one between a letter and the rest of a word on the next line is a
    /// transcriber's mark).
    public var marksBreakHyphens: Bool { breakMarks >= 2 || wordBreakMarks >= 1 }

    /// Counts the conventions shown in `bytes` (UTF-8; a cut scalar at either end is ignored).
    public mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 3 else { return }
        var i = 1
        let n = bytes.count
        while i + 1 < n {
            // `¬` is C2 AC.
            if bytes[i] == 0xAC, bytes[i - 1] == 0xC2 {
                var j = i + 1
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < n, bytes[j] == 0x0A {
                    breakMarks += 1
                    if Self.endsWithLetter(bytes, before: i - 1), Self.opensWithLowercase(bytes, at: j + 1) { wordBreakMarks += 1 }
                }
                i = j
            }
            i += 1
        }
    }

    // The input's bytes are raw (any encoding, a read may cut a scalar): they are tested byte
    // by byte, never decoded as UTF-8 (`UTF8Bytes` assumes valid UTF-8).

    /// Whether a letter ends right before `end`: an ASCII letter or a Latin-1 one (`C3 xx`).
    static func endsWithLetter(_ bytes: UnsafeRawBufferPointer, before end: Int) -> Bool {
        guard end >= 1 else { return false }
        let b = bytes[end - 1]
        if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        return end >= 2 && bytes[end - 2] == 0xC3 && b != 0x97 && b != 0xB7
    }

    /// Whether a lowercase letter opens the bytes at `start`: ASCII, or `à`–`ÿ` (`C3 A0`–`C3 BF`).
    static func opensWithLowercase(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard start < bytes.count else { return false }
        let b = bytes[start]
        if b < 0x80 { return b >= 0x61 && b <= 0x7A }
        return b == 0xC3 && start + 1 < bytes.count && bytes[start + 1] >= 0xA0 && bytes[start + 1] != 0xB7
    }

    /// Counts the conventions shown in `text`.
    public mutating func scan(_ text: String) {
        var text = text
        text.withUTF8 { scan(UnsafeRawBufferPointer($0)) }
    }
}

/// A stage that follows a convention of its input (`dehyphenate mode=document`). The driver
/// tells it what the input shows before the first record.
public protocol ConventionFollowing: Stage {
    /// Whether the stage, as configured, reads the input's conventions at all (a driver that
    /// must hold records back to learn them does so only then).
    var awaitsConventions: Bool { get }
    mutating func follow(_ conventions: InputConventions)
}
