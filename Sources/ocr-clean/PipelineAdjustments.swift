import ArgumentParser
import OCRClean

/// Command-line changes to the chosen pipeline's options (see `PipelineOverrides`), shared by the
/// commands that clean (`clean`, `batch`, `eval --clean`) and by `pipelines show`.
struct PipelineAdjustments: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set an option of a pipeline step, as in a pipeline file; may be repeated.",
        valueName: "step.option=value"))
    var settings: [String] = []

    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "Add a word list (one form per line) to word repair: its words are known, and preferred as corrections; may be repeated.",
        valueName: "file"))
    var lexicons: [String] = []

    @Option(name: .customLong("protect"), help: ArgumentHelp(
        "Add a list of terms word repair never changes (one per line); may be repeated.",
        valueName: "file"))
    var protected: [String] = []

    var overrides: PipelineOverrides {
        PipelineOverrides(settings: settings, lexicons: lexicons, protected: protected)
    }
}
