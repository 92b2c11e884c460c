/// One option a pipeline step accepts: its name, type, default and help. The single source for
/// validation of pipeline files, `ocr-clean stages` and `pipelines show`.
public struct OptionSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case bool
        case int(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case choice([String])
        /// Comma-separated file paths (word lists): relative paths are taken from the current
        /// folder; the files' contents are part of what a batch run's pipeline version covers.
        case paths
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// A choice option whose values are the raw values of `T`.
    public static func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, _ type: T.Type, default value: T, help: String
    ) -> OptionSpec where T.RawValue == String {
        OptionSpec(name, .choice(T.allCases.map(\.rawValue)), default: value.rawValue, help: help)
    }

    /// Checks a value against the option's type; returns what was expected when it does not fit.
    public func validate(_ value: String) -> String? {
        switch kind {
        case .bool:
            return ["true", "false", "yes", "no", "on", "off"].contains(value) ? nil : "true or false"
        case .int(let range):
            guard let n = Int(value), range.contains(n) else {
                return "a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .number(let range):
            guard let x = Double(value), range.contains(x) else {
                return "a number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .choice(let values):
            return values.contains(value) ? nil : "one of " + values.joined(separator: ", ")
        case .paths:
            return nil
        }
    }

    /// How the type reads in listings: `true|false`, `0…10`, `keep|typographic|ascii`, `paths`.
    public var typeDescription: String {
        switch kind {
        case .bool: return "true|false"
        case .int(let r): return "\(r.lowerBound)…\(r.upperBound)"
        case .number(let r): return "\(r.lowerBound)…\(r.upperBound)"
        case .choice(let values): return values.joined(separator: "|")
        case .paths: return "paths"
        }
    }
}

/// The option values of one pipeline step, already validated against its `OptionSpec`s, with
/// defaults filled in.
public struct StageOptions: Sendable, Hashable {
    public private(set) var values: [String: String]

    /// Fills in defaults from `specs`; the values must have been validated (see `PipelineFile`).
    public init(_ given: [String: String] = [:], specs: [OptionSpec]) {
        var all: [String: String] = [:]
        for spec in specs { all[spec.name] = given[spec.name] ?? spec.defaultValue }
        values = all
    }

    public func string(_ name: String) -> String { values[name] ?? "" }

    public func bool(_ name: String) -> Bool { ["true", "yes", "on"].contains(values[name] ?? "") }

    public func int(_ name: String) -> Int { Int(values[name] ?? "") ?? 0 }

    public func number(_ name: String) -> Double { Double(values[name] ?? "") ?? 0 }

    public func choice<T: RawRepresentable>(_ name: String, as type: T.Type) -> T? where T.RawValue == String {
        T(rawValue: values[name] ?? "")
    }

    /// A comma-separated list (empty items dropped).
    public func list(_ name: String) -> [String] {
        (values[name] ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
