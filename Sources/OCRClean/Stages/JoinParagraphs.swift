/// Joins physical lines into paragraphs, headings and list items, and rejoins paragraphs cut by
/// a page break, page furniture or a footnote block.
///
/// ```
///  a) Prend note des recommandations issues de la réunion du Groupe de        list-item:
/// travail d’experts gouvernementaux à composition non limitée sur l’assistance  a) Prend note des … 2009;
/// technique tenue les 1er et 2 octobre 2009;
/// ```
///
/// A new paragraph starts after a blank line, at an enumerated item (`a)`, `iii)`, `28.`) after
/// a clause end, at a line indented more than the one before it after a clause end, after a
/// short line ending a sentence (against the page's measure), at a resolution's preambular
/// clause after a comma (`Considérant…`, `Se félicitant…`), and after a title-like line (short,
/// no final punctuation) when a capital follows. A line that starts in lowercase continues the
/// paragraph before it across blank lines, page breaks, furniture and footnotes, unless that
/// paragraph ended a sentence or an item (`;`); so does one that starts with `;` `,` `)`, which
/// goes on with its line too.
///
/// Kinds: `list-item` (starts with an enumerator), `heading` (at most three lines, no final
/// punctuation, or a resolution title `67/189. Renforcement…`, `Décision 2/6`, `Annexe`),
/// `paragraph` otherwise. Lines marked `continues` (cut words, cut lines) join without a space,
/// as do lines ending with a hyphen. Blank lines belong to the paragraph before them; furniture
/// and footnotes inside a rejoined paragraph are listed in its `origin.skipped` and written
/// after it. A paragraph is cut before a line would take it past `max-length` bytes.
public struct JoinParagraphs: Stage {
    public static let name = "join-paragraphs"
    public static let summary = "Lines → paragraphs, headings and list items; paragraphs cut by page breaks, furniture or footnotes rejoined."
    public static let options: [OptionSpec] = [
        OptionSpec("blank-lines", .bool, default: "true", help: "A blank line ends a paragraph (unless the next line continues a sentence)."),
        OptionSpec("headings", .bool, default: "true", help: "Label short unpunctuated blocks and resolution titles `heading`."),
        OptionSpec("max-length", .int(1000...100_000_000), default: "65536", help: "Longest paragraph in bytes; a longer one is cut."),
    ]

    let instance: String
    let blankLines: Bool
    let headings: Bool
    let maxLength: Int

    /// The paragraph being built, and the shape of its first and last line.
    private var current: Record?
    private var firstShape: LineShape?
    private var lastShape: LineShape?
    private var lastEndsHyphen = false
    private var lineCount = 0
    /// Records after `current` that do not end it yet: furniture, page breaks, footnotes.
    private var gap: [Record] = []
    /// The records of `gap` whose lines the paragraph already took (see `append`): a paragraph
    /// running over thousands of page breaks reads each once, not at every line.
    private var gapTaken = 0
    private var gapBlank = false
    private var gapBoundary = false
    /// The blank lines since the last block, merged into one span (held as one value, so that
    /// ten million empty lines take no memory).
    private var leading: Origin?
    /// Lengths of recent lines, for the page's measure.
    private var recent: [Int] = []
    private var recentNext = 0

    public init(options: StageOptions, context: StageContext) {
        instance = context.instance
        blankLines = options.bool("blank-lines")
        headings = options.bool("headings")
        maxLength = options.int("max-length")
    }

    public mutating func process(_ record: Record, into output: inout StageOutput) {
        switch record.kind {
        case .line:
            if MarkFurniture.isBlank(record) {
                blank(record, into: &output)
            } else {
                line(record, into: &output)
            }
        case .furniture, .noise, .pageBreak, .footnote:
            if current == nil {
                output.emit(record.kind == .pageBreak ? record : takingLeading(record))
            } else {
                gap.append(record)
                gapBoundary = true
            }
        case .paragraph, .heading, .listItem:
            close(into: &output)
            output.emit(takingLeading(record))
        }
    }

    public mutating func finish(into output: inout StageOutput) {
        close(into: &output)
        if let origin = leading {
            // Blank lines no block took (the end of the document): kept in a record that
            // prints nothing.
            output.emit(Record(kind: .line, text: "", origin: origin, continues: true))
            leading = nil
        }
    }

