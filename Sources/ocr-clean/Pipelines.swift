import ArgumentParser
import OCRClean

struct Pipelines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the pipelines found in Pipelines/ or show one with every default filled in.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pipelines and what they are for.")

        func run() throws {
            let resources = Resources.standard()
            let found = resources.list(folder: "Pipelines", ext: ".pipeline")
            if found.isEmpty {
                warn("no pipelines found in \(resources.roots.map { $0 + "/Pipelines" }.joined(separator: ", "))")
                throw ExitCode(1)
            }
            let width = found.map(\.name.count).max() ?? 0
            for (name, path) in found {
                let summary = (try? PipelineFile.load(path: path))?.description.first ?? "(cannot be loaded: see 'ocr-clean pipelines show \(name)')"
                print(name + String(repeating: " ", count: width - name.count) + "  " + summary)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a pipeline with every option, defaults filled in (and the command line's changes, as clean would run it).")

        @Argument(help: "Pipeline name or path.")
        var pipeline: String

        @OptionGroup var adjustments: PipelineAdjustments

        /// With `--set`, `--lexicon` or `--protect`: the pipeline as `clean` would run it.
        func run() throws {
            let template = try loadPipeline(pipeline, overrides: adjustments.overrides, resources: Resources.standard())
            print(template.file.effectiveText(), terminator: "")
        }
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every stage a pipeline file may use, with its options and defaults.")

    func run() throws {
        print(StageRegistry.listing(), terminator: "")
    }
}
