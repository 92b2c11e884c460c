/// Turns Markdown conversions of documents into records: markup becomes record structure and
/// leaves the text.
///
/// ```
/// ## Décision 2/6                        →  heading [2]: Décision 2/6
/// 1. *Approuve* les recommandations…     →  list-item: 1. Approuve les recommandations…
/// - ii) De s'adapter à la nature…        →  list-item: ii) De s'adapter à la nature…
/// …organisée<sup>1</sup> et au…          →  paragraph: …organisée¹ et au…   notes: ["1"]
/// ---                                    →  furniture [rule]
/// #                                      →  furniture [empty-heading]
/// <sup>1</sup> Résolution 55/25…         →  footnote [1]: ¹ Résolution 55/25…   (after the body)
/// ```
///
/// Handles ATX headings (`#`…`######`), emphasis (`*x*`, `**x**`, `_x_`, `__x__`), list markers
/// (`-`, `*`, `+`, `1.` when followed by an item label or text), thematic breaks, `<sup>n</sup>`,
/// `[^n]` references and `[^n]: text` definitions, links and images (their text), inline code
/// and code fences (the fence lines become furniture, the code stays text),
/// backslash escapes and other inline HTML tags. Lines of a paragraph join with a space; a
/// blank line ends it (or `max-length`). Unmarked short titles get `heading` like in
/// `join-paragraphs`.
/// Every markup removal is a change (rule `markup`), so the Markdown can be traced.
public struct ParseMarkdown: Stage {
    public static let name = "parse-markdown"
    public static let summary = "Markdown → headings, paragraphs, list items and footnotes, markup removed (changes kept)."

    public enum Footnotes: String, CaseIterable, Sendable {
        case end
        case keep
    }

    public static let options: [OptionSpec] = [
        .choice("footnotes", Footnotes.self, default: .end, help: "Footnotes after the body (end) or where they are (keep)."),
        OptionSpec("max-length", .int(1000...100_000_000), default: "65536", help: "Longest paragraph in bytes; a longer one is cut."),
    ]

    let instance: String
    let footnotesAtEnd: Bool
    let maxLength: Int
    private var current: Record?
    private var currentLines = 0
    private var held: [Record] = []
    /// Emphasis markers of the current block, paired when it closes.
    private var openMarkers: [EmphasisMarker] = []
    /// Blank lines not yet given to a block.
    private var blanks: [Origin] = []

