internal import CLibXML2
public import ProcmodModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one parsed libxml2 document and its source text; freed when the last element view goes.
final class DocumentStorage {
    let document: xmlDocPtr
    let text: SourceText

    init(document: xmlDocPtr, text: SourceText) {
        self.document = document
        self.text = text
    }

    deinit { xmlFreeDoc(document) }

    /// The byte offset recorded in a node's `_private` field by ``XMLReader`` (0 when none).
    static func offset(_ raw: UnsafeMutableRawPointer?) -> Int {
        raw.map { Int(bitPattern: $0) - 1 } ?? 0
    }
}

/// An attribute as written in the file. Its location is found only when asked for, since most
/// attributes are read and never reported.
public struct ParsedAttribute {
    /// Local name (without prefix).
    public let name: String
    public let value: String
    let element: ParsedElement

    /// Where the attribute's name starts.
    public var location: SourceLocation { element.attributeLocation(name) }
}

/// A read-only view of one element of a parsed document. Values are read from libxml2's tree on
/// demand, so nothing is copied that the caller does not ask for; no C type appears in the API.
public struct ParsedElement {
    let storage: DocumentStorage
    let node: xmlNodePtr

    init(storage: DocumentStorage, node: xmlNodePtr) {
        self.storage = storage
        self.node = node
    }

    /// Local name (without prefix).
    public var name: String { String(cString: node.pointee.name) }

    /// True when the local name is `name`, without building a String.
    public func isNamed(_ name: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The namespace URI, if any.
    public var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// Where the element's start tag begins (`<`).
    public var location: SourceLocation {
        storage.text.location(ofOffset: DocumentStorage.offset(node.pointee._private))
    }

    /// The attribute with this local name and no namespace, if present.
    public func attribute(_ name: String) -> ParsedAttribute? {
        attributeNode(name).map { ParsedAttribute(name: name, value: Self.value(of: $0), element: self) }
    }

    /// The value of the attribute with this local name and no namespace, if present: ``attribute(_:)``
    /// without keeping what finding its location needs (see ``location(ofAttribute:)``).
    public func attributeValue(_ name: String) -> String? {
        attributeNode(name).map { Self.value(of: $0) }
    }

    /// Where the attribute with this local name starts (the element's start when it has none).
    public func location(ofAttribute name: String) -> SourceLocation { attributeLocation(name) }

    private func attributeNode(_ name: String) -> xmlAttrPtr? {
        // The name as a C string once, not once per attribute compared.
        name.withCString { wanted in
            var attribute = node.pointee.properties
            while let a = attribute {
                // The first bytes compared inline: most attributes differ there, and strcmp is a call.
                if a.pointee.ns == nil, let name = a.pointee.name, CChar(bitPattern: name.pointee) == wanted.pointee,
                   strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    return a
                }
                attribute = a.pointee.next
            }
            return nil
        }
    }

    /// Without a DTD an attribute's children are text nodes only (character references are already
    /// resolved), so their contents concatenated are the value.
    private static func value(of attribute: xmlAttrPtr) -> String {
        guard let first = attribute.pointee.children else { return "" }
        if first.pointee.next == nil, let content = first.pointee.content { return String(cString: content) }
        var value = ""
        var part: xmlNodePtr? = first
        while let p = part {
            if let content = p.pointee.content { value += String(cString: content) }
            part = p.pointee.next
        }
        return value
    }

    func attributeLocation(_ name: String) -> SourceLocation {
        let tag = DocumentStorage.offset(node.pointee._private)
        let text = storage.text
        return text.location(ofOffset: StartTagScanner.attributeOffset(named: name, inTagAt: tag, of: text.bytes) ?? tag)
    }

    /// Child elements in document order.
    public var children: [ParsedElement] { Array(childElements) }

    /// Child elements in document order, walked without building an array.
    public var childElements: ChildElements { ChildElements(storage: storage, first: node.pointee.children) }

    /// The first child element, if any.
    public var firstChildElement: ParsedElement? {
        firstElement(from: node.pointee.children).map { ParsedElement(storage: storage, node: $0) }
    }

    /// Child elements with this local name.
    public func children(named name: String) -> [ParsedElement] {
        var result: [ParsedElement] = []
        name.withCString { wanted in
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE,
                   strcmp(UnsafeRawPointer(c.pointee.name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    result.append(ParsedElement(storage: storage, node: c))
                }
                child = c.pointee.next
            }
        }
        return result
    }

    /// The first child element with this local name.
    public func child(named name: String) -> ParsedElement? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE,
               name.withCString({ strcmp(UnsafeRawPointer(c.pointee.name).assumingMemoryBound(to: CChar.self), $0) }) == 0 {
                return ParsedElement(storage: storage, node: c)
            }
            child = c.pointee.next
        }
        return nil
    }

    /// The element serialized as XML, with its descendants (namespace declarations of its ancestors are
    /// not repeated: an element that declares its own namespace reads back alone).
    public var outerXML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }

    /// The element's own text (text and CDATA children concatenated, comments left out).
    public var text: String {
        var result = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE,
               let content = c.pointee.content {
                result += String(cString: content)
            }
            child = c.pointee.next
        }
        return result
    }
}

/// The child elements of an element, in document order (``ParsedElement/childElements``).
public struct ChildElements: Sequence {
    let storage: DocumentStorage
    let first: xmlNodePtr?

    public struct Iterator: IteratorProtocol {
        let storage: DocumentStorage
        var cursor: xmlNodePtr?

        public mutating func next() -> ParsedElement? {
            guard let element = firstElement(from: cursor) else { return nil }
            cursor = element.pointee.next
            return ParsedElement(storage: storage, node: element)
        }
    }

    public func makeIterator() -> Iterator { Iterator(storage: storage, cursor: first) }
}

/// The first element node among `node` and its following siblings.
func firstElement(from node: xmlNodePtr?) -> xmlNodePtr? {
    var n = node
    while let c = n, c.pointee.type != XML_ELEMENT_NODE { n = c.pointee.next }
    return n
}

/// The outcome of reading one XML file: the root when it is well-formed, and every problem found.
public struct ParsedDocument {
    public var root: ParsedElement?
    public var diagnostics: [Diagnostic]
}
