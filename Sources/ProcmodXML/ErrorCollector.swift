internal import CLibXML2

/// One error that libxml2 reported, copied out of its C struct at once.
struct RawXMLError {
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

    private func record(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isNewline == true || message.last == " " { message.removeLast() }
        errors.append(RawXMLError(line: Int(error.line), column: Int(error.int2), message: message,
                                  isWarning: error.level == XML_ERR_WARNING, node: error.node))
    }
}
