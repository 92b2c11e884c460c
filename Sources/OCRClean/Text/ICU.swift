import ICUShim

/// The system ICU, through the C wrapper target `ICUShim` (see Package.swift for why).
public enum ICU {
    public enum Form: Int32, Sendable {
        case nfc = 0
        case nfkc = 1
        case nfd = 2
    }

    /// ICU's version string, e.g. "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        icushim_version(&buffer, 32)
        return UTF8Bytes.string(cBuffer: buffer)
    }

    /// Whether UTF-8 `bytes` are already in `form` (nil on an ICU error).
    public static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>, form: Form) -> Bool? {
        let r = bytes.withMemoryRebound(to: CChar.self) { icushim_is_normalized(Int32(form.rawValue), $0.baseAddress, Int32(bytes.count)) }
        return r < 0 ? nil : r == 1
    }

    /// `text` in `form`. Returns the text unchanged when ICU reports an error (it only does so
    /// for invalid UTF-8, which a Swift `String` never holds).
    public static func normalize(_ text: String, form: Form) -> String {
        var input = text
        return input.withUTF8 { bytes -> String in
            if isNormalized(bytes, form: form) == true { return text }
            var capacity = bytes.count * 3 + 16
            for _ in 0..<2 {
                var needed: Int32 = -1
                let result = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    needed = bytes.withMemoryRebound(to: CChar.self) { src in
                        out.withMemoryRebound(to: CChar.self) { dst in
                            icushim_normalize(Int32(form.rawValue), src.baseAddress, Int32(bytes.count), dst.baseAddress, Int32(capacity))
                        }
                    }
                    count = (needed >= 0 && Int(needed) <= capacity) ? Int(needed) : 0
                }
                if needed < 0 { return text }
                if Int(needed) <= capacity { return String(decoding: result, as: UTF8.self) }
                capacity = Int(needed)
            }
            return text
        }
    }

    /// ICU's guess at the charset of a byte sample, with its confidence (0–100).
    public static func detectCharset(_ sample: UnsafeRawBufferPointer) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let r = sample.withMemoryRebound(to: CChar.self) { icushim_detect_charset($0.baseAddress, Int32(min(sample.count, Int(Int32.max))), &name, 64, &confidence) }
        guard r == 0 else { return nil }
        return (UTF8Bytes.string(cBuffer: name), Int(confidence))
    }

    /// A streaming converter from a legacy charset to UTF-8; keeps incomplete sequences between calls.
    public final class Converter {
        private let handle: OpaquePointer
        public let charset: String
        /// Input sequences that had no mapping or were malformed, replaced by U+FFFD.
        public private(set) var substitutions: Int64 = 0

        public init?(charset: String) {
            guard let h = icushim_converter_open(charset) else { return nil }
            handle = h
            self.charset = charset
        }

        deinit { icushim_converter_close(handle) }

        /// Converts `input`, appending UTF-8 bytes to `output`. `flush` ends the input.
        public func convert(_ input: UnsafeRawBufferPointer, flush: Bool, into output: inout [UInt8]) {
            let capacity = input.count * 4 + 64
            let start = output.count
            output.reserveCapacity(start + capacity)
            var subs: Int64 = 0
            let written = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                let n = input.withMemoryRebound(to: CChar.self) { src in
                    out.withMemoryRebound(to: CChar.self) { dst in
                        icushim_converter_to_utf8(handle, src.baseAddress, Int32(input.count), dst.baseAddress, Int32(capacity), flush ? 1 : 0, &subs)
                    }
                }
                count = n > 0 ? Int(n) : 0
            }
            substitutions += subs
            output.append(contentsOf: written)
        }
    }
}
