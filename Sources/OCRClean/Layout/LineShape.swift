/// What a physical line looks like, for the layout stages: its indentation, how it starts and
/// ends, and on demand whether it is a page number, a document symbol, a footnote separator, an
/// enumerated item or the start of a footnote.
///
/// Built in one pass over the line's UTF-8 bytes (as `normalize` leaves it: leading indentation
/// kept); the rarer tests decode only the short lines they can apply to. Every test is on
/// characters, never on fonts or positions the text does not carry.
struct LineShape: Sendable {
    /// Leading spaces, tabs (4) and no-break spaces.
    let indent: Int
    /// Byte range of the text without indentation and trailing spaces.
    let bodyStart: Int
    let bodyEnd: Int
    /// Length of the body in Unicode scalars.
    let length: Int
    /// First and last scalar of the body (0 when blank).
    let first: UInt32
    let last: UInt32
    /// The last scalar that is not a closing quote or bracket or a superscript digit.
    let lastSignificant: UInt32
    /// Scalar before `last` (0 when none).
    let beforeLast: UInt32
    /// Starts with what OCR makes of an elided `l’` (`I'Office`, `|’entrée`): word repair
    /// writes it `l’` inside a sentence, so it continues one like a lowercase letter.
    let startsMisreadElision: Bool
    /// Starts with a glyph the engine could not read before lowercase letters (`_tructure`):
    /// word repair restores the letter (`structure`), so it continues a sentence like one.
    /// Likewise an opening `‘` glued to lowercase letters (`‘construire`), a speck at the margin
    /// word repair removes.
    let startsWithHole: Bool

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { LineShape(bytes: $0) }
    }

    /// Looks at the ends of the line only, and counts scalars with a byte loop: no decoding of
    /// the middle of the line (layout stages build a shape for every line, several times).
    init(bytes p: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var indent = 0
        while i < p.count {
            if p[i] == 0x20 { indent += 1; i += 1 } else if p[i] == 0x09 { indent += 4; i += 1 } else if p[i] == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 {
                indent += 1
                i += 2
            } else { break }
        }
        var end = p.count
        while end > i, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
        self.indent = indent
        bodyStart = i
        bodyEnd = end
        var length = 0
        for k in i..<end where p[k] & 0xC0 != 0x80 { length += 1 }
        self.length = length
        first = i < end ? UTF8Bytes.scalar(p, at: i).value : 0
        if (first == 0x49 || first == 0x7C), i + 2 < end {
            let (second, n) = UTF8Bytes.scalar(p, at: i + 1)
            startsMisreadElision = (second == 0x27 || second == 0x2019) && i + 1 + n < end && UTF8Bytes.scalar(p, at: i + 1 + n).value > 0x40
        } else {
            startsMisreadElision = false
        }
        startsWithHole = (first == 0x5F && i + 1 < end && p[i + 1] >= 0x61 && p[i + 1] <= 0x7A)
            || (first == 0x2018 && i + 3 < end && p[i + 3] >= 0x61 && p[i + 3] <= 0x7A)
        var last: UInt32 = 0, beforeLast: UInt32 = 0, significant: UInt32 = 0
        var k = end
        var seen = 0
        while k > i, seen < 12 {
            guard let (value, start) = UTF8Bytes.scalar(p, before: k) else { break }
            if seen == 0 { last = value } else if seen == 1 { beforeLast = value }
            if significant == 0, !Self.isClosing(value) { significant = value }
            seen += 1
            k = start
            if seen >= 2 && significant != 0 { break }
        }
        self.last = last
        self.beforeLast = beforeLast
        lastSignificant = significant
    }

    /// Letters and digits of a line's body (a pass over it: for short lines).
    static func counts(_ body: Substring) -> (letters: Int, digits: Int) {
        var letters = 0, digits = 0
        for s in body.unicodeScalars {
            if s.value >= 0x30 && s.value <= 0x39 { digits += 1 } else if UTF8Bytes.isLetter(s.value) { letters += 1 }
        }
        return (letters, digits)
    }

    var isBlank: Bool { length == 0 }

    /// Closing quotes and brackets, superscript digits: skipped when asking how a line ends.
    static func isClosing(_ s: UInt32) -> Bool {
        switch s {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0xB9, 0xB2, 0xB3, 0x2070...0x2079: return true
        default: return false
        }
    }

    /// Ends a sentence: `.`, `!`, `?`, `…` (before any closing quote, bracket or note mark).
    var endsSentence: Bool { [0x2E, 0x21, 0x3F, 0x2026].contains(lastSignificant) }

    /// Ends a clause that may close a paragraph: a sentence end, `;`, `:`, or `,`.
    var endsClause: Bool { endsSentence || lastSignificant == 0x3B || lastSignificant == 0x3A || lastSignificant == 0x2C }

    /// Ends with a hyphen after a letter (a word cut at the line end), or the `¬` some OCR prints.
    var endsWithHyphen: Bool {
        (last == 0x2D || last == 0xAC || last == 0x2010) && UTF8Bytes.isLetter(beforeLast)
    }

    /// Starts with a lowercase letter (a continued sentence), or a misread `l’`.
    var startsLowercase: Bool {
        if startsMisreadElision || startsWithHole { return true }
        guard first != 0, let s = Unicode.Scalar(first) else { return false }
        return first < 0x80 ? (first >= 0x61 && first <= 0x7A) : s.properties.isLowercase
    }

    var startsUppercase: Bool {
        guard first != 0, let s = Unicode.Scalar(first) else { return false }
        return first < 0x80 ? (first >= 0x41 && first <= 0x5A) : s.properties.isUppercase
    }

    /// Starts with punctuation that never opens a paragraph (`;`, `,`, `.`, `:`, `)`, `»`).
    var startsWithTrailingPunctuation: Bool { [0x3B, 0x2C, 0x2E, 0x3A, 0x29, 0xBB].contains(first) }

    /// The body as a string (for the rare tests on short lines).
    func body(of text: String) -> Substring {
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: bodyStart)
        let b = u.index(u.startIndex, offsetBy: bodyEnd)
        return text[a..<b]
    }
}

