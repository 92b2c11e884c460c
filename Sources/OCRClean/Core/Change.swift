/// One edit of a record's text: `before` became `after` at `offset`.
///
/// `offset` counts UTF-8 bytes into the record's *current* text (the text as it leaves the
/// pipeline once every stage ran), so `text.utf8[offset ..< offset + after.utf8.count] == after`.
/// The records writer converts it to Unicode code points for JSON consumers. Stages never edit
/// offsets by hand: `TextEdits` applies edits and moves the offsets of earlier changes.
public struct Change: Sendable, Hashable {
    public var offset: Int
    public var before: String
    public var after: String
    /// Instance name of the stage that made the edit (`normalize`, `repair-words`, …).
    public var stage: String
    /// The rule inside the stage (`mojibake`, `ligature`, `accent`, `split`, …).
    public var rule: String
    /// How sure the stage is, from 0 to 1, where it ranks alternatives; nil for deterministic fixes.
    public var confidence: Double?

    /// Byte-for-byte equality (see `Record ==`).
    public static func == (a: Change, b: Change) -> Bool {
        a.offset == b.offset && a.before.utf8.elementsEqual(b.before.utf8) && a.after.utf8.elementsEqual(b.after.utf8)
            && a.stage == b.stage && a.rule == b.rule && a.confidence == b.confidence
    }

    public init(offset: Int, before: String, after: String, stage: String, rule: String, confidence: Double? = nil) {
        self.offset = offset
        self.before = before
        self.after = after
        self.stage = stage
        self.rule = rule
        self.confidence = confidence
    }
}

extension Record {
    /// The offsets of `changes` in Unicode code points of `text` (what JSON consumers index by).
    public func scalarOffsets() -> [Int] {
        let bytes = Array(text.utf8)
        var result: [Int] = []
        var scalars = 0
        var position = 0
        for change in changes {
            let target = min(change.offset, bytes.count)
            if target < position { position = 0; scalars = 0 }
            while position < target {
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            result.append(scalars)
        }
        return result
    }
}
