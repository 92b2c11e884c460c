import Foundation

/// Finds the project's data folders (`Pipelines/`, `Dictionaries/`) and holds what is loaded from
/// them once per process (lexicons), shared by every document and stage copy.
///
/// Search order for a named resource: `$OCRCLEAN_HOME`, the current directory, then the folders
/// above the running executable (a build folder inside the repository, or `<prefix>/bin` next to
/// `<prefix>/share/ocr-clean`).
public final class Resources: Sendable {
    /// Folders that may hold `Pipelines/` and `Dictionaries/`, in search order.
    public let roots: [String]
    /// Where compiled lexicons are cached.
    public let cacheDirectory: String

    public init(roots: [String], cacheDirectory: String? = nil) {
        self.roots = roots
        self.cacheDirectory = cacheDirectory ?? Resources.defaultCacheDirectory()
    }

    /// The standard search roots for a process started from the command line.
    public static func standard() -> Resources {
        var roots: [String] = []
        let env = ProcessInfo.processInfo.environment
        if let home = env["OCRCLEAN_HOME"], !home.isEmpty { roots.append(home) }
        roots.append(FileManager.default.currentDirectoryPath)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            for _ in 0..<6 {
                let share = (dir as NSString).appendingPathComponent("share/ocr-clean")
                if FileManager.default.fileExists(atPath: (share as NSString).appendingPathComponent("Pipelines")) {
                    roots.append(share)
                }
                if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("Pipelines"))
                    && FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("Package.swift")) {
                    roots.append(dir)
                }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir { break }
                dir = parent
            }
        }
        var seen = Set<String>()
        return Resources(roots: roots.filter { seen.insert($0).inserted })
    }

    static func defaultCacheDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["OCRCLEAN_CACHE"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/ocr-clean" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.cache/ocr-clean" }
        return NSTemporaryDirectory() + "ocr-clean-cache"
    }

    /// Every file named `name` in `folder` of the roots, in search order.
    public func candidates(folder: String, name: String) -> [String] {
        roots.map { "\($0)/\(folder)/\(name)" }
    }

    /// The first existing file `folder/name` in the roots, or nil.
    public func locate(folder: String, name: String) -> String? {
        candidates(folder: folder, name: name).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// Names (without extension) of the files ending in `ext` in `folder` of every root, first root first.
    public func list(folder: String, ext: String) -> [(name: String, path: String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for root in roots {
            let dir = "\(root)/\(folder)"
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for item in items.sorted() where item.hasSuffix(ext) {
                let name = String(item.dropLast(ext.count))
                if seen.insert(name).inserted { result.append((name, "\(dir)/\(item)")) }
            }
        }
        return result
    }
}
