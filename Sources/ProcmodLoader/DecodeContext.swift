import ProcmodModel
import ProcmodXML

/// Reads typed values out of a schema-valid element tree, collecting a diagnostic for anything the
/// schema cannot check (a 30 February, a holiday without a date) instead of stopping at the first.
struct DecodeContext {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ location: SourceLocation, _ message: String, code: String) {
        diagnostics.append(Diagnostic(.error, location, message, code: code))
    }

    mutating func warning(_ location: SourceLocation, _ message: String, code: String) {
        diagnostics.append(Diagnostic(.warning, location, message, code: code))
    }

    func string(_ element: ParsedElement, _ name: String) -> String? {
        element.attributeValue(name)
    }

    /// A required attribute; the schema guarantees it, so a miss is reported rather than trusted.
    mutating func required(_ element: ParsedElement, _ name: String) -> String {
        if let value = element.attributeValue(name) { return value }
        error(element.location, "<\(element.name)> is missing the required attribute '\(name)'", code: "schema")
        return ""
    }

    mutating func enumeration<T: RawRepresentable>(_ element: ParsedElement, _ name: String, default value: T? = nil)
        -> T? where T.RawValue == String {
        guard let raw = element.attributeValue(name) else { return value }
        let text = raw.trimmingSpaces
        if let parsed = T(rawValue: text) { return parsed }
        error(element.location(ofAttribute: name), "<\(element.name)> attribute '\(name)' has the unknown value '\(text)'",
              code: "schema")
        return value
    }

    /// A numeric attribute, checked against its bound in ``Limits`` when it has one.
    mutating func number(_ element: ParsedElement, _ name: String) -> Double? {
        guard let raw = element.attributeValue(name) else { return nil }
        let text = raw.trimmingSpaces
        guard let value = wholeNumber(text) ?? Double(text) ?? Double(text + "0"), value.isFinite else {
            error(element.location(ofAttribute: name), "<\(element.name)> attribute '\(name)' must be a number, not '\(text)'",
                  code: "schema")
            return nil
        }
        return withinBound(value, text, element, name) ? value : nil
    }

    /// Up to 15 ASCII digits, read without the general parser: `Double(text)` gives the same value, as
    /// every such number is exact in a Double.
    private func wholeNumber(_ text: String) -> Double? {
        let utf8 = text.utf8
        guard (1...15).contains(utf8.count) else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return Double(value)
    }

    /// A whole-number attribute, checked against its bound in ``Limits`` when it has one. A whole number
    /// too large for the machine is reported as over its bound, not as a malformed number.
    mutating func integer(_ element: ParsedElement, _ name: String) -> Int? {
        guard let raw = element.attributeValue(name) else { return nil }
        let text = raw.trimmingSpaces
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if let value = Int(digits) {
            return withinBound(Double(value), text, element, name) ? value : nil
        }
        if !digits.isEmpty, digits.drop(while: { $0 == "-" }).allSatisfy(\.isASCIIDigit) {
            let range = Limits.bound(element: element.name, attribute: name)
            error(element.location(ofAttribute: name), "<\(element.name)> attribute '\(name)' is \(text), "
                  + (range.map { "outside its bound: it must be from \(boundText($0.lowerBound)) to \(boundText($0.upperBound))" }
                     ?? "too large a whole number"), code: "limit")
            return nil
        }
        error(element.location(ofAttribute: name), "<\(element.name)> attribute '\(name)' must be a whole number, not '\(text)'",
              code: "schema")
        return nil
    }

    /// Reports `value` when it lies outside the bound of its attribute; true when it is within.
    private mutating func withinBound(_ value: Double, _ text: String, _ element: ParsedElement,
                                      _ name: String) -> Bool {
        guard let range = Limits.bound(attribute: name, element: { element.name }), !range.contains(value) else {
            return true
        }
        error(element.location(ofAttribute: name), "<\(element.name)> attribute '\(name)' is \(text), outside its bound: it must be "
              + "from \(boundText(range.lowerBound)) to \(boundText(range.upperBound)) (see \"Limits\" in docs/dsl.md)",
              code: "limit")
        return false
    }

    mutating func date(_ element: ParsedElement, _ name: String) -> LocalDate? {
        guard let attribute = element.attribute(name) else { return nil }
        if let date = LocalDate(attribute.value.trimmingSpaces) {
            guard Limits.years.contains(date.year) else {
                error(attribute.location, "<\(element.name)> attribute '\(name)' is \(date), outside the years "
                      + "\(Limits.years.lowerBound) to \(Limits.years.upperBound) (see \"Limits\" in docs/dsl.md)", code: "limit")
                return nil
            }
            return date
        }
        error(attribute.location, "<\(element.name)> attribute '\(name)' is '\(attribute.value)', which is not a "
              + "calendar date: expected YYYY-MM-DD", code: "date")
        return nil
    }

    mutating func time(_ text: String, at location: SourceLocation, in element: ParsedElement) -> TimeOfDay? {
        if let time = TimeOfDay(text) { return time }
        error(location, "<\(element.name)> has the time '\(text)': expected HH:MM from 00:00 to 24:00", code: "time")
        return nil
    }

    func bool(_ element: ParsedElement, _ name: String) -> Bool {
        guard let text = element.attributeValue(name)?.trimmingSpaces else { return false }
        return text == "true" || text == "1"
    }

    func list(_ element: ParsedElement, _ name: String) -> [String] {
        element.attributeValue(name)?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init) ?? []
    }

    func name(_ element: ParsedElement) -> LocalizedName {
        LocalizedName(vi: element.attributeValue("name"), en: element.attributeValue("name-en"))
    }

    func provenance(_ element: ParsedElement) -> Provenance {
        Provenance(sources: list(element, "source"), assumed: bool(element, "assumed"))
    }
}

/// A bound or value as the user would write it: `1000000`, `0.01`, `100000000000000000000`.
func boundText(_ x: Double) -> String { number(x) }

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The string without leading and trailing white space (XML attribute values are mostly clean,
    /// so the common case returns at once).
    var trimmingSpaces: String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
