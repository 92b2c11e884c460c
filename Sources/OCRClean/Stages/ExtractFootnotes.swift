/// Moves footnotes out of the running text into `footnote` records and links them to their
/// markers, so that a paragraph cut by a footnote block can be rejoined.
///
/// ```
/// …et des Protocoles s’y rapportant1;            →  paragraph: …s’y rapportant¹;   notes: ["1"]
/// __________________                              →  furniture (separator, from mark-furniture)
///  1  Nations Unies, Recueil des Traités, …       →  footnote "1": ¹ Nations Unies, Recueil…
/// ```
///
/// Blocks are found per page (pages end at form feeds and at page furniture marked by
/// `mark-furniture`): after a separator line, or a block of marked lines ending the page (see
/// `FootnoteBlock`). OCR marks (`!`, `'`, `°`…) get the number their neighbours imply. Markers
/// are rewritten as superscript digits only where the page has a note with that number (see
/// `FootnoteMarkers`); the record lists the numbers in `notes`. A footnote record's text starts
/// with its superscript number (`¹ Nations Unies…`); a `*` note keeps its `*`.
///
/// `place=end` (default) writes the footnotes after the body of the document, `place=page` where
/// their block was. Holds back one page of lines (at most `window`), and the footnotes until the
/// end of the document (at most `max-held` bytes, then they are written out early).
public struct ExtractFootnotes: Stage {
    public static let name = "extract-footnotes"
    public static let summary = "Footnote blocks → footnote records after the body; markers glued to words and years → superscripts, linked."

    public enum Place: String, CaseIterable, Sendable {
        case end
        case page
    }

    public static let options: [OptionSpec] = [
        .choice("place", Place.self, default: .end, help: "Footnotes after the document's body (end) or where their block was (page)."),
        OptionSpec("link", .bool, default: "true", help: "Rewrite markers in the text as superscript digits and list them in `notes`."),
        OptionSpec("join", .bool, default: "true", help: "Join a note's lines into one record; false keeps one record per printed line (line-aligned output)."),
        OptionSpec("window", .int(20...100_000), default: "400", help: "Most lines of a page held back while looking for its footnotes."),
        OptionSpec("max-held", .int(1024...1_073_741_824), default: "4194304", help: "Bytes of footnotes held for the end; beyond, they are written early."),
    ]

    static let pageFurniture: Set<String> = ["page-number", "document-symbol", "running-head", "page-edge"]

    let instance: String
    let place: Place
    let link: Bool
    let join: Bool
    let window: Int
    let maxHeld: Int
    /// Tells the words a marker may be glued to (see `isWord`).
    let knowledge: WordKnowledge

    private var page: [Record] = []
    private var held: [Record] = []
    private var heldBytes = 0
    private var lastNumber = 0
    /// Numbers of the notes found so far in the document.
    private var numbers = Set<String>()
    /// Index in `page` of the last separator line, while its block may still be open.
    private var separator: Int?

    public init(options: StageOptions, context: StageContext) throws {
        instance = context.instance
        knowledge = try CandidateGenerator.french(resources: context.resources).knowledge
        place = options.choice("place", as: Place.self) ?? .end
        link = options.bool("link")
        join = options.bool("join")
        window = options.int("window")
        maxHeld = options.int("max-held")
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        if record.kind == .pageBreak || (record.kind == .furniture && Self.pageFurniture.contains(record.label ?? "")) {
            flushPage(into: &output)
            output.emit(record)
            return
        }
        page.append(record)
        if record.kind == .furniture && record.label == "separator" {
            separator = page.count - 1
        } else if let at = separator, record.kind == .line, !MarkFurniture.isBlank(record) {
            // A block after a separator ends the page when a line no note takes comes.
            let shapes = page[at...].map { $0.kind == .line ? LineShape($0.text) : nil }
            let notes = FootnoteBlock.parse(Array(page[at...]), shapes, from: 1, trailing: false)
            if let last = notes.last?.lines.last, last < page.count - 1 - at {
                let next = page.removeLast()
                flushPage(into: &output)
                page.append(next)
            } else if notes.isEmpty, page.count - 1 - at > 3 {
                separator = nil
            }
        }
        if page.count > window {
            // A page this long has no footnote block we could place: let the first half go.
            for r in page[..<(window / 2)] { output.emit(r) }
            page.removeFirst(window / 2)
            separator = separator.flatMap { $0 >= window / 2 ? $0 - window / 2 : nil }
            output.count("long-page")
        }
    }

    public mutating func finish(into output: inout StageOutput) {
        flushPage(into: &output)
        for note in held { output.emit(note) }
        held.removeAll()
        heldBytes = 0
    }

