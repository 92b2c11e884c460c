/// A replacement a stage wants to make in a record's text: the UTF-8 byte range `range` of the
/// current text becomes `replacement`.
public struct TextEdit: Sendable, Hashable {
    public var range: Range<Int>
    public var replacement: String
    public var rule: String
    public var confidence: Double?
    /// A whitespace-only edit (collapsed or trailing spaces): applied and counted, but not listed
    /// in the record's changes.
    public var silent: Bool

    public init(range: Range<Int>, replacement: String, rule: String, confidence: Double? = nil, silent: Bool = false) {
        self.range = range
        self.replacement = replacement
        self.rule = rule
        self.confidence = confidence
        self.silent = silent
    }
}

extension Record {
    /// Applies `edits` (non-overlapping, sorted by position, offsets into the current text) made by
    /// the stage instance `stage`, records them as changes and moves the offsets of earlier changes.
    ///
    /// An edit that overlaps an earlier change is merged with it into one change whose `before` is
    /// the original text of the whole span, so replaying `before` over `after` still restores the
    /// input. The merged change names both stages (`normalize+repair-words`).
    public mutating func apply(_ edits: [TextEdit], stage: String) {
        guard !edits.isEmpty else { return }
        let old = Array(text.utf8)
        // Spans of the earlier changes in the current text.
        struct Span { var lo: Int; var hi: Int; var change: Change }
        let previous = changes.map { Span(lo: $0.offset, hi: $0.offset + $0.after.utf8.count, change: $0) }

        // Group edits and earlier changes that overlap into clusters over the current text; each
        // cluster also carries the earlier changes that lie between it and the cluster before.
        struct Cluster { var lo: Int; var hi: Int; var edits: [TextEdit] = []; var earlier: [Change] = []; var preceding: [Change] = [] }
        func overlaps(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> Bool {
            if aLo == aHi { return bLo < aLo && aLo < bHi }
            if bLo == bHi { return aLo < bLo && bLo < aHi }
            return aLo < bHi && bLo < aHi
        }
        var clusters: [Cluster] = []
        var pi = 0
        for edit in edits {
            var cluster = Cluster(lo: edit.range.lowerBound, hi: edit.range.upperBound, edits: [edit])
            while pi < previous.count, previous[pi].hi <= cluster.lo, !overlaps(previous[pi].lo, previous[pi].hi, cluster.lo, cluster.hi) {
                cluster.preceding.append(previous[pi].change)
                pi += 1
            }
            while pi < previous.count, overlaps(previous[pi].lo, previous[pi].hi, cluster.lo, cluster.hi) {
                cluster.lo = min(cluster.lo, previous[pi].lo)
                cluster.hi = max(cluster.hi, previous[pi].hi)
                cluster.earlier.append(previous[pi].change)
                pi += 1
            }
            if var last = clusters.last, overlaps(last.lo, last.hi, cluster.lo, cluster.hi) {
                last.hi = max(last.hi, cluster.hi)
                last.edits += cluster.edits
                last.earlier += cluster.preceding + cluster.earlier
                clusters[clusters.count - 1] = last
            } else {
                clusters.append(cluster)
            }
        }
        let rest = previous[pi...].map(\.change)

        var out: [UInt8] = []
        out.reserveCapacity(old.count + 16)
        var newChanges: [Change] = []
        newChanges.reserveCapacity(changes.count + edits.count)
        var cursor = 0
        var delta = 0
        for cluster in clusters {
            for var c in cluster.preceding {
                c.offset += delta
                newChanges.append(c)
            }
            out.append(contentsOf: old[cursor..<cluster.lo])
            let start = out.count
            // New text of the cluster: the current text with the edits applied.
            var position = cluster.lo
            for edit in cluster.edits {
                out.append(contentsOf: old[position..<edit.range.lowerBound])
                out.append(contentsOf: edit.replacement.utf8)
                position = edit.range.upperBound
            }
            out.append(contentsOf: old[position..<cluster.hi])
            let after = String(decoding: out[start...], as: UTF8.self)
            if cluster.earlier.isEmpty && cluster.edits.allSatisfy(\.silent) {
                // Whitespace only: nothing to list.
            } else if cluster.earlier.isEmpty && cluster.edits.count == 1 {
                let edit = cluster.edits[0]
                newChanges.append(Change(
                    offset: start, before: String(decoding: old[cluster.lo..<cluster.hi], as: UTF8.self),
                    after: after, stage: stage, rule: edit.rule, confidence: edit.confidence))
            } else {
                // Original text of the cluster: the current text with earlier changes undone.
                var before: [UInt8] = []
                var p = cluster.lo
                for change in cluster.earlier {
                    let lo = change.offset
                    before.append(contentsOf: old[p..<lo])
                    before.append(contentsOf: change.before.utf8)
                    p = lo + change.after.utf8.count
                }
                before.append(contentsOf: old[p..<cluster.hi])
                var stages: [String] = []
                var rules: [String] = []
                for change in cluster.earlier {
                    for s in change.stage.split(separator: "+").map(String.init) where !stages.contains(s) { stages.append(s) }
                    for r in change.rule.split(separator: "+").map(String.init) where !rules.contains(r) { rules.append(r) }
                }
                if !stages.contains(stage) { stages.append(stage) }
                for edit in cluster.edits where !edit.silent && !rules.contains(edit.rule) { rules.append(edit.rule) }
                let confidences = cluster.edits.compactMap(\.confidence) + cluster.earlier.compactMap(\.confidence)
                let beforeText = String(decoding: before, as: UTF8.self)
                if !UTF8Bytes.same(beforeText, after) {
                    newChanges.append(Change(
                        offset: start, before: beforeText, after: after, stage: stages.joined(separator: "+"),
                        rule: rules.joined(separator: "+"), confidence: confidences.min()))
                }
            }
            delta = out.count - cluster.hi
            cursor = cluster.hi
        }
        out.append(contentsOf: old[cursor...])
        for var c in rest {
            c.offset += delta
            newChanges.append(c)
        }
        text = String(decoding: out, as: UTF8.self)
        changes = newChanges
    }

    /// Appends `other` after `separator`, merging origins, changes (offsets moved) and note links.
    /// Used when lines are joined into paragraphs.
    public mutating func append(_ other: Record, separator: String) {
        let shift = text.utf8.count + separator.utf8.count
        text += separator
        text += other.text
        for var change in other.changes {
            change.offset += shift
            changes.append(change)
        }
        origin.merge(other.origin)
        for note in other.notes where !notes.contains(note) { notes.append(note) }
    }
}
