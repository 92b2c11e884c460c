import Glibc

/// Buffered output to a file descriptor (standard output) or to a file written atomically: the
/// data goes to a temporary file next to the target, which is renamed over it only when everything
/// was written (`commit`); on failure the temporary file is removed and the target is untouched.
public final class OutputSink {
    /// Writing failed; `brokenPipe` means the reader went away (`ocr-clean … | head`), which a
    /// filter treats as a normal end.
    public enum WriteError: Error, CustomStringConvertible {
        case brokenPipe
        case failed(path: String, reason: String)

        public var description: String {
            switch self {
            case .brokenPipe: return "broken pipe"
            case .failed(let path, let reason): return "\(path): cannot write (\(reason))"
            }
        }
    }

    private let fd: Int32
    private let path: String
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private let capacity = 1 << 18
    private var closed = false
    private let durable: Bool
    public private(set) var bytesWritten = 0

    /// Standard output.
    public init() {
        fd = STDOUT_FILENO
        path = "standard output"
        temporaryPath = nil
        durable = false
        buffer.reserveCapacity(capacity)
    }

    /// An open descriptor the sink writes to and never closes (`/dev/null` when fuzzing).
    public init(descriptor: Int32, name: String) {
        fd = descriptor
        path = name
        temporaryPath = nil
        durable = false
        buffer.reserveCapacity(capacity)
    }

    /// A file, written atomically through a temporary file in the same folder. `durable` syncs
    /// it to disk before the rename (a power cut then leaves the old file or the whole new one);
    /// without it the rename is still atomic for every reader and for a killed process.
    public init(atomicPath target: String, durable: Bool = true) throws {
        self.durable = durable
        let dir = FileSystem.directory(of: target)
        let base = FileSystem.name(of: target)
        var template = Array(((dir.isEmpty ? "." : dir) + "/.\(base).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw WriteError.failed(path: target, reason: String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o644)
        fd = descriptor
        path = target
        temporaryPath = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !closed, let temporaryPath {
            close(fd)
            unlink(temporaryPath)
        }
    }

    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    @inline(__always)
    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var offset = 0
        let count = buffer.count
        try buffer.withUnsafeBytes { raw in
            while offset < count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw WriteError.brokenPipe }
                    throw WriteError.failed(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        bytesWritten += count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, syncs and renames the temporary file over the target.
    public func commit() throws {
        try flush()
        guard let temporaryPath, !closed else { return }
        if durable, fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw WriteError.failed(path: path, reason: reason)
        }
        close(fd)
        closed = true
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw WriteError.failed(path: path, reason: reason)
        }
    }

    /// Removes the temporary file of a file output that failed.
    public func abandon() {
        guard let temporaryPath, !closed else { return }
        close(fd)
        closed = true
        unlink(temporaryPath)
    }
}
