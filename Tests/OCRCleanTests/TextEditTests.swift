import OCRClean
import Testing

/// Applying edits keeps every change traceable: offsets point into the final text, and an edit
/// over an earlier change merges with it so that `before` is still the original text.
@Suite struct TextEditTests {
    static func record(_ text: String) -> Record {
        Record(kind: .line, text: text, origin: Origin(document: "t", page: 1, lines: 1...1))
    }

    @Test func offsetsOfEarlierChangesMove() {
        var r = Self.record("l'eﬀet de")
        r.apply([TextEdit(range: 3..<6, replacement: "ff", rule: "ligature")], stage: "a")
        r.apply([TextEdit(range: 1..<2, replacement: "’", rule: "apostrophe")], stage: "b")
        #expect(r.text == "l’effet de")
        #expect(r.changes.map(\.offset) == [1, 5])
        for c in r.changes {
            let bytes = Array(r.text.utf8)
            #expect(String(decoding: bytes[c.offset..<(c.offset + c.after.utf8.count)], as: UTF8.self) == c.after)
        }
        #expect(r.scalarOffsets() == [1, 3])
    }

    @Test func overlappingEditsMergeWithTheOriginalText() {
        var r = Self.record("I'Office")
        r.apply([TextEdit(range: 1..<2, replacement: "’", rule: "apostrophe")], stage: "normalize")
        r.apply([TextEdit(range: 0..<4, replacement: "l’", rule: "elision")], stage: "repair-words")
        #expect(r.text == "l’Office")
        #expect(r.changes == [Change(offset: 0, before: "I'", after: "l’", stage: "normalize+repair-words", rule: "apostrophe+elision")])
    }

    @Test func silentEditsAreAppliedButNotListed() {
        var r = Self.record("a  b  ")
        r.apply([TextEdit(range: 2..<3, replacement: "", rule: "spaces", silent: true),
                 TextEdit(range: 4..<6, replacement: "", rule: "spaces", silent: true)], stage: "n")
        #expect(r.text == "a b")
        #expect(r.changes.isEmpty)
    }

    @Test func joiningShiftsChangesOfTheSecondRecord() {
        var a = Self.record("premier")
        var b = Self.record("I'autre")
        b.origin.lines = 2...2
        b.apply([TextEdit(range: 0..<1, replacement: "l", rule: "x")], stage: "s")
        a.append(b, separator: " ")
        #expect(a.text == "premier l'autre")
        #expect(a.changes.first?.offset == 8)
        #expect(a.origin.lines == 1...2)
    }

    @Test func equalityComparesBytesNotCanonicalEquivalence() {
        #expect(Self.record("é") != Self.record("e\u{301}"))
    }
}
