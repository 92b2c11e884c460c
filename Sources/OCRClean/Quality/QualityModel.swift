import Glibc

/// The coefficients of the estimated character error rate (`Dictionaries/quality-model.tsv`,
/// written by `Dictionaries/fit-quality.py`): lines `name<TAB>value`, `#` comments;
/// `CER = exp(intercept + Σ coefficient · feature)` over the features of `QualityMetrics` named in
/// `features`.
struct QualityModel: Sendable {
    var intercept = -5.0
    var coefficients: [(String, Double)] = []

    static let file = "quality-model.tsv"

    /// The features a model may use, by name.
    static let features: [String: @Sendable (QualityMetrics) -> Double] = [
        "unknown": { $0.unknownShare },
        "unknown_chars": { $0.unknownCharacterShare },
        "garbage": { $0.garbageShare },
        "changes": { $0.changeShare },
        "short": { $0.shortShare },
        "noise": { $0.noiseShare },
        "stray": { $0.strayShare },
    ]

    init(resources: Resources) throws {
        guard let path = resources.locate(folder: "Dictionaries", name: Self.file) else {
            throw LexiconSources.Failure(file: Self.file, line: nil, message: "quality model not found in Dictionaries/")
        }
        for (number, line) in try LexiconSources.lines(of: path) {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let value = Double(fields[1]) else {
                throw LexiconSources.Failure(file: path, line: number, message: "expected NAME<TAB>NUMBER")
            }
            let name = String(fields[0])
            if name == "intercept" {
                intercept = value
            } else if Self.features[name] != nil {
                coefficients.append((name, value))
            } else {
                throw LexiconSources.Failure(file: path, line: number, message: "unknown feature '\(name)' (known: \(Self.features.keys.sorted().joined(separator: ", ")))")
            }
        }
    }

    func estimate(_ m: QualityMetrics) -> Double {
        guard m.words > 0 else { return 0 }
        var x = intercept
        for (name, c) in coefficients { x += c * Self.features[name]!(m) }
        return min(1, exp(x))
    }
}
