/// Resolves `--pipeline NAME|PATH` to a loaded pipeline.
///
/// Anything containing `/` or ending in `.pipeline` is a path; otherwise `NAME.pipeline` is
/// looked up in `Pipelines/` of the resource roots (see `Resources`).
public enum PipelineLoader {
    public static func file(_ nameOrPath: String, resources: Resources) throws -> PipelineFile {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".pipeline") {
            return try PipelineFile.load(path: nameOrPath)
        }
        if let path = resources.locate(folder: "Pipelines", name: nameOrPath + ".pipeline") {
            return try PipelineFile.load(path: path)
        }
        let known = resources.list(folder: "Pipelines", ext: ".pipeline").map(\.name)
        throw PipelineFileError(
            file: nameOrPath, line: nil,
            message: "no pipeline named '\(nameOrPath)' (known: \(known.isEmpty ? "none found in \(resources.roots.map { $0 + "/Pipelines" }.joined(separator: ", "))" : known.joined(separator: ", ")))",
            suggestion: Suggest.nearest(nameOrPath, in: known))
    }

    public static func load(_ nameOrPath: String, resources: Resources) throws -> Pipeline {
        try Pipeline(file(nameOrPath, resources: resources), resources: resources)
    }
}