    private mutating func flushPage(into output: inout StageOutput) {
        defer {
            page.removeAll(keepingCapacity: true)
            separator = nil
        }
        guard !page.isEmpty else { return }
        let shapes = page.map { $0.kind == .line ? LineShape($0.text) : nil }
        var blocks = FootnoteBlock.find(in: page, shapes: shapes, lastNumber: lastNumber)
        if link { numberStars(&blocks) }
        guard !blocks.isEmpty else {
            if link { linkRepeatedMarkers(upTo: page.count, output: &output) }
            for r in page { output.emit(r) }
            return
        }
        var inNote = [Int?](repeating: nil, count: page.count)
        for (b, block) in blocks.enumerated() {
            for (n, note) in block.notes.enumerated() { for line in note.lines { inNote[line] = b * 1000 + n } }
        }
        if link {
            linkMarkers(blocks, inNote: inNote, output: &output)
            linkRepeatedMarkers(upTo: blocks[0].start, output: &output)
        }
        for block in blocks { for note in block.notes where Int(note.number) != nil { numbers.insert(note.number) } }
        var notesOfBlock: [[Record]] = []
        for block in blocks {
            notesOfBlock.append(block.notes.flatMap { footnote($0) })
            if let last = block.notes.last, let n = Int(last.number) { lastNumber = max(lastNumber, n) }
        }
        var nextBlock = 0
        for (i, record) in page.enumerated() {
            if place == .page, nextBlock < blocks.count, let first = blocks[nextBlock].notes.first?.lines.first, i == first {
                for note in notesOfBlock[nextBlock] { output.emit(note) }
                nextBlock += 1
            }
            if inNote[i] == nil { output.emit(record) }
        }
        if place == .end {
            for notes in notesOfBlock {
                for note in notes {
                    held.append(note)
                    heldBytes += note.text.utf8.count
                }
            }
            if heldBytes > maxHeld {
                for note in held { output.emit(note) }
                held.removeAll()
                heldBytes = 0
                output.count("notes-written-early")
            }
        }
        output.count("footnotes", by: blocks.reduce(0) { $0 + $1.notes.count })
    }

    /// Rewrites the markers of the page's notes in the body lines before each block.
    private mutating func linkMarkers(_ blocks: [FootnoteBlock], inNote: [Int?], output: inout StageOutput) {
        var blockStart = 0
        for block in blocks {
            let candidates = (blockStart..<block.start).filter { page[$0].kind == .line && inNote[$0] == nil }
            let numbers = block.notes.map(\.number)
            let hits = FootnoteMarkers.assign(numbers, in: page, candidates: candidates, isWord: isWord)
            let repeats = FootnoteMarkers.repeats(of: numbers, assigned: hits, in: page, candidates: candidates, isWord: isWord)
            var edits: [Int: [TextEdit]] = [:]
            // A `*` note's marker (`*`, or a misread raise) only keeps its place in the order.
            let links = zip(block.notes, hits).compactMap { note, hit in hit.map { (note, $0) } } + repeats.map { (block.notes[$0.note], $0.hit) }
            for (note, hit) in links.sorted(by: { ($0.1.record, $0.1.range.lowerBound) < ($1.1.record, $1.1.range.lowerBound) }) where Int(note.number) != nil {
                if !hit.already {
                    edits[hit.record, default: []].append(TextEdit(range: hit.range, replacement: LineShape.superscript(note.number), rule: "footnote-marker"))
                }
                if !page[hit.record].notes.contains(note.number) { page[hit.record].notes.append(note.number) }
                output.count("linked")
            }
            for (r, list) in edits.sorted(by: { $0.key < $1.key }) {
                page[r].apply(list.sorted { $0.range.lowerBound < $1.range.lowerBound }, stage: instance)
            }
            blockStart = block.start
        }
    }

    /// A `*` note alone with no number in its block is what OCR made of a raised digit when the
    /// body carries a marker for the next number (`organisée!` … `* Résolution 55/25`); a real
    /// `*` note (`* Nouveau tirage…`, its marker on the title) keeps its `*`.
    private func numberStars(_ blocks: inout [FootnoteBlock]) {
        var previous = lastNumber
        for b in blocks.indices {
            let numbered = Set(blocks[b].notes.compactMap { Int($0.number) })
            for n in blocks[b].notes.indices {
                if let k = Int(blocks[b].notes[n].number) { previous = k; continue }
                guard blocks[b].notes[n].mark == "*", !numbered.contains(previous + 1) else { continue }
                let candidates = (0..<blocks[b].start).filter { page[$0].kind == .line }
                if !FootnoteMarkers.Places(page, candidates: candidates, isWord: isWord).hits(String(previous + 1)).isEmpty {
                    blocks[b].notes[n].number = String(previous + 1)
                    previous += 1
                }
            }
        }
    }

