import Foundation
import OCRCleanTestSupport
import Testing

/// The binary as a user runs it: standard input and output, files, exit codes, diagnostics.
/// Exit status: 0 success, 1 an input could not be processed, 64 bad arguments or pipeline.
@Suite struct CLITests {
    let scratch = ScratchDirectory("ocr-clean-cli")
    var tmp: String { scratch.path }

    func write(_ name: String, _ data: Data) throws -> String {
        let path = "\(tmp)/\(name)"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func filtersStandardInputToStandardOutput() throws {
        let r = try CLI.run(["--pipeline", "minimal"], stdin: Data("l’eﬀet  de la Re\u{301}solution   \n".utf8))
        #expect(r.status == 0)
        #expect(r.output == "l’effet de la Résolution\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func cleanIsTheDefaultSubcommandAndDashIsStandardInput() throws {
        let a = try CLI.run(["clean", "-p", "minimal", "-"], stdin: Data("a  b\n".utf8))
        let b = try CLI.run(["-p", "minimal"], stdin: Data("a  b\n".utf8))
        #expect(a.status == 0 && a.output == "a b\n" && b.output == a.output)
    }

    @Test func severalFilesAreSeveralDocumentsInOrder() throws {
        let one = try write("one.txt", Data("un\n".utf8))
        let two = try write("two.txt", Data("deux".utf8))
        let r = try CLI.run(["-p", "minimal", one, two])
        #expect(r.status == 0 && r.output == "un\ndeux\n")
    }

    @Test func lineAlignedPipelinesKeepEveryLineInPlace() throws {
        // A page with a running head, a marker, a two-line note and a page label: one output
        // line per input line, the marker and the note's mark linked, furniture kept.
        let page = "A/RES/67/189\n\nRappelant la Convention de 19885, et la Convention contre la\ncorruption,\n\n"
            + "5 Nations Unies, Recueil des Traités,\nvol. 1582, no 27627.\n\n3/12\n"
        for pipeline in ["ocr-lines", "ocr-lines-marked"] {
            let r = try CLI.run(["-p", pipeline], stdin: Data(page.utf8))
            #expect(r.status == 0)
            #expect(r.output == page.replacingOccurrences(of: "19885", with: "1988⁵").replacingOccurrences(of: "5 Nations", with: "⁵ Nations"), "\(pipeline)")
        }
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let r = try CLI.run(["-p", "minimal"])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test func missingFileIsOneClearLineAndStatusOne() throws {
        let other = try write("present.txt", Data("présent\n".utf8))
        let r = try CLI.run(["-p", "minimal", "\(tmp)/absent.txt", other])
        #expect(r.status == 1)
        #expect(r.stderr == "ocr-clean: \(tmp)/absent.txt: no such file\n")
        #expect(r.output == "présent\n", "the other input is still cleaned")
    }

    @Test func directoryIsRefusedByName() throws {
        let r = try CLI.run(["-p", "minimal", tmp])
        #expect(r.status == 1)
        #expect(r.stderr == "ocr-clean: \(tmp): is a directory\n")
    }

    @Test func unreadableFileIsRefusedByName() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let path = try write("secret.txt", Data("x\n".utf8))
        chmod(path, 0)
        let r = try CLI.run(["-p", "minimal", path])
        #expect(r.status == 1 && r.stderr.contains(path))
    }

    @Test func invalidUTF8IsReplacedCountedAndReported() throws {
        var bytes = Array("été\nà ".utf8)
        bytes += [0xFF, 0xFE, 0x0A]
        bytes += Array("fin\n".utf8)
        // Enough valid multi-byte text that this is UTF-8 with stray bytes, not a legacy charset.
        bytes = Array(String(repeating: "déjà vu, ", count: 20).utf8) + [0x0A] + bytes
        let r = try CLI.run(["-p", "minimal"], stdin: Data(bytes))
        #expect(r.status == 0)
        #expect(r.output.hasSuffix("été\nà \u{FFFD}\u{FFFD}\nfin\n"))
        #expect(r.stderr == "ocr-clean: stdin: 2 invalid byte sequences replaced by U+FFFD (first on line 3)\n")
    }

    @Test func legacyEncodingIsConvertedAndReported() throws {
        let latin1: [UInt8] = Array("La coop".utf8) + [0xE9] + Array("ration internationale, ".utf8) + [0xE0] + Array(" Vienne\n".utf8)
        let r = try CLI.run(["-p", "minimal"], stdin: Data(latin1))
        #expect(r.status == 0 && r.output == "La coopération internationale, à Vienne\n")
        #expect(r.stderr.hasPrefix("ocr-clean: stdin: read as windows-1252 (not valid UTF-8 at byte 8)"))
        let quiet = try CLI.run(["-p", "minimal", "-q"], stdin: Data(latin1))
        #expect(quiet.stderr.isEmpty)
    }

    @Test func nulBytesAreRemovedAsControlCharacters() throws {
        let r = try CLI.run(["-p", "minimal"], stdin: Data("un\u{0}deux\n\u{0}trois\n".utf8))
        #expect(r.status == 0 && r.output == "undeux\ntrois\n")
    }

    @Test func binaryInputIsRefusedWithStatusOne() throws {
        let gz = try write("scan.txt", Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]))
        let r = try CLI.run(["-p", "minimal", gz])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "ocr-clean: \(gz): not text: a gzip file; not processed (use a pipeline with 'decode binary=accept' to force it)\n")
    }

    @Test func brokenPipelineFileIsStatus64BeforeAnyInputIsRead() throws {
        let bad = try write("bad.pipeline", Data("# Bad.\ndecode\nnormalize apostrophe=curly\n".utf8))
        let r = try CLI.run(["--pipeline", bad, "\(tmp)/does-not-exist.txt"])
        #expect(r.status == 64)
        #expect(r.stderr == "ocr-clean: \(bad):3: bad value 'curly' for option 'apostrophe' of 'normalize': expected one of keep, typographic, ascii\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func brokenWordListIsNamedWithItsLineAndStatus64() throws {
        // A home whose Dictionaries/ are the repository's, but for a damaged English list.
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(tmp)/home/Dictionaries", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(tmp)/home/Pipelines", withDestinationPath: "\(CLI.repository)/Pipelines")
        for name in try fm.contentsOfDirectory(atPath: "\(CLI.repository)/Dictionaries") where name != "en-words.tsv" {
            try fm.createSymbolicLink(atPath: "\(tmp)/home/Dictionaries/\(name)", withDestinationPath: "\(CLI.repository)/Dictionaries/\(name)")
        }
        let list = try write("home/Dictionaries/en-words.tsv", Data("# English words\nmount\t4.47\nMount Everest\t3.1\n".utf8))
        let r = try CLI.run(["-"], stdin: Data("la maison\n".utf8), environment: ["OCRCLEAN_HOME": "\(tmp)/home", "OCRCLEAN_CACHE": "\(tmp)/cache"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("\(list):3: expected 'lowercase ASCII word<TAB>zipf', found 'Mount Everest\t3.1'"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func wordListsOnTheCommandLineAddKnownAndProtectedWords() throws {
        let text = Data("Un égoportralt est utile.\n".utf8)
        let plain = try CLI.run(["-p", "ocr-lines"], stdin: text)
        #expect(plain.output == "Un égoportralt est utile.\n", "a word the lexicon lacks is no correction without the list")
        let terms = try write("terms.txt", Data("égoportrait\n".utf8))
        let listed = try CLI.run(["-p", "ocr-lines", "--lexicon", terms], stdin: text)
        #expect(listed.status == 0 && listed.stderr.isEmpty)
        #expect(listed.output == "Un égoportrait est utile.\n")

        let term = Data("Les sytèmes sont prêts.\n".utf8)
        #expect(try CLI.run(["-p", "ocr-lines"], stdin: term).output == "Les systèmes sont prêts.\n")
        let names = try write("names.txt", Data("sytèmes\n".utf8))
        let kept = try CLI.run(["-p", "ocr-lines", "--protect", names], stdin: term)
        #expect(kept.status == 0 && kept.output == "Les sytèmes sont prêts.\n")

        let none = try CLI.run(["-p", "minimal", "--lexicon", terms], stdin: text)
        #expect(none.status == 64 && none.output.isEmpty)
        #expect(none.stderr == "ocr-clean: --lexicon: the pipeline 'minimal' has no 'repair-words' step to give word lists to\n")
        let missing = try CLI.run(["-p", "ocr-lines", "--lexicon", "\(tmp)/absent.txt"], stdin: text)
        #expect(missing.status == 64 && missing.stderr.contains("\(tmp)/absent.txt: cannot read the word list (no such file)"))
    }

    @Test func setChangesAStepOptionAndABadSettingIsStatus64() throws {
        let text = Data("Premier paragraphe.\n\nSecond paragraphe.\n".utf8)
        let blank = try CLI.run([], stdin: text)
        #expect(blank.output == "Premier paragraphe.\n\nSecond paragraphe.\n")
        let lines = try CLI.run(["--set", "emit.separator=line"], stdin: text)
        #expect(lines.status == 0 && lines.output == "Premier paragraphe.\nSecond paragraphe.\n")
        let shown = try CLI.run(["pipelines", "show", "ocr-lines", "--set", "repair-words.min-confidence=0.9"])
        #expect(shown.status == 0 && shown.output.contains("min-confidence=0.9 "), "pipelines show prints what clean would run")

        let typo = try CLI.run(["--set", "repair-words.min-confidenc=0.9"], stdin: text)
        #expect(typo.status == 64 && typo.output.isEmpty)
        #expect(typo.stderr.contains("--set 'repair-words.min-confidenc=0.9': unknown option 'min-confidenc'"))
        #expect(typo.stderr.contains("Did you mean 'min-confidence'?"))
        let step = try CLI.run(["-p", "minimal", "--set", "repair-words.min-confidence=0.9"], stdin: text)
        #expect(step.status == 64 && step.stderr.contains("the pipeline 'minimal' has no step 'repair-words'"))
        let value = try CLI.run(["--set", "repair-words.min-confidence=2"], stdin: text)
        #expect(value.status == 64 && value.stderr.contains("expected a number from 0.5 to 1.0"))
        let shape = try CLI.run(["--set", "separator"], stdin: text)
        #expect(shape.status == 64 && shape.stderr.contains("expected STEP.OPTION=VALUE"))
    }

    @Test func unknownPipelineNameIsStatus64WithSuggestion() throws {
        let r = try CLI.run(["--pipeline", "minimla"], stdin: Data("x\n".utf8))
        #expect(r.status == 64)
        #expect(r.stderr.contains("no pipeline named 'minimla'") && r.stderr.hasSuffix("Did you mean 'minimal'?\n"))
    }

    @Test func badArgumentsAreStatus64() throws {
        for arguments in [["--no-such-flag"], ["--format", "xml"], ["--jsonl", "--format", "records"]] {
            let r = try CLI.run(arguments)
            #expect(r.status == 64, "\(arguments)")
        }
    }

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && v.output.hasPrefix("ocr-clean ") && v.output.contains("ICU"))
        let h = try CLI.run(["--help"])
        #expect(h.status == 0 && h.output.contains("USAGE") && h.output.contains("ocr-clean < scan.txt > clean.txt"))
        let c = try CLI.run(["clean", "--help"])
        #expect(c.output.contains("--pipeline") && c.output.contains("--jsonl") && c.output.contains("--field"))
    }

    @Test func headEndsQuietlyWithStatusZero() throws {
        var big = ""
        for i in 0..<200_000 { big += "ligne \(i) de la résolution\n" }
        let path = try write("big.txt", Data(big.utf8))
        let r = try CLI.shell("'\(CLI.executable)' -p minimal < '\(path)' | head -1")
        #expect(r.output.hasPrefix("ligne 0 de la résolution\n"))
        let s = try CLI.shell("'\(CLI.executable)' -p minimal < '\(path)' | head -1 >/dev/null; echo ${PIPESTATUS[0]}")
        #expect(s.output == "0\n")
        #expect(r.stderr.isEmpty && s.stderr.isEmpty)
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let target = "\(tmp)/out.txt"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        let ok = try CLI.run(["-p", "minimal", "-o", target], stdin: Data("nouveau\n".utf8))
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(ok.status == 0 && written == "nouveau\n")
        // A failed run leaves the previous file and no temporary file behind.
        let failed = try CLI.run(["-p", "minimal", "-o", target, "\(tmp)/absent"])
        #expect(failed.status == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        let same = try CLI.run(["-p", "minimal", "-o", target, target])
        #expect(same.status == 64)
    }

    @Test func aHundredMegabyteLineIsProcessedInBoundedMemoryWithoutLoss() throws {
        // 100 MB of words on one line, no newline at the end.
        let unit = Array("coopération internationale ".utf8)
        var data = Data()
        data.reserveCapacity(100_000_000 + unit.count)
        while data.count < 100_000_000 { data.append(contentsOf: unit) }
        let path = try write("one-line.txt", data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = "\(tmp)/one-line.out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.shell("/usr/bin/time -f 'rss=%M' '\(CLI.executable)' -p minimal '\(path)' > '\(out)'")
        #expect(r.status == 0)
        let rss = Int(r.stderr.split(separator: "\n").last { $0.hasPrefix("rss=") }?.dropFirst(4) ?? "") ?? Int.max
        #expect(rss < 64 * 1024, "peak RSS \(rss) KB")
        #expect(r.stderr.contains("one-line.txt:1: lines longer than max-line (1048576 bytes) cut into 95 extra pieces at spaces (no text lost)"))
        // Only the trailing space of the very end may go; every other byte is there, in order.
        let output = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(output.count == data.count, "a trailing space and a final newline")
        #expect(output.prefix(data.count - 1) == data.prefix(data.count - 1))
    }

    @Test func recordsFormatIsJSONLines() throws {
        let r = try CLI.run(["-p", "minimal", "--format", "records"], stdin: Data("l'eﬀet\n\u{C}page 2\n".utf8))
        let lines = r.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"kind":"line","text":"l'effet","origin":{"document":"stdin","page":1,"lines":[1,1]},"changes":[{"offset":3,"length":2,"before":"ﬀ","after":"ff","stage":"normalize","rule":"ligature"}]}"#)
        #expect(lines[1] == #"{"kind":"page-break","text":"","origin":{"document":"stdin","page":2,"lines":[1,1]},"changes":[]}"#)
    }

    @Test func diffFormatShowsChangesInline() throws {
        let r = try CLI.run(["-p", "minimal", "--format", "diff"], stdin: Data("l'eﬀet Ã©tÃ©\n".utf8))
        #expect(r.output == "l'e[ﬀ→ff]et [Ã©→é]t[Ã©→é]\n")
    }

    @Test func jsonlRoundTripKeepsUnknownFields() throws {
        let input = #"{"id":"a","text":"l’eﬀet  de","extra":{"k":[1,{"z":null}]},"n":1.5e-3}"# + "\n" + #"{"id":"b","other":true}"# + "\n"
        let r = try CLI.run(["-p", "minimal", "--jsonl"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.output == #"{"id":"a","text":"l’effet de","extra":{"k":[1,{"z":null}]},"n":1.5e-3}"# + "\n" + #"{"id":"b","other":true}"# + "\n")
        #expect(r.stderr == "ocr-clean: stdin: 1 of 2 records have no string at 'text'; written back unchanged\n")
        let nested = try CLI.run(["-p", "minimal", "--jsonl", "--field", "ocr.unit"], stdin: Data(#"{"ocr":{"unit":"a  b"}}"#.utf8))
        #expect(nested.output == #"{"ocr":{"unit":"a b"}}"# + "\n")
    }

    @Test func jsonlBrokenRecordIsReportedWithItsLineAndStatusOne() throws {
        let r = try CLI.run(["-p", "minimal", "--jsonl"], stdin: Data("{\"text\":\"a\"}\n{not json}\n".utf8))
        #expect(r.status == 1)
        #expect(r.output == "{\"text\":\"a\"}\n{not json}\n")
        #expect(r.stderr.hasPrefix("ocr-clean: stdin:2: not valid JSON (expected a key at byte 2); written back unchanged"))
    }

    @Test func pipelinesListShowAndStages() throws {
        let list = try CLI.run(["pipelines", "list"])
        #expect(list.status == 0)
        for name in ["default", "minimal", "ocr-lines"] { #expect(list.output.contains("\n\(name) ") || list.output.hasPrefix("\(name) ")) }
        let show = try CLI.run(["pipelines", "show", "minimal"])
        #expect(show.status == 0 && show.output.contains("normalize  form=nfc mojibake=true"))
        let missing = try CLI.run(["pipelines", "show", "nope"])
        #expect(missing.status == 64)
        let stages = try CLI.run(["stages"])
        #expect(stages.status == 0 && stages.output.hasPrefix("decode\n"))
    }

    @Test func reportFileHoldsStageCounters() throws {
        let report = "\(tmp)/report.json"
        let r = try CLI.run(["-p", "minimal", "--report", report], stdin: Data("a  b\nl'eﬀet\n".utf8))
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let stages = json?["stages"] as? [String: [String: Int]]
        #expect(stages?["normalize"]?["ligature"] == 1 && stages?["normalize"]?["spaces"] == 1)
        #expect(stages?["decode"]?["lines"] == 2)
    }
}
