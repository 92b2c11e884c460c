/// English words that French text quotes (`mount`, `name`, `policy`, `reader`), with their English
/// frequency: a technical manual, a reference or a title keeps them, and a French-only lexicon
/// would "correct" them into French (`mount` → `mont`, `wait` → `fait`). Not known words: they are
/// never offered as corrections and do not count as French, they only make an unknown word more
/// likely right as written (see `RepairWords.keepScore`). Read from `Dictionaries/en-words.tsv`
/// (`word<TAB>zipf`, lowercase ASCII) at load time.
public struct EnglishWords: Sendable {
    /// Zipf × 100 by the hash of the lowercase word.
    private let zipf: [UInt64: UInt16]

    /// Reads the list from its bytes (it is read at every start: no `String` per line).
    public init(path: String) throws {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch let failure as FileSystem.Failure {
            throw LexiconSources.Failure(file: path, line: nil, message: "cannot read the word list (\(failure.reason))")
        }
        var table: [UInt64: UInt16] = [:]
        table.reserveCapacity(bytes.count / 10)
        try bytes.withUnsafeBufferPointer { p in
            var start = 0
            var number = 0
            while start < p.count {
                number += 1
                var end = start
                while end < p.count, p[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if end == start || p[start] == 0x23 { continue }
                let line = UnsafeBufferPointer(rebasing: p[start..<end])
                guard let (word, value) = Self.entry(line) else {
                    throw LexiconSources.Failure(file: path, line: number,
                                                 message: "expected 'lowercase ASCII word<TAB>zipf', found '\(String(decoding: line, as: UTF8.self))'")
                }
                table[ByteHash.hash(word)] = value
            }
        }
        zipf = table
    }

    /// `word<TAB>d.dd`: the word's bytes and the Zipf value × 100.
    static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, UInt16)? {
        guard let tab = line.firstIndex(of: 0x09), tab > 0,
              line[..<tab].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        var value = 0
        var decimals: Int?
        for b in line[(tab + 1)...] {
            if b == 0x2E, decimals == nil {
                decimals = 0
            } else if b >= 0x30, b <= 0x39, (decimals ?? 0) < 2 {
                value = value * 10 + Int(b - 0x30)
                if let d = decimals { decimals = d + 1 }
            } else {
                return nil
            }
        }
        guard tab + 1 < line.count, value < 1000 else { return nil }
        for _ in (decimals ?? 0)..<2 { value *= 10 }
        return (UnsafeBufferPointer(rebasing: line[..<tab]), UInt16(value))
    }

    init() { zipf = [:] }

    /// The English Zipf frequency of a word of ASCII letters (in any case), or nil. Asked for
    /// every unknown word and join piece: lowercased on the stack.
    func zipf(_ word: [UInt32]) -> Double? {
        guard !zipf.isEmpty, word.count >= 2, word.count <= 40 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower -> Double? in
            for (k, v) in word.enumerated() {
                switch v {
                case 0x61...0x7A: lower[k] = UInt8(v)
                case 0x41...0x5A: lower[k] = UInt8(v) | 0x20
                default: return nil
                }
            }
            return zipf[ByteHash.hash(UnsafeBufferPointer(lower))].map { Double($0) / 100 }
        }
    }
}
