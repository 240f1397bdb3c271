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