    public init(options: StageOptions, context: StageContext) {
        instance = context.instance
        footnotesAtEnd = options.choice("footnotes", as: Footnotes.self) != .keep
        maxLength = options.int("max-length")
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        guard record.kind == .line else {
            close(into: &output)
            // (A page break carries no lines: blank lines wait for the next block.)
            output.emit(record.kind == .pageBreak ? record : takingBlanks(record))
            return
        }
        if MarkFurniture.isBlank(record) {
            if current != nil {
                current!.origin.merge(record.origin)
                close(into: &output)
            } else {
                blanks.append(record.origin)
            }
            return
        }
        var line = record
        let text = Array(line.text.utf8)
        let shape = LineShape(line.text)
        let body = Array(text[shape.bodyStart..<shape.bodyEnd])
        // Thematic break.
        if body.count >= 3, let c = body.first, c == 0x2D || c == 0x2A || c == 0x5F, body.allSatisfy({ $0 == c || $0 == 0x20 }) {
            close(into: &output)
            line.kind = .furniture
            line.label = "rule"
            output.emit(takingBlanks(line))
            return
        }
        // A code fence (```` ```sh ````, `~~~`): the code between stays text, the fence is markup.
        if body.count >= 3, body[0] == body[1], body[1] == body[2], body[0] == 0x60 || body[0] == 0x7E {
            close(into: &output)
            line.kind = .furniture
            line.label = "code-fence"
            output.emit(takingBlanks(line))
            return
        }
        // An empty heading (`#` alone, as a page with no title is converted): markup with no
        // text. Read as text it would open the next paragraph, and a second run would take that
        // paragraph for a heading.
        if body.count <= 6, body.allSatisfy({ $0 == 0x23 }) {
            close(into: &output)
            line.kind = .furniture
            line.label = "empty-heading"
            output.emit(takingBlanks(line))
            return
        }
        var edits: [TextEdit] = []
        if shape.bodyStart > 0 { edits.append(TextEdit(range: 0..<shape.bodyStart, replacement: "", rule: "indent", silent: true)) }
        if shape.bodyEnd < text.count { edits.append(TextEdit(range: shape.bodyEnd..<text.count, replacement: "", rule: "space", silent: true)) }
        var kind = Record.Kind.paragraph
        var label: String?
        var start = shape.bodyStart
        if let level = Self.headingLevel(body) {
            // `## Title` (and closing `##`).
            close(into: &output)
            kind = .heading
            label = String(level)
            var end = shape.bodyEnd
            var k = end
            while k > start, text[k - 1] == 0x23 { k -= 1 }
            if k < end, k > start, text[k - 1] == 0x20 {
                while k > start, text[k - 1] == 0x20 { k -= 1 }
                edits.append(TextEdit(range: k..<end, replacement: "", rule: "markup"))
                end = k
            }
            var after = start + level
            while after < end, text[after] == 0x20 { after += 1 }
            edits.append(TextEdit(range: start..<after, replacement: "", rule: "markup"))
            start = after
        } else if let marker = Self.listMarker(body) {
            close(into: &output)
            kind = .listItem
            edits.append(TextEdit(range: start..<(start + marker), replacement: "", rule: "markup"))
            start += marker
        } else if let (number, length) = Self.footnoteDefinition(body) {
            close(into: &output)
            kind = .footnote
            label = number
            edits.append(TextEdit(range: start..<(start + length), replacement: LineShape.superscript(number) + " ", rule: "markup"))
            start += length
        }
        var notes: [String] = []
        var markers: [EmphasisMarker] = []
        Self.inlineEdits(text, from: start, to: shape.bodyEnd, into: &edits, notes: &notes, markers: &markers)
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        line.apply(edits, stage: instance)
        // Where the markers are once the line's edits are made.
        for k in markers.indices {
            markers[k].position += edits.reduce(0) { $1.range.upperBound <= markers[k].position ? $0 + $1.replacement.utf8.count - $1.range.count : $0 }
        }
        notes = FootnoteMarkers.superscriptNumbers(in: Array(line.text.utf8))
        for n in notes where !line.notes.contains(n) { line.notes.append(n) }
        // A paragraph that starts with a superscript number is a footnote (`¹ Nations Unies…`).
        if kind == .paragraph, current == nil, let mark = LineShape.footnoteMark(Substring(line.text)), Int(mark) != nil,
           let first = line.text.unicodeScalars.first, LineShape.superscripts.contains(first) {
            kind = .footnote
            label = mark
            line.notes.removeAll { $0 == mark }
        }
        // Cut before `max-length` is passed, as `join-paragraphs` does.
        if kind == .paragraph, var paragraph = current, paragraph.text.utf8.count + 1 + line.text.utf8.count <= maxLength {
            // Taken out, so that appending grows the text in place instead of copying it at
            // every line (quadratic in a block of thousands of lines).
            current = nil
            let shift = paragraph.text.utf8.count + 1
            paragraph.append(line, separator: " ")
            current = paragraph
            currentLines += 1
            openMarkers += markers.map { var m = $0; m.position += shift; return m }
            return
        }
        close(into: &output)
        line.kind = kind
        line.label = label
        current = takingBlanks(line)
        currentLines = 1
        openMarkers = markers
    }

    public mutating func finish(into output: inout StageOutput) {
        close(into: &output)
        if var origin = blanks.first {
            for o in blanks.dropFirst() { origin.merge(o) }
            // Blank lines no block took (the end of the document): kept in a record that
            // prints nothing.
            output.emit(Record(kind: .line, text: "", origin: origin, continues: true))
            blanks.removeAll()
        }
        for note in held { output.emit(note) }
        held.removeAll()
    }

