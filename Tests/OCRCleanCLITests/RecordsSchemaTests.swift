import Foundation
import OCRCleanTestSupport
import Testing

/// The JSON schema of `--format records` documented in the README is what the binary writes:
/// every record of real documents validates against it.
@Suite struct RecordsSchemaTests {
    static func readmeSchema() throws -> [String: Any] {
        let readme = try String(contentsOfFile: CLI.repository + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- records-schema"))
        let block = readme[start.upperBound...]
        let open = try #require(block.range(of: "```json\n"))
        let close = try #require(block[open.upperBound...].range(of: "```"))
        let json = String(block[open.upperBound..<close.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// A small JSON Schema subset: type, enum, required, properties, additionalProperties, items.
    static func validate(_ value: Any, _ schema: [String: Any], path: String = "$") -> [String] {
        var problems: [String] = []
        if let allowed = schema["enum"] as? [String] {
            if !(value is String) || !allowed.contains(value as! String) { problems.append("\(path): \(value) not in \(allowed)") }
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, item) in object {
                if let sub = properties[key] {
                    problems += validate(item, sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { problems += validate(item, items, path: "\(path)[\(i)]") }
            }
        case "string":
            if !(value is String) { problems.append("\(path): not a string") }
        case "integer":
            if !(value is Int) { problems.append("\(path): not an integer") }
        case "number":
            if !(value is Double || value is Int) { problems.append("\(path): not a number") }
        case "boolean":
            if !(value is Bool) { problems.append("\(path): not a boolean") }
        default:
            break
        }
        return problems
    }

    @Test(arguments: ["000.txt", "001.txt", "002.txt", "004.txt"])
    func recordsOfTheSeedsValidate(_ seed: String) throws {
        let schema = try Self.readmeSchema()
        for pipeline in CLI.resources.list(folder: "Pipelines", ext: ".pipeline").map(\.name) {
            let r = try CLI.run(["-p", pipeline, "--format", "records", CLI.fixtures + "/seeds/" + seed])
            #expect(r.status == 0)
            var count = 0
            for line in r.output.split(separator: "\n") {
                let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
                let problems = Self.validate(value, schema)
                #expect(problems.isEmpty, "\(pipeline) \(seed): \(problems)")
                // offset/length index the text in code points.
                if let object = value as? [String: Any], let text = object["text"] as? String,
                   let changes = object["changes"] as? [[String: Any]] {
                    let scalars = Array(text.unicodeScalars)
                    for change in changes {
                        let offset = change["offset"] as! Int
                        let length = change["length"] as! Int
                        var after = String.UnicodeScalarView()
                        after.append(contentsOf: scalars[offset..<(offset + length)])
                        #expect(String(after) == change["after"] as? String)
                    }
                }
                count += 1
            }
            #expect(count > 0)
        }
    }
}
