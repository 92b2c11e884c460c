/// Where a text names a command, read from how it is written: before an option (`grep -e`,
/// `sudo -H aptitude`), with its manual's section (`less(1)`, `debuild(1)`), or in a file
/// pattern (`cron.*`); and where it writes an identifier of C code (`*buf`, `RTA_LENGTH(len)`).
/// Word repair leaves such a name as written wherever the document writes it: no lexicon knows
/// `sbuild`, and the nearest French words make it wrong (`grep` → `grec`, `less` → `les`, `sudo`
/// → `sud`, `len` → `leu`).
///
/// A name is lowercase ASCII (letters, then digits and `-` `_` `.` `+` too) of four bytes or
/// more that the lexicons do not know, written alone (`grep,` before an option is no command),
/// and that no OCR confusion or accent reads as a French word (`cst -r` is `est -r`): a name is
/// only ever far from a word (`grep`, `grec`).
/// After a noun (`la commande debsign`) a word is as often an adjective or a verb the OCR
/// garbled (`la commande interue`, `la commande oeut être`): that is no evidence.
enum CommandContext {
    /// Articles and determiners: a word after one is a noun (`les optlons -A` is `les options`).
    static let determiners = ByteWordList(["le", "la", "les", "un", "une", "des", "du", "ces", "ses", "leurs"])

