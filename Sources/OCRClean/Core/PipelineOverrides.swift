/// Changes the command line makes to a pipeline file's options, checked as the file itself is.
///
/// ```
/// ocr-clean --set repair-words.min-confidence=0.9 --set emit.separator=line scan.txt
/// ocr-clean --lexicon terms.txt --protect names.txt scan.txt
/// ```
///
/// `--set STEP.OPTION=VALUE` replaces one option: a stage name sets it on every step of that
/// stage, an instance name (`as=`, `repair-words#2`) on that step only; `decode` and `emit` may be
/// set even when the file leaves them implicit. `--lexicon` and `--protect` add word lists to
/// those of every `repair-words` step. A pipeline without that step is an error, not a silent
/// no-op: the user asked for something the pipeline cannot do.
public struct PipelineOverrides: Sendable {
    public var settings: [String]
    public var lexicons: [String]
    public var protected: [String]

    public init(settings: [String] = [], lexicons: [String] = [], protected: [String] = []) {
        self.settings = settings
        self.lexicons = lexicons
        self.protected = protected
    }

    /// The file with the changes made; errors name the command-line option at fault.
    public func apply(to file: PipelineFile) throws -> PipelineFile {
        var file = file
        for setting in settings { try set(setting, in: &file) }
        for (option, paths, flag) in [("lexicon", lexicons, "--lexicon"), ("protect", protected, "--protect")] where !paths.isEmpty {
            let steps = file.steps.indices.filter { file.steps[$0].name == RepairWords.name }
            guard !steps.isEmpty else {
                throw PipelineFileError(file: flag, line: nil, message: "the pipeline '\(file.name)' has no '\(RepairWords.name)' step to give word lists to")
            }
            for i in steps {
                let current = file.steps[i].options.first { $0.0 == option }?.1 ?? ""
                let list = (current.isEmpty ? [] : [current]) + paths
                Self.put(option, list.joined(separator: ","), in: &file.steps[i])
            }
        }
        return file
    }

    private func set(_ setting: String, in file: inout PipelineFile) throws {
        let fail = { (message: String, suggestion: String?) in
            PipelineFileError(file: "--set '\(setting)'", line: nil, message: message, suggestion: suggestion)
        }
        guard let eq = setting.firstIndex(of: "="), let dot = setting[..<eq].lastIndex(of: "."),
              dot != setting.startIndex, setting.index(after: dot) < eq else {
            throw fail("expected STEP.OPTION=VALUE (e.g. repair-words.min-confidence=0.9)", nil)
        }
        let target = String(setting[..<dot])
        let key = String(setting[setting.index(after: dot)..<eq])
        let value = String(setting[setting.index(after: eq)...])
        if [DecodeStep.name, EmitStep.name].contains(target), !file.steps.contains(where: { $0.name == target }) {
            let step = PipelineFile.Step(name: target, instance: target, options: [], line: 0)
            if target == DecodeStep.name { file.steps.insert(step, at: 0) } else { file.steps.append(step) }
        }
        let matching = file.steps.indices.filter { file.steps[$0].instance == target || file.steps[$0].name == target }
        guard let first = matching.first, let type = StageRegistry.step(named: file.steps[first].name) else {
            let known = Array(Set(file.steps.map(\.name) + file.steps.map(\.instance) + [DecodeStep.name, EmitStep.name])).sorted()
            throw fail("the pipeline '\(file.name)' has no step '\(target)' (it has: \(known.joined(separator: ", ")))", Suggest.nearest(target, in: known))
        }
        guard let spec = type.options.first(where: { $0.name == key }) else {
            let known = type.options.map(\.name)
            throw fail("unknown option '\(key)' for '\(file.steps[first].name)' (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
                       Suggest.nearest(key, in: known))
        }
        if let expected = spec.validate(value) {
            var suggestion: String?
            if case .choice(let values) = spec.kind { suggestion = Suggest.nearest(value, in: values) }
            throw fail("bad value '\(value)' for option '\(key)' of '\(file.steps[first].name)': expected \(expected)", suggestion)
        }
        for i in matching { Self.put(key, value, in: &file.steps[i]) }
    }

    private static func put(_ key: String, _ value: String, in step: inout PipelineFile.Step) {
        if let k = step.options.firstIndex(where: { $0.0 == key }) {
            step.options[k].1 = value
        } else {
            step.options.append((key, value))
        }
    }
}