    /// Markers of notes printed on earlier pages, cited again (`y relatifs1 constituent`): only
    /// digits glued to a word (see `isWord`), in lines before the page's first block.
    private mutating func linkRepeatedMarkers(upTo end: Int, output: inout StageOutput) {
        guard !numbers.isEmpty else { return }
        for i in 0..<end where page[i].kind == .line {
            var edits: [TextEdit] = []
            var found: [String] = []
            let text = Array(page[i].text.utf8)
            let isWord = isWord
            for range in FootnoteMarkers.gluedDigits(in: text) {
                let number = String(decoding: text[range], as: UTF8.self)
                guard numbers.contains(number), isWord(FootnoteMarkers.letters(before: range.lowerBound, in: text)) else { continue }
                edits.append(TextEdit(range: range, replacement: LineShape.superscript(number), rule: "footnote-marker"))
                found.append(number)
            }
            guard !edits.isEmpty else { continue }
            page[i].apply(edits, stage: instance)
            for n in found where !page[i].notes.contains(n) { page[i].notes.append(n) }
            output.count("linked", by: edits.count)
        }
    }

    /// Letters a marker may be glued to: a word of the lexicon (`relatifs`) or a name
    /// (`Palerme`), not an identifier (`IPv`, `sda`, `ext`). In a long technical document every
    /// small number is some note's.
    private var isWord: (ArraySlice<UInt8>) -> Bool {
        let knowledge = knowledge
        return { letters in
            let word = letters.withUnsafeBufferPointer { JoinedText.scalars($0) }
            return CasePattern(word) == .title || knowledge.known(word) != nil
        }
    }

    /// The footnote record of a note: its lines joined, the mark written as the note's number.
    /// With `join=false`, one record per line: the marked line as the footnote record, then its
    /// other lines as they were printed (blank ones stay lines).
    private func footnote(_ note: FootnoteBlock.Note) -> [Record] {
        var record = page[note.lines[0]]
        let shape = LineShape(record.text)
        let bytes = Array(record.text.utf8)
        // The mark: digits (plain or superscript), or one scalar; then spaces.
        var end = shape.bodyStart
        bytes.withUnsafeBufferPointer { p in
            while end < shape.bodyEnd {
                let (value, length) = UTF8Bytes.scalar(p, at: end)
                let digit = (0x30...0x39).contains(value) || value == 0xB9 || value == 0xB2 || value == 0xB3 || (0x2070...0x2079).contains(value)
                if Int(note.mark) != nil ? !digit : end > shape.bodyStart { break }
                end += length
            }
            // `2?`: the engine's guess at the raise after the digit goes with the mark.
            if Int(note.mark) != nil, end < shape.bodyEnd, [0x3F, 0x21, 0x27].contains(p[end]) { end += 1 }
        }
        var markEnd = end
        while markEnd < shape.bodyEnd, bytes[markEnd] == 0x20 { markEnd += 1 }
        let written = (Int(note.number) != nil ? LineShape.superscript(note.number) : note.mark) + " "
        var edits: [TextEdit] = []
        if shape.bodyStart > 0 { edits.append(TextEdit(range: 0..<shape.bodyStart, replacement: "", rule: "indent", silent: true)) }
        let original = String(decoding: bytes[shape.bodyStart..<markEnd], as: UTF8.self)
        if original != written {
            edits.append(TextEdit(range: shape.bodyStart..<markEnd, replacement: written, rule: "footnote-mark", silent: original.filter { $0 != " " } == written.filter { $0 != " " }))
        }
        if shape.bodyEnd < bytes.count { edits.append(TextEdit(range: shape.bodyEnd..<bytes.count, replacement: "", rule: "space", silent: true)) }
        record.apply(edits, stage: instance)
        record.kind = .footnote
        record.label = note.number
        guard join else {
            record.continues = false
            return [record] + note.lines.dropFirst().map { line in
                var next = page[line]
                if !MarkFurniture.isBlank(next) {
                    next.kind = .footnote
                    next.label = note.number
                }
                return next
            }
        }
        for line in note.lines.dropFirst() {
            var next = page[line]
            let s = LineShape(next.text)
            let nb = next.text.utf8.count
            var trims: [TextEdit] = []
            if s.bodyStart > 0 { trims.append(TextEdit(range: 0..<s.bodyStart, replacement: "", rule: "indent", silent: true)) }
            if s.bodyEnd < nb { trims.append(TextEdit(range: s.bodyEnd..<nb, replacement: "", rule: "space", silent: true)) }
            next.apply(trims, stage: instance)
            record.append(next, separator: record.continues || s.isBlank ? "" : " ")
            record.continues = next.continues
        }
        record.continues = false
        return [record]
    }
}