/// The rarer tests, on the line's body text.
extension LineShape {
    /// `a)`, `iii)`, `b.`, `1.`, `28.`, `(a)`, `-`, `•`, `–` at the start of `body`: the label of an
    /// enumerated item, or nil.
    static func enumerator(_ body: Substring) -> Substring? {
        let u = body.utf8
        var i = u.startIndex
        if i < u.endIndex, u[i] == 0x28 { i = u.index(after: i) }  // `(`
        // A bullet or dash, then a space.
        let rest = u[i...]
        for bullet in Self.bullets where rest.starts(with: bullet) {
            let after = u.index(i, offsetBy: bullet.count)
            if after < u.endIndex, u[after] == 0x20 { return body[body.startIndex..<after] }
        }
        var digits = 0
        var letters = 0
        while i < u.endIndex, (0x30...0x39).contains(u[i]) { digits += 1; i = u.index(after: i) }
        if digits == 0 {
            var roman = true
            while i < u.endIndex, (0x61...0x7A).contains(u[i]) {
                let b = u[i]
                roman = roman && (b == 0x69 || b == 0x76 || b == 0x78 || b == 0x6C)  // i v x l
                letters += 1
                i = u.index(after: i)
            }
            if letters > 1 && !roman { return nil }
        }
        guard (digits > 0 && digits <= 3) || (letters > 0 && letters <= 5), i < u.endIndex else { return nil }
        let mark = u[i]
        guard mark == 0x29 || (mark == 0x2E && (digits > 0 || letters == 1)) else { return nil }
        let after = u.index(after: i)
        guard after < u.endIndex, u[after] == 0x20 else { return nil }
        // `1. en` is the end of a sentence with a number, not an item.
        var k = after
        while k < u.endIndex, u[k] == 0x20 { k = u.index(after: k) }
        guard k < u.endIndex else { return nil }
        if mark == 0x2E, let next = body[k...].first, next.isLowercase { return nil }
        return body[body.startIndex..<after]
    }

    /// `-`, `•`, `–`, `—`, `▪`, `·` in UTF-8: the marks of an unnumbered item.
    static let bullets: [[UInt8]] = [[0x2D], [0xE2, 0x80, 0xA2], [0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94], [0xE2, 0x96, 0xAA], [0xC2, 0xB7]]

