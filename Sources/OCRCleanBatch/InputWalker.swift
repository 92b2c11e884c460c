import Glibc
import OCRClean

/// Finds the documents of a batch: the `.txt` (and with `jsonl`, `.jsonl`) files given or found
/// in the directories given, each with its path relative to the root it was found under, which
/// is its path under `--out`.
///
/// Refused, with a reason, never followed: a symbolic link that leads outside its input root,
/// a relative path that would climb out of `--out` (`..`), the output directory itself when it
/// lies inside an input directory. Hidden files and directories (`.git`, temporary files) are
/// passed over.
public struct InputWalker {
    public struct Document: Sendable, Hashable {
        /// The file to read.
        public var input: String
        /// The path under `--out` (and the catalog key).
        public var relative: String
        public var size: Int
    }

    public struct Refusal: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    public private(set) var documents: [Document] = []
    public private(set) var refused: [Refusal] = []

    let extensions: [String]
    let outputRoot: String?

    /// Walks `inputs`; `output` (resolved) is never entered.
    public init(inputs: [String], extensions: [String] = [".txt"], output: String? = nil) {
        self.extensions = extensions
        outputRoot = output.flatMap(Self.resolve)
        for input in inputs {
            guard let root = Self.resolve(input) else {
                refused.append(Refusal(path: input, reason: "no such file or directory"))
                continue
            }
            if FileSystem.isDirectory(root) {
                walk(root: root, directory: root, shown: input)
            } else if FileSystem.isRegularFile(root) {
                add(input: root, relative: FileSystem.name(of: input), shown: input)
            } else {
                refused.append(Refusal(path: input, reason: "not a regular file or directory"))
            }
        }
        documents.sort { $0.relative < $1.relative }
        // Two inputs that would write the same output: the later ones are refused.
        var seen = Set<String>()
        documents = documents.filter { d in
            if seen.insert(d.relative).inserted { return true }
            refused.append(Refusal(path: d.input, reason: "another input already writes \(d.relative)"))
            return false
        }
    }

    private mutating func walk(root: String, directory: String, shown: String) {
        for name in FileSystem.list(directory).sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let shownPath = shown + "/" + String(path.dropFirst(root.count + 1))
            var info = stat()
            guard lstat(path, &info) == 0 else {
                refused.append(Refusal(path: shownPath, reason: String(cString: strerror(errno))))
                continue
            }
            var target = path
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let resolved = Self.resolve(path) else {
                    refused.append(Refusal(path: shownPath, reason: "broken symbolic link"))
                    continue
                }
                guard resolved == root || resolved.hasPrefix(root + "/") else {
                    refused.append(Refusal(path: shownPath, reason: "symbolic link leads outside \(shown) (to \(resolved))"))
                    continue
                }
                target = resolved
            }
            if let outputRoot, target == outputRoot || target.hasPrefix(outputRoot + "/") { continue }
            let relative = String(path.dropFirst(root.count + 1))
            if FileSystem.isDirectory(target) {
                // A link to a directory inside the root is walked through its resolved path
                // only when that is not an ancestor (no loops).
                if target != path && (path.hasPrefix(target + "/") || target == root) { continue }
                walkLinked(root: root, directory: target, relativePrefix: relative, shown: shown)
            } else if FileSystem.isRegularFile(target) {
                add(input: target, relative: relative, shown: shownPath)
            }
        }
    }

    private mutating func walkLinked(root: String, directory: String, relativePrefix: String, shown: String) {
        guard relativePrefix.split(separator: "/").count < 64 else { return }
        for name in FileSystem.list(directory).sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let relative = relativePrefix + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var target = path
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let resolved = Self.resolve(path), resolved.hasPrefix(root + "/") else {
                    refused.append(Refusal(path: shown + "/" + relative, reason: "symbolic link leads outside \(shown)"))
                    continue
                }
                target = resolved
            }
            if FileSystem.isDirectory(target) {
                if path.hasPrefix(target + "/") || target == root { continue }
                walkLinked(root: root, directory: target, relativePrefix: relative, shown: shown)
            } else if FileSystem.isRegularFile(target) {
                add(input: target, relative: relative, shown: shown + "/" + relative)
            }
        }
    }

    private mutating func add(input: String, relative: String, shown: String) {
        let lower = relative.lowercased()
        guard extensions.contains(where: { lower.hasSuffix($0) }) else { return }
        guard Self.isSafe(relative) else {
            refused.append(Refusal(path: shown, reason: "its output path '\(relative)' would leave the output directory"))
            return
        }
        var info = stat()
        let size = stat(input, &info) == 0 ? Int(info.st_size) : 0
        documents.append(Document(input: input, relative: relative, size: size))
    }

    /// A relative path that stays inside the directory it is joined to: not absolute, no `..`,
    /// no empty or `.` components, no NUL or control characters.
    public static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/") else { return false }
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
        }
        return !relative.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// The canonical absolute path (symbolic links resolved), or nil.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
