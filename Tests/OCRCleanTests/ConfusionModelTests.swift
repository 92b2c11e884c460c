@testable import OCRClean
import OCRCleanTestSupport
import Testing

/// The folded variants the candidate search probes: every string one confusion away, or two when
/// one of them is cheap, each with its cheapest cost.
@Suite struct ConfusionModelTests {
    static let model = Result { try CandidateGenerator.french(resources: CLI.resources).model }

    /// The variants by brute force: every rule at every place, then, after a cheap one, every
    /// rule at every place again, in both orders.
    static func bruteForce(_ model: ConfusionModel, _ folded: [UInt8], maxCost: Double, cheap: Double) -> [[UInt8]: Double] {
        var out: [[UInt8]: Double] = [:]
        func rules() -> [(observed: [UInt8], intended: [UInt8], cost: Double)] {
            model.foldedRules.map { rule in
                (Array(model.foldedBytes[Int(rule.observed.lowerBound)..<Int(rule.observed.upperBound)]),
                 Array(model.foldedBytes[Int(rule.intended.lowerBound)..<Int(rule.intended.upperBound)]), rule.cost)
            }
        }
        let all = rules()
        func undone(_ s: [UInt8]) -> [([UInt8], Double)] {
            var variants: [([UInt8], Double)] = []
            for i in s.indices {
                for rule in all where i + rule.observed.count <= s.count && Array(s[i..<(i + rule.observed.count)]) == rule.observed {
                    variants.append((Array(s[..<i]) + rule.intended + Array(s[(i + rule.observed.count)...]), rule.cost))
                }
            }
            return variants
        }
        for (one, c1) in undone(folded) where c1 <= maxCost {
            out[one] = min(out[one] ?? .infinity, c1)
            guard c1 <= cheap else { continue }
            for (two, c2) in undone(one) where c1 + 0.8 + c2 <= maxCost {
                out[two] = min(out[two] ?? .infinity, c1 + 0.8 + c2)
            }
        }
        return out
    }

    /// The search skips a cheap confusion before the first one it undid (it was tried first,
    /// with this one after it), and finds the same strings at the same costs as brute force.
    @Test(arguments: ["contrdle", "ceuvre", "rnodernisation", "lnstitutions", "cornrnission", "tbe", "iiii", "clelibérations"])
    func variantsAreThoseOfBruteForce(_ word: String) throws {
        let model = try Self.model.get()
        let folded = Folding.fold(word)
        var found: [[UInt8]: Double] = [:]
        model.foldedVariants(of: folded, maxCost: 2.6, cheap: 0.9) { variant, cost in
            found[Array(variant)] = min(found[Array(variant)] ?? .infinity, cost)
        }
        let expected = Self.bruteForce(model, folded, maxCost: 2.6, cheap: 0.9)
        #expect(Set(found.keys) == Set(expected.keys), "\(word)")
        for (variant, cost) in expected {
            #expect(abs((found[variant] ?? .infinity) - cost) < 1e-9, "\(word) → \(String(decoding: variant, as: UTF8.self))")
        }
        #expect(!found.isEmpty)
    }
}