    private mutating func close(into output: inout StageOutput) {
        guard var record = current else { return }
        current = nil
        record.continues = false
        // Emphasis is paired over the whole block (`*la Convention` / `contre la criminalité*`), as a
        // second run sees it on one line. A block with a marker left over is not clean Markdown
        // (`Aun*»ste`, `de * Français` in OCR text): all its markers stay as printed, or a
        // second run would pair what the first left.
        var edits: [TextEdit] = []
        if !Self.pairEmphasis(openMarkers, into: &edits).isEmpty { edits.removeAll() }
        openMarkers.removeAll()
        if !edits.isEmpty {
            edits.sort { $0.range.lowerBound < $1.range.lowerBound }
            record.apply(edits, stage: instance)
        }
        if record.kind == .paragraph {
            record.kind = JoinParagraphs.kind(of: record.text, lines: currentLines, headings: true)
        }
        if record.kind == .footnote && footnotesAtEnd {
            held.append(record)
        } else {
            output.emit(record)
        }
    }

    /// The record with the blank lines before it added to its origin (blank lines belong to the
    /// record that follows them, so that records stay in input order).
    private mutating func takingBlanks(_ record: Record) -> Record {
        guard var origin = blanks.first else { return record }
        var r = record
        for o in blanks.dropFirst() + [r.origin] { origin.merge(o) }
        origin.page = r.origin.page
        r.origin = origin
        blanks.removeAll()
        return r
    }

    /// `#` to `######` then a space: the level.
    static func headingLevel(_ body: [UInt8]) -> Int? {
        var level = 0
        while level < body.count, body[level] == 0x23 { level += 1 }
        guard level >= 1, level <= 6, level < body.count, body[level] == 0x20 else { return nil }
        return level
    }

    /// `- `, `* `, `+ ` (bytes to drop, with the space); `1. ` stays (it is the item's label).
    static func listMarker(_ body: [UInt8]) -> Int? {
        guard body.count >= 3, body[0] == 0x2D || body[0] == 0x2A || body[0] == 0x2B, body[1] == 0x20 else { return nil }
        var k = 1
        while k < body.count, body[k] == 0x20 { k += 1 }
        return k
    }

    /// `[^12]: ` or `<sup>12</sup> ` at the start: the number and the bytes of the mark.
    static func footnoteDefinition(_ body: [UInt8]) -> (String, Int)? {
        for (open, close) in [(Array("[^".utf8), Array("]:".utf8)), (Array("<sup>".utf8), Array("</sup>".utf8))] {
            guard body.starts(with: open) else { continue }
            var k = open.count
            while k < body.count, FootnoteMarkers.isDigit(body[k]) { k += 1 }
            guard k > open.count, k - open.count <= 3, body[k...].starts(with: close) else { continue }
            var end = k + close.count
            guard end < body.count, body[end] == 0x20 else { continue }
            while end < body.count, body[end] == 0x20 { end += 1 }
            return (String(decoding: body[open.count..<k], as: UTF8.self), end)
        }
        return nil
    }

    /// The range to delete for markup at `range`, so that the words around it keep one space:
    /// with the space before it when a space or the line end follows (`a <br> b`, `$ et `` at a
    /// line end), with the space after it at the line start. A space another edit took stays
    /// with it.
    static func alone(_ text: [UInt8], _ range: Range<Int>, from: Int, to: Int, edits: [TextEdit]) -> Range<Int> {
        let spaceAfter = range.upperBound < to && text[range.upperBound] == 0x20
        if range.lowerBound > from, text[range.lowerBound - 1] == 0x20, spaceAfter || range.upperBound == to,
           !edits.contains(where: { $0.range.contains(range.lowerBound - 1) }) {
            return (range.lowerBound - 1)..<range.upperBound
        }
        if range.lowerBound == from, spaceAfter { return range.lowerBound..<(range.upperBound + 1) }
        return range
    }

