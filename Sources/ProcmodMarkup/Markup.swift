/// A tiny HTML/SVG tree (HTML reports and SVG charts and diagrams) whose text and attribute values are always escaped when rendered: there is no
/// way to put raw user text into the page.
public indirect enum HTMLNode {
    case text(String)
    case element(String, [(String, String)], [HTMLNode])

    public func render() -> String {
        switch self {
        case .text(let s): return escape(s, quotes: false)
        case .element(let name, let attributes, let children):
            let attrs = attributes.map { " \($0.0)=\"\(escape($0.1, quotes: true))\"" }.joined()
            if children.isEmpty && voidElements.contains(name) { return "<\(name)\(attrs)>" }
            return "<\(name)\(attrs)>" + children.map { $0.render() }.joined() + "</\(name)>"
        }
    }
}

private let voidElements: Set<String> = ["meta", "br", "hr"]

private func escape(_ s: String, quotes: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"" where quotes: out += "&quot;"
        case "'" where quotes: out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}

/// `el("p", txt("hi"))`, `el("p", [("class", "x")], txt("hi"))`.
public func el(_ name: String, _ children: HTMLNode...) -> HTMLNode {
    .element(name, [], children)
}

public func el(_ name: String, _ attributes: [(String, String)], _ children: HTMLNode...) -> HTMLNode {
    .element(name, attributes, children)
}

public func el(_ name: String, _ attributes: [(String, String)] = [], children: [HTMLNode]) -> HTMLNode {
    .element(name, attributes, children)
}

public func txt(_ s: String) -> HTMLNode { .text(s) }
