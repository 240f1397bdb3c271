#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodModel
import ProcmodXML

/// Reading any of the DSL's files (procedure, scenario, suite): the file, libxml2, the schema and the
/// root element, with every problem as a diagnostic. The loaders decode what it returns.
public enum DSLDocument {
    /// The file's bytes, or the diagnostic that says why there are none. Only a regular file is read
    /// (a FIFO, socket or device named `*.xml` would block or never end); it is opened without blocking
    /// and checked on the open descriptor, so it cannot be swapped between the check and the read.
    public static func bytes(at path: String, maximumFileSize: Int) -> ([UInt8]?, [Diagnostic]) {
        func failure(_ message: String, _ code: String) -> ([UInt8]?, [Diagnostic]) {
            (nil, [Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), message, code: code)])
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return errno == ENOENT ? failure("no such file", "io") : failure("cannot be read", "io")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure("cannot be read", "io") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return failure("is a directory: expected a procmod file", "io")
        default: return failure("is not a regular file (a pipe, socket or device): procmod reads only regular files", "io")
        }
        let size = Int(info.st_size)
        if size > maximumFileSize {
            return failure("the file is \(megabytes(size)) MiB, over the limit of \(megabytes(maximumFileSize)) MiB; "
                           + "raise it with --max-file-size if the file is really a procedure", "file-too-large")
        }
        let bytes = readBytes(fd, upTo: size)
        guard bytes.count == size else { return failure("cannot be read (it changed while being read)", "io") }
        return (bytes, [])
    }

    /// Up to `count` bytes from an open file, read again after an interrupted or short read; fewer when
    /// the file ends (or fails) first.
    static func readBytes(_ fd: Int32, upTo count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0 + done, count - done) } ?? -1 }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return done == count ? bytes : Array(bytes[..<done])
    }

    /// The root element when the file is well-formed, schema-valid and of the expected kind.
    /// `laterChecks`, when given, is added as a note to a file with schema errors: what else will be
    /// checked once they are fixed.
    static func root(_ bytes: [UInt8], path: String, rootName: String, namespace: String,
                     schema: XMLSchema, schemaText: String = "", laterChecks: String? = nil) -> (ParsedElement?, [Diagnostic]) {
        let (root, diagnostics, _) = root(bytes, path: path, rootName: rootName, namespace: namespace, schema: schema,
                                          schemaText: schemaText, laterChecks: laterChecks, concurrently: false,
                                          decodingWhileValidating: { _ in () })
        return (root, diagnostics)
    }

    /// The same, with `decode` run on the tree while the schema is checked on another thread (with
    /// `concurrently` false, before it on this one); its result is returned only when the file is
    /// schema-valid. `decode` must not trap on a tree the schema would refuse (the decoders read every
    /// value defensively and report what they cannot use).
    static func root<T>(_ bytes: [UInt8], path: String, rootName: String, namespace: String,
                        schema: XMLSchema, schemaText: String = "", laterChecks: String? = nil, concurrently: Bool,
                        decodingWhileValidating decode: (ParsedElement) -> T) -> (ParsedElement?, [Diagnostic], T?) {
        let parsed = XMLReader.parse(bytes: bytes, path: path, rootName: rootName)
        guard let root = parsed.root else { return (nil, parsed.diagnostics, nil) }
        // Another kind of document: say what it is, not what the schema makes of it.
        if root.name != rootName || root.namespace != namespace {
            let found = root.namespace.map { "{\($0)}" } ?? "no namespace"
            var message = "the root element is <\(root.name)> in \(found): expected <\(rootName) xmlns=\"\(namespace)\">"
            if root.namespace == "http://www.omg.org/spec/BPMN/20100524/MODEL" {
                message += "; this is a BPMN 2.0 file: make it a procedure with `procmod import`"
            }
            return (nil, parsed.diagnostics + [Diagnostic(.error, root.location, message, code: "schema")], nil)
        }
        let validation = XMLReader.startValidation(of: root, against: schema, onAnotherThread: concurrently)
        let decoded: T?
        let schemaDiagnostics: [Diagnostic]
        if concurrently {
            decoded = decode(root)
            schemaDiagnostics = withExtendedLifetime(root) { validation.diagnostics() }
        } else {
            // One thread: validate first, and decode only a valid tree.
            schemaDiagnostics = withExtendedLifetime(root) { validation.diagnostics() }
            decoded = schemaDiagnostics.containsErrors ? nil : decode(root)
        }
        var diagnostics = (parsed.diagnostics + schemaDiagnostics).map {
            $0.code == "schema" ? SchemaMessages.reword($0, schema: schemaText) : $0
        }
        guard !diagnostics.containsErrors, let decoded else {
            if let laterChecks { diagnostics.append(Diagnostic(.note, root.location, laterChecks, code: "schema")) }
            return (nil, diagnostics, nil)
        }
        return (root, diagnostics, decoded)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        return mib >= 10 ? String(Int(mib.rounded())) : String((mib * 10).rounded() / 10)
    }
}
