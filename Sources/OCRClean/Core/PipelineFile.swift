/// A pipeline file: one step per line, a step name followed by `key=value` options.
///
/// ```
/// # Pipelines/minimal.pipeline — normalization only
/// decode     encoding=auto
/// normalize  form=nfc apostrophe=keep
/// ```
///
/// `#` starts a comment; blank lines are ignored; values containing spaces are quoted (`"…"`).
/// `as=NAME` names an instance when a stage is used twice. `decode` may only come first and `emit`
/// only last. Every name and option is checked against `StageRegistry` when the file is loaded,
/// before any input is read; errors carry `file:line` and the nearest known name.
public struct PipelineFile: Sendable {
    public struct Step: Sendable, Hashable {
        public var name: String
        /// Instance name: `as=` or the stage name (with `#2`, `#3` for later uses of the same stage).
        public var instance: String
        /// The options written in the file (defaults not filled in).
        public var options: [(String, String)]
        public var line: Int

        public static func == (a: Step, b: Step) -> Bool {
            a.name == b.name && a.instance == b.instance && a.line == b.line
                && a.options.map(\.0) == b.options.map(\.0) && a.options.map(\.1) == b.options.map(\.1)
        }
        public func hash(into h: inout Hasher) { h.combine(name); h.combine(instance); h.combine(line) }
    }

    /// The pipeline's name (file name without `.pipeline`).
    public var name: String
    public var path: String
    /// The comment lines at the top of the file, without `#`.
    public var description: [String]
    public var steps: [Step]

