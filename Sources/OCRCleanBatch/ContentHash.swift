import OCRClean

/// A 128-bit content hash of a file (two FNV-1a 64 lanes with different seeds), in hex: tells a
/// batch re-run which documents changed. Not cryptographic: it detects edits, not attacks.
public enum ContentHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
        }
        return hex(a) + hex(b) + hex(UInt64(bytes.count))
    }

    public static func of(file path: String) throws -> String {
        let bytes = try FileSystem.read(path)
        return bytes.withUnsafeBytes { of($0) }
    }

    static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
