/// Finds the footnotes of a page: the block after a separator line, or the block of marked lines
/// that ends the page, split into notes.
///
/// ```
/// …de la prévention du crime et de la          body
/// _______________                               separator (furniture)
/// * Nouveau tirage pour raisons techniques.     note "*"
/// 1 Nations Unies, Recueil des Traités, …       note "1"
/// 2 Ibid., vol. 2349, no 42146.                 note "2"
///  justice pénale, ont des incidences…          body again (lowercase, the last note ended)
/// ```
///
/// A note is a marked line (see `LineShape.footnoteMark`) and the lines continuing it (no mark,
/// and the note so far does not end a sentence). Without a separator, only a block that ends the
/// page counts, starts after a blank line, a sentence end or an item's `;`, and holds short
/// notes: a numbered paragraph that lost its full stop (`3 Note avec satisfaction…`) in
/// mid-page stays text. In
/// such a block a note also takes an unmarked line after a full stop (a note whose mark OCR
/// garbled: `# Désactiver…` for `⁶ Désactiver…`). Both follow what a second run sees: paragraph
/// joining makes a note's lines one line, after a blank line.
struct FootnoteBlock {
    struct Note {
        /// Indices into the page's records: the marked line first, then its continuations, then
        /// the blank lines between it and the next note.
        var lines: [Int]
        /// The mark as printed: digits, `*`, `†`, or `?` for what OCR made of a raised digit.
        var mark: String
        /// The number given to the note: `mark`, or inferred from its neighbours for `?`.
        var number: String
    }

    /// Index of the first record of the block (the separator, or the first note line).
    var start: Int
    var notes: [Note]

    /// The blocks of `page` (records of one page, in order).
    static func find(in page: [Record], shapes: [LineShape?], lastNumber: Int) -> [FootnoteBlock] {
        var blocks: [FootnoteBlock] = []
        var claimed = Set<Int>()
        for (i, record) in page.enumerated() where record.kind == .furniture && record.label == "separator" {
            let notes = parse(page, shapes, from: i + 1, trailing: false)
            guard !notes.isEmpty else { continue }
            blocks.append(FootnoteBlock(start: i, notes: notes))
            for note in notes { claimed.formUnion(note.lines) }
        }
        if let trailing = trailingBlock(page, shapes), trailing.notes.allSatisfy({ claimed.isDisjoint(with: $0.lines) }) {
            blocks.append(trailing)
        }
        blocks.sort { $0.start < $1.start }
        var last = lastNumber
        for b in blocks.indices { number(&blocks[b].notes, after: &last) }
        return blocks
    }

    /// Most bytes of text in one note of a block that ends the page: about three printed lines.
    /// Counted in bytes rather than lines, so that a second run, reading the note's lines joined
    /// into one, decides as the first did (a long numbered paragraph at the end of a page stays text).
    static let trailingNoteBytes = 320

    /// Notes from `start` on, as long as lines are marked or continue a note.
    static func parse(_ page: [Record], _ shapes: [LineShape?], from start: Int, trailing: Bool) -> [Note] {
        var notes: [Note] = []
        var noteBytes = 0
        var j = start
        while j < page.count {
            let record = page[j]
            guard record.kind == .line, let shape = shapes[j] else { break }
            if shape.isBlank {
                // Blank lines may separate notes; the block goes on if a marked line follows.
                var k = j + 1
                while k < page.count, page[k].kind == .line, shapes[k]?.isBlank == true { k += 1 }
                guard k < page.count, page[k].kind == .line, let next = shapes[k], !notes.isEmpty || !trailing else { break }
                if LineShape.footnoteMark(next.body(of: page[k].text)) == nil {
                    // A note cut mid-sentence by a blank line goes on in lowercase (`…statique,` +
                    // `sched_priority.`): paragraph joining makes it one line, and a second run
                    // must find the same note.
                    guard trailing, let last = notes.last?.lines.last, let lastShape = shapes[last],
                          !lastShape.endsSentence, next.startsLowercase else { break }
                }
                // Between two notes they belong to the note before (its record's line span):
                // left in the body they would pile up there on every run.
                if !notes.isEmpty { notes[notes.count - 1].lines.append(contentsOf: j..<k) }
                j = k
                continue
            }
            let body = shape.body(of: record.text)
            let length = shape.bodyEnd - shape.bodyStart
            if let mark = LineShape.footnoteMark(body) {
                if trailing, length > trailingNoteBytes { break }
                notes.append(Note(lines: [j], mark: mark, number: mark))
                noteBytes = length
            } else if let current = notes.last, let last = current.lines.last, let lastShape = shapes[last],
                      trailing ? noteBytes + length <= trailingNoteBytes : !lastShape.endsSentence && current.lines.count < 6,
                      LineShape.enumerator(body) == nil {
                notes[notes.count - 1].lines.append(j)
                noteBytes += length
            } else {
                break
            }
            j += 1
        }
        return notes
    }

