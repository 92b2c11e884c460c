import Foundation
import OCRClean
import OCRCleanTestSupport
import Testing

/// Byte-level behaviour of the decoder: encodings, invalid bytes, binary input, long lines, and
/// independence from how the input is split into reads.
@Suite struct DecoderTests {
    /// Decodes `bytes` fed in reads of `chunk` bytes (0 = all at once).
    static func decode(_ bytes: [UInt8], chunk: Int = 0, configuration: DecodeStep.Configuration = .init()) throws -> (records: [Record], report: DecodeReport) {
        var decoder = Decoder(document: "t", configuration: configuration)
        var collector = RecordCollector(document: "t")
        try bytes.withUnsafeBytes { raw in
            if chunk == 0 {
                try decoder.feed(raw, into: &collector)
            } else {
                var i = 0
                while i < raw.count {
                    let j = min(raw.count, i + chunk)
                    try decoder.feed(UnsafeRawBufferPointer(rebasing: raw[i..<j]), into: &collector)
                    i = j
                }
            }
        }
        try decoder.finish(into: &collector)
        return (collector.records, decoder.report)
    }

    static func texts(_ records: [Record]) -> [String] { records.map { $0.kind == .pageBreak ? "\u{C}" : $0.text } }

    @Test func validUTF8IsReadAsIs() throws {
        let (records, report) = try Self.decode(Array("Résolution 6/4\nl’État\n".utf8))
        #expect(Self.texts(records) == ["Résolution 6/4", "l’État"])
        #expect(report.encoding == "utf-8" && !report.converted && report.replaced == 0)
    }

    @Test func strayInvalidBytesBecomeReplacementCharactersAndAreCounted() throws {
        var bytes = Array("été\nà côté \u{2019}\n".utf8)
        bytes.insert(0xFF, at: 6)  // at the start of line 2
        bytes.append(contentsOf: [0x61, 0xC3, 0x0A])  // truncated sequence at a line end
        let (records, report) = try Self.decode(bytes)
        #expect(Self.texts(records) == ["été", "\u{FFFD}à côté \u{2019}", "a\u{FFFD}"])
        #expect(report.replaced == 2)
        #expect(report.firstReplacedLine == 2)
    }

    @Test func windows1252IsDetectedAndConverted() throws {
        // "L’État a été" in Windows-1252: ’ = 0x92, É = 0xC9, é = 0xE9.
        let bytes: [UInt8] = [0x4C, 0x92, 0xC9, 0x74, 0x61, 0x74, 0x20, 0x61, 0x20, 0xE9, 0x74, 0xE9, 0x0A]
        let (records, report) = try Self.decode(bytes)
        #expect(Self.texts(records) == ["L’État a été"])
        #expect(report.converted && report.encoding == "windows-1252")
        #expect(report.firstInvalidOffset == 1)
    }

    @Test func latin1CanBeForced() throws {
        let bytes: [UInt8] = [0x63, 0x6F, 0x6E, 0x74, 0x72, 0xF4, 0x6C, 0x65]
        let (records, _) = try Self.decode(bytes, configuration: .init(encoding: .latin1))
        #expect(Self.texts(records) == ["contrôle"])
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let text = "Résolution\nl’État\n"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, name) in [([0xFF, 0xFE] + le, "utf-16le"), ([0xFE, 0xFF] + be, "utf-16be"), (le, "utf-16le"), (be, "utf-16be")] {
            for chunk in [0, 1, 3] {
                let (records, report) = try Self.decode(bytes, chunk: chunk)
                #expect(Self.texts(records) == ["Résolution", "l’État"], "\(name) chunk \(chunk)")
                #expect(report.encoding == name)
            }
        }
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "a PDF file"),
        ([0x1F, 0x8B, 0x08, 0x00, 0x61, 0x62], "a gzip file"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a zip archive (or an Office/EPUB document)"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
    ] as [([UInt8], String)])
    func binaryFilesAreRefused(_ input: ([UInt8], String)) throws {
        #expect {
            _ = try Self.decode(input.0)
        } throws: { error in
            "\(error)".contains(input.1)
        }
    }

    @Test func controlByteSoupIsRefusedButAFewNULsAreText() throws {
        let soup = (0..<400).map { UInt8($0 % 7) }
        #expect(throws: DecodeError.self) { _ = try Self.decode(soup) }
        let text = Array("un\u{0}deux\ntrois\n".utf8)
        let (records, _) = try Self.decode(text)
        #expect(Self.texts(records) == ["un\u{0}deux", "trois"])
    }

    @Test func longLinesAreCutAtASpaceWithoutLosingText() throws {
        let words = (0..<3000).map { "mot\($0)" }.joined(separator: " ")
        let configuration = DecodeStep.Configuration(maxLineBytes: 4096)
        let (records, report) = try Self.decode(Array((words + "\nfin\n").utf8), chunk: 1000, configuration: configuration)
        #expect(records.count > 4)
        #expect(records.dropLast(2).allSatisfy { $0.continues && $0.text.utf8.count <= 4096 })
        #expect(!records[records.count - 2].continues)
        #expect(records.map(\.text).dropLast().joined() == words)
        #expect(records.last?.text == "fin" && records.last?.continues == false)
        #expect(report.cutPieces == records.count - 2)
    }

    @Test func aLongLineWithoutSpacesIsCutAtCharacterBoundaries() throws {
        let line = String(repeating: "é", count: 5000)
        let (records, _) = try Self.decode(Array(line.utf8), chunk: 777, configuration: .init(maxLineBytes: 4097))
        #expect(records.map(\.text).joined() == line)
        #expect(records.allSatisfy { !$0.text.contains("\u{FFFD}") })
    }

    /// The records must not depend on how the input is split into reads (NIO's drip-feeding).
    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func readSizesDoNotChangeTheResult(chunk: Int) throws {
        for name in ["000.txt", "004.txt"] {
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: CLI.fixtures + "/seeds/" + name)))
            bytes += Array("\r\nCR only\rend\u{C}page\u{C}\r\n".utf8) + [0xE9, 0x0A, 0xFF]
            let whole = try Self.decode(bytes)
            let split = try Self.decode(bytes, chunk: chunk)
            #expect(whole.records == split.records, "\(name) at chunk size \(chunk)")
            #expect(whole.report == split.report)
        }
    }

    @Test func emptyInputGivesNoRecords() throws {
        let (records, report) = try Self.decode([])
        #expect(records.isEmpty && report.lines == 0)
    }
}