    /// Calls `found` with each name of a command in `tokens` that `isKnown` does not know, and
    /// its evidence: 2 for a manual's section, a file pattern, or an option after a pipe or a
    /// guillemet; 1 for an option. (The caller still checks that no OCR confusion reads it as a
    /// French word: `cst -r` is `est -r`.)
    static func names(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], isKnown: (UnsafeBufferPointer<UInt8>) -> Bool,
                      found: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        for (k, token) in tokens.enumerated() where token.kind != .punctuation {
            let name: Range<Int>
            var evidence = 1
            if let section = manualName(p, token) {
                name = section
                evidence = 2
            } else if let glob = globName(p, token) {
                name = glob
                evidence = 2
            } else if token.kind == .word, token.end == token.coreEnd, token.start == token.coreStart, isName(p, token.coreStart..<token.coreEnd),
                      k + 1 < tokens.count, isOption(p, tokens[k + 1]) {
                // An option after a pipe or opening a quotation: `ps aux | grep -e`, `« sudo -H`.
                let opened = k > 0 && opensCommand(p, tokens[k - 1])
                guard opened || !(k > 0 && afterWordOrPiece(p, tokens[k - 1], token, isKnown: isKnown)) else { continue }
                if opened { evidence = 2 }
                name = token.coreStart..<token.coreEnd
            } else {
                continue
            }
            let core = UnsafeBufferPointer(rebasing: p[name])
            if !isKnown(core) { found(core, evidence) }
        }
    }

    /// Calls `found` with each identifier of C code in the chunks of `tokens`: after a pointer's
    /// or an address's sign (`*sevp`, `**argv`, `&len`) and the words of its type before it
    /// (`struct pollfd *fds`), and the name and arguments of a call
    /// written without a space before its parenthesis (`malloc(size)`, `RTA_LENGTH(len)`,
    /// `read(fd,` / `buf,` / `count)`). French prose writes neither, so one is evidence enough
    /// (`len` stays `len`, not `leu`; `buf` not `but`). Identifiers are lowercase ASCII of three
    /// bytes or more (letters, digits, `_`); a word between two stars is Markdown's emphasis.
    static func codeNames(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [WordToken], found: (UnsafeBufferPointer<UInt8>) -> Void) {
        var inCall = false
        for (t, token) in tokens.enumerated() {
            var i = token.start
            let end = token.end
            if inCall {
                // An argument of a call opened by an earlier chunk: `buf,`, `count)`.
                var k = i
                while k < end, p[k] == 0x2A || p[k] == 0x26 { k += 1 }
                let stop = identifierEnd(p, from: k, to: end)
                if stop < end, p[stop] == 0x2C || p[stop] == 0x29, stop - k >= 3, isLowerLetter(p[k]) {
                    found(UnsafeBufferPointer(rebasing: p[k..<stop]))
                }
                inCall = stop < end && p[stop] == 0x2C && stop + 1 == end
                continue
            }
            // Cheap test first: most chunks hold none of `(`, `*`, `&`.
            var sign = token.start
            while sign < end, p[sign] != 0x28 && p[sign] != 0x2A && p[sign] != 0x26 { sign += 1 }
            guard sign < end else { continue }
            while i < end, p[i] == 0x28 { i += 1 }
            if i < end, p[i] == 0x2A || p[i] == 0x26 {
                var k = i
                while k < end, k - i < 2, p[k] == 0x2A || p[k] == 0x26 { k += 1 }
                let stop = identifierEnd(p, from: k, to: end)
                if stop - k >= 3, isLowerLetter(p[k]), stop == end || [0x2C, 0x3B, 0x29, 0x5B, 0x2E].contains(p[stop]),
                   !(stop < end && p[stop] == 0x2A) {
                    found(UnsafeBufferPointer(rebasing: p[k..<stop]))
                    // The type before it (`pollfd *fds`, `struct rusage *usage`).
                    var before = t - 1
                    while before >= 0, i == token.start, typeWord(p, tokens[before]) {
                        found(UnsafeBufferPointer(rebasing: p[tokens[before].start..<tokens[before].end]))
                        before -= 1
                    }
                }
                continue
            }
            // A call: `name(` glued, then identifiers separated by commas.
            let nameEnd = identifierEnd(p, from: i, to: end)
            guard nameEnd > i, nameEnd < end, p[nameEnd] == 0x28 else { continue }
            var k = nameEnd + 1
            var arguments = 0
            while k < end {
                let stop = identifierEnd(p, from: k, to: end)
                guard stop > k else { break }
                if stop < end, p[stop] != 0x2C && p[stop] != 0x29 { break }
                if stop - k >= 3, isLowerLetter(p[k]) { found(UnsafeBufferPointer(rebasing: p[k..<stop])) }
                arguments += 1
                if stop == end || p[stop] == 0x29 { break }
                k = stop + 1
                if k == end { inCall = true }
            }
            if arguments > 0, nameEnd - i >= 3, isLowerLetter(p[i]) { found(UnsafeBufferPointer(rebasing: p[i..<nameEnd])) }
        }
    }

    /// A chunk that is a whole identifier of three bytes or more in lowercase: a type's name.
    static func typeWord(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken) -> Bool {
        token.end - token.start >= 3 && isLowerLetter(p[token.start]) && identifierEnd(p, from: token.start, to: token.end) == token.end
    }

    /// The end of the identifier (ASCII letters, digits, `_`) starting at `from`.
    static func identifierEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var k = from
        while k < end {
            let b = p[k]
            guard (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F else { break }
            k += 1
        }
        return k
    }

    static func isLowerLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// A shell's pipe `|` or an opening guillemet `«` standing alone: a command may follow.
    static func opensCommand(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken) -> Bool {
        (token.end - token.start == 1 && p[token.start] == 0x7C) || (token.end - token.start == 2 && p[token.start] == 0xC2 && p[token.start + 1] == 0xAB)
    }

    /// The name in a file pattern: `cron.*`, `exim4*` (a closing sign may follow).
    static func globName(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken) -> Range<Int>? {
        // The cheap test first (it runs for every token): `*` among its last three bytes.
        guard token.end - token.start >= 5, p[token.end - 1] == 0x2A || p[token.end - 2] == 0x2A || p[token.end - 3] == 0x2A else { return nil }
        var star = token.start
        while star < token.end, p[star] != 0x2A { star += 1 }
        var end = star
        if end > token.start, p[end - 1] == 0x2E { end -= 1 }
        guard star < token.end, isName(p, token.start..<end), !p[token.start..<end].contains(0x2E) else { return nil }
        return token.start..<end
    }

    /// The name in a reference to a manual page: `less(1)`, `dpkg-buildpackage(1)`, `sources.list(5)`
    /// (a closing sign may follow: `grep(1).`).
    static func manualName(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken) -> Range<Int>? {
        // The cheap test first (it runs for every token): `)` among its last three bytes.
        guard token.end - token.start >= 7, p[token.end - 1] == 0x29 || p[token.end - 2] == 0x29 || p[token.end - 3] == 0x29,
              let open = p[token.start..<token.end].firstIndex(of: 0x28), open + 2 < token.end,
              p[open + 1] >= 0x30, p[open + 1] <= 0x39 else { return nil }
        var close = open + 2
        while close < token.end, p[close] >= 0x61, p[close] <= 0x7A { close += 1 }
        guard close < token.end, p[close] == 0x29 else { return nil }
        var start = token.start
        while start < open, p[start] == 0x28 || p[start] == 0xAB || p[start] == 0x22 { start += 1 }
        return isName(p, start..<open) ? start..<open : nil
    }

    /// The token before is a determiner (the word is a noun: `les optlons -A`), or a piece of a
    /// word the lexicons do not know, or one the word completes (the word may be the rest of a
    /// cut word: `l’op tion -v`).
    static func afterWordOrPiece(_ p: UnsafeBufferPointer<UInt8>, _ before: WordToken, _ token: WordToken,
                                 isKnown: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard before.kind == .word, before.end == before.coreEnd else { return false }
        let core = UnsafeBufferPointer(rebasing: p[before.coreStart..<before.coreEnd])
        if determiners.contains(count: core.count, { k in k == 0 && core[0] >= 0x41 && core[0] <= 0x5A ? core[0] | 0x20 : core[k] }) { return true }
        guard isKnown(core) else { return true }
        let joined = Array(JoinedText.afterElision(core)) + p[token.coreStart..<token.coreEnd]
        return joined.withUnsafeBufferPointer { isKnown($0) }
    }

    /// Four bytes or more: a lowercase ASCII letter, then lowercase letters, digits, `-` `_` `.` `+`.
    static func isName(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 4, p[range.lowerBound] >= 0x61, p[range.lowerBound] <= 0x7A else { return false }
        for b in p[range] {
            let lower = b >= 0x61 && b <= 0x7A, digit = b >= 0x30 && b <= 0x39
            guard lower || digit || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2B else { return false }
        }
        return true
    }

    /// `-e`, `-H`, `--force`, `--root=DIR`: one or two hyphens, an ASCII letter, then ASCII
    /// letters, digits, `-` `=` `_` (a closing sign may follow: `-e)`).
    static func isOption(_ p: UnsafeBufferPointer<UInt8>, _ token: WordToken) -> Bool {
        var i = token.start
        guard p[i] == 0x2D else { return false }
        i += 1
        if i < token.end, p[i] == 0x2D { i += 1 }
        guard i < token.end, p[i] | 0x20 >= 0x61, p[i] | 0x20 <= 0x7A else { return false }
        let end = max(token.coreEnd, i)
        for b in p[i..<end] {
            let letter = b | 0x20 >= 0x61 && b | 0x20 <= 0x7A, digit = b >= 0x30 && b <= 0x39
            guard letter || digit || b == 0x2D || b == 0x3D || b == 0x5F else { return false }
        }
        return true
    }
}
