public import ProcmodModel
import OrderedCollections
import ProcmodLoader
import ProcmodXML

/// What an import made, and what it could not map.
public struct BPMNImport: Sendable {
    /// The procedure, when the file held a process procmod could read.
    public var procedure: Procedure?
    /// Problems (errors), and notes on every element not mapped, with its id and line.
    public var diagnostics: [Diagnostic]
    /// True when the procedure came from procmod's own extension (a file procmod exported, with its
    /// process unchanged): exact, nothing lost.
    public var fromExtension: Bool
}

/// Reads a BPMN 2.0 file into a procedure (docs/interop.md). A file procmod exported carries the whole
/// model in its extension and is read back exactly, unless a tool changed its tasks since; any other
/// process is mapped: lanes to actors, tasks to steps, exclusive gateways that split to choices (equal
/// shares, assumed, unless procmod's extension gives them), parallel gateways to parallel blocks, timer
/// events to wait steps with their delay, data objects to documents, end events to ends. Whatever is not
/// mapped is listed, with its id and line. Namespace prefixes (`bpmn:`, `bpmn2:`, `semantic:`, none),
/// ISO-8859-1 and vendor extensions are read; the same XML safety rules as the DSL loader hold.
public struct BPMNImporter: Sendable {
    public var maximumFileSize: Int
    /// The process to import, when the file has several (default: the one a pool shows, else the first
    /// with flow nodes).
    public var processID: String?

    public init(maximumFileSize: Int = 32 << 20, processID: String? = nil) {
        self.maximumFileSize = maximumFileSize
        self.processID = processID
    }

    public func load(path: String) -> BPMNImport {
        let (bytes, diagnostics) = DSLDocument.bytes(at: path, maximumFileSize: maximumFileSize)
        guard let bytes else { return BPMNImport(procedure: nil, diagnostics: diagnostics, fromExtension: false) }
        return load(bytes: bytes, path: path)
    }

    public func load(bytes: [UInt8], path: String) -> BPMNImport {
        let document = XMLReader.read(bytes: Self.utf8(bytes), path: path, rootName: "definitions", schema: nil)
        guard let root = document.root else { return BPMNImport(procedure: nil, diagnostics: document.diagnostics, fromExtension: false) }
        var diagnostics = document.diagnostics
        guard root.namespace == BPMNNamespace.model, root.name == "definitions" else {
            diagnostics.append(Diagnostic(.error, root.location, "the root is <\(root.name)> in \(root.namespace ?? "no namespace"): "
                                          + "a BPMN 2.0 file has <definitions> in \(BPMNNamespace.model)", code: "bpmn"))
            return BPMNImport(procedure: nil, diagnostics: diagnostics, fromExtension: false)
        }
        var mapper = BPMNMapper(root: root, path: path, processID: processID)
        let procedure = mapper.map()
        diagnostics += mapper.diagnostics
        return BPMNImport(procedure: procedure, diagnostics: diagnostics, fromExtension: mapper.fromExtension)
    }

    /// The bytes as UTF-8: a file declared ISO-8859-1 (or Latin-1, Windows-1252) is transcoded, and its
    /// declaration says UTF-8 afterwards. Other files are left as they are (the reader checks them).
    public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)), let close = bytes.firstIndex(of: UInt8(ascii: ">")) else { return bytes }
        let declaration = String(decoding: bytes[..<close], as: UTF8.self)
        let lower = declaration.lowercased()
        guard ["iso-8859-1", "latin1", "latin-1", "windows-1252", "iso8859-1"].contains(where: { lower.contains("\"\($0)\"") || lower.contains("'\($0)'") })
        else { return bytes }
        var text = ""
        for b in bytes[close...] { text.unicodeScalars.append(Unicode.Scalar(b)) }
        return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?" + text).utf8)
    }
}