    /// Whether the inside of `<…>` opens or closes an HTML element (`sup`, `/em`, `br/`,
    /// `span class="x"`). A placeholder in angle brackets is text and stays (`Utiliser <fichier>
    /// comme liste`, `un couple <changement de ligne>`).
    static func isHTMLTag(_ inside: ArraySlice<UInt8>) -> Bool {
        var name = inside.drop { $0 == 0x2F }.prefix { FootnoteMarkers.isASCIILetter($0) || FootnoteMarkers.isDigit($0) }
        guard !name.isEmpty, name.count <= 10 else { return false }
        name = ArraySlice(name.map { $0 | 0x20 })
        return htmlElements.contains(String(decoding: name, as: UTF8.self))
    }

    /// HTML element names that Markdown converters write (pandoc, docling, marker, Word export).
    static let htmlElements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "body", "br", "caption", "center",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "ins", "kbd", "li",
        "main", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strike", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ]

    /// Edits removing inline markup in `text[from..<to]`: `<sup>n</sup>`, `[^n]`, links, images,
    /// code, escapes, tags; and the emphasis markers found, for the block to pair.
    static func inlineEdits(_ text: [UInt8], from: Int, to: Int, into edits: inout [TextEdit], notes: inout [String],
                            markers: inout [EmphasisMarker]) {
        var i = from
        func starts(_ s: String, at k: Int) -> Bool {
            let b = Array(s.utf8)
            return k + b.count <= to && Array(text[k..<(k + b.count)]) == b
        }
        while i < to {
            let b = text[i]
            if b == 0x5C, i + 1 < to, "*_`[]()#<>\\".utf8.contains(text[i + 1]) {
                // An escaped backslash before a sign it could escape (`\\(`) stays: unescaped it
                // would make a new escape (`\(`), which a second run would read as `(`.
                if text[i + 1] == 0x5C, i + 2 < to, "*_`[]()#<>\\".utf8.contains(text[i + 2]) {
                    i += 2
                    continue
                }
                edits.append(TextEdit(range: i..<(i + 1), replacement: "", rule: "markup"))
                i += 2
                continue
            }
            if starts("<sup>", at: i) {
                var k = i + 5
                while k < to, FootnoteMarkers.isDigit(text[k]) { k += 1 }
                if k > i + 5, starts("</sup>", at: k) {
                    let number = String(decoding: text[(i + 5)..<k], as: UTF8.self)
                    edits.append(TextEdit(range: i..<(k + 6), replacement: LineShape.superscript(number), rule: "markup"))
                    notes.append(number)
                    i = k + 6
                    continue
                }
            }
            if starts("[^", at: i) {
                var k = i + 2
                while k < to, FootnoteMarkers.isDigit(text[k]) { k += 1 }
                if k > i + 2, k < to, text[k] == 0x5D {
                    let number = String(decoding: text[(i + 2)..<k], as: UTF8.self)
                    edits.append(TextEdit(range: i..<(k + 1), replacement: LineShape.superscript(number), rule: "markup"))
                    notes.append(number)
                    i = k + 1
                    continue
                }
            }
            if b == 0x3C, let close = text[i..<to].firstIndex(of: 0x3E), close - i <= 40,
               i + 1 < to, FootnoteMarkers.isASCIILetter(text[i + 1]) || text[i + 1] == 0x2F,
               text[(i + 1)..<close].allSatisfy({ FootnoteMarkers.isASCIILetter($0) || FootnoteMarkers.isDigit($0) || $0 == 0x2F || $0 == 0x20 || $0 == 0x3D || $0 == 0x22 }),
               isHTMLTag(text[(i + 1)..<close]) {
                // Another inline tag (`<br>`, `<em>`): dropped, with one of the spaces around it
                // when it stands alone between two (`a <br> b` → `a b`).
                edits.append(TextEdit(range: Self.alone(text, i..<(close + 1), from: from, to: to, edits: edits), replacement: "", rule: "markup"))
                i = close + 1
                continue
            }
            if b == 0x21 || b == 0x5B, let link = link(text, at: b == 0x21 ? i + 1 : i, to: to), b == 0x5B || text[i + 1] == 0x5B {
                let openEnd = b == 0x21 ? i + 2 : i + 1
                edits.append(TextEdit(range: i..<openEnd, replacement: "", rule: "markup"))
                edits.append(TextEdit(range: link.textEnd..<link.end, replacement: "", rule: "markup"))
                i = openEnd
                continue
            }
            if b == 0x60 {
                // A lone backtick between spaces goes with one of them (no double space left).
                edits.append(TextEdit(range: Self.alone(text, i..<(i + 1), from: from, to: to, edits: edits), replacement: "", rule: "markup"))
                i += 1
                continue
            }
            if b == 0x2A || b == 0x5F {
                var run = 1
                while i + run < to, text[i + run] == b, run < 3 { run += 1 }
                let before: UInt8 = i > from ? text[i - 1] : 0x20
                let after: UInt8 = i + run < to ? text[i + run] : 0x20
                // `_` inside a word or number (`snake_case`, `56_t20`) is not emphasis; one after
                // a letter or digit opens none, one before a letter or digit closes none (`!_n`).
                let alnumBefore = FootnoteMarkers.isLetterByte(before) || FootnoteMarkers.isDigit(before)
                let alnumAfter = FootnoteMarkers.isLetterByte(after) || FootnoteMarkers.isDigit(after)
                if !(b == 0x5F && alnumBefore && alnumAfter) {
                    markers.append(EmphasisMarker(position: i, length: run, byte: b, canOpen: Self.opensText(after) && !(b == 0x5F && alnumBefore),
                                                  canClose: Self.closesText(before) && !(b == 0x5F && alnumAfter)))
                }
                i += run
                continue
            }
            i += 1
        }
    }