    /// Reads and checks a pipeline file.
    public static func load(path: String) throws -> PipelineFile {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch let failure as FileSystem.Failure {
            throw PipelineFileError(file: path, line: nil, message: "cannot read the pipeline file (\(failure.reason))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PipelineFileError(file: path, line: nil, message: "the pipeline file is not UTF-8 text")
        }
        let base = FileSystem.name(of: path)
        let name = base.hasSuffix(".pipeline") ? String(base.dropLast(9)) : base
        return try parse(text, name: name, path: path)
    }

    /// Parses and checks pipeline text; `path` is used in error messages.
    public static func parse(_ text: String, name: String, path: String) throws -> PipelineFile {
        var description: [String] = []
        var steps: [Step] = []
        var inHeader = true
        var uses: [String: Int] = [:]
        var instances = Set<String>()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") {
                if inHeader {
                    var comment = trimmed.dropFirst()
                    if comment.hasPrefix(" ") { comment = comment.dropFirst() }
                    description.append(String(comment))
                }
                continue
            }
            inHeader = false
            let words = try tokenize(trimmed, file: path, line: lineNumber)
            guard let stageName = words.first else { continue }
            guard let step = StageRegistry.step(named: stageName) else {
                throw PipelineFileError(
                    file: path, line: lineNumber,
                    message: "unknown stage '\(stageName)' (known: \(StageRegistry.allNames.joined(separator: ", ")))",
                    suggestion: Suggest.nearest(stageName, in: StageRegistry.allNames))
            }
            var options: [(String, String)] = []
            var instance: String?
            for word in words.dropFirst() {
                guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                    throw PipelineFileError(
                        file: path, line: lineNumber,
                        message: "expected key=value after '\(stageName)', found '\(word)'")
                }
                let key = String(word[..<eq])
                let value = String(word[word.index(after: eq)...])
                if key == "as" {
                    guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "#" }) else {
                        throw PipelineFileError(file: path, line: lineNumber, message: "as= needs a name of letters, digits and '-', found '\(value)'")
                    }
                    instance = value
                    continue
                }
                guard let spec = step.options.first(where: { $0.name == key }) else {
                    let known = step.options.map(\.name)
                    throw PipelineFileError(
                        file: path, line: lineNumber,
                        message: "unknown option '\(key)' for '\(stageName)' (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
                        suggestion: Suggest.nearest(key, in: known))
                }
                if options.contains(where: { $0.0 == key }) {
                    throw PipelineFileError(file: path, line: lineNumber, message: "option '\(key)' is given twice for '\(stageName)'")
                }
                if let expected = spec.validate(value) {
                    var suggestion: String?
                    if case .choice(let values) = spec.kind { suggestion = Suggest.nearest(value, in: values) }
                    throw PipelineFileError(
                        file: path, line: lineNumber,
                        message: "bad value '\(value)' for option '\(key)' of '\(stageName)': expected \(expected)",
                        suggestion: suggestion)
                }
                options.append((key, value))
            }
            if stageName == DecodeStep.name && !steps.isEmpty {
                throw PipelineFileError(file: path, line: lineNumber, message: "'decode' must be the first step")
            }
            if let last = steps.last, last.name == EmitStep.name {
                throw PipelineFileError(file: path, line: lineNumber, message: "'emit' must be the last step; found '\(stageName)' after it")
            }
            if (stageName == DecodeStep.name || stageName == EmitStep.name), uses[stageName] != nil {
                throw PipelineFileError(file: path, line: lineNumber, message: "'\(stageName)' may appear only once")
            }
            let n = (uses[stageName] ?? 0) + 1
            uses[stageName] = n
            let resolved = instance ?? (n == 1 ? stageName : "\(stageName)#\(n)")
            guard instances.insert(resolved).inserted else {
                throw PipelineFileError(file: path, line: lineNumber, message: "instance name '\(resolved)' is used twice; give one of them as=NAME")
            }
            steps.append(Step(name: stageName, instance: resolved, options: options, line: lineNumber))
        }
        if steps.isEmpty {
            throw PipelineFileError(file: path, line: nil, message: "the pipeline has no steps")
        }
        return PipelineFile(name: name, path: path, description: description, steps: steps)
    }

    /// Splits a line into words; `"…"` quotes a value with spaces (`\"` and `\\` escape inside).
    static func tokenize(_ line: Substring, file: String, line number: Int) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\\" {
                    guard let next = iterator.next() else { break }
                    current.append(next)
                } else if c == "\"" {
                    quoted = false
                } else {
                    current.append(c)
                }
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            case "#" where !inWord:
                return words
            case "\"":
                quoted = true
                inWord = true
            default:
                current.append(c)
                inWord = true
            }
        }
        if quoted { throw PipelineFileError(file: file, line: number, message: "unterminated quote") }
        if inWord { words.append(current) }
        return words
    }

    /// The files the steps' path options name (word lists), in step order.
    public var referencedFiles: [String] {
        steps.flatMap { step -> [String] in
            guard let type = StageRegistry.step(named: step.name) else { return [] }
            let options = StageOptions(Dictionary(step.options, uniquingKeysWith: { a, _ in a }), specs: type.options)
            return type.options.filter { $0.kind == .paths }.flatMap { options.list($0.name) }
        }
    }

    /// The file as `pipelines show` prints it: every step with every option, defaults filled in.
    public func effectiveText() -> String {
        var out = "# \(name) (\(path))\n"
        for line in description where !line.isEmpty { out += "# \(line)\n" }
        var all = steps
        if all.first?.name != DecodeStep.name {
            all.insert(Step(name: DecodeStep.name, instance: DecodeStep.name, options: [], line: 0), at: 0)
        }
        if all.last?.name != EmitStep.name {
            all.append(Step(name: EmitStep.name, instance: EmitStep.name, options: [], line: 0))
        }
        let width = all.map(\.name.count).max() ?? 0
        for step in all {
            guard let type = StageRegistry.step(named: step.name) else { continue }
            var words: [String] = []
            if step.instance != step.name && !step.instance.hasPrefix(step.name + "#") { words.append("as=\(step.instance)") }
            for spec in type.options {
                let value = step.options.first { $0.0 == spec.name }?.1 ?? spec.defaultValue
                words.append("\(spec.name)=\(Self.quoteIfNeeded(value))")
            }
            let padded = step.name.padded(to: width)
            out += words.isEmpty ? "\(step.name)\n" : "\(padded)  \(words.joined(separator: " "))\n"
        }
        return out
    }

    static func quoteIfNeeded(_ value: String) -> String {
        if value.isEmpty || value.contains(" ") || value.contains("\t") || value.contains("#") || value.contains("\"") {
            var quoted = "\""
            for c in value {
                if c == "\\" || c == "\"" { quoted.append("\\") }
                quoted.append(c)
            }
            return quoted + "\""
        }
        return value
    }
}

/// A pipeline file that cannot be used, with its location and, where one is close, a suggestion.
public struct PipelineFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String
    public var suggestion: String?

    public init(file: String, line: Int?, message: String, suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var s = line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        if let suggestion { s += ". Did you mean '\(suggestion)'?" }
        return s
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggest {
    /// The known name nearest to `word`, when it is close enough to be a likely typo.
    static func nearest(_ word: String, in known: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in known {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = distance(w, c)
            let limit = max(1, min(3, c.count / 3))
            let prefix = c.starts(with: w) && w.count >= 3
            if (d <= limit || prefix), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