    /// A page number or page label: `12`, `7/12`, `- 3 -`, `Page 3`, `2 V.10-57325`,
    /// `V.10-57325 13`, `A/RES/67/189 3`.
    static func isPageLabel(_ body: Substring) -> Bool {
        // `9 A/67/156.` ends like a footnote citing a document, not like a page label.
        guard body.last != "." else { return false }
        let words = body.split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        if words.count == 1, let w = words.first, w.allSatisfy(\.isASCIINumber), w.count <= 4 { return true }
        if words.count == 1, let w = words.first, isFraction(w) { return true }
        if words.count == 3, words[0] == "-" || words[0] == "–", words[2] == words[0], words[1].allSatisfy(\.isASCIINumber) { return true }
        if words.count == 2, words[0].lowercased() == "page", words[1].allSatisfy(\.isASCIINumber) { return true }
        return isSymbolPageLabel(body)
    }

    /// A page number with a document symbol or job number: `2 V.10-57325`, `A/RES/67/189 3`,
    /// `3 V.10-57325 (F)`. Unlike a bare number, it is a page foot or head wherever it stands,
    /// even run into the text of a PDF extraction without a blank line or form feed.
    static func isSymbolPageLabel(_ body: Substring) -> Bool {
        guard fewWordsWithDigit(body, max: 4), body.last != "." else { return false }
        let words = body.split(separator: " ")
        guard words.count >= 2, words.count <= 4 else { return false }
        let numbers = words.filter { $0.allSatisfy(\.isASCIINumber) && $0.count <= 4 }
        let symbols = words.filter { isSymbol($0) }
        let languages = words.filter { $0 == "(F)" || $0 == "(E)" }
        return numbers.count == 1 && !symbols.isEmpty && numbers.count + symbols.count + languages.count == words.count
    }

    /// The quick test before splitting a line into words: it has an ASCII digit and at most `max`
    /// words separated by spaces (a space before a combining mark does not separate words, so a
    /// line with combining marks passes).
    static func fewWordsWithDigit(_ body: Substring, max: Int) -> Bool {
        var digit = false
        var combining = false
        var words = 0
        var inWord = false
        for b in body.utf8 {
            if b == 0x20 {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
                if b >= 0x30 && b <= 0x39 { digit = true }
                if b == 0xCC || b == 0xCD { combining = true }
            }
        }
        return digit && (words <= max || combining)
    }

    /// A document symbol or job number alone on its line: `CTOC/COP/2010/L.9`, `A/RES/67/189`,
    /// `V.10-57325`, `E/CN.15/2012/17`.
    static func isSymbolLine(_ body: Substring) -> Bool {
        guard body.last != "." else { return false }
        let words = body.split(separator: " ")
        return !words.isEmpty && words.count <= 3 && words.allSatisfy { isSymbol($0) || $0 == "(F)" || $0 == "(E)" || $0 == "*" }
            && words.contains { isSymbol($0) }
    }

    /// What OCR made of a symbol or page label: `AJRES/67/189`, `CTOC/COP2010L.9`, `6V12-57187`,
    /// `as/n`: short, few words, digits or slashes, no word of four lowercase letters and no
    /// French function word (`SYSCALL.2 à 256.` is a running head joined to the text below it).
    static func looksLikeSymbol(_ body: Substring) -> Bool {
        let words = body.split(separator: " ")
        guard !words.isEmpty, words.count <= 3, body.count <= 30 else { return false }
        guard body.contains(where: { $0.isASCIINumber || $0 == "/" }) else { return false }
        if words.contains(where: { textWords.contains($0) }) { return false }
        // A word of four lowercase letters, elided or not (`d’experts`), is text.
        return !words.contains { w in
            let letters = w.filter { $0 != "’" && $0 != "'" }
            return letters.count >= 4 && letters.allSatisfy { $0.isLetter } && letters.dropFirst().allSatisfy(\.isLowercase)
        }
    }

    /// Words that only running text writes between a symbol and a number.
    static let textWords: Set<Substring> = ["à", "de", "du", "des", "la", "le", "les", "et", "en", "au", "aux", "un", "une", "par", "sur"]

