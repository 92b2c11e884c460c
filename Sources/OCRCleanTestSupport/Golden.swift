import Foundation

/// Golden files: compares a value with a file; `RECORD_GOLDENS=1` rewrites the file and reports
/// "recorded new baseline" so that a recording never passes silently.
public enum Golden {
    /// What is wrong with `actual` against the golden file at `path`, or nil when it matches.
    public static func problem(_ actual: String, file path: String) throws -> String? {
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] != nil
        let existing = try? String(contentsOfFile: path, encoding: .utf8)
        if record || existing == nil {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return "recorded new baseline: \(path)"
        }
        if !actual.utf8.elementsEqual(existing!.utf8) {
            return "\(path) differs:\n\(diff(existing!, actual))"
        }
        return nil
    }

    /// A short line diff: `-` expected, `+` actual.
    public static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : nil
            let y = i < b.count ? String(b[i]) : nil
            if x != y {
                if let x { out.append("-\(i + 1): \(x)") }
                if let y { out.append("+\(i + 1): \(y)") }
            }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
