/// One unit of text moving through a pipeline: a physical line from the decoder, later a paragraph,
/// heading, list item, footnote or piece of page furniture.
///
/// A record's `origin` survives every join and relabelling, so each output record can be traced
/// back to the input lines it came from, and `changes` lists every edit made to its text.
///
/// The fields most records never use (changes, label, notes) share one copy-on-write box, so
/// passing a record along costs two reference counts, not five.
public struct Record: Sendable, Hashable {
    /// What a record is. The text writer prints every kind except `furniture` and `pageBreak`
    /// (a page break prints as a form feed while records are still physical lines).
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A physical input line, before `join-paragraphs`.
        case line
        /// Lines joined into a paragraph of running text.
        case paragraph
        /// A title or heading (`Annexe`, `67/189. Renforcement…`, `## Décision 2/6`).
        case heading
        /// An enumerated item (`a) Prend note…`, `iii) …`, `28. Prie…`).
        case listItem = "list-item"
        /// A footnote moved out of the running text; `label` holds its number or mark.
        case footnote
        /// Running heads, page numbers, document symbols at page edges, separator lines:
        /// kept and labelled, left out of text output.
        case furniture
        /// A line of OCR noise (`_ us re ed Hu Se . ee e. de ee`, `_.il_t_lrll_ilri_)|__`): kept,
        /// left out of text output (an empty line where lines stay in place).
        case noise
        /// A page break (form feed in the input); carries no text.
        case pageBreak = "page-break"
    }

    public var kind: Kind
    public var text: String
    public var origin: Origin
    /// True when the decoder cut an over-long input line here, or the line ended at a form feed:
    /// no line break follows this piece in the input.
    public var continues: Bool
    private var extra: Extra?

    /// Every edit made to `text`, in text order, with offsets into the current `text`.
    /// (Modified in place: with only `get` and `set`, `changes.append` copied the whole list, so
    /// a paragraph of thousands of changes cost quadratic time.)
    public var changes: [Change] {
        get { extra?.changes ?? [] }
        _modify { yield &mutableExtra().changes }
    }

    /// Furniture: what it is (`running-head`, `page-number`, `separator`…). Footnote: its number
    /// or mark. Heading: its level (`1`, `2`…) when known.
    public var label: String? {
        get { extra?.label }
        _modify { yield &mutableExtra().label }
    }

    /// Footnote numbers whose markers this record's text carries, in text order.
    public var notes: [String] {
        get { extra?.notes ?? [] }
        _modify { yield &mutableExtra().notes }
    }

    public init(
        kind: Kind, text: String, origin: Origin, changes: [Change] = [], label: String? = nil,
        notes: [String] = [], continues: Bool = false
    ) {
        self.kind = kind
        self.text = text
        self.origin = origin
        self.continues = continues
        if !changes.isEmpty || label != nil || !notes.isEmpty {
            extra = Extra(changes: changes, label: label, notes: notes)
        }
    }

    private mutating func mutableExtra() -> Extra {
        if extra == nil {
            extra = Extra(changes: [], label: nil, notes: [])
        } else if !isKnownUniquelyReferenced(&extra!) {
            extra = extra!.copy()
        }
        return extra!
    }

    /// Equality compares text byte for byte: Swift's `String ==` treats canonically equivalent
    /// text as equal, which would hide an NFD output.
    public static func == (a: Record, b: Record) -> Bool {
        a.kind == b.kind && UTF8Bytes.same(a.text, b.text) && a.origin == b.origin && a.continues == b.continues
            && a.changes == b.changes && a.label == b.label && a.notes == b.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(text)
        hasher.combine(origin)
    }

    private final class Extra: @unchecked Sendable {
        var changes: [Change]
        var label: String?
        var notes: [String]

        init(changes: [Change], label: String?, notes: [String]) {
            self.changes = changes
            self.label = label
            self.notes = notes
        }

        func copy() -> Extra { Extra(changes: changes, label: label, notes: notes) }
    }
}

/// Where a record comes from: document, page, and document-wide line numbers (1-based).
public struct Origin: Sendable, Hashable {
    public var document: String
    /// Page where the record starts (pages are separated by form feeds, counted from 1).
    public var page: Int
    /// Input lines the record covers, first to last; a paragraph may cross pages.
    public var lines: ClosedRange<Int>
    /// Lines inside `lines` that belong to other records: the running head, page number and
    /// footnote block a paragraph was rejoined across. Empty for most records.
    public var skipped: [ClosedRange<Int>]

    public init(document: String, page: Int, lines: ClosedRange<Int>, skipped: [ClosedRange<Int>] = []) {
        self.document = document
        self.page = page
        self.lines = lines
        self.skipped = skipped
    }

    /// Extends the origin over a later `other`; the lines between them, if any, are listed as
    /// skipped. In place: a paragraph of thousands of lines (one per page of a long document)
    /// grows its list of skipped lines without copying it at every line.
    public mutating func merge(_ other: Origin) {
        if other.lines.lowerBound > lines.upperBound + 1 {
            skipped.append((lines.upperBound + 1)...(other.lines.lowerBound - 1))
        }
        skipped += other.skipped
        lines = min(lines.lowerBound, other.lines.lowerBound)...max(lines.upperBound, other.lines.upperBound)
    }

    /// The input lines the record holds: `lines` without `skipped`.
    public var ownLines: [Int] {
        guard !skipped.isEmpty else { return Array(lines) }
        return lines.filter { line in !skipped.contains { $0.contains(line) } }
    }
}
