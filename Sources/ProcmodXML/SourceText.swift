import ProcmodModel

/// Maps byte offsets of a UTF-8 file to lines and columns, and finds start tags in document order.
///
/// libxml2 records only a line per node, and that line is where the start tag *ends*. procmod reports
/// where an element or attribute *begins*, so it scans the source text itself: the n-th start tag in
/// the text is the n-th element in document order (DOCTYPEs, and so entity-made elements, are refused).
struct SourceText {
    let bytes: [UInt8]
    let path: String
    private(set) var lineStarts: [Int] = [0]

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        lineStarts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lineStarts.append(offset + 1)
        }
    }

    /// The location of a byte offset; columns count Unicode scalars.
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// A location from a libxml2 line and column (both 1-based; a column of 0 means unknown).
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: max(line, 1), column: max(column, 1))
    }
}

/// A start tag found in the text: where `<` is, and where each attribute name starts.
struct StartTag {
    var offset: Int
    var attributes: [(localName: ArraySlice<UInt8>, offset: Int)]
}

/// Walks the text from start tag to start tag, skipping comments, CDATA, processing instructions,
/// end tags and declarations.
struct StartTagScanner {
    let bytes: [UInt8]
    private var cursor = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> StartTag? {
        let n = bytes.count
        while cursor < n {
            guard let lt = find(UInt8(ascii: "<"), from: cursor) else { cursor = n; return nil }
            cursor = lt + 1
            guard cursor < n else { return nil }
            switch bytes[cursor] {
            case UInt8(ascii: "!"):
                if starts(with: "!--", at: cursor) {
                    cursor = skip(past: "-->", from: cursor + 3)
                } else if starts(with: "![CDATA[", at: cursor) {
                    cursor = skip(past: "]]>", from: cursor + 8)
                } else {
                    cursor = skip(past: ">", from: cursor)
                }
            case UInt8(ascii: "?"):
                cursor = skip(past: "?>", from: cursor)
            case UInt8(ascii: "/"):
                cursor = skip(past: ">", from: cursor)
            default:
                return scanTag(at: lt)
            }
        }
        return nil
    }

    private mutating func scanTag(at lt: Int) -> StartTag {
        var tag = StartTag(offset: lt, attributes: [])
        var i = lt + 1
        let n = bytes.count
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        while i < n {
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") else { break }
            let nameStart = i
            var localStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") {
                if bytes[i] == UInt8(ascii: ":") { localStart = i + 1 }
                i += 1
            }
            tag.attributes.append((bytes[localStart..<i], nameStart))
            while i < n, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'"), bytes[i] != UInt8(ascii: ">") { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">") else { break }
            let quote = bytes[i]
            i += 1
            while i < n, bytes[i] != quote { i += 1 }
            i += 1
        }
        cursor = min(i + 1, n)
        return tag
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    private func starts(with text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { bytes[offset + $0] == pattern[$0] }
        }
    }

    private func skip(past terminator: StaticString, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if starts(with: terminator, at: i) { return i + terminator.utf8CodeUnitCount }
            i += 1
        }
        return bytes.count
    }
}
