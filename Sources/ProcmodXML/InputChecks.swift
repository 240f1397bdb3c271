import ProcmodModel

/// Checks made on the raw bytes before libxml2 sees them. Each returns the one problem that makes
/// the file unreadable (empty, binary, not UTF-8), so the user gets a plain sentence instead
/// of a cascade of parser errors.
enum InputChecks {
    static func firstProblem(in text: SourceText, rootName: String) -> Diagnostic? {
        let bytes = text.bytes
        func error(_ offset: Int, _ message: String, _ code: String) -> Diagnostic {
            Diagnostic(.error, text.location(ofOffset: offset), message, code: code)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return error(0, "the file is empty: expected an XML document whose root element is <\(rootName)>",
                         "empty-file")
        }
        if let encoding = wideEncoding(bytes) {
            return error(0, "the file is encoded in \(encoding): procmod reads UTF-8 only; save it as UTF-8",
                         "encoding")
        }
        if let nul = bytes.withUnsafeBufferPointer({ offset(of: 0, in: $0) }) {
            return error(nul, "the file contains a NUL byte: it looks like a binary file, not an XML document",
                         "binary-file")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return error(bad, "invalid UTF-8 byte 0x\(hex): procmod files must be UTF-8 "
                         + "(was the file saved as Windows-1258 or Latin-1?)", "encoding")
        }
        if let (offset, name) = declaredEncoding(bytes), !["utf-8", "utf8"].contains(name.lowercased()) {
            return error(offset, "the XML declaration names encoding '\(name)': procmod files must be UTF-8; "
                         + "write encoding=\"UTF-8\"", "encoding")
        }
        return nil
    }

    private static func wideEncoding(_ b: [UInt8]) -> String? {
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return "UTF-32" }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return "UTF-32" }
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { return "UTF-16" }
        if b.count >= 2, (b[0] == 0 && b[1] == 0x3C) || (b[0] == 0x3C && b[1] == 0) { return "UTF-16" }
        return nil
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, if any. Runs of ASCII
    /// are passed over eight bytes at a time.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var i = 0
            let n = b.count
            while i < n {
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch c {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(c & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(c & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(c & 0x07)
                default: return i
                }
                guard i + length <= n else { return i }
                for k in 1..<length {
                    let cc = b[i + k]
                    guard cc & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(cc & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += length
            }
            return nil
        }
    }

    private static func declaredEncoding(_ b: [UInt8]) -> (Int, String)? {
        let start = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard b.count > start + 5, b[start..<start + 5].elementsEqual("<?xml".utf8) else { return nil }
        guard let close = b[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let keyword = Array("encoding".utf8)
        guard let found = (start...close).first(where: { b[$0..<min($0 + keyword.count, b.count)].elementsEqual(keyword) })
        else { return nil }
        let rest = b[(found + keyword.count)...close].drop { $0 == 0x20 || $0 == 0x3D || $0 == 0x09 }
        guard let quote = rest.first, quote == 0x22 || quote == 0x27 else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        return (found, String(decoding: name, as: UTF8.self))
    }
}
