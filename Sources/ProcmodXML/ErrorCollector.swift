internal import CLibXML2

/// One error that libxml2 reported, copied out of its C struct at once. It may be handed from the
/// thread that validated to the one that reads the tree (the node's address is only read there, while
/// the tree is alive).
struct RawXMLError: @unchecked Sendable {
    var line: Int
    var column: Int
    var message: String
    var isWarning: Bool
    /// The node the error is about (schema validation), as an opaque address.
    var node: UnsafeMutableRawPointer?
}

/// Receives libxml2's structured errors for one parser or validator context. Installed per context,
/// never globally, so parallel loads do not mix their errors.
final class ErrorCollector {
    var errors: [RawXMLError] = []
    /// The byte offset the parser had reached when it met a DTD (a DOCTYPE or an entity declaration).
    var doctypeOffset: Int?

    /// The C callback: `userData` is an unretained pointer to a collector (or, for a parser context,
    /// the context whose `_private` holds it).
    static let schemaHandler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
    }

    static let parserHandler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let collector = context.pointee._private else { return }
        Unmanaged<ErrorCollector>.fromOpaque(collector).takeUnretainedValue().record(error.pointee)
    }

    /// The SAX callback for an internal or external DTD subset: records where it is and stops the parser
    /// before any declaration in it is read, so no entity is ever defined or expanded.
    static let refuseSubset: internalSubsetSAXFunc = { context, _, _, _ in stop(context) }

    /// The SAX callback for an entity declaration (a second guard: a subset has already stopped the parse).
    static let refuseEntity: entityDeclSAXFunc = { context, _, _, _, _, _ in stop(context) }

    private static func stop(_ userData: UnsafeMutableRawPointer?) {
        guard let userData else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        if let collectorPointer = context.pointee._private {
            let collector = Unmanaged<ErrorCollector>.fromOpaque(collectorPointer).takeUnretainedValue()
            if collector.doctypeOffset == nil {
                var offset = 0
                if let input = context.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur {
                    offset = base.distance(to: cur)
                }
                collector.doctypeOffset = offset
            }
        }
        xmlStopParser(context)
    }

    private func record(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isNewline == true || message.last == " " { message.removeLast() }
        errors.append(RawXMLError(line: Int(error.line), column: Int(error.int2), message: message,
                                  isWarning: error.level == XML_ERR_WARNING, node: error.node))
    }
}
