internal import CLibXML2

/// Writes indented XML with libxml2's text writer, which escapes text and attribute values itself.
public final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    public init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        _ = xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func chars(_ s: String, _ body: (UnsafePointer<xmlChar>) -> Void) {
        s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    public func start(_ name: String) { chars(name) { _ = xmlTextWriterStartElement(writer, $0) } }

    public func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        chars(name) { n in chars(value) { v in _ = xmlTextWriterWriteAttribute(writer, n, v) } }
    }

    public func comment(_ text: String) {
        // "--" may not appear inside a comment.
        chars(" " + text.replacingAll("--", with: "- -") + " ") { _ = xmlTextWriterWriteComment(writer, $0) }
    }

    public func text(_ value: String) { chars(value) { _ = xmlTextWriterWriteString(writer, $0) } }

    public func end() { _ = xmlTextWriterEndElement(writer) }

    /// Writes `xml` as it is: well-formed markup the caller made (another document's root element).
    public func raw(_ xml: String) { chars(xml) { _ = xmlTextWriterWriteRaw(writer, $0) } }

    /// Closes every open element and returns the document.
    public func finish() -> String {
        _ = xmlTextWriterEndDocument(writer)
        _ = xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = self
        while let range = out.firstRange(of: target) { out.replaceSubrange(range, with: replacement) }
        return out
    }
}