    private mutating func blank(_ record: Record, into output: inout StageOutput) {
        if record.continues, current != nil, gap.isEmpty {
            // A line emptied by `dehyphenate` (its word moved up): not a paragraph break.
            current!.origin.merge(record.origin)
            return
        }
        guard current != nil else {
            if leading == nil { leading = record.origin } else { leading!.merge(record.origin) }
            return
        }
        if gap.isEmpty {
            current!.origin.merge(record.origin)
        } else {
            // After furniture: the blank line is part of the gap; it joins the paragraph's span
            // as its own line when the gap is written. A run of adjacent blank lines is held as one.
            if gap.count > gapTaken, let last = gap.last, last.kind == .line, MarkFurniture.isBlank(last),
               last.origin.lines.upperBound + 1 == record.origin.lines.lowerBound {
                gap[gap.count - 1].origin.merge(record.origin)
            } else {
                gap.append(record)
            }
        }
        gapBlank = true
    }

    private mutating func line(_ record: Record, into output: inout StageOutput) {
        let shape = LineShape(record.text)
        remember(shape.length)
        // A paragraph is cut before a line would take it past `max-length`, so that a second
        // run, reading the paragraphs as lines, cuts at the same places.
        if current != nil, continues(record, shape) {
            if current!.text.utf8.count + 1 + shape.bodyEnd - shape.bodyStart > maxLength {
                output.count("cut")
                close(into: &output)
                start(record, shape)
            } else {
                append(record, shape, into: &output)
            }
        } else {
            close(into: &output)
            start(record, shape)
        }
    }

    /// Whether the line goes on with the current paragraph.
    private func continues(_ record: Record, _ shape: LineShape) -> Bool {
        guard let current, let lastShape else { return false }
        if current.continues || lastEndsHyphen { return true }
        // (Not after a blank line that follows a sentence or an item's end: there `).` and `,`
        // are an item's number misread, `9.` read `).`.)
        if shape.startsWithTrailingPunctuation, !((gapBlank || gapBoundary) && (lastShape.endsSentence || lastShape.lastSignificant == 0x3B)) {
            return true
        }
        let body = shape.body(of: record.text)
        let enumerated = LineShape.enumerator(body) != nil
        if gapBlank || gapBoundary {
            // Across a blank line or a page boundary only a sentence going on continues.
            if !blankLines && !gapBoundary { return !enumerated && !(lastShape.endsClause && !shape.startsLowercase) }
            return shape.startsLowercase && !enumerated && !lastShape.endsSentence && lastShape.lastSignificant != 0x3B
                && (gapBoundary || lastShape.lastSignificant != 0x3A)
        }
        if enumerated && (lastShape.endsClause || lastShape.length < measure / 2) { return false }
        if shape.startsLowercase { return true }
        // Indented more than a continuation line, after a clause end.
        if shape.indent > lastShape.indent, lineCount > 1, lastShape.endsClause { return false }
        // A resolution's preambular clause opens a paragraph after the comma that ends the clause
        // before it, however long the line before it (`…dans tous les États,` / `Considérant que…`).
        if lastShape.lastSignificant == 0x2C, shape.startsUppercase, Self.opensPreambularClause(body) { return false }
        // An operative paragraph whose number lost its full stop opens a paragraph after the one
        // before ends (`…juridiques internationaux ;` / `6 Prie le Secrétaire général…`).
        if lastShape.lastSignificant == 0x3B || lastShape.endsSentence, Self.opensNumberedParagraph(body) { return false }
        // The first operative paragraph after the preamble's last comma, its `1.` read as a letter
        // (`…dans tous les États,` / `L Prend note…`): a capital alone is no French word.
        if lastShape.endsClause, Self.opensGarbledOne(body) { return false }
        // A short line that ends a sentence ends its paragraph.
        let m = measure
        if m > 0, lastShape.endsClause, shape.startsUppercase || enumerated || (0x30...0x39).contains(shape.first) || Self.opensWithLoneSign(body) {
            let limit = lastShape.lastSignificant == 0x2C ? m / 2 : m * 7 / 10
            if lastShape.length < limit { return false }
        }
        // A title-like line (short, no final punctuation) before a capital.
        if lineCount == 1, shape.startsUppercase || (0x30...0x39).contains(shape.first), !lastShape.endsClause, m > 0, lastShape.length < m / 2,
           let firstShape, firstShape.startsUppercase || firstShape.first < 0x3A {
            return false
        }
        return true
    }

    private mutating func start(_ record: Record, _ shape: LineShape) {
        var r = record
        trim(&r, shape)
        r.kind = .paragraph
        current = takingLeading(r)
        firstShape = shape
        lastShape = shape
        lastEndsHyphen = shape.endsWithHyphen
        lineCount = 1
    }

    /// The record with the blank lines before it added to its origin.
    private mutating func takingLeading(_ record: Record) -> Record {
        guard var origin = leading else { return record }
        var r = record
        origin.merge(r.origin)
        origin.page = r.origin.page
        r.origin = origin
        leading = nil
        return r
    }

