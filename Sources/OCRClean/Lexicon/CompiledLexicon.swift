import Glibc

/// A lexicon compiled to one flat binary that is memory-mapped, so that start-up costs nothing
/// but a `mmap` whatever the size of the word lists.
///
/// Layout (little-endian, sections 8-byte aligned):
/// - header: magic, counts, section offsets;
/// - entries (16 bytes): pool offset, length, Zipf ×100, flags, fold id;
/// - exact table: open addressing over `ByteHash` of the form; a slot holds entry + 1 in its low
///   `idBits` bits and the top bits of the form's hash above them (see `slot(id:hash:idBits:)`);
/// - folds (16 bytes): the accent- and case-folded keys (`etats` for `États`, `états`), each with
///   its postings (entries sharing the key) and the best Zipf among them; fold table as above;
/// - delete index: for folded keys of frequent words, the hash of every one-letter deletion,
///   sorted, with the fold id (symmetric-delete candidates at edit distance 1);
/// - sorted entries: entry ids in byte order of their forms (prefix searches);
/// - filters: Bloom filters of the folded keys, then of the forms (see `filterBits`).
public final class CompiledLexicon: @unchecked Sendable {
    static let magic: [UInt8] = Array("OCRLEX07".utf8)
    static let headerSize = 128

    private let base: UnsafeRawPointer
    private let size: Int
    private let mapped: Bool
    private let owned: [UInt8]?

    public let wordCount: Int
    public let foldCount: Int
    let exactCapacity: Int
    let foldCapacity: Int
    let deleteCount: Int
    let idBits: Int
    let idMask: UInt32
    let poolOffset: Int
    let entriesOffset: Int
    let exactOffset: Int
    let foldPoolOffset: Int
    let foldsOffset: Int
    let foldTableOffset: Int
    let postingsOffset: Int
    let deleteHashesOffset: Int
    let deleteIdsOffset: Int
    let sortedOffset: Int
    let foldFilterOffset: Int
    /// The forms' filter follows the folds'.
    var formFilterOffset: Int { foldFilterOffset + Self.filterWords * 8 }