    /// Emphasis opens on a word, a number or an opening quote or parenthesis (`*Approuve*`,
    /// `*« texte »*`), not on other punctuation (`|*)\s+(.*)`).
    static func opensText(_ b: UInt8) -> Bool {
        FootnoteMarkers.isLetterByte(b) || FootnoteMarkers.isDigit(b) || b == 0x22 || b == 0x27 || b == 0x28
    }

    /// Emphasis closes after a word, a number, a closing quote or parenthesis or the end of a
    /// sentence.
    static func closesText(_ b: UInt8) -> Bool {
        FootnoteMarkers.isLetterByte(b) || FootnoteMarkers.isDigit(b) || b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D
            || b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F
    }

    /// A run of `*` or `_` that may open (text follows) or close (text precedes) emphasis.
    struct EmphasisMarker {
        var position: Int
        var length: Int
        var byte: UInt8
        var canOpen: Bool
        var canClose: Bool
    }

    /// Pairs emphasis markers in order (a closer with the last open marker of the same run),
    /// adds edits removing each pair, and returns the markers left unpaired.
    static func pairEmphasis(_ markers: [EmphasisMarker], into edits: inout [TextEdit]) -> [EmphasisMarker] {
        var open: [Int] = []
        var paired = [Bool](repeating: false, count: markers.count)
        for (k, m) in markers.enumerated() {
            if m.canClose, let last = open.last, markers[last].byte == m.byte, markers[last].length == m.length {
                open.removeLast()
                paired[last] = true
                paired[k] = true
                let o = markers[last]
                edits.append(TextEdit(range: o.position..<(o.position + o.length), replacement: "", rule: "markup"))
                edits.append(TextEdit(range: m.position..<(m.position + m.length), replacement: "", rule: "markup"))
            } else if m.canOpen {
                open.append(k)
            }
        }
        return markers.indices.filter { !paired[$0] }.map { markers[$0] }
    }

    /// `[text](url)` starting at `i`: where the text ends and the whole link ends.
    static func link(_ text: [UInt8], at i: Int, to: Int) -> (textEnd: Int, end: Int)? {
        guard i < to, text[i] == 0x5B, let close = text[i..<to].firstIndex(of: 0x5D), close + 1 < to, text[close + 1] == 0x28,
              let end = text[(close + 1)..<to].firstIndex(of: 0x29) else { return nil }
        return (close, end + 1)
    }
}