    /// The block of notes that ends the page (after a blank line, a sentence end or `;`, before
    /// trailing blanks and furniture), or nil.
    static func trailingBlock(_ page: [Record], _ shapes: [LineShape?]) -> FootnoteBlock? {
        var end = page.count
        while end > 0, page[end - 1].kind != .line || shapes[end - 1]?.isBlank == true {
            if page[end - 1].kind == .furniture && page[end - 1].label == "separator" { return nil }
            end -= 1
        }
        guard end > 0 else { return nil }
        // A page label OCR garbled (`FAQ`, `as/n` for `5/12`) may follow the notes after a blank
        // line: they may end before it, when one of them has its number as printed (a lone `!`
        // line before a job number is no note).
        let beforeLabel = labelAfterBlank(page, shapes, at: end - 1) ? (end - 2) : nil
        // The earliest marked line after a blank line or a sentence end from which notes run to `end`.
        var candidates: [Int] = []
        var k = end - 1
        var lines = 0
        while k > 0, lines < 24 {
            if page[k].kind == .line, let shape = shapes[k], !shape.isBlank {
                lines += 1
                let previous = page[k - 1]
                let afterBreak = previous.kind == .furniture || (previous.kind == .line && (shapes[k - 1]?.isBlank == true || shapes[k - 1]?.endsSentence == true || shapes[k - 1]?.lastSignificant == 0x3B))
                if let mark = LineShape.footnoteMark(shape.body(of: page[k].text)), afterBreak || numberedInSequence(mark, page, shapes, after: k) {
                    candidates.append(k)
                }
            } else if page[k].kind != .line {
                break
            }
            k -= 1
        }
        for start in candidates.reversed() {
            let notes = parse(page, shapes, from: start, trailing: true)
            guard let lastLine = notes.last?.lines.last, notes.count <= 12,
                  lastLine == end - 1 || (beforeLabel.map { label in
                      lastLine < label && (lastLine + 1...label).allSatisfy { shapes[$0]?.isBlank == true } && notes.contains { Int($0.mark) != nil }
                  } ?? false)
            else { continue }
            // Something must precede the notes on the page: a page of marked lines is a list.
            guard page[..<start].contains(where: { $0.kind == .line && !$0.text.isEmpty }) else { return nil }
            return FootnoteBlock(start: start, notes: notes)
        }
        return nil
    }

    /// Line `k` is short, holds no word of four small letters, and follows a blank line: what OCR
    /// made of a page label (`FAQ`, `as/n`, `to`), not the end of a note.
    static func labelAfterBlank(_ page: [Record], _ shapes: [LineShape?], at k: Int) -> Bool {
        guard k >= 1, page[k].kind == .line, let shape = shapes[k], shapes[k - 1]?.isBlank == true, page[k - 1].kind == .line else { return false }
        let body = shape.body(of: page[k].text).utf8
        guard body.count <= 12 else { return false }
        var run = 0
        for b in body {
            run = b >= 0x61 && b <= 0x7A ? run + 1 : 0
            if run >= 4 { return false }
        }
        return true
    }

    /// The line after `k` is marked with the number after `mark`: `7 Voir…` then `8 Nations
    /// Unies…` are notes even after a line that ends no sentence (`§ Ibid., no 39574:`, a note
    /// whose mark OCR garbled), as a second run finds them once paragraphs are set apart.
    static func numberedInSequence(_ mark: String, _ page: [Record], _ shapes: [LineShape?], after k: Int) -> Bool {
        guard let n = Int(mark), k + 1 < page.count, page[k + 1].kind == .line, let next = shapes[k + 1], !next.isBlank,
              let following = LineShape.footnoteMark(next.body(of: page[k + 1].text)) else { return false }
        return Int(following) == n + 1
    }

    /// Numbers notes marked `?` (and an `*` among numbered notes) from their neighbours:
    /// `° Ibid.` between `5` and `7` is 6; a `?` before any number follows `last`.
    static func number(_ notes: inout [Note], after last: inout Int) {
        for i in notes.indices where notes[i].mark == "?" || notes[i].mark == "*" {
            var inferred: Int?
            if let j = notes[(i + 1)...].firstIndex(where: { Int($0.mark) != nil }), let n = Int(notes[j].mark), n - (j - i) >= 1 {
                inferred = n - (j - i)
            } else if let j = notes[..<i].lastIndex(where: { Int($0.number) != nil }), let n = Int(notes[j].number) {
                inferred = n + (i - j)
            } else if notes[i].mark == "?" {
                inferred = last + 1
            }
            if let inferred { notes[i].number = String(inferred) }
        }
        for note in notes { if let n = Int(note.number) { last = n } }
    }
}
