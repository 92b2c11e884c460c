import ArgumentParser
import Glibc
import OCRClean

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the lexicon: statistics, or how words are looked up.",
        subcommands: [Stats.self, Lookup.self, Explain.self],
        defaultSubcommand: Stats.self)

    struct Options: ParsableArguments {
        @Option(name: .customLong("lexicon"), help: "Extra word list (one form per line); may be repeated.")
        var lexicons: [String] = []

        func load() throws -> Lexicon {
            do {
                return try Lexicon.french(resources: Resources.standard(), userLists: lexicons)
            } catch {
                warn("\(error)")
                throw ExitCode(1)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load (and on first use compile) the lexicon and print its size.")
        @OptionGroup var options: Options

        func run() throws {
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            let lexicon = try options.load()
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            let ms = Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1e6
            print("forms: \(lexicon.compiled.wordCount)")
            print("folded keys: \(lexicon.compiled.foldCount)")
            print("domain word pairs: \(lexicon.pairs.count)")
            print("files: \(lexicon.files.joined(separator: ", "))")
            print("loaded in \(Int(ms.rounded())) ms")
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the entries, frequencies and accent-folded neighbours of words.")
        @OptionGroup var options: Options
        @Argument(help: "Words to look up.") var words: [String]

        func run() throws {
            let lexicon = try options.load()
            let c = lexicon.compiled
            for word in words {
                if let e = c.entry(Array(word.utf8)) {
                    print("\(word): known, zipf \(c.zipf(e)), flags \(String(c.flags(e), radix: 2))")
                } else {
                    print("\(word): unknown")
                }
                if let f = c.fold(Folding.fold(word)) {
                    let forms = c.entries(ofFold: f).map { "\(c.formString(Int($0))) (\(c.zipf(Int($0))))" }
                    print("  same letters without accents: \(forms.joined(separator: ", "))")
                }
            }
        }
    }
}

extension Dict {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how repair-words would judge words: candidates, scores and the decision.")
        @OptionGroup var options: Options
        @Option(help: "Pipeline whose repair-words settings to use.") var pipeline = "default"
        @Argument(help: "Words (a phrase in quotes is cleaned as a line).") var words: [String]

        func run() throws {
            let resources = Resources.standard()
            let template = try PipelineLoader.load(pipeline, resources: resources)
            for word in words {
                var pipeline = template.resettingCounts()
                for record in try DocumentRunner.records(of: word + "\n", document: "explain", pipeline: &pipeline) {
                    print("\(word) → \(record.text)")
                    for change in record.changes {
                        let confidence = change.confidence.map { " \(Double(Int($0 * 1000)) / 1000)" } ?? ""
                        print("  \(change.before) → \(change.after)  [\(change.stage)/\(change.rule)\(confidence)]")
                    }
                }
                if !word.contains(" ") { print(try RepairWords.explain(word, resources: resources), terminator: "") }
            }
        }
    }
}
