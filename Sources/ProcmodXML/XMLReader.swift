internal import CLibXML2
import ProcmodModel

/// Reads XML files safely with libxml2 and hands out ``ParsedElement`` views of the tree.
///
/// Safe on hostile input: no network (`XML_PARSE_NONET`), no entity expansion, and no DTD at all: the
/// parser's own SAX callbacks for the internal and external subset and for entity declarations stop the
/// parse at the first `<!DOCTYPE` with a located error, wherever comments or processing instructions put
/// it. libxml2's default size limits stay on.
public enum XMLReader {
    /// Parses `bytes` (the contents of `path`), validates against `schema`, and returns the root with
    /// every problem found. `rootName` is used in the message for an empty file.
    public static func read(bytes: [UInt8], path: String, rootName: String, schema: XMLSchema?) -> ParsedDocument {
        var parsed = parse(bytes: bytes, path: path, rootName: rootName)
        if let schema, let root = parsed.root {
            parsed.diagnostics += schemaDiagnostics(validate(root.storage.document, schema: schema), text: root.storage.text)
        }
        return parsed
    }

    /// Parses `bytes` without a schema: the root when the file is well-formed, and every problem found.
    /// Validate the tree with ``startValidation(of:against:onAnotherThread:)``.
    public static func parse(bytes: [UInt8], path: String, rootName: String) -> ParsedDocument {
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
        let document: xmlDocPtr? = withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            context.pointee.sax.pointee.serror = ErrorCollector.parserHandler
            context.pointee.sax.pointee.internalSubset = ErrorCollector.refuseSubset
            context.pointee.sax.pointee.externalSubset = ErrorCollector.refuseSubset
            context.pointee.sax.pointee.entityDecl = ErrorCollector.refuseEntity
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)
            return bytes.withUnsafeBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return nil }
                return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    xmlCtxtReadMemory(context, base, Int32(buffer.count), path, "UTF-8", options)
                }
            }
        }
        if let offset = collector.doctypeOffset {
            let start = doctypeStart(before: offset, in: text.bytes)
            return ParsedDocument(root: nil, diagnostics: [Diagnostic(.error, text.location(ofOffset: start),
                "DOCTYPE declarations are not allowed: procmod files use no DTD and no entities", code: "doctype")])
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
        let storage = DocumentStorage(document: document, text: text)
        guard let rootNode = xmlDocGetRootElement(document) else {
            diagnostics.append(Diagnostic(.error, text.location(ofOffset: 0), "the document has no root element",
                                          code: "xml"))
            return ParsedDocument(root: nil, diagnostics: diagnostics)
        }
        recordOffsets(rootNode, text: text)
        return ParsedDocument(root: ParsedElement(storage: storage, node: rootNode), diagnostics: diagnostics)
    }

    /// Starts validating the document of `root` against `schema` on another thread, so that the caller
    /// can decode the tree meanwhile: libxml2's validation only reads the tree (procmod's schemas declare
    /// no `xs:ID`, and validation is not asked to add defaults), and so does decoding. The diagnostics are
    /// located on the caller's thread, in ``PendingValidation/diagnostics()``. With `onAnotherThread`
    /// false the validation runs there, when the diagnostics are asked for (when many files are loaded at
    /// once, the cores are busy with files already).
    public static func startValidation(of root: ParsedElement, against schema: XMLSchema,
                                       onAnotherThread: Bool = true) -> PendingValidation {
        PendingValidation(storage: root.storage, schema: schema, onAnotherThread: onAnotherThread)
    }

    /// Schema errors as diagnostics, each at the element or attribute it is about.
    static func schemaDiagnostics(_ errors: [RawXMLError], text: SourceText) -> [Diagnostic] {
        errors.map { error in
            var d = diagnostic(error, text: text, code: "schema")
            if let node = error.node?.assumingMemoryBound(to: xmlNode.self) {
                d.location = location(of: node, message: error.message, text: text)
            }
            return d
        }
    }

    /// Where the `<!DOCTYPE` that the parser had reached at `offset` begins.
    private static func doctypeStart(before offset: Int, in bytes: [UInt8]) -> Int {
        let keyword = Array("<!DOCTYPE".utf8)
        var i = min(offset, bytes.count - keyword.count)
        while i >= 0 {
            if bytes[i] == keyword[0], bytes[i..<i + keyword.count].elementsEqual(keyword) { return i }
            i -= 1
        }
        return max(0, min(offset, bytes.count - 1))
    }

    /// Stores each element's start-tag offset in its `_private` field (offset + 1, so 0 means none).
    /// libxml2 keeps only a line per node, and that is where the start tag *ends*; the n-th start tag
    /// in the text is the n-th element in document order (DOCTYPEs, so entity-made elements, are refused).
    private static func recordOffsets(_ root: xmlNodePtr, text: SourceText) {
        var scanner = StartTagScanner(bytes: text.bytes)
        // Document order without a stack: down to the first child element, else on to the next sibling
        // element, else up until an ancestor below the root has one.
        var node: xmlNodePtr? = root
        while let current = node {
            if let offset = scanner.next() { current.pointee._private = UnsafeMutableRawPointer(bitPattern: offset + 1) }
            if let child = firstElement(from: current.pointee.children) {
                node = child
                continue
            }
            var up: xmlNodePtr? = current
            node = nil
            while let u = up, u != root {
                if let sibling = firstElement(from: u.pointee.next) {
                    node = sibling
                    break
                }
                up = u.pointee.parent
            }
        }
    }

    /// Where a schema error points: the named attribute for "Element 'x', attribute 'y': ..." messages,
    /// otherwise the element (an attribute node points at its own name).
    private static func location(of node: xmlNodePtr, message: String, text: SourceText) -> SourceLocation {
        if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent {
            let tag = DocumentStorage.offset(parent.pointee._private)
            let name = String(cString: node.pointee.name)
            return text.location(ofOffset: StartTagScanner.attributeOffset(named: name, inTagAt: tag, of: text.bytes) ?? tag)
        }
        let tag = DocumentStorage.offset(node.pointee._private)
        if let marker = message.firstRange(of: ", attribute '") {
            let name = String(message[marker.upperBound...].prefix { $0 != "'" })
            if let offset = StartTagScanner.attributeOffset(named: name, inTagAt: tag, of: text.bytes) {
                return text.location(ofOffset: offset)
            }
        }
        return text.location(ofOffset: tag)
    }

    static func validate(_ document: xmlDocPtr, schema: XMLSchema) -> [RawXMLError] {
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
