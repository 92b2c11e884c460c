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
    let lexicons = LexiconCache()

    public init(roots: [String], cacheDirectory: String? = nil) {
        self.roots = roots
        self.cacheDirectory = cacheDirectory ?? Resources.defaultCacheDirectory()
    }

    /// The standard search roots for a process started from the command line.
    public static func standard() -> Resources {
        var roots: [String] = []
        if let home = FileSystem.environment("OCRCLEAN_HOME") { roots.append(home) }
        roots.append(FileSystem.currentDirectory)
        if let exe = FileSystem.executable {
            var dir = FileSystem.directory(of: exe)
            for _ in 0..<6 where !dir.isEmpty {
                let share = dir + "/share/ocr-clean"
                if FileSystem.isDirectory(share + "/Pipelines") { roots.append(share) }
                if FileSystem.isDirectory(dir + "/Pipelines") && FileSystem.isRegularFile(dir + "/Package.swift") { roots.append(dir) }
                let parent = FileSystem.directory(of: dir)
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        var seen = Set<String>()
        return Resources(roots: roots.filter { seen.insert($0).inserted })
    }

    static func defaultCacheDirectory() -> String {
        if let dir = FileSystem.environment("OCRCLEAN_CACHE") { return dir }
        if let xdg = FileSystem.environment("XDG_CACHE_HOME") { return xdg + "/ocr-clean" }
        if let home = FileSystem.environment("HOME") { return home + "/.cache/ocr-clean" }
        return (FileSystem.environment("TMPDIR") ?? "/tmp") + "/ocr-clean-cache"
    }

    /// Every file named `name` in `folder` of the roots, in search order.
    public func candidates(folder: String, name: String) -> [String] {
        roots.map { "\($0)/\(folder)/\(name)" }
    }

    /// The first existing file `folder/name` in the roots, or nil.
    public func locate(folder: String, name: String) -> String? {
        candidates(folder: folder, name: name).first { FileSystem.isRegularFile($0) }
    }

    /// Names (without extension) of the files ending in `ext` in `folder` of every root, first root first.
    public func list(folder: String, ext: String) -> [(name: String, path: String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for root in roots {
            let dir = "\(root)/\(folder)"
            for item in FileSystem.list(dir) where item.hasSuffix(ext) {
                let name = String(item.dropLast(ext.count))
                if seen.insert(name).inserted { result.append((name, "\(dir)/\(item)")) }
            }
        }
        return result
    }
}
