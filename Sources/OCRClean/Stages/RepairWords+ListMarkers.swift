/// The markers of lettered and roman-numbered items, read in sequence: `k)`, `1)`, `m)` →
/// `k)`, `l)`, `m)`; `e)`, `£)`, `g)` → `f)`; `ii)`, `ii)`, `iv)` → `iii)`.
extension RepairWords {
    static let romanNumerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]

    /// The marker opening an item: one to four characters other than spaces and `)`, then `) `
    /// (`b) `, `iv) `, and what OCR made of one: `£) `, `8) `). Leading spaces are skipped; the
    /// marker's byte range is returned with it.
    static func itemMarker(_ text: String) -> (marker: String, range: Range<Int>)? {
        var text = text
        return text.withUTF8 { whole in
            let u = UnsafeBufferPointer(rebasing: whole.prefix(24))
            var start = 0
            while start < u.count, u[start] == 0x20 { start += 1 }
            var end = start
            var scalars = 0
            while end < u.count, u[end] != 0x20, u[end] != 0x29, scalars < 4 {
                end += 1
                while end < u.count, u[end] & 0xC0 == 0x80 { end += 1 }
                scalars += 1
            }
            guard end > start, end + 1 < u.count, u[end] == 0x29, u[end + 1] == 0x20 else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self), start..<end)
        }
    }

    /// Glyphs an engine reads for a letter or roman marker (on the rendered pages: `8)` for `g)`,
    /// `1)` for `l)`, `€)` for `e)`, `£)` for `f)`, `©)` for `c)`, `4)` for `d)`, `ü)` for `ii)`).
    static let letterLookalikes: [String: String] = ["8": "g", "9": "g", "1": "l", "|": "l", "€": "e", "£": "f", "0": "o", "5": "s",
                                                     "©": "c", "¢": "c", "4": "d", "ü": "ii"]

    /// The marker that follows `marker` when only one may (`e` after `d`; none after `i`: `j` or
    /// `ii`).
    static func onlySuccessor(of marker: String) -> String? {
        let next = successors(of: marker)
        return next.count == 1 ? next[0] : nil
    }

    /// The first item of a list, by the item after it.
    static let firstItems = ["b": "a", "ii": "i"]

    /// The markers that may follow `marker` in a list: the next letter, the next roman numeral
    /// (`i` is both: `j` or `ii`).
    static func successors(of marker: String) -> [String] {
        var next: [String] = []
        if marker.utf8.count == 1, let b = marker.utf8.first, b >= 0x61, b < 0x7A { next.append(String(UnicodeScalar(b + 1))) }
        if let k = romanNumerals.firstIndex(of: marker), k + 1 < romanNumerals.count { next.append(romanNumerals[k + 1]) }
        return next
    }

    /// Takes the marker that `text` opens with as the last item's, when it is a letter or a
    /// roman numeral.
    mutating func noteItemMarker(_ text: String) {
        guard let (marker, _) = Self.itemMarker(text) else { return }
        let letter = marker.utf8.count == 1 && marker.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } == true
        if letter || Self.romanNumerals.contains(marker) { lastItemMarker = marker }
    }

    /// An item's marker that does not follow the item before it is the one that does when the
    /// next item confirms it: `k)`, `1)`, `m)`; or, without that confirmation, when it is a
    /// glyph the letter due (or the one after, the marker between lost: `e)`, `©`, `8)`) looks
    /// like: `8)` for `g)`, `1)` for `l)`, `€)` for `e)`. Otherwise nothing changes, so a list
    /// that restarts (`h)` then `i)` as a roman one) or a numbered sub-list (`2)`) stays.
    ///
    /// The first item of a list, after the text that introduces it (ending with `:` or `,`), is
    /// the one its next item names: `2)` before `b)` is `a)`, `à)` before `ii)` is `i)`. (Inside a
    /// list the next item may belong to the list around a sub-list: `lu)`, a sub-list's third
    /// item, before `b)`.)
    func itemMarkerEdit(_ text: String, after previous: String?, nextItem: String?, edits: inout [TextEdit], counts: inout Counts) {
        guard let (marker, range) = Self.itemMarker(text) else { return }
        var fix: String?
        if let last = lastItemMarker {
            let expected = Self.successors(of: last)
            guard !expected.contains(marker) else { return }
            let confirmed = nextItem.flatMap { next in expected.first { Self.successors(of: $0).contains(next) } }
            let lookalike = Self.letterLookalikes[marker].flatMap { letter in
                expected.contains(letter) || expected.contains { Self.successors(of: $0).contains(letter) } ? letter : nil
            }
            fix = confirmed ?? lookalike
        }
        if fix == nil, let end = previous.flatMap(Self.lastScalar), end == ":" || end == ",",
           let next = nextItem, let first = Self.firstItems[next], marker != first, marker.unicodeScalars.count <= 2 {
            fix = first
        }
        guard let fix else { return }
        Self.add(fix, at: range, rule: "item-marker", confidence: 0.9, to: &edits, counts: &counts)
    }

    /// The byte offset of the `)` an item opens with when OCR lost its letter (`) A décidé…`):
    /// a `)`, a space and a capital, leading spaces skipped.
    static func lostItemMarker(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { u in
            var start = 0
            while start < u.count, u[start] == 0x20 { start += 1 }
            guard start + 2 < u.count, u[start] == 0x29, u[start + 1] == 0x20,
                  Unicode.Scalar(UTF8Bytes.scalar(u, at: start + 2).value)?.properties.isUppercase == true else { return nil }
            return start
        }
    }

    /// `d) …;` / `) A décidé…` → `e) A décidé…`: an item whose letter OCR lost, after an item
    /// that ended (`;`, `.` or `:`), takes the letter due when only one is (after `d`, `e`; after
    /// `i`, `j` or `ii` only when the next item tells which).
    func lostItemMarkerEdit(_ text: String, after previous: String?, nextItem: String?, edits: inout [TextEdit], counts: inout Counts) {
        guard let last = lastItemMarker, let offset = Self.lostItemMarker(text),
              let end = previous.flatMap(Self.lastScalar), end == ";" || end == "." || end == ":" else { return }
        let expected = Self.successors(of: last)
        let confirmed = nextItem.flatMap { next in expected.first { Self.successors(of: $0).contains(next) } }
        guard let fix = confirmed ?? Self.onlySuccessor(of: last) else { return }
        let range = offset..<(offset + 1)
        Self.add(fix + ")", at: range, rule: "item-marker", confidence: 0.9, to: &edits, counts: &counts)
    }

    /// `ii) …;` / `Considérer…` / `iv) …` → `iii) Considérer…`: a paragraph between two items
    /// of a list, one letter or numeral apart, after an item that ended with `;`, is the item
    /// between them whose marker OCR lost. Paragraphs only: a line may go on with its item.
    func missingItemMarkerEdit(_ record: Record, after previous: String?, nextItem: String?, edits: inout [TextEdit], counts: inout Counts) {
        guard record.kind != .line, let last = lastItemMarker, let next = nextItem,
              previous.flatMap(Self.lastScalar) == ";", Self.itemMarker(record.text) == nil, Self.lostItemMarker(record.text) == nil,
              record.text.unicodeScalars.first?.properties.isUppercase == true else { return }
        let between = Self.successors(of: last).filter { Self.successors(of: $0).contains(next) }
        guard between.count == 1 else { return }
        edits.append(TextEdit(range: 0..<0, replacement: between[0] + ") ", rule: "item-marker", confidence: 0.9))
        counts.count("item-marker")
    }
}
