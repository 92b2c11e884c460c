import DequeModule

/// Finds page furniture among the lines and relabels it `furniture` (kept in records, left out of
/// text output), so that later stages join paragraphs across it.
///
/// Marks, with `label`:
/// - `separator`: a footnote rule or separator line (`__________`, `-----`, `* * *`).
/// - `page-number`: a page number or page label on its own (`12`, `7/12`, `- 3 -`,
///   `2 V.10-57325`, `A/RES/67/189 3`): isolated by blank lines, or at a page edge; a number
///   with a symbol (`2 V.10-57325`) anywhere, even run into the text.
/// - `document-symbol`: a document symbol or job number on its own (`CTOC/COP/2010/L.9`,
///   `V.10-57325`), isolated or at a page edge.
/// - `page-edge`: at the first or last line of a page (form feeds, or the document's ends),
///   isolated by a blank line, what OCR made of a symbol or page label (`AJRES/67/189`,
///   `6V12-57187`, `as/n`) or a lowercase non-word (`ovaosrs`).
/// - `running-head`: a short isolated line repeated `repeats` times in the document (digits may
///   differ: `Rapport du Conseil — page 3`). A title of the document's structure (`Annexe`,
///   `Décision 2/1` … `Décision 2/3`) counts only where it stands at a page's edge: first or last
///   on the page, next to a page label, or inside a sentence the page break cut; between
///   paragraphs it is a heading the document repeats. A note this pipeline wrote is text
///   (`¹ Voir CTOC/COP/2016/9, par. 70.`, repeated with other numbers).
///
/// Leaves alone text that merely looks like furniture inside running text: a symbol, number or
/// short line between two lines of a paragraph (`conformément à la résolution` / `A/RES/57/168` /
/// `du 18 décembre`) stays a line.
///
/// Holds back `window` lines of lookahead (to see the next blank line, the page end and repeats).
public struct MarkFurniture: Stage {
    public static let name = "mark-furniture"
    public static let summary = "Running heads, page numbers, document symbols, separators → furniture records (kept, labelled)."
    public static let options: [OptionSpec] = [
        OptionSpec("window", .int(8...10_000), default: "120", help: "Lines of lookahead held back (a page or two)."),
        OptionSpec("repeats", .int(2...100), default: "3", help: "Times a short isolated line must occur to be a running head."),
        OptionSpec("edges", .bool, default: "true", help: "Also mark garbled symbols and non-words alone at a page's first or last line."),
    ]

    let instance: String
    let window: Int
    let repeats: Int
    let edges: Bool
    let lexicon: Lexicon?

    private var buffer = Deque<Record>()
    private var previousIsolating = true
    /// The previous line when it is text (nil after a blank line): one that ends a clause
    /// (`…Prie :`) makes a line starting with a capital or a digit start a block of its own in
    /// join-paragraphs.
    private var previousText: String?
    /// What came before the blank lines preceding the next line: a page's edge (the start, a
    /// page break, furniture) or a line of text, and whether that line ended a sentence.
    private var previousBlock: PreviousBlock = .edge
    private enum PreviousBlock { case edge, text(endsSentence: Bool) }
    private var pageHasText = false
    /// Lines still to mark of a block found at a page edge (see `edgeBlock`).
    private var edgeBlockRest = 0
    private var seen: [[UInt8]: Int] = [:]

    public init(options: StageOptions, context: StageContext) throws {
        instance = context.instance
        window = options.int("window")
        repeats = options.int("repeats")
        edges = options.bool("edges")
        lexicon = edges ? try Lexicon.french(resources: context.resources) : nil
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        buffer.append(record)
        if buffer.count > window { release(buffer.count - window, finishing: false, into: &output) }
    }

    public mutating func finish(into output: inout StageOutput) {
        release(buffer.count, finishing: true, into: &output)
    }

    private mutating func release(_ count: Int, finishing: Bool, into output: inout StageOutput) {
        for i in 0..<count {
            var record = buffer[i]
            if record.kind == .line {
                var label: String?
                if edgeBlockRest > 0 {
                    edgeBlockRest -= 1
                    label = "page-edge"
                } else if let rest = edgeBlock(at: i, finishing: finishing) {
                    edgeBlockRest = rest
                    label = "page-edge"
                } else {
                    let decision = decide(at: i, finishing: finishing)
                    if let key = decision.key {
                        seen[key, default: 0] += 1
                        if seen.count > 4096 { seen.removeAll() }
                    }
                    label = decision.label
                }
                if var label {
                    if label == "document-symbol" || label == "page-edge", readSymbols(&record) {
                        output.count("symbol-read")
                        if LineShape.isSymbolLine(LineShape(record.text).body(of: record.text)) { label = "document-symbol" }
                    }
                    record.kind = .furniture
                    record.label = label
                    output.count(label)
                }
            }
            note(record)
            output.emit(record)
        }
        buffer.removeFirst(count)
    }

