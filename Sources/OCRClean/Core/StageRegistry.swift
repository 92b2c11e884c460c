/// Every step a Pipelines/ file may name, in the order `ocr-clean stages` lists them.
///
/// This is the one list: adding a stage means adding it here (and to the golden listing in
/// `Tests/OCRCleanTests/Golden/stages.txt`, so that a rename is a deliberate act).
public enum StageRegistry {
    /// The record-to-record stages.
    public static let stages: [any Stage.Type] = [
        Normalize.self,
        MarkFurniture.self,
        MarkNoise.self,
        ExtractFootnotes.self,
        Dehyphenate.self,
        JoinParagraphs.self,
        ParseMarkdown.self,
        RepairWords.self,
    ]

    /// Every step: `decode`, the stages, `emit`.
    public static let all: [any StepDescription.Type] = [DecodeStep.self] + stages.map { $0 as any StepDescription.Type } + [EmitStep.self]

    public static var allNames: [String] { all.map { $0.name } }

    public static func step(named name: String) -> (any StepDescription.Type)? {
        all.first { $0.name == name }
    }

    /// The listing printed by `ocr-clean stages`.
    public static func listing() -> String {
        var out = ""
        for step in all {
            out += "\(step.name)\n    \(step.summary)\n"
            for option in step.options {
                out += "    \(option.name)=\(option.typeDescription) (default: \(option.defaultValue.isEmpty ? "\"\"" : option.defaultValue))\n"
                out += "        \(option.help)\n"
            }
            out += "\n"
        }
        return out
    }
}