    private mutating func append(_ record: Record, _ shape: LineShape, into output: inout StageOutput) {
        guard var paragraph = current else { return }
        // Taken out, so that appending grows the paragraph's text and changes in place instead
        // of copying them at every line (quadratic in a paragraph of thousands of lines).
        current = nil
        var r = record
        trim(&r, shape)
        // Glued only when the line does not start with a mark that would combine with the last
        // letter (`ﬁ` expanded to `fi`, then U+0301 on the next line): the text stays NFC.
        let combines = r.text.unicodeScalars.first.map(Self.combinesWithPrevious) ?? false
        let separator = (paragraph.continues || lastEndsHyphen) && !combines ? "" : " "
        // Blank lines held in the gap (after furniture) become the paragraph's own lines.
        for g in gap[gapTaken...] where g.kind == .line { paragraph.origin.merge(g.origin) }
        gapTaken = gap.count
        paragraph.append(r, separator: separator)
        paragraph.continues = r.continues
        if lastEndsHyphen { output.count("hyphen-joined") }
        if gapBlank || gapBoundary { output.count("rejoined") }
        current = paragraph
        lastShape = shape
        lastEndsHyphen = shape.endsWithHyphen
        lineCount += 1
        gapBlank = false
        gapBoundary = false
    }

    /// A combining mark, or a Hangul vowel or final jamo: a scalar NFC may compose with the
    /// scalar before it.
    static func combinesWithPrevious(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return (0x1160...0x11FF).contains(s.value)
        }
    }

    /// Writes the current paragraph, then what was held after it. Blank lines held after
    /// furniture join the paragraph's span (the furniture is listed as skipped).
    private mutating func close(into output: inout StageOutput) {
        if var paragraph = current {
            for g in gap[gapTaken...] where g.kind == .line { paragraph.origin.merge(g.origin) }
            paragraph.kind = kind(of: paragraph)
            paragraph.continues = false
            output.emit(paragraph)
            output.count(paragraph.kind.rawValue)
        }
        for g in gap where g.kind != .line { output.emit(g) }
        current = nil
        gap.removeAll()
        gapTaken = 0
        gapBlank = false
        gapBoundary = false
        lineCount = 0
    }

    /// Leading indentation and trailing spaces go (silently).
    private func trim(_ record: inout Record, _ shape: LineShape) {
        let n = record.text.utf8.count
        var edits: [TextEdit] = []
        if shape.bodyStart > 0 { edits.append(TextEdit(range: 0..<shape.bodyStart, replacement: "", rule: "indent", silent: true)) }
        if shape.bodyEnd < n, shape.bodyEnd > shape.bodyStart { edits.append(TextEdit(range: shape.bodyEnd..<n, replacement: "", rule: "space", silent: true)) }
        if !edits.isEmpty { record.apply(edits, stage: instance) }
    }

    private func kind(of paragraph: Record) -> Record.Kind {
        Self.kind(of: paragraph.text, lines: lineCount, headings: headings)
    }

    /// `list-item` for an enumerated block, `heading` for a title (at most three lines, no final
    /// punctuation, not ending on `de`/`la`…; or a resolution title), `paragraph` otherwise.
    static func kind(of text: String, lines: Int, headings: Bool) -> Record.Kind {
        let shape = LineShape(text)
        let body = shape.body(of: text)
        if LineShape.enumerator(body) != nil {
            return isResolutionTitle(body) && headings ? .heading : .listItem
        }
        guard headings else { return .paragraph }
        if isResolutionTitle(body) { return .heading }
        if lines <= 3, shape.length <= 250, !shape.endsClause, shape.startsUppercase || shape.first < 0x3A, !endsWithFunctionWord(body) {
            return .heading
        }
        return .paragraph
    }

    /// One to three digits, a space and a capitalised word of three letters or more (`6 Prie le
    /// Secrétaire général`): a numbered paragraph whose full stop OCR lost, not a sentence (French
    /// writes no sentence opening with digits) nor a count (`25 pays`).
    static func opensNumberedParagraph(_ body: Substring) -> Bool {
        let u = body.utf8
        var i = u.startIndex, digits = 0
        while i < u.endIndex, (0x30...0x39).contains(u[i]) { digits += 1; i = u.index(after: i) }
        guard digits >= 1, digits <= 3, i < u.endIndex, u[i] == 0x20 else { return false }
        return opensCapitalisedWord(body[u.index(after: i)...])
    }

    /// A capitalised word of three letters or more opens `text` (`Prie le…`, `Prend note…`).
    static func opensCapitalisedWord(_ text: Substring) -> Bool {
        let word = text.prefix { $0 != " " }
        return word.count >= 3 && word.first?.isUppercase == true && word.dropFirst().allSatisfy(\.isLowercase)
    }

    /// A sign alone, then a capital or a digit (`* Voir CAC/COSP/2011/14`, `? Voir…`, `# E/CN.15…`):
    /// a note's marker as OCR reads it, or a bullet.
    static func opensWithLoneSign(_ body: Substring) -> Bool {
        var scalars = body.unicodeScalars.makeIterator()
        guard let sign = scalars.next(), scalars.next() == " ", let next = scalars.next(),
              !sign.properties.isAlphabetic, !(0x30...0x39).contains(sign.value), sign.value != 0x20 else { return false }
        return next.properties.isUppercase || (0x30...0x39).contains(next.value)
    }

    /// `L`, `I` or `l` alone, then a capitalised word of three letters or more (`L Prend note`):
    /// the number `1.` of a paragraph as OCR reads it.
    static func opensGarbledOne(_ body: Substring) -> Bool {
        let u = body.utf8
        guard u.count > 5, let first = u.first, first == 0x4C || first == 0x49 || first == 0x6C,
              u[u.index(after: u.startIndex)] == 0x20 else { return false }
        return opensCapitalisedWord(body.dropFirst(2))
    }

    /// The words that open a preambular clause of a resolution, each clause a paragraph ending with
    /// a comma: a present participle (`Considérant`, `Rappelant`, `Se félicitant`,
    /// `S’inquiétant`), an adverb before a participle (`Vivement préoccupée`), or an adjective
    /// before what it governs (`Consciente de`, `Convaincue que`, `Préoccupée par`, `Inquiète
    /// de`). Capitalised at a line's start after a comma, no sentence goes on with them.
    static func opensPreambularClause(_ body: Substring) -> Bool {
        let words = body.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first, first.first?.isUppercase == true else { return false }
        let second = words.count > 1 ? words[1].lowercased() : ""
        func isParticiple(_ word: Substring) -> Bool {
            word.count >= 5 && word.hasSuffix("ant") && word.allSatisfy(\.isLetter) && !notParticiples.contains(word.lowercased())
        }
        if first == "Se" { return isParticiple(Substring(second)) }
        if first.hasPrefix("S’") || first.hasPrefix("S'") { return isParticiple(first.dropFirst(2)) }
        if isParticiple(first) { return true }
        let lower = first.lowercased()
        guard lower.allSatisfy(\.isLetter) else { return false }
        if lower.count >= 7, lower.hasSuffix("ment"), second.count >= 4, second.allSatisfy(\.isLetter),
           ["é", "ée", "és", "ées", "ant"].contains(where: { second.hasSuffix($0) }) {
            return true
        }
        let governed = second == "de" || second == "que" || second == "par" || second == "à"
            || second.hasPrefix("d’") || second.hasPrefix("qu’") || second.hasPrefix("d'") || second.hasPrefix("qu'")
        return governed && lower.count >= 6 && !lower.hasSuffix("que") && ["ée", "ue", "nte", "euse", "ète"].contains(where: { lower.hasSuffix($0) })
    }

    /// Words ending in `-ant` that are prepositions or adverbs, and open sentences of any text.
    static let notParticiples: Set<String> = ["avant", "auparavant", "cependant", "pendant", "durant", "maintenant", "devant",
                                               "suivant", "moyennant", "nonobstant", "pourtant", "dorénavant", "partant"]

    /// `67/189. Renforcement du programme…`, `57/168. Coopération…`: a resolution number and title.
    static func isResolutionTitle(_ body: Substring) -> Bool {
        let head = body.prefix(12)
        guard let dot = head.firstIndex(of: "."), let slash = head.firstIndex(of: "/"), slash < dot else { return false }
        let number = head[..<dot]
        return number.allSatisfy { $0.isASCIINumber || $0 == "/" } && number.first?.isASCIINumber == true
            && body[body.index(after: dot)...].first == " "
    }

    /// Ends with `de`, `la`, `et`… : a line cut mid-sentence, not a title.
    static func endsWithFunctionWord(_ body: Substring) -> Bool {
        guard let last = body.split(separator: " ").last else { return false }
        return ["de", "du", "des", "la", "le", "les", "et", "à", "en", "par", "pour", "sur", "un", "une", "au", "aux", "ou", "dans"].contains(last.lowercased())
    }

    private mutating func remember(_ length: Int) {
        if recent.count < 40 {
            recent.append(length)
        } else {
            recent[recentNext] = length
            recentNext = (recentNext + 1) % 40
        }
    }

    /// The page's measure: the length of a full line (the third-longest of the recent lines;
    /// the longest while there are fewer than five).
    private var measure: Int {
        guard recent.count >= 5 else { return recent.count >= 2 ? recent.max() ?? 0 : 0 }
        var top = [0, 0, 0]
        for l in recent where l > top[2] {
            top[2] = l
            top.sort(by: >)
        }
        return top[2]
    }
}
