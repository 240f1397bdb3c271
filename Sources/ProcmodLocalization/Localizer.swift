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

    /// `key`'s template with its placeholders filled by a renderer: ids are said by their names, and
    /// numbers are taken as the renderer formatted them (a share, a count or a date is not formatted again).
    public func text(_ key: String, _ values: [String: String]) -> String { render(Message(key, values), formatted: true) }

    /// The message in this language: placeholders by their kind (ids by name, shares as percentages).
    public func render(_ message: Message) -> String { render(message, formatted: false) }

    private func render(_ message: Message, formatted: Bool) -> String {
        let template = text(message.key)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += message.values[name].map { formatted && Self.numeric.contains(name) ? $0 : value(name, $0) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Placeholders whose values are numbers, dates or forms, formatted by ``value(_:_:)`` from raw values.
    static let numeric: Set<String> = ["share", "minutes", "days", "count", "servers", "removed", "added", "hours", "open", "visits",
                                       "target", "times", "sets", "unavoidable", "total", "limit", "date"]

    /// One placeholder's value as this language shows it.
    func value(_ placeholder: String, _ raw: String) -> String {
        let list = { (f: (String) -> String) in raw.split(separator: ",").map { f(String($0)) }.joined(separator: ", ") }
        switch placeholder {
        case "step", "steps", "first": return list { name($0, kind: "step") }
        case "actor", "actors": return list { name($0, kind: "actor") }
        case "document", "documents": return list { name($0, kind: "document") }
        case "channel", "channels": return list { name($0, kind: "channel") }
        case "agency", "agencies", "from", "to", "firstAgency": return list { name($0, kind: "agency") }
        case "element": return list { name($0) }
        case "register", "registers": return list { register($0) }
        case "share": return Double(raw).map { numbers.percent($0) } ?? raw
        case "minutes", "days", "count", "servers", "removed", "added", "hours", "open", "visits", "target", "times", "sets",
             "unavoidable", "total", "limit":
            return Double(raw).map { numbers.number($0) } ?? raw
        case "date": return LocalDate(raw).map { numbers.date($0) } ?? raw
        case "form": return Catalog.table(language)["form." + raw] ?? raw
        case "citations": return raw.split(separator: ";").map { citation($0.trimmingLeadingSpaces) }.joined(separator: "; ")
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

    /// The model's name of an element, or its bare id when the model gives none: for table cells.
    public func label(_ id: String, kind: String = "element") -> String {
        names.name(id, kind: kind, language) ?? id
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

    /// A legal citation as this language writes it. Vietnamese cites from the smallest unit up, with
    /// "số" before an act's number: "Decree 61/2018/NĐ-CP Art. 19.6(a)" → "điểm a khoản 6 Điều 19 Nghị
    /// định số 61/2018/NĐ-CP"; "Luật Hộ tịch 60/2014/QH13, Art. 16" → "Điều 16 Luật Hộ tịch 60/2014/QH13";
    /// "(as amended by Decree 07/2025/NĐ-CP)" → "(được sửa đổi bởi Nghị định số 07/2025/NĐ-CP)". English
    /// citations are kept as written.
    public func citation(_ text: String) -> String {
        guard language == .vi else { return text }
        var head = Substring(text), tail = ""
        if let open = text.firstRange(of: " (") {
            head = text[..<open.lowerBound]
            tail = " (" + Self.acts(String(text[open.upperBound...]))
        }
        guard let art = head.firstRange(of: "Art. ") else { return Self.acts(String(head)) + tail }
        var act = String(head[..<art.lowerBound])
        while act.hasSuffix(" ") || act.hasSuffix(",") { act.removeLast() }
        let spec = head[art.upperBound...]
        let number = spec.prefix { $0 != " " && $0 != ";" && $0 != "," }
        let rest = spec.dropFirst(number.count)
        return Self.article(String(number)) + " " + Self.acts(act) + rest + tail
    }

    /// Acts named in English by the rules' legal bases and the models, and the notes beside them.
    static let namedActs: [(String, String)] = [
        ("Residence Law ", "Luật Cư trú "), ("Enterprise Law ", "Luật Doanh nghiệp "), ("Joint Circular ", "Thông tư liên tịch số "),
        ("Decree ", "Nghị định số "), ("Circular ", "Thông tư số "), ("Resolution ", "Nghị quyết số "), ("Decision ", "Quyết định số "),
        ("Law ", "Luật "), ("as amended by ", "được sửa đổi bởi "),
        ("household and temporary-residence books, to 31/12/2022)", "sổ hộ khẩu, sổ tạm trú có giá trị đến hết 31/12/2022)"),
        ("chained procedures)", "liên thông thủ tục)"),
    ]

    static func acts(_ text: String) -> String {
        var out = text
        for (english, vietnamese) in namedActs where out.contains(english) {
            // "Joint Circular" before "Circular": a replaced word is not replaced again.
            if english == "Circular ", out.contains("Thông tư liên tịch số ") { continue }
            out = out.replacingAll(english, with: vietnamese)
        }
        return out
    }

    /// "19.6(a)" → "điểm a khoản 6 Điều 19".
    static func article(_ text: String) -> String {
        var t = Substring(text)
        var point = ""
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
            point = "điểm " + t[t.index(after: open)..<t.index(before: t.endIndex)] + " "
            t = t[..<open]
        }
        let parts = t.split(separator: ".")
        let clause = parts.count > 1 ? "khoản " + parts[1] + " " : ""
        return point + clause + "Điều " + (parts.first.map(String.init) ?? String(t))
    }

    /// A label for the language's statistical and report vocabulary (the same as ``text(_:)``).
    public func callAsFunction(_ key: String) -> String { text(key) }
}

extension Substring {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = "", rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
