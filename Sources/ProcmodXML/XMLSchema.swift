internal import CLibXML2

/// A compiled W3C XML Schema. Compiled once and shared: libxml2 schemas are read-only after parsing,
/// and each validation gets its own validation context.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// Errors that make a schema unusable (a bug in procmod, not in user input).
    public struct CompileError: Error, CustomStringConvertible {
        public var messages: [String]
        public var description: String { "the XML schema does not compile: " + messages.joined(separator: "; ") }
    }

    /// Compiles the schema text. Never touches the network (the schema has no imports).
    public init(text: String) throws {
        xmlInitParser()
        let collector = ErrorCollector()
        var bytes = Array(text.utf8)
        let parsed: xmlSchemaPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                withExtendedLifetime(collector) {
                    xmlSchemaSetParserStructuredErrors(context, ErrorCollector.schemaHandler,
                                                       Unmanaged.passUnretained(collector).toOpaque())
                }
                return xmlSchemaParse(context)
            }
        }
        guard let parsed, collector.errors.isEmpty else {
            throw CompileError(messages: collector.errors.map { "line \($0.line): \($0.message)" })
        }
        pointer = parsed
    }

    deinit { xmlSchemaFree(pointer) }
}
