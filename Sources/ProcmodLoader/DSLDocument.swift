import Foundation
import ProcmodModel
import ProcmodXML

/// Reading any of the DSL's files (procedure, scenario, suite): the file, libxml2, the schema and the
/// root element, with every problem as a diagnostic. The loaders decode what it returns.
enum DSLDocument {
    /// The file's bytes, or the diagnostic that says why there are none.
    static func bytes(at path: String, maximumFileSize: Int) -> ([UInt8]?, [Diagnostic]) {
        func failure(_ message: String, _ code: String) -> ([UInt8]?, [Diagnostic]) {
            (nil, [Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), message, code: code)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return failure("no such file", "io") }
        if isDirectory.boolValue { return failure("is a directory: expected a procmod file", "io") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumFileSize {
            return failure("the file is \(megabytes(size)) MiB, over the limit of \(megabytes(maximumFileSize)) MiB; "
                           + "raise it with --max-file-size if the file is really a procedure", "file-too-large")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return failure("cannot be read", "io") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileSize + 1)) ?? Data()
        if data.count > maximumFileSize {
            return failure("the file is over the limit of \(megabytes(maximumFileSize)) MiB", "file-too-large")
        }
        return ([UInt8](data), [])
    }

    /// The root element when the file is well-formed, schema-valid and of the expected kind.
    /// `laterChecks`, when given, is added as a note to a file with schema errors: what else will be
    /// checked once they are fixed.
    static func root(_ bytes: [UInt8], path: String, rootName: String, namespace: String,
                     schema: XMLSchema, laterChecks: String? = nil) -> (ParsedElement?, [Diagnostic]) {
        let parsed = XMLReader.read(bytes: bytes, path: path, rootName: rootName, schema: schema)
        var diagnostics = parsed.diagnostics
        guard let root = parsed.root, !diagnostics.containsErrors else {
            if let root = parsed.root, let laterChecks {
                diagnostics.append(Diagnostic(.note, root.location, laterChecks, code: "schema"))
            }
            return (nil, diagnostics)
        }
        guard root.name == rootName, root.namespace == namespace else {
            let found = root.namespace.map { "{\($0)}" } ?? "no namespace"
            diagnostics.append(Diagnostic(.error, root.location, "the root element is <\(root.name)> in \(found): "
                                          + "expected <\(rootName) xmlns=\"\(namespace)\">", code: "schema"))
            return (nil, diagnostics)
        }
        return (root, diagnostics)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        return mib >= 10 ? String(Int(mib.rounded())) : String((mib * 10).rounded() / 10)
    }
}
