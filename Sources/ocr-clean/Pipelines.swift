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
        static let configuration = CommandConfiguration(abstract: "Print a pipeline with every option, defaults filled in.")

        @Argument(help: "Pipeline name or path.")
        var pipeline: String

        func run() throws {
            do {
                let file = try PipelineLoader.file(pipeline, resources: Resources.standard())
                _ = try Pipeline(file, resources: Resources.standard())
                print(file.effectiveText(), terminator: "")
            } catch let error as PipelineFileError {
                warn(error.description)
                throw ExitCode(64)
            }
        }
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every stage a pipeline file may use, with its options and defaults.")

    func run() throws {
        print(StageRegistry.listing(), terminator: "")
    }
}
