import ProcmodModel

/// libxml2's schema messages in the DSL's own words: a choice or a parallel block with one branch says
/// it needs two; an attribute where it is not allowed says which elements take it.
enum SchemaMessages {
    /// The diagnostic, reworded when it is one of the messages above.
    static func reword(_ d: Diagnostic, schema text: String) -> Diagnostic {
        var d = d
        let m = d.message
        if m.hasPrefix("Element 'choice': Missing child element(s)") || m.hasPrefix("Element 'parallel': Missing child element(s)") {
            let element = m.hasPrefix("Element 'choice'") ? "choice" : "parallel"
            d.message = "a <\(element)> needs at least two <branch> elements (one path needs no \(element): link the steps with next)"
        } else if m.hasPrefix("Element 'one-of': Missing child element(s)") {
            d.message = "a <one-of> needs at least two <requires> alternatives (a single document is a plain <requires>, with share= "
                + "when only some cases hand it in)"
        } else if let range = m.firstRange(of: "The attribute '"), m.hasSuffix("' is not allowed."),
                  let end = m[range.upperBound...].firstIndex(of: "'") {
            let attribute = String(m[range.upperBound..<end])
            let owners = elements(taking: attribute, in: text)
            if !owners.isEmpty {
                d.message = m + " '\(attribute)' is allowed on " + owners.map { "<\($0)>" }.joined(separator: ", ")
            }
        }
        return d
    }

    /// The elements of an XSD text that declare `attribute`, directly, through their named complex type,
    /// or through an attribute group (a plain scan of the schema's own layout: one declaration per line).
    static func elements(taking attribute: String, in text: String) -> [String] {
        var stack: [(kind: String, name: String)] = []
        var ownersOfType: [String: Set<String>] = [:]   // complexType or attributeGroup name -> attribute names
        var direct: Set<String> = []
        var typeOfElement: [(element: String, type: String)] = []
        var groupsOf: [String: Set<String>] = [:]        // owner (element or type) -> attribute groups used
        var typeNames: Set<String> = []                  // named complex types (their elements come through `type`)
        func value(_ key: String, in line: Substring) -> String? {
            guard let r = line.firstRange(of: key + "=\"") else { return nil }
            return line[r.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
        // Tag by tag (a line may hold several).
        var tags: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            tags.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        for line in tags {
            let t = line
            let owner = stack.last { $0.kind == "element" || $0.kind == "complexType" || $0.kind == "attributeGroup" }
            if t.hasPrefix("<xs:attribute ") {
                if value("name", in: line) == attribute, let owner {
                    if owner.kind == "element" { direct.insert(owner.name) } else { ownersOfType[owner.name, default: []].insert(attribute) }
                }
            } else if t.hasPrefix("<xs:attributeGroup ref="), let ref = value("ref", in: line), let owner {
                groupsOf[owner.name, default: []].insert(ref)
            }
            for kind in ["element", "complexType", "attributeGroup"] where t.hasPrefix("<xs:\(kind) ") || t.hasPrefix("<xs:\(kind)>") {
                if kind == "attributeGroup" && t.hasPrefix("<xs:attributeGroup ref=") { continue }
                let named = value("name", in: line)
                if kind == "complexType", let named { typeNames.insert(named) }
                let name = named ?? stack.last?.name ?? ""
                if kind == "element", let type = value("type", in: line) { typeOfElement.append((name, type)) }
                // An unnamed complex type belongs to its element: its attributes are the element's.
                if !t.hasSuffix("/>") { stack.append((kind == "complexType" && named == nil ? "element" : kind, name)) }
            }
            for kind in ["element", "complexType", "attributeGroup"] where t.hasPrefix("</xs:\(kind)>") {
                // The innermost open one (an unnamed complex type was pushed as its element).
                if !stack.isEmpty { stack.removeLast() }
            }
        }
        func takes(_ owner: String) -> Bool {
            ownersOfType[owner]?.contains(attribute) == true
                || (groupsOf[owner] ?? []).contains { ownersOfType[$0]?.contains(attribute) == true }
        }
        var result = direct.filter { !$0.isEmpty }
        for (name, owner) in groupsOf.map({ ($0.key, $0.key) }) where takes(owner) && !name.isEmpty && ownersOfType[name] == nil && !typeNames.contains(name) {
            result.insert(name)
        }
        for (element, type) in typeOfElement where takes(type) { result.insert(element) }
        return result.sorted()
    }
}