    /// Reads back the damaged document symbols of a furniture line (`AJRES/67/189` →
    /// `A/RES/67/189`, see `SymbolReading`); punctuation after a symbol stays. Whether any was.
    private func readSymbols(_ record: inout Record) -> Bool {
        var edits: [TextEdit] = []
        var offset = 0
        for word in record.text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.utf8.count + 1 }
            let symbol = word.prefix { !",;:".contains($0) }
            let bare = symbol.last == "." ? symbol.dropLast() : symbol
            guard let read = SymbolReading.repaired(bare) else { continue }
            edits.append(TextEdit(range: offset..<(offset + bare.utf8.count), replacement: read, rule: "symbol"))
        }
        guard !edits.isEmpty else { return false }
        record.apply(edits, stage: instance)
        return true
    }

    /// Updates what the next line's decision needs to know about the lines before it.
    private mutating func note(_ record: Record) {
        switch record.kind {
        case .pageBreak:
            previousIsolating = true
            pageHasText = false
            previousBlock = .edge
        case .furniture:
            previousIsolating = true
            previousBlock = .edge
        default:
            if Self.isBlank(record) {
                previousIsolating = true
                previousText = nil
            } else {
                previousIsolating = false
                previousText = record.text
                pageHasText = true
                previousBlock = .text(endsSentence: LineShape(record.text).endsSentence)
            }
        }
    }

    static func isBlank(_ record: Record) -> Bool {
        record.text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Signs that a short line at a page edge is text and not what OCR made of a label: a
    /// footnote mark this pipeline wrote (`⁹ A/67/156.`, `66/181⁹ ;`), a footnote citing a
    /// document (`10 CTOC/COP/WG.7/2012/6.`: a mark, then a full stop), also with its raised mark
    /// misread (`1° CTOC/COP/WG.7/2012/6.`, `% CTOC/COPWG.720126.`, `*CTOCICOPWG 7720126.`), a
    /// clause ending in `;`. Labels end in no full stop (`A/RES/67/189`, `V.10-57325`).
    static func readsAsText(_ body: Substring) -> Bool {
        if body.unicodeScalars.contains(where: { LineShape.superscripts.contains($0) }) { return true }
        if body.last == ";" { return true }
        guard body.last == "." else { return false }
        return LineShape.footnoteMark(body) != nil || startsWithMisreadMark(body)
    }

    /// Signs OCR makes of a raised footnote number.
    static let misreadMarks = "*%°!?'’‘“|+†".unicodeScalars

    /// A mark opening the line, glued or not (`*CTOC`, `% CTOC`), or digits with one (`1° CTOC`).
    static func startsWithMisreadMark(_ body: Substring) -> Bool {
        let prefix = body.unicodeScalars.prefix { $0 != " " }
        guard let first = prefix.first else { return false }
        if misreadMarks.contains(first) { return true }
        return prefix.count <= 4 && prefix.contains(where: misreadMarks.contains)
            && prefix.allSatisfy { ("0"..."9").contains($0) || misreadMarks.contains($0) }
    }

    /// The label for the line at `i` of the buffer (nil when it is text), and its running-head
    /// key when it is an isolated short line (counted for later repeats).
    private func decide(at i: Int, finishing: Bool) -> (label: String?, key: [UInt8]?) {
        let record = buffer[i]
        let shape = LineShape(record.text)
        guard !shape.isBlank, shape.length <= 80 else { return (nil, nil) }
        let body = shape.body(of: record.text)
        if shape.length >= 4, "_-–—=*.·•".unicodeScalars.contains(Unicode.Scalar(shape.first) ?? " "), LineShape.isSeparator(body) {
            return ("separator", nil)
        }
        guard shape.length <= 60 else { return (nil, nil) }
        let before = previousIsolating
        let after = isolatedAfter(i, finishing: finishing)
        let pageStart = !pageHasText
        let pageEnd = atPageEnd(i, finishing: finishing)
        let atEdge = pageStart || pageEnd
        if LineShape.isSymbolPageLabel(body) { return ("page-number", nil) }
        if (before && after) || atEdge {
            if LineShape.isPageLabel(body) { return ("page-number", nil) }
            if LineShape.isSymbolLine(body) { return ("document-symbol", nil) }
        }
        guard before && after else { return (nil, nil) }
        if edges && atEdge && !Self.readsAsText(body) {
            if LineShape.looksLikeSymbol(body) && LineShape.enumerator(body) == nil && !(pageEnd && !pageStart && Self.isCitation(body)) {
                return ("page-edge", nil)
            }
            if isLowercaseNonWord(body) { return ("page-edge", nil) }
        }
        guard let key = Self.key(body, shape) else { return (nil, nil) }
        // A title of the document's structure repeats as headings do (`Décision 2/1` …
        // `Décision 2/3`): it counts only where it stands at a page's edge.
        let heading = Self.isStructureTitle(body)
        if heading, !atPageEdge(i, finishing: finishing) { return (nil, nil) }
        var count = seen[key, default: 0] + 1
        for j in (i + 1)..<buffer.count where buffer[j].kind == .line && isolated(j, finishing: finishing) {
            if let other = Self.key(buffer[j].text), other == key, !heading || atPageEdge(j, finishing: finishing) { count += 1 }
        }
        return (count >= repeats ? "running-head" : nil, key)
    }

    /// Words that open the titles of a document's parts (`Annexe`, `Décision 2/6`, `Article 5`).
    static let structureWords = ByteWordList(["annexe", "appendice", "additif", "article", "chapitre", "décision", "partie",
                                              "préambule", "résolution", "section", "titre"])

    /// `Annexe`, `Décision 2/6`, `Chapitre III`, `67/189. Renforcement…`: a title of the
    /// document's structure, which a document may repeat between its parts.
    static func isStructureTitle(_ body: Substring) -> Bool {
        if JoinParagraphs.isResolutionTitle(body) { return true }
        let first = Array(body.utf8.prefix { $0 != 0x20 })
        var lower: [UInt8] = []
        first.withUnsafeBufferPointer { Folding.lower($0, into: &lower) }
        return structureWords.contains(count: lower.count) { lower[$0] }
    }

    /// The isolated line at `i` stands where a page's furniture does: first or last on its page,
    /// beside a page label or symbol, or inside a sentence (the text before it ends none, the text
    /// after it goes on in lowercase).
    private func atPageEdge(_ i: Int, finishing: Bool) -> Bool {
        var j = i + 1
        while j < buffer.count, buffer[j].kind == .line, Self.isBlank(buffer[j]) { j += 1 }
        guard j < buffer.count else { return finishing }
        guard let next = textShape(buffer[j]) else { return true }
        var k = i - 1
        while k >= 0, buffer[k].kind == .line, Self.isBlank(buffer[k]) { k -= 1 }
        let before: PreviousBlock
        if k < 0 {
            before = previousBlock
        } else if let shape = textShape(buffer[k]) {
            before = .text(endsSentence: shape.endsSentence)
        } else {
            before = .edge
        }
        switch before {
        case .edge: return true
        case .text(let endsSentence): return !endsSentence && next.startsLowercase
        }
    }

    /// The shape of a line of text; nil for a page break, furniture, or a line shaped like a page
    /// label or symbol (not marked yet when it lies ahead).
    private func textShape(_ record: Record) -> LineShape? {
        guard record.kind == .line else { return nil }
        let shape = LineShape(record.text)
        let body = shape.body(of: record.text)
        if LineShape.isPageLabel(body) || LineShape.isSymbolPageLabel(body) || LineShape.isSymbolLine(body) { return nil }
        // Digits without letters: a job number and page (`12-38087 17`).
        let counts = LineShape.counts(body)
        if counts.letters == 0 && counts.digits > 0 { return nil }
        return shape
    }

    /// One to three short lines at a page edge, opened by a blank line or after a clause end,
    /// closed by a blank line or by an enumerated item (which starts a paragraph of its own),
    /// that read as one line are what OCR made of a symbol (`GG/I8I') .` / `l` / `2. Réaffirme…`):
    /// the number of lines after the one at `i` that belong to the block, nil when there is no
    /// such block. Marked as the joined line would be, so that a second run over the output
    /// changes nothing.
    private func edgeBlock(at i: Int, finishing: Bool) -> Int? {
        guard edges, !Self.isBlank(buffer[i]) else { return nil }
        if previousIsolating {
            guard !isolatedAfter(i, finishing: finishing) else { return nil }  // a line alone: `decide`
        } else {
            guard let previousText, LineShape(previousText).endsClause else { return nil }
            let shape = LineShape(buffer[i].text)
            guard shape.startsUppercase || (0x30...0x39).contains(shape.first) else { return nil }
        }
        var end = i
        while !closesBlock(end, finishing: finishing) {
            guard end - i < 2, end + 1 < buffer.count, buffer[end + 1].kind == .line else { return nil }
            end += 1
        }
        guard !pageHasText || atPageEnd(end, finishing: finishing) else { return nil }
        let joined = Substring(buffer[i...end].map { LineShape($0.text).body(of: $0.text) }.joined(separator: " "))
        guard !Self.readsAsText(joined), LineShape.enumerator(joined) == nil, !(pageHasText && Self.isCitation(joined)) else { return nil }
        return LineShape.looksLikeSymbol(joined) ? end - i : nil
    }

    /// A well-formed symbol ending with a full stop at a page's foot is a citation (`A/67/156.`:
    /// a note whose mark was lost), not the page's furniture: a second run, finding it last in
    /// the document, would otherwise take it for the foot the first run left in the text. A
    /// damaged one with a stop the engine read from a speck is still the foot (`AVRES/67/i89.`).
    static func isCitation(_ body: Substring) -> Bool {
        body.last == "." && LineShape.isSymbolLine(body.dropLast())
    }

    /// The line at `j` ends a block: a blank line, page break or the end follows, a line
    /// starting with an enumerator (`2. Réaffirme`, `b)`), or, after a line that ends no clause,
    /// a line starting with a capital or a digit (a title-like line, which join-paragraphs keeps
    /// apart: `57/168 de à` / `Convention générale…`).
    private func closesBlock(_ j: Int, finishing: Bool) -> Bool {
        if isolatedAfter(j, finishing: finishing) { return true }
        guard j + 1 < buffer.count, buffer[j + 1].kind == .line else { return false }
        let next = buffer[j + 1].text
        let nextShape = LineShape(next)
        if LineShape.enumerator(nextShape.body(of: next)) != nil { return true }
        return !LineShape(buffer[j].text).endsClause && (nextShape.startsUppercase || (0x30...0x39).contains(nextShape.first))
    }

    /// The next record is a blank line, a page break, furniture, or the end of input.
    private func isolatedAfter(_ i: Int, finishing: Bool) -> Bool {
        guard i + 1 < buffer.count else { return finishing }
        let next = buffer[i + 1]
        return next.kind == .pageBreak || next.kind == .furniture || Self.isBlank(next)
    }

    /// Blank (or page edge) on both sides: for counting repeats in the lookahead.
    private func isolated(_ j: Int, finishing: Bool) -> Bool {
        guard !Self.isBlank(buffer[j]) else { return false }
        let before = j == 0 || buffer[j - 1].kind != .line || Self.isBlank(buffer[j - 1])
        return before && isolatedAfter(j, finishing: finishing)
    }

    /// No text line follows before the next page break (or the end of input).
    private func atPageEnd(_ i: Int, finishing: Bool) -> Bool {
        for j in (i + 1)..<buffer.count {
            switch buffer[j].kind {
            case .pageBreak: return true
            case .line where !Self.isBlank(buffer[j]): return false
            default: continue
            }
        }
        return finishing
    }

    /// `ovaosrs`: one lowercase token of letters, four or more, that no lexicon knows.
    private func isLowercaseNonWord(_ body: Substring) -> Bool {
        guard let lexicon, body.count >= 4, body.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return false }
        var bytes = Array(body.utf8)
        return bytes.withUnsafeMutableBufferPointer { lexicon.compiled.entry(UnsafeBufferPointer($0)) } == nil
    }

    /// What a running head is compared by; nil for lines that cannot be one (enumerated items,
    /// lines ending a sentence, long lines).
    static func key(_ body: Substring, _ shape: LineShape) -> [UInt8]? {
        guard shape.length >= 3, shape.length <= 60, LineShape.enumerator(body) == nil,
              !body.unicodeScalars.contains(where: { LineShape.superscripts.contains($0) }) else { return nil }
        let counts = LineShape.counts(body)
        guard counts.letters >= 3, !shape.endsSentence || shape.last == 0x2E && counts.digits > 0 else { return nil }
        return LineShape.furnitureKey(body)
    }

    static func key(_ text: String) -> [UInt8]? {
        let shape = LineShape(text)
        return key(shape.body(of: text), shape)
    }

}
