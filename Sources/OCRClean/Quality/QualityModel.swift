import Glibc

/// The coefficients of the estimated character error rate (`Dictionaries/quality-model.tsv`,
/// written by `Dictionaries/fit-quality.py`): lines `name<TAB>value[<TAB>cap]`, `#` comments;
/// `CER = exp(intercept + Σ coefficient · x) + misplaced spaces per character` over the features
/// of `QualityMetrics` named in `features`, where `x = min(feature, cap)` (the cap: the largest
/// value the model was fitted on), or `log(min(feature, cap) + offset)` when the file sets
/// `log-offset` (a power law: twice the unknown words do not add as much again to a page already
/// full of them).
struct QualityModel: Sendable {
    var intercept = -5.0
    var logOffset: Double?
    var coefficients: [(name: String, value: Double, cap: Double)] = []

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
        "repaired": { $0.repairedShare },
        "letters": { $0.letterCostPerWord },
        "implausible": { $0.implausibleShare },
    ]

    init(resources: Resources) throws {
        guard let path = resources.locate(folder: "Dictionaries", name: Self.file) else {
            throw LexiconSources.Failure(file: Self.file, line: nil, message: "quality model not found in Dictionaries/")
        }
        for (number, line) in try LexiconSources.lines(of: path) {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 || fields.count == 3, let value = Double(fields[1]),
                  let cap = fields.count == 3 ? Double(fields[2]) : Double.infinity else {
                throw LexiconSources.Failure(file: path, line: number, message: "expected NAME<TAB>NUMBER[<TAB>CAP]")
            }
            let name = String(fields[0])
            if name == "intercept" {
                intercept = value
            } else if name == "log-offset" {
                guard value > 0 else { throw LexiconSources.Failure(file: path, line: number, message: "log-offset must be positive") }
                logOffset = value
            } else if Self.features[name] != nil {
                coefficients.append((name, value, cap))
            } else {
                throw LexiconSources.Failure(file: path, line: number, message: "unknown feature '\(name)' (known: \(Self.features.keys.sorted().joined(separator: ", ")))")
            }
        }
    }

    func estimate(_ m: QualityMetrics, countsSpaces: Bool = true) -> Double {
        guard m.words > 0 else { return 0 }
        var x = intercept
        for (name, c, cap) in coefficients {
            let feature = min(cap, Self.features[name]!(m))
            x += c * (logOffset.map { log(feature + $0) } ?? feature)
        }
        // A misplaced space is one character wrong whatever the engine: counted as such, outside
        // the fit (the generated training pages have none).
        return min(1, exp(x) + (countsSpaces ? m.misplacedSpaceShare : 0))
    }
}