    /// `____`, `-----`, `*****`, `. . . .`: a footnote separator or a rule.
    static func isSeparator(_ body: Substring) -> Bool {
        var count = 0
        for c in body where c != " " {
            guard "_-–—=*.·•".contains(c) else { return false }
            count += 1
        }
        return count >= 4
    }

    /// The mark of a footnote line: `1`, `12`, `*`, `¹`, or what OCR makes of a raised digit
    /// (`!`, `?`, `'`, `‘`, `“`, `°`, `|`), then a space and text starting with a capital, a quote or
    /// a digit: `1 Nations Unies, …`, `! Anciennement …`. OCR marks give `?` (number unknown).
    static func footnoteMark(_ body: Substring) -> String? {
        let scalars = Array(body.unicodeScalars.prefix(8))
        var i = 0
        var mark = ""
        while i < scalars.count, i < 3, ("0"..."9").contains(scalars[i]) || superscripts.contains(scalars[i]) {
            mark.unicodeScalars.append(plainDigit(scalars[i]))
            i += 1
        }
        // `2?`, `1'`: the digit read, and the engine's guess at the raise after it.
        if !mark.isEmpty, i < scalars.count, "?!'’".unicodeScalars.contains(scalars[i]), i + 1 < scalars.count, scalars[i + 1] == " " {
            i += 1
        }
        if mark.isEmpty, let first = scalars.first {
            if first == "*" || first == "†" || first == "‡" {
                mark = String(first)
            } else if "!?'’‘“”°|+".unicodeScalars.contains(first) {
                mark = "?"
            } else {
                return nil
            }
            i = 1
        }
        guard mark != "0", i < scalars.count - 1 else { return nil }
        // A superscript may be glued to the text (`¹Nations`); other marks need a space.
        if scalars[i] == " " {
            while i < scalars.count, scalars[i] == " " { i += 1 }
        } else if !superscripts.contains(scalars[i - 1]) {
            return nil
        }
        guard i < scalars.count else { return nil }
        let next = scalars[i]
        guard next.properties.isUppercase || "«“\"".unicodeScalars.contains(next) else { return nil }
        // A quote opens a note's text, not the whole of it, and the text after it starts with a
        // capital or a digit like any note (`' «` and `' «fi` are not notes).
        if !next.properties.isUppercase {
            guard let opening = body.unicodeScalars.dropFirst(i + 1).first(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                  opening.properties.isUppercase || ("0"..."9").contains(opening) else { return nil }
        }
        return mark
    }

    static let superscripts = Array("⁰¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars)

    static func plainDigit(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if let k = superscripts.firstIndex(of: s) { return Unicode.Scalar(UInt8(0x30 + k)) }
        return s
    }

    /// The superscript spelling of a footnote number (`12` → `¹²`); other marks stay.
    static func superscript(_ number: String) -> String {
        var out = ""
        for s in number.unicodeScalars {
            if s.value >= 0x30 && s.value <= 0x39 { out.unicodeScalars.append(superscripts[Int(s.value - 0x30)]) } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// `A/RES/57/168`, `CTOC/COP/2010/L.9`, `V.10-57325`, `E/CN.15/2012/17`.
    static func isSymbol(_ w: Substring) -> Bool {
        guard w.count >= 4, w.count <= 40 else { return false }
        if w.hasPrefix("V."), w.dropFirst(2).allSatisfy({ $0.isASCIINumber || $0 == "-" }), w.contains("-") { return true }
        let parts = w.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        guard let head = parts.first, head.allSatisfy({ $0.isUppercase || $0.isASCIINumber || $0 == "." }), head.first?.isUppercase == true else { return false }
        return parts.dropFirst().allSatisfy { p in p.allSatisfy { $0.isUppercase || $0.isASCIINumber || $0 == "." || $0 == "-" } }
    }

    static func isFraction(_ w: Substring) -> Bool {
        let parts = w.split(separator: "/")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIINumber) }
    }

    /// Lowercased, digits as `#`, single spaces: running heads that differ only by the page
    /// number compare equal.
    static func furnitureKey(_ body: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var space = false
        for b in body.utf8 {
            if b == 0x20 { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            if b >= 0x30 && b <= 0x39 { out.append(0x23) } else if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) } else { out.append(b) }
        }
        return out
    }
}

extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
}
