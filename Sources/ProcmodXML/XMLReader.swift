internal import CLibXML2
import ProcmodModel

/// Reads XML files safely with libxml2 and turns them into ``ParsedElement`` trees.
///
/// Safe on hostile input: no network (`XML_PARSE_NONET`), no entity expansion, no DTD loading (files
/// with a DOCTYPE are refused before parsing), and libxml2's default size limits stay on.
public enum XMLReader {
    /// Parses `bytes` (the contents of `path`), validates against `schema`, and returns the tree with
    /// every problem found. `rootName` is used in the message for an empty file.
    public static func read(bytes: [UInt8], path: String, rootName: String, schema: XMLSchema?) -> ParsedDocument {
        let text = SourceText(bytes: bytes, path: path)
        if let problem = InputChecks.firstProblem(in: text, rootName: rootName) {
            return ParsedDocument(root: nil, diagnostics: [problem])
        }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            return ParsedDocument(root: nil, diagnostics: [Diagnostic(.error, text.location(ofOffset: 0),
                                  "out of memory creating the XML parser", code: "xml")])
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = ErrorCollector()
        return withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            context.pointee.sax.pointee.serror = ErrorCollector.parserHandler
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
            let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), path, "UTF-8", options)
                }
            }
            var diagnostics = collector.errors.map { diagnostic($0, text: text, code: "xml") }
            guard let document, collector.errors.allSatisfy(\.isWarning) else {
                if let document { xmlFreeDoc(document) }
                if diagnostics.isEmpty {
                    diagnostics.append(Diagnostic(.error, text.location(ofOffset: 0), "the file is not well-formed XML",
                                                  code: "xml"))
                }
                return ParsedDocument(root: nil, diagnostics: diagnostics)
            }
            defer { xmlFreeDoc(document) }
            guard let rootNode = xmlDocGetRootElement(document) else {
                diagnostics.append(Diagnostic(.error, text.location(ofOffset: 0), "the document has no root element",
                                              code: "xml"))
                return ParsedDocument(root: nil, diagnostics: diagnostics)
            }
            // Validate first: the tree builder then records offsets only for nodes that have errors.
            let schemaErrors = schema.map { validate(document, schema: $0) } ?? []
            var builder = TreeBuilder(text: text, wanted: Set(schemaErrors.compactMap(\.node)))
            let root = builder.build(rootNode)
            diagnostics += schemaErrors.map { error in
                var d = diagnostic(error, text: text, code: "schema")
                if let node = error.node, let offset = builder.nodeOffsets[node] {
                    d.location = text.location(ofOffset: attributeOffset(in: error.message, of: node,
                                                                         builder.attributeOffsets) ?? offset)
                }
                return d
            }
            return ParsedDocument(root: root, diagnostics: diagnostics)
        }
    }

    /// For "Element 'x', attribute 'y': ..." errors reported on the element, the offset of attribute y.
    private static func attributeOffset(in message: String, of node: UnsafeMutableRawPointer,
                                        _ attributeOffsets: [UnsafeMutableRawPointer: [(String, Int)]]) -> Int? {
        guard let marker = message.firstRange(of: ", attribute '") else { return nil }
        let name = message[marker.upperBound...].prefix { $0 != "'" }
        return attributeOffsets[node]?.first { $0.0 == name }?.1
    }

    private static func validate(_ document: xmlDocPtr, schema: XMLSchema) -> [RawXMLError] {
        guard let context = xmlSchemaNewValidCtxt(schema.pointer) else { return [] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector()
        withExtendedLifetime(collector) {
            xmlSchemaSetValidStructuredErrors(context, ErrorCollector.schemaHandler,
                                              Unmanaged.passUnretained(collector).toOpaque())
            _ = xmlSchemaValidateDoc(context, document)
        }
        return collector.errors
    }

    private static func diagnostic(_ error: RawXMLError, text: SourceText, code: String) -> Diagnostic {
        Diagnostic(error.isWarning ? .warning : .error, text.location(line: error.line, column: error.column),
                   tidy(error.message), code: code)
    }

    /// libxml2 writes qualified names as `{namespace-uri}name`; users write `name`. Only braces
    /// holding a URI are removed, so value sets such as `{'a', 'b'}` stay.
    static func tidy(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}") {
                let inside = rest[afterOpen..<close]
                if inside.contains(":"), !inside.contains(" "), !inside.contains("'") {
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            out.append("{")
            rest = rest[afterOpen...]
        }
        return out + rest
    }
}

/// Converts libxml2's DOM into ``ParsedElement`` values, attaching source locations.
private struct TreeBuilder {
    let text: SourceText
    var scanner: StartTagScanner
    /// Element and attribute node addresses → byte offsets, for mapping schema errors.
    var nodeOffsets: [UnsafeMutableRawPointer: Int] = [:]
    /// Element node addresses → their attributes' names and offsets.
    var attributeOffsets: [UnsafeMutableRawPointer: [(String, Int)]] = [:]

    /// Nodes whose offsets are wanted (those with schema errors).
    let wanted: Set<UnsafeMutableRawPointer>
    /// The last namespace URI seen, reused while the pointer stays the same.
    var namespaceCache: (UnsafePointer<xmlChar>?, String?) = (nil, nil)

    init(text: SourceText, wanted: Set<UnsafeMutableRawPointer>) {
        self.text = text
        self.wanted = wanted
        self.scanner = StartTagScanner(bytes: text.bytes)
    }

    mutating func namespace(_ ns: xmlNsPtr?) -> String? {
        guard let href = ns?.pointee.href else { return nil }
        if href == namespaceCache.0 { return namespaceCache.1 }
        let value = String(cString: href)
        namespaceCache = (href, value)
        return value
    }

    mutating func build(_ node: xmlNodePtr) -> ParsedElement {
        let tag = scanner.next()
        let offset = tag?.offset ?? 0
        let wantNode = !wanted.isEmpty && wanted.contains(UnsafeMutableRawPointer(node))
        if wantNode { nodeOffsets[UnsafeMutableRawPointer(node)] = offset }
        var attributes: [ParsedAttribute] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            let name = String(cString: a.pointee.name)
            // Without a DTD, an attribute's children are text nodes only (character references are
            // already resolved), so their contents concatenated are the value.
            var valueText = ""
            var part = a.pointee.children
            while let p = part {
                if let content = p.pointee.content { valueText += String(cString: content) }
                part = p.pointee.next
            }
            let attributeOffset = tag?.attributes.first { $0.localName.elementsEqual(name.utf8) }?.offset ?? offset
            if !wanted.isEmpty && wanted.contains(UnsafeMutableRawPointer(a)) {
                nodeOffsets[UnsafeMutableRawPointer(a)] = attributeOffset
            }
            if wantNode { attributeOffsets[UnsafeMutableRawPointer(node), default: []].append((name, attributeOffset)) }
            attributes.append(ParsedAttribute(
                name: name, namespace: namespace(a.pointee.ns),
                value: valueText, location: text.location(ofOffset: attributeOffset)))
            attribute = a.pointee.next
        }
        var children: [ParsedElement] = []
        var ownText = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(build(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { ownText += String(cString: content) }
            default:
                break
            }
            child = c.pointee.next
        }
        return ParsedElement(
            name: String(cString: node.pointee.name),
            namespace: namespace(node.pointee.ns),
            attributes: attributes, children: children, text: ownText,
            location: text.location(ofOffset: offset))
    }
}