    struct Invalid: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): not a compiled lexicon of this version" }
    }

    /// Maps a compiled file.
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.reason(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= Self.headerSize else { throw Invalid(path: path) }
        let size = Int(st.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            throw FileSystem.Failure(path: path, reason: FileSystem.reason(errno))
        }
        try self.init(base: UnsafeRawPointer(pointer), size: size, mapped: true, owned: nil, path: path)
    }

    /// Uses bytes built in memory (when the cache cannot be written).
    public convenience init(bytes: [UInt8]) throws {
        let pointer = bytes.withUnsafeBytes { $0.baseAddress! }
        try self.init(base: pointer, size: bytes.count, mapped: false, owned: bytes, path: "(memory)")
    }

    private init(base: UnsafeRawPointer, size: Int, mapped: Bool, owned: [UInt8]?, path: String) throws {
        self.base = base
        self.size = size
        self.mapped = mapped
        self.owned = owned
        // `owned` keeps the array alive; its storage does not move while it is not mutated.
        for (i, byte) in Self.magic.enumerated() where base.load(fromByteOffset: i, as: UInt8.self) != byte {
            if mapped { munmap(UnsafeMutableRawPointer(mutating: base), size) }
            throw Invalid(path: path)
        }
        func u32(_ at: Int) -> Int { Int(base.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> Int { Int(base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        wordCount = u32(8)
        foldCount = u32(12)
        exactCapacity = u32(16)
        foldCapacity = u32(20)
        deleteCount = u32(24)
        idBits = u32(28)
        idMask = idBits >= 32 ? UInt32.max : (1 << UInt32(idBits)) - 1
        poolOffset = u64(32)
        entriesOffset = u64(40)
        exactOffset = u64(48)
        foldPoolOffset = u64(56)
        foldsOffset = u64(64)
        foldTableOffset = u64(72)
        postingsOffset = u64(80)
        deleteHashesOffset = u64(88)
        deleteIdsOffset = u64(96)
        sortedOffset = u64(104)
        let end = u64(112)
        foldFilterOffset = u64(120)
        guard end == size, foldFilterOffset + 2 * Self.filterWords * 8 <= end, idBits >= 1, idBits <= 32,
              exactCapacity > 0, foldCapacity > 0, exactCapacity & (exactCapacity - 1) == 0, foldCapacity & (foldCapacity - 1) == 0 else {
            if mapped { munmap(UnsafeMutableRawPointer(mutating: base), size) }
            throw Invalid(path: path)
        }
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), size) }
        _ = owned
    }

    // MARK: Slots

    /// The bits a slot gives to `id + 1` for tables of at most `count` keys.
    static func idBits(for count: Int) -> Int { max(1, Int.bitWidth - count.leadingZeroBitCount) }

    /// The tag of a key: the top bits of its hash that the slot has room for beside the id (13
    /// bits for the French lexicon). A probe compares tags before it reads a key, which lies
    /// elsewhere in memory: on noisy text most fold lookups are misses, and each key read in
    /// their probes was a cache miss. (The slot's index comes from the hash's low bits.)
    @inline(__always)
    static func tag(_ hash: UInt64, idBits: Int) -> UInt32 {
        idBits >= 32 ? 0 : UInt32(truncatingIfNeeded: hash >> UInt64(32 + idBits))
    }

    /// What a table slot holds for key number `id` with this hash.
    static func slot(id: Int, hash: UInt64, idBits: Int) -> UInt32 {
        tag(hash, idBits: idBits) << UInt32(idBits) | UInt32(id + 1)
    }

    /// Size of each filter in 64-bit words: 2²² bits, 512 KB, which stay in a core's cache where
    /// a table (4 MB) does not. Candidate generation asks the fold table for dozens of strings
    /// per unknown word, and the merging of pieces the form table for every pair of neighbours:
    /// nearly all of them no word, which the filter answers.
    static let filterWords = 1 << 16

    /// Whether the filter at byte offset `filter` may hold the key of `hash`.
    @inline(__always)
    func passes(_ hash: UInt64, filter: Int) -> Bool {
        let f = Self.filterBits(hash)
        let words = (base + filter).assumingMemoryBound(to: UInt64.self)
        return words[f.first] & f.firstBit != 0 && words[f.second] & f.secondBit != 0
    }

    /// The filter's two bits for a key's hash: in one 64-byte block, so that a lookup reads one
    /// cache line. Its bits are the hash's middle bits (the table's slot takes the low ones and
    /// its tag the top ones). With the French lexicon's 435,000 folds or 453,000 forms, about 4 %
    /// of strings that are no key pass.
    @inline(__always)
    static func filterBits(_ hash: UInt64) -> (first: Int, firstBit: UInt64, second: Int, secondBit: UInt64) {
        let block = Int(truncatingIfNeeded: (hash >> 20) & UInt64(filterWords / 8 - 1)) * 8
        let a = Int(truncatingIfNeeded: (hash >> 33) & 511), b = Int(truncatingIfNeeded: (hash >> 42) & 511)
        return (block + a >> 6, 1 << UInt64(a & 63), block + b >> 6, 1 << UInt64(b & 63))
    }

    // MARK: Entries

    @inline(__always)
    func entryField<T>(_ entry: Int, _ offset: Int, _ type: T.Type) -> T {
        base.load(fromByteOffset: entriesOffset + entry * 16 + offset, as: type)
    }

    /// The form of an entry (UTF-8 bytes, valid as long as the lexicon lives).
    @inline(__always)
    public func form(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        let offset = Int(entryField(entry, 0, UInt32.self))
        let length = Int(entryField(entry, 4, UInt16.self))
        return UnsafeBufferPointer(start: (base + poolOffset + offset).assumingMemoryBound(to: UInt8.self), count: length)
    }

    public func formString(_ entry: Int) -> String { String(decoding: form(entry), as: UTF8.self) }

    /// Zipf frequency of the entry's lowercase form (0 when wordfreq does not list it).
    @inline(__always)
    public func zipf(_ entry: Int) -> Double { Double(entryField(entry, 6, UInt16.self)) / 100 }

    @inline(__always)
    public func flags(_ entry: Int) -> UInt32 { entryField(entry, 8, UInt32.self) }

    @inline(__always)
    public func foldID(_ entry: Int) -> Int { Int(entryField(entry, 12, UInt32.self)) }

    /// The entry whose form is exactly these bytes.
    @inline(__always)
    public func entry(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = exactCapacity - 1
        let hash = ByteHash.hash(word)
        guard passes(hash, filter: formFilterOffset) else { return nil }
        let tag = Self.tag(hash, idBits: idBits)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = base.load(fromByteOffset: exactOffset + slot * 4, as: UInt32.self)
            if value == 0 { return nil }
            if value >> UInt32(idBits) == tag {
                let candidate = Int(value & idMask) - 1
                let f = form(candidate)
                if f.count == word.count && (f.count == 0 || memcmp(f.baseAddress!, word.baseAddress!, f.count) == 0) { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    public func entry(_ word: [UInt8]) -> Int? { word.withUnsafeBufferPointer { entry($0) } }

    /// Whether a form longer than `prefix` starts with it (`pharm` → `pharmacie`). Binary search
    /// over the sorted entries: the forms that extend a prefix are the first ones greater than it.
    public func hasLongerForm(startingWith prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        let sorted = (base + sortedOffset).assumingMemoryBound(to: UInt32.self)
        func precedesOrEquals(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
            let common = min(f.count, prefix.count)
            let c = common == 0 ? 0 : memcmp(f.baseAddress!, prefix.baseAddress!, common)
            return c < 0 || (c == 0 && f.count <= prefix.count)
        }
        var lo = 0, hi = wordCount
        while lo < hi {
            let mid = (lo + hi) >> 1
            if precedesOrEquals(form(Int(sorted[mid]))) { lo = mid + 1 } else { hi = mid }
        }
        guard lo < wordCount, !prefix.isEmpty else { return false }
        let f = form(Int(sorted[lo]))
        return f.count > prefix.count && memcmp(f.baseAddress!, prefix.baseAddress!, prefix.count) == 0
    }

    // MARK: Folds

    @inline(__always)
    func foldField<T>(_ fold: Int, _ offset: Int, _ type: T.Type) -> T {
        base.load(fromByteOffset: foldsOffset + fold * 16 + offset, as: type)
    }

    public func foldKey(_ fold: Int) -> UnsafeBufferPointer<UInt8> {
        let offset = Int(foldField(fold, 0, UInt32.self))
        let length = Int(foldField(fold, 4, UInt16.self))
        return UnsafeBufferPointer(start: (base + foldPoolOffset + offset).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Best Zipf among the entries of a fold.
    public func foldZipf(_ fold: Int) -> Double { Double(foldField(fold, 12, UInt16.self)) / 100 }

    /// The entries sharing a folded key.
    public func entries(ofFold fold: Int) -> UnsafeBufferPointer<UInt32> {
        let count = Int(foldField(fold, 6, UInt16.self))
        let start = Int(foldField(fold, 8, UInt32.self))
        return UnsafeBufferPointer(start: (base + postingsOffset + start * 4).assumingMemoryBound(to: UInt32.self), count: count)
    }

    /// The fold whose key is exactly these (already folded) bytes.
    public func fold(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = foldCapacity - 1
        let hash = ByteHash.hash(key)
        guard passes(hash, filter: foldFilterOffset) else { return nil }
        let tag = Self.tag(hash, idBits: idBits)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = base.load(fromByteOffset: foldTableOffset + slot * 4, as: UInt32.self)
            if value == 0 { return nil }
            if value >> UInt32(idBits) == tag {
                let candidate = Int(value & idMask) - 1
                let k = foldKey(candidate)
                if k.count == key.count && (k.count == 0 || memcmp(k.baseAddress!, key.baseAddress!, k.count) == 0) { return candidate }
            }
            slot = (slot + 1) & mask
        }
    }

    public func fold(_ key: [UInt8]) -> Int? { key.withUnsafeBufferPointer { fold($0) } }

    /// Folds of frequent words that become `hash`'s string by deleting one letter. The hashes are
    /// sorted and uniform, so the search starts where `hash` falls in proportion and gallops out
    /// from there: a few probes instead of the twenty of a binary search, each a cache miss.
    public func deleteNeighbours(hash: UInt64, into out: inout [Int]) {
        guard deleteCount > 0 else { return }
        let hashes = (base + deleteHashesOffset).assumingMemoryBound(to: UInt64.self)
        // Every index below `lo` holds a smaller hash, and `hi` is the count or holds a hash
        // not smaller.
        let guess = Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(deleteCount)) >> 32)
        var lo: Int, hi: Int
        var step = 1
        if hashes[guess] < hash {
            lo = guess + 1
            hi = lo
            while hi < deleteCount, hashes[hi] < hash {
                lo = hi + 1
                hi = lo + step
                step <<= 1
            }
            hi = min(hi, deleteCount)
        } else {
            hi = guess
            var below = guess - 1
            while below >= 0, hashes[below] >= hash {
                hi = below
                below = hi - step
                step <<= 1
            }
            lo = max(below + 1, 0)
        }
        while lo < hi {
            let mid = (lo + hi) >> 1
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        let ids = (base + deleteIdsOffset).assumingMemoryBound(to: UInt32.self)
        while lo < deleteCount, hashes[lo] == hash {
            out.append(Int(ids[lo]))
            lo += 1
        }
    }
}
