public import ProcmodModel

/// An attribute as written in the file, with where its name starts.
public struct ParsedAttribute: Sendable, Hashable {
    /// Local name (without prefix).
    public var name: String
    /// The namespace URI, for prefixed attributes such as `xml:lang`.
    public var namespace: String?
    public var value: String
    public var location: SourceLocation
}

/// An element of a parsed XML document: a plain Swift value, free of libxml2 pointers.
public struct ParsedElement: Sendable, Hashable {
    /// Local name (without prefix).
    public var name: String
    public var namespace: String?
    public var attributes: [ParsedAttribute]
    public var children: [ParsedElement]
    /// The element's own text (text and CDATA children concatenated, comments left out).
    public var text: String
    /// Where the element's start tag begins (`<`).
    public var location: SourceLocation

    /// The attribute with this local name and no namespace, if present.
    public func attribute(_ name: String) -> ParsedAttribute? {
        attributes.first { $0.name == name && $0.namespace == nil }
    }

    /// Child elements with this local name.
    public func children(named name: String) -> [ParsedElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with this local name.
    public func child(named name: String) -> ParsedElement? {
        children.first { $0.name == name }
    }
}

/// The outcome of reading one XML file: the tree when it is well-formed, and every problem found.
public struct ParsedDocument: Sendable {
    public var root: ParsedElement?
    public var diagnostics: [Diagnostic]
}
