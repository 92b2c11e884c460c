/// Conventions an input shows in its own bytes, read before cleaning starts so that a stage can
/// follow them from the first line: the first read of a text file (up to 1 MB), or the cleaned
/// field of the first records of a JSON Lines file (the records of one corpus share a
/// transcription convention).
///
/// ```
/// l’Assemblée a décidé de ga¬      two or more lines end with `¬`: the input writes a line-break
/// rantir l’accès aux sour¬         hyphen so, and `dehyphenate mode=document` marks the other
/// ces et de coopéra-               breaks the same way (`coopéra¬` / `tion`)
/// tion…
/// ```
public struct InputConventions: Sendable, Equatable {
    /// Line ends written `¬` (spaces after it allowed).
    public private(set) var breakMarks = 0

    public init() {}

    /// The input writes a line-break hyphen as `¬`: two marks at least (one could be a stray
    /// glyph).
    public var marksBreakHyphens: Bool { breakMarks >= 2 }

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
                if j < n, bytes[j] == 0x0A { breakMarks += 1 }
                i = j
            }
            i += 1
        }
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
