#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodModel

/// Every JSON procmod writes: sorted keys and no escaped slashes, so output is byte-stable, and figures
/// that are unbounded (the mean wait at an overloaded actor) or undefined written as the strings
/// `"Infinity"`, `"-Infinity"` and `"NaN"`, which JSON has no numbers for, instead of failing.
public func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity",
                                                                  nan: "NaN")
    return tidyNumbers(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Numbers rounded to what they mean: amounts of đồng (keys ending in `VND`) to whole đồng, other
/// fractions to 4 decimals (a working day to 9 seconds, a share to 0.01 percentage point), or to 4
/// significant digits when smaller than 0.01; whole numbers (counts, seeds) stay as they are. This removes
/// binary float noise (`54999.99999999999` → `55000`) without changing any figure a reader uses.
func tidyNumbers(_ json: String) -> String {
    // Read as UTF-8 bytes: outside strings JSON is ASCII, and a string is copied through unread.
    let bytes = Array(json.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var lastString = 0..<0, lastKey = ""
    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    func isNumberByte(_ b: UInt8) -> Bool {
        isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
            || b == UInt8(ascii: "E")
    }
    while i < bytes.count {
        let c = bytes[i]
        if c == UInt8(ascii: "\"") {
            // A string: copied as it is; a string followed by ':' is a key.
            var end = i + 1
            var escaped = false
            while end < bytes.count {
                let d = bytes[end]
                if escaped { escaped = false } else if d == UInt8(ascii: "\\") { escaped = true } else if d == UInt8(ascii: "\"") { break }
                end += 1
            }
            let stop = end < bytes.count ? end + 1 : end
            lastString = (i + 1)..<end
            out.append(contentsOf: bytes[i..<stop])
            i = stop
        } else if c == UInt8(ascii: ":") {
            lastKey = String(decoding: bytes[lastString], as: UTF8.self)
            out.append(c)
            i += 1
        } else if c == UInt8(ascii: "-") || isDigit(c) {
            var end = i
            while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
            out.append(contentsOf: roundedNumber(String(decoding: bytes[i..<end], as: UTF8.self), key: lastKey).utf8)
            i = end
        } else {
            out.append(c)
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func roundedNumber(_ token: String, key: String) -> String {
    guard token.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let x = Double(token), x.isFinite else { return token }
    if key.hasSuffix("VND") { return decimalText(x, decimals: 0) }
    let magnitude = abs(x)
    var decimals = 4
    if magnitude > 0 && magnitude < 0.01 { decimals = min(12, Int((-log10(magnitude)).rounded(.up)) + 3) }
    return decimalText(x, decimals: decimals)
}

/// The version of procmod's JSON documents (docs/reports.md, "JSON"): raised when a field changes
/// meaning or goes away; new fields may appear within a version.
public let jsonFormatVersion = 1

/// A JSON document of one kind (`analysis`, `simulation`, `comparison`, `procedure`, `validation`,
/// `cost-form`): the value's own fields, plus `formatVersion` and `document` at the top level.
public func jsonDocument<T: Encodable>(_ value: T, kind: String) throws -> String {
    try jsonText(VersionedDocument(value: value, kind: kind))
}

/// Encodes the value's keyed fields, then adds the version and the kind to the same object.
private struct VersionedDocument<T: Encodable>: Encodable {
    let value: T
    let kind: String

    enum Keys: String, CodingKey { case formatVersion, document }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(jsonFormatVersion, forKey: .formatVersion)
        try c.encode(kind, forKey: .document)
    }
}

