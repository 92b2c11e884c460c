import Glibc

/// Reads a file or standard input as raw bytes with `read(2)` in large chunks (never
/// `readLine()`, which would replace invalid bytes before the decoder could see them).
public final class ByteSource {
    /// An input that cannot be read, with a message that names it.
    public struct OpenError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public let path: String
    private let fd: Int32
    private let owned: Bool
    /// Bytes held in memory instead of a descriptor, and how far they were read.
    private let memory: [UInt8]?
    private var position = 0
    private var buffer: UnsafeMutableRawBufferPointer
    /// The size of the file when it is a regular file (for progress), else nil.
    public let size: Int?

    /// Standard input.
    public init(standardInputChunk chunk: Int = 1 << 20) {
        path = "-"
        fd = STDIN_FILENO
        owned = false
        memory = nil
        buffer = .allocate(byteCount: chunk, alignment: 16)
        var st = stat()
        size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
    }

    /// A file; refuses directories and anything that cannot be opened, naming the path.
    public init(path: String, chunk: Int = 1 << 20) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased()
            throw OpenError(path: path, reason: reason)
        }
        var st = stat()
        if fstat(descriptor, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw OpenError(path: path, reason: "is a directory")
        }
        self.path = path
        fd = descriptor
        owned = true
        memory = nil
        buffer = .allocate(byteCount: chunk, alignment: 16)
        size = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
    }

    /// Bytes in memory, handed out in reads of `chunk` bytes (tests and fuzzing).
    public init(bytes: [UInt8], name: String = "memory", chunk: Int = 1 << 20) {
        path = name
        fd = -1
        owned = false
        memory = bytes
        buffer = .allocate(byteCount: max(1, chunk), alignment: 16)
        size = bytes.count
    }

    deinit {
        buffer.deallocate()
        if owned { close(fd) }
    }

    /// The next chunk, or nil at end of input. The bytes are valid until the next call.
    public func read() throws -> UnsafeRawBufferPointer? {
        if let memory {
            guard position < memory.count else { return nil }
            let n = min(buffer.count, memory.count - position)
            memory.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
            position += n
            return UnsafeRawBufferPointer(rebasing: buffer[0..<n])
        }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
            if n > 0 { return UnsafeRawBufferPointer(rebasing: buffer[0..<n]) }
            if n == 0 { return nil }
            if errno == EINTR { continue }
            throw OpenError(path: path, reason: "read error: " + String(cString: strerror(errno)).lowercased())
        }
    }
}
