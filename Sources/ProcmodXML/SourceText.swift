import ProcmodModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps byte offsets of a UTF-8 file to lines and columns, and finds start tags in document order.
///
/// libxml2 records only a line per node, and that line is where the start tag *ends*. procmod reports
/// where an element or attribute *begins*, so it scans the source text itself: the n-th start tag in
/// the text is the n-th element in document order (DOCTYPEs, and so entity-made elements, are refused).
struct SourceText {
    let bytes: [UInt8]
    let path: String
    private(set) var lineStarts: [Int] = [0]
    /// True when some line ends in a CR alone, where libxml2's own line numbers (which count LF only)
    /// differ from the file's.
    private(set) var hasLoneCR = false

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        lineStarts.reserveCapacity(bytes.count / 32 + 1)
        // Line ends as XML counts them: LF, CR LF, or a CR alone (libxml2 normalises all three to LF).
        // A file without CR (the usual case) has its lines found with memchr.
        var starts = lineStarts
        var loneCR = false
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            if offset(of: cr, in: buffer) == nil {
                var lineStart = 0
                while let found = offset(of: lf, in: buffer, from: lineStart) {
                    lineStart = found + 1
                    starts.append(lineStart)
                }
                return
            }
            for offset in 0..<n {
                let byte = buffer[offset]
                let lone = byte == cr && (offset + 1 == n || buffer[offset + 1] != lf)
                if byte == lf || lone { starts.append(offset + 1) }
                loneCR = loneCR || lone
            }
        }
        lineStarts = starts
        hasLoneCR = loneCR
    }

    /// The last column worked out, so that the next one on the same line continues from it: a file
    /// written on one long line costs time linear in its length, not quadratic.
    private let cursor = ColumnCursor()

    /// The location of a byte offset; columns count Unicode scalars.
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let end = min(offset, bytes.count)
        var column = 1
        var index = lineStarts[low]
        if cursor.line == low, cursor.offset <= end, cursor.offset >= index {
            column = cursor.column
            index = cursor.offset
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cursor.line = low
        cursor.offset = index
        cursor.column = column
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// A location from a libxml2 line and column (both 1-based; a column of 0 means unknown). In a file
    /// with CR-only line ends libxml2 counts lines by LF alone, so its position is turned back into a
    /// byte offset and located in the file's own lines.
    func location(line: Int, column: Int) -> SourceLocation {
        guard hasLoneCR else { return SourceLocation(file: path, line: max(line, 1), column: max(column, 1)) }
        var offset = 0, lfLine = 1
        while lfLine < line, let next = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) {
            offset = next + 1
            lfLine += 1
        }
        var scalars = 1
        while scalars < column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return location(ofOffset: offset)
    }
}

/// Walks the text from start tag to start tag, skipping comments, CDATA, processing instructions,
/// end tags and declarations.
struct StartTagScanner {
    let bytes: [UInt8]
    private var cursor = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The offset of the next start tag's `<`.
    mutating func next() -> Int? {
        let n = bytes.count
        while cursor < n {
            guard let lt = Self.find(UInt8(ascii: "<"), from: cursor, in: bytes) else { cursor = n; return nil }
            cursor = lt + 1
            guard cursor < n else { return nil }
            switch bytes[cursor] {
            case UInt8(ascii: "!"):
                if Self.starts(with: "!--", at: cursor, in: bytes) {
                    cursor = skip(past: "-->", from: cursor + 3)
                } else if Self.starts(with: "![CDATA[", at: cursor, in: bytes) {
                    cursor = skip(past: "]]>", from: cursor + 8)
                } else {
                    cursor = skip(past: ">", from: cursor)
                }
            case UInt8(ascii: "?"):
                cursor = skip(past: "?>", from: cursor)
            case UInt8(ascii: "/"):
                cursor = skip(past: ">", from: cursor)
            default:
                return lt
            }
        }
        return nil
    }

    /// Where the attribute with local name `name` starts in the start tag at `tag`, if present.
    static func attributeOffset(named name: String, inTagAt tag: Int, of bytes: [UInt8]) -> Int? {
        let n = bytes.count
        var i = tag + 1
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        while i < n {
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") else { return nil }
            let nameStart = i
            var localStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") {
                if bytes[i] == UInt8(ascii: ":") { localStart = i + 1 }
                i += 1
            }
            if bytes[localStart..<i].elementsEqual(name.utf8) { return nameStart }
            while i < n, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'"), bytes[i] != UInt8(ascii: ">") { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">") else { return nil }
            let quote = bytes[i]
            i += 1
            while i < n, bytes[i] != quote { i += 1 }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func find(_ byte: UInt8, from start: Int, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { offset(of: byte, in: $0, from: start) }
    }

    private static func starts(with text: StaticString, at offset: Int, in bytes: [UInt8]) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { bytes[offset + $0] == pattern[$0] }
        }
    }

    private func skip(past terminator: StaticString, from start: Int) -> Int {
        let first = terminator.utf8Start.pointee
        var i = start
        while let found = Self.find(first, from: i, in: bytes) {
            if Self.starts(with: terminator, at: found, in: bytes) { return found + terminator.utf8CodeUnitCount }
            i = found + 1
        }
        return bytes.count
    }
}

/// Where `SourceText.location(ofOffset:)` last stopped (one per document, used from one thread).
final class ColumnCursor: @unchecked Sendable {
    var line = -1
    var offset = 0
    var column = 1
}

/// The offset of the first `byte` in `buffer` at or after `start`, found with `memchr`.
func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let base = buffer.baseAddress, start < buffer.count,
          let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}
