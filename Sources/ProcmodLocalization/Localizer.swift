public import ProcmodModel

/// Everything a renderer needs to speak the reader's language: the catalog's sentences, the model's
/// names for ids, and the language's way of writing numbers.
public struct Localizer: Sendable {
    public var language: Language
    public var names: NameBook
    public var numbers: NumberStyle

    public init(_ language: Language, names: NameBook = .none) {
        self.language = language
        self.names = names
        self.numbers = NumberStyle(language)
    }

    /// The catalog's text for `key` (the English one if the language lacks it, then the key itself;
    /// a test keeps both catalogs complete).
    public func text(_ key: String) -> String {
        Catalog.table(language)[key] ?? Catalog.english[key] ?? key
    }

    /// `key`'s template with its placeholders filled (see ``Message``).
    public func text(_ key: String, _ values: [String: String]) -> String { render(Message(key, values)) }

    /// The message in this language: placeholders by their kind (ids by name, shares as percentages).
    public func render(_ message: Message) -> String {
        let template = text(message.key)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += message.values[name].map { value(name, $0) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// One placeholder's value as this language shows it.
    func value(_ placeholder: String, _ raw: String) -> String {
        switch placeholder {
        case "step", "steps", "actor", "actors", "document", "documents", "channel", "channels", "agency", "agencies", "element":
            return raw.split(separator: ",").map { name(String($0), kind: placeholder) }.joined(separator: ", ")
        case "register", "registers":
            return raw.split(separator: ",").map { register(String($0)) }.joined(separator: ", ")
        case "share": return Double(raw).map { numbers.percent($0) } ?? raw
        case "minutes", "days", "count", "servers", "removed", "added":
            return Double(raw).map { numbers.number($0) } ?? raw
        case "rule": return ruleTitle(raw)
        case "level": return text("level." + raw)
        case "reason": return text(raw)
        default: return raw
        }
    }

    /// The model's name of an element, or its id in quotes when the model gives none.
    public func name(_ id: String, kind: String = "element") -> String {
        names.name(id, kind: kind, language) ?? "'\(id)'"
    }

    /// A state register by its name (`population` → "Cơ sở dữ liệu quốc gia về dân cư").
    public func register(_ id: String) -> String {
        Catalog.table(language)["register." + id] ?? "'\(id)'"
    }

    /// A rule's title in this language (`once-only` → "Giấy tờ đã có trong cơ sở dữ liệu ..."), or its id.
    public func ruleTitle(_ id: String) -> String {
        Catalog.table(language)["rule." + id] ?? id
    }

    /// A lever's name in this language (`share-data` → "Chia sẻ dữ liệu"), or its element name.
    public func leverName(_ name: String) -> String {
        Catalog.table(language)["lever." + name] ?? name
    }

    /// A label for the language's statistical and report vocabulary (the same as ``text(_:)``).
    public func callAsFunction(_ key: String) -> String { text(key) }
}
