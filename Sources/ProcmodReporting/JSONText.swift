import Foundation

/// Every JSON procmod writes: sorted keys and no escaped slashes, so output is byte-stable, and figures
/// that are unbounded (the mean wait at an overloaded actor) or undefined written as the strings
/// `"Infinity"`, `"-Infinity"` and `"NaN"`, which JSON has no numbers for, instead of failing.
public func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity",
                                                                  nan: "NaN")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
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

