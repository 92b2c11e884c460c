/// Compiles `LexiconSources` into the flat binary `CompiledLexicon` maps (see its layout).
enum LexiconBuilder {
    /// Part of the cache key: bump it whenever what is compiled changes (flags, tables, hash),
    /// so that a binary never maps a cache written by an older one.
    static let version = 9

    /// Folded keys of words at least this frequent (Zipf) get delete-index entries: rarer words
    /// are not plausible enough as corrections of an unknown word to be worth the space.
    static let deleteMinZipf: UInt16 = 150
    static let deleteMinLength = 3
    static let deleteMaxLength = 24

    static func build(_ sources: LexiconSources) -> [UInt8] {
        // Merge duplicate forms, keeping every flag.
        var index: [[UInt8]: Int] = [:]
        index.reserveCapacity(sources.forms.count)
        var forms: [[UInt8]] = []
        var flags: [UInt32] = []
        forms.reserveCapacity(sources.forms.count)
        for form in sources.forms {
            if let i = index[form.bytes] {
                flags[i] |= form.flags
            } else {
                index[form.bytes] = forms.count
                forms.append(form.bytes)
                flags.append(form.flags)
            }
        }
        // (The tables built from here on are what the compile's peak memory holds.)
        index = [:]
        let n = forms.count
        var zipf = [UInt16](repeating: 0, count: n)
        var lower: [UInt8] = []
        for i in 0..<n {
            forms[i].withUnsafeBufferPointer { Folding.lower($0, into: &lower) }
            // wordfreq counts lowercase text: a form in mixed case (`yA`, `kHz`) does not own
            // the frequency of its lowercase spelling (`ya`); a capitalised one (`Paris`) does.
            let pattern = CasePattern(String(decoding: forms[i], as: UTF8.self).unicodeScalars.map(\.value))
            zipf[i] = pattern == .mixed ? 0 : sources.zipf[lower] ?? 0
        }

        // Folds.
        var foldIndex: [[UInt8]: Int] = [:]
        var foldKeys: [[UInt8]] = []
        var foldMembers: [[UInt32]] = []
        var foldOf = [UInt32](repeating: 0, count: n)
        var folded: [UInt8] = []
        for i in 0..<n {
            forms[i].withUnsafeBufferPointer { Folding.fold($0, into: &folded) }
            let id: Int
            if let existing = foldIndex[folded] {
                id = existing
            } else {
                id = foldKeys.count
                foldIndex[folded] = id
                foldKeys.append(folded)
                foldMembers.append([])
            }
            foldMembers[id].append(UInt32(i))
            foldOf[i] = UInt32(id)
        }
        foldIndex = [:]
        let foldZipf = foldMembers.map { members in members.map { zipf[Int($0)] }.max() ?? 0 }

        // Delete index over frequent folded keys.
        var deletes: [(UInt64, UInt32)] = []
        for (id, key) in foldKeys.enumerated() where foldZipf[id] >= deleteMinZipf {
            let scalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars)
            guard scalars.count >= deleteMinLength, scalars.count <= deleteMaxLength else { continue }
            var seen = Set<UInt64>()
            for k in scalars.indices {
                var bytes: [UInt8] = []
                for (j, s) in scalars.enumerated() where j != k { Folding.appendUTF8(s.value, to: &bytes) }
                let h = ByteHash.hash(bytes)
                if seen.insert(h).inserted { deletes.append((h, UInt32(id))) }
            }
        }
        deletes.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }

        var writer = BinaryWriter()
        // The whole size reserved at once (a little over): grown by doubling, the buffer was
        // copied into one twice as large, and both held at once were the compile's peak.
        let poolBytes = forms.reduce(0) { $0 + $1.count }, foldBytes = foldKeys.reduce(0) { $0 + $1.count }
        writer.bytes = Array(repeating: 0, count: CompiledLexicon.headerSize)
        writer.bytes.reserveCapacity(CompiledLexicon.headerSize + poolBytes + foldBytes + n * 28 + foldKeys.count * 16
                                     + (capacity(for: n) + capacity(for: foldKeys.count)) * 4 + deletes.count * 12 + 2 * CompiledLexicon.filterWords * 8 + 4096)
        // Pool and entries.
        let poolOffset = writer.align()
        var poolPositions = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            poolPositions[i] = UInt32(writer.bytes.count - poolOffset)
            writer.bytes.append(contentsOf: forms[i])
        }
        let entriesOffset = writer.align()
        for i in 0..<n {
            writer.u32(poolPositions[i])
            writer.u16(UInt16(min(forms[i].count, Int(UInt16.max))))
            writer.u16(zipf[i])
            writer.u32(flags[i])
            writer.u32(foldOf[i])
        }
        // Exact table.
        let idBits = CompiledLexicon.idBits(for: max(n, foldKeys.count))
        let exactCapacity = capacity(for: n)
        var exact = [UInt32](repeating: 0, count: exactCapacity)
        for i in 0..<n {
            let hash = ByteHash.hash(forms[i])
            var slot = Int(truncatingIfNeeded: hash) & (exactCapacity - 1)
            while exact[slot] != 0 { slot = (slot + 1) & (exactCapacity - 1) }
            exact[slot] = CompiledLexicon.slot(id: i, hash: hash, idBits: idBits)
        }
        let exactOffset = writer.align()
        for v in exact { writer.u32(v) }
        // Fold pool, folds, postings, fold table.
        let foldPoolOffset = writer.align()
        var foldPositions: [UInt32] = []
        for key in foldKeys {
            foldPositions.append(UInt32(writer.bytes.count - foldPoolOffset))
            writer.bytes.append(contentsOf: key)
        }
        let foldsOffset = writer.align()
        var postingStart: UInt32 = 0
        for (id, key) in foldKeys.enumerated() {
            writer.u32(foldPositions[id])
            writer.u16(UInt16(min(key.count, Int(UInt16.max))))
            writer.u16(UInt16(min(foldMembers[id].count, Int(UInt16.max))))
            writer.u32(postingStart)
            writer.u16(foldZipf[id])
            writer.u16(0)
            postingStart += UInt32(min(foldMembers[id].count, Int(UInt16.max)))
        }
        let foldCapacity = capacity(for: foldKeys.count)
        var foldTable = [UInt32](repeating: 0, count: foldCapacity)
        for (id, key) in foldKeys.enumerated() {
            let hash = ByteHash.hash(key)
            var slot = Int(truncatingIfNeeded: hash) & (foldCapacity - 1)
            while foldTable[slot] != 0 { slot = (slot + 1) & (foldCapacity - 1) }
            foldTable[slot] = CompiledLexicon.slot(id: id, hash: hash, idBits: idBits)
        }
        let foldTableOffset = writer.align()
        for v in foldTable { writer.u32(v) }
        let postingsOffset = writer.align()
        for members in foldMembers {
            // Most frequent first, so callers that look at the first few see the likely ones.
            let sorted = members.sorted { zipf[Int($0)] > zipf[Int($1)] }
            for m in sorted.prefix(Int(UInt16.max)) { writer.u32(m) }
        }
        let deleteHashesOffset = writer.align()
        for (h, _) in deletes { writer.u64(h) }
        let deleteIdsOffset = writer.align()
        for (_, id) in deletes { writer.u32(id) }
        let sortedOffset = writer.align()
        for i in (0..<n).sorted(by: { forms[$0].lexicographicallyPrecedes(forms[$1]) }) { writer.u32(UInt32(i)) }
        let foldFilterOffset = writer.align()
        for keys in [foldKeys, forms] {
            var filter = [UInt64](repeating: 0, count: CompiledLexicon.filterWords)
            for key in keys {
                let f = CompiledLexicon.filterBits(ByteHash.hash(key))
                filter[f.first] |= f.firstBit
                filter[f.second] |= f.secondBit
            }
            for v in filter { writer.u64(v) }
        }
        let end = writer.align()

        // Header.
        var header = BinaryWriter()
        header.bytes.append(contentsOf: CompiledLexicon.magic)
        header.u32(UInt32(n))
        header.u32(UInt32(foldKeys.count))
        header.u32(UInt32(exactCapacity))
        header.u32(UInt32(foldCapacity))
        header.u32(UInt32(deletes.count))
        header.u32(UInt32(idBits))
        for offset in [poolOffset, entriesOffset, exactOffset, foldPoolOffset, foldsOffset, foldTableOffset,
                       postingsOffset, deleteHashesOffset, deleteIdsOffset, sortedOffset, end, foldFilterOffset] {
            header.u64(UInt64(offset))
        }
        writer.bytes.replaceSubrange(0..<header.bytes.count, with: header.bytes)
        return writer.bytes
    }

    /// A power of two at least twice `count` (load factor ≤ 0.5 keeps probes short).
    static func capacity(for count: Int) -> Int {
        var c = 16
        while c < count * 2 { c <<= 1 }
        return c
    }

    struct BinaryWriter {
        var bytes: [UInt8] = []

        mutating func align() -> Int {
            while bytes.count % 8 != 0 { bytes.append(0) }
            return bytes.count
        }

        mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }
}
