import Glibc
import Synchronization

/// The words a pipeline knows: the French forms, their frequencies, the domain lexicon and any
/// user lists, compiled once and memory-mapped (see `CompiledLexicon`), plus the domain's word
/// pairs. Immutable and shared by every document and stage copy.
public final class Lexicon: Sendable {
    public let compiled: CompiledLexicon
    /// Lowercase word pairs of the domain's multiword entries, joined by a space.
    public let pairs: Set<[UInt8]>
    /// The same pairs as the domain writes them (`États Membres`).
    public let casedPairs: Set<[UInt8]>
    /// Those pairs by one word, for the word beside it.
    public let pairIndex: DomainPairIndex
    /// Lowercase words that open the paragraphs of resolutions (`réaffirme`, `rappelant`).
    public let openers: Set<[UInt8]>
    /// Names of bodies and instruments and terms of three words or more.
    let phrases: DomainPhrases
    /// English words French text quotes, with their English frequency (not known words).
    public let english: EnglishWords
    /// The files it was built from.
    public let files: [String]

    init(compiled: CompiledLexicon, side: SideLists, files: [String]) {
        self.compiled = compiled
        self.pairs = side.pairs
        self.casedPairs = side.casedPairs
        self.pairIndex = DomainPairIndex(casedPairs: side.casedPairs)
        self.openers = side.openers
        self.phrases = side.phrases
        self.english = side.english
        self.files = files
    }

    /// The word lists of the built-in French lexicon, relative to `Dictionaries/`.
    public static let frenchFiles = (forms: "fr-words.txt", variants: "fr-variants.txt", zipf: "fr-zipf.tsv", domain: "fr-domain.tsv",
                                     english: "en-words.tsv")

    /// The French lexicon found in `Dictionaries/` of the resource roots, plus user word lists
    /// (one form per line, optional part-of-speech letters after a tab).
    public static func french(resources: Resources, userLists: [String] = []) throws -> Lexicon {
        var paths: [(String, String)] = []
        for (role, name) in [("forms", frenchFiles.forms), ("variants", frenchFiles.variants), ("zipf", frenchFiles.zipf), ("domain", frenchFiles.domain),
                             ("english", frenchFiles.english)] {
            guard let path = resources.locate(folder: "Dictionaries", name: name) else {
                throw LexiconSources.Failure(
                    file: name, line: nil,
                    message: "word list not found in \(resources.roots.map { $0 + "/Dictionaries" }.joined(separator: ", ")); set OCRCLEAN_HOME to the folder holding Dictionaries/")
            }
            paths.append((role, path))
        }
        for list in userLists { paths.append(("user", list)) }
        return try resources.lexicon(for: paths)
    }

    /// Reads the sources and compiles them (no cache).
    static func compile(_ paths: [(role: String, path: String)]) throws -> [UInt8] {
        var sources = LexiconSources()
        for (role, path) in paths {
            switch role {
            case "forms": try sources.addForms(path: path, source: LexiconFlags.dicollecte)
            case "variants": try sources.addForms(path: path, source: LexiconFlags.variant)
            case "zipf": try sources.addZipf(path: path)
            case "domain": try sources.addDomain(path: path)
            case "english": continue
            default: try sources.addForms(path: path, source: LexiconFlags.user)
            }
        }
        return LexiconBuilder.build(sources)
    }

    /// What is read at every load rather than compiled (the files are small): the domain's word
    /// pairs, openers and phrases and the English words.
    struct SideLists {
        var pairs: Set<[UInt8]> = []
        var casedPairs: Set<[UInt8]> = []
        var openers: Set<[UInt8]> = []
        var phrases = DomainPhrases()
        var english = EnglishWords()

        init(_ paths: [(role: String, path: String)]) throws {
            var sources = LexiconSources()
            for (role, path) in paths {
                if role == "domain" { try sources.addDomain(path: path) }
                if role == "english" { english = try EnglishWords(path: path) }
            }
            pairs = sources.pairs
            casedPairs = sources.casedPairs
            openers = sources.openers
            phrases = sources.phrases
        }
    }
}

/// Lexicons loaded in this process, by the files they are built from.
final class LexiconCache: Sendable {
    private let loaded = Mutex<[String: Lexicon]>([:])

    func lexicon(key: String, load: () throws -> Lexicon) rethrows -> Lexicon {
        if let hit = loaded.withLock({ $0[key] }) { return hit }
        let lexicon = try load()
        loaded.withLock { $0[key] = $0[key] ?? lexicon }
        return loaded.withLock { $0[key]! }
    }
}

extension Resources {
    /// Removes compiled lexicons other than the newest few (older word lists, older versions).
    func removeStaleLexicons(keeping current: String) {
        let files = FileSystem.list(cacheDirectory).filter { $0.hasPrefix("lexicon-") && $0.hasSuffix(".bin") }
            .map { "\(cacheDirectory)/\($0)" }
        guard files.count > 4 else { return }
        var dated: [(String, Int)] = []
        for file in files where file != current {
            var st = stat()
            if stat(file, &st) == 0 { dated.append((file, st.st_mtim.tv_sec)) }
        }
        for (file, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(3) { unlink(file) }
    }

    /// A lexicon built from these word lists: from this process's cache, else from the compiled
    /// file in the cache folder (keyed by the lists' paths, sizes and modification times), else
    /// compiled now and written there atomically for the next run.
    public func lexicon(for paths: [(role: String, path: String)]) throws -> Lexicon {
        var key = "\(String(decoding: CompiledLexicon.magic, as: UTF8.self))/\(LexiconBuilder.version)"
        for (role, path) in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { throw LexiconSources.Failure(file: path, line: nil, message: "cannot read the word list (\(FileSystem.reason(errno)))") }
            key += "|\(role)=\(path):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        }
        return try lexicons.lexicon(key: key) {
            let file = "\(cacheDirectory)/lexicon-\(String(ByteHash.hash(Array(key.utf8)), radix: 16)).bin"
            let side = try Lexicon.SideLists(paths)
            if let compiled = try? CompiledLexicon(path: file) {
                return Lexicon(compiled: compiled, side: side, files: paths.map(\.path))
            }
            let bytes = try Lexicon.compile(paths)
            // A cache that cannot be written is not an error: the lexicon works from memory.
            if (try? FileSystem.makeDirectories(cacheDirectory)) != nil, (try? FileSystem.write(bytes, to: file)) != nil,
               let compiled = try? CompiledLexicon(path: file) {
                removeStaleLexicons(keeping: file)
                return Lexicon(compiled: compiled, side: side, files: paths.map(\.path))
            }
            return Lexicon(compiled: try CompiledLexicon(bytes: bytes), side: side, files: paths.map(\.path))
        }
    }
}
