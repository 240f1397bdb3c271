/// A sentence to be said in the reader's language: a catalog key and the values of its placeholders.
///
/// A template in the catalog names its placeholders in braces (`{document}`); the placeholder's name says
/// how its value is shown (``Localizer/render(_:)``): ids of steps, actors, documents, channels, registers
/// and agencies by their names in the model, `share` as a percentage, `minutes`, `days` and `count` as
/// numbers, `rule` by the rule's title, `level` by the online level's name, `reason` as another message.
public struct Message: Sendable, Hashable, Codable {
    /// The catalog key (`change.shareData.dropped`).
    public var key: String
    /// The placeholders' values, unformatted: ids, or numbers as `decimalText` writes them.
    public var values: [String: String]

    public init(_ key: String, _ values: [String: String] = [:]) {
        self.key = key
        self.values = values
    }
}
