/// The last step of a pipeline: how records are written as text (the records and diff formats
/// write every record as it is).
///
/// Text output prints each record's text on its own line, except furniture (running heads,
/// page numbers) and page breaks once lines are joined; footnote records come where the
/// pipeline put them (after the body, with `extract-footnotes`).
public enum EmitStep: StepDescription {
    public static let name = "emit"
    public static let summary = "Write text: one paragraph per line (or blank-line separated); furniture left out."

    public enum Separator: String, CaseIterable, Sendable {
        /// One record per line.
        case line
        /// A blank line between paragraphs (physical lines still end with one line break).
        case blank
    }

    public static let options: [OptionSpec] = [
        .choice("separator", Separator.self, default: .line, help: "Between joined records in text output: a line break, or a blank line."),
        OptionSpec("furniture", .bool, default: "false", help: "Also print furniture (running heads, page numbers, separators) in text output."),
    ]

    public struct Configuration: Sendable, Hashable {
        public var separator: Separator
        public var furniture: Bool

        public init(_ options: StageOptions) {
            separator = options.choice("separator", as: Separator.self) ?? .line
            furniture = options.bool("furniture")
        }

        public init(separator: Separator = .line, furniture: Bool = false) {
            self.separator = separator
            self.furniture = furniture
        }
    }
}
