import Foundation
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
    var out = ""
    out.reserveCapacity(json.utf8.count)
    var chars = json[...]
    var lastString = "", lastKey = ""
    while let c = chars.first {
        if c == "\"" {
            // A string: copied as it is; a string followed by ':' is a key.
            var end = chars.index(after: chars.startIndex)
            var escaped = false
            while end < chars.endIndex {
                let d = chars[end]
                if escaped { escaped = false } else if d == "\\" { escaped = true } else if d == "\"" { break }
                end = chars.index(after: end)
            }
            let stop = end < chars.endIndex ? chars.index(after: end) : end
            lastString = String(chars[chars.index(after: chars.startIndex)..<min(end, chars.endIndex)])
            out += chars[..<stop]
            chars = chars[stop...]
        } else if c == ":" {
            lastKey = lastString
            out.append(c)
            chars = chars.dropFirst()
        } else if c == "-" || c.isNumber {
            let end = chars.firstIndex { !($0.isNumber || $0 == "-" || $0 == "+" || $0 == "." || $0 == "e" || $0 == "E") } ?? chars.endIndex
            let token = String(chars[..<end])
            out += roundedNumber(token, key: lastKey)
            chars = chars[end...]
        } else {
            out.append(c)
            chars = chars.dropFirst()
        }
    }
    return out
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

