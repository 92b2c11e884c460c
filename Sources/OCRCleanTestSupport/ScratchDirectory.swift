import Foundation

/// A fresh folder under the system's temporary directory for one test, removed with everything in
/// it when the test's suite instance goes away, so a test run leaves nothing behind in `/tmp`.
/// Hold it in a stored property of the suite: Swift Testing makes one suite instance per test.
public final class ScratchDirectory: Sendable {
    public let path: String

    /// `prefix` names the folder (`ocr-clean-cli-…`) so that a failed removal is easy to trace.
    public init(_ prefix: String) {
        path = NSTemporaryDirectory() + "\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
