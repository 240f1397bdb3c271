import Dispatch
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel
import ProcmodXML

/// One file's outcome: the procedure when it is valid, and every diagnostic, sorted.
public struct LoadedProcedure: Sendable {
    /// The path as given or found.
    public var path: String
    /// The procedure, or nil when the file has errors.
    public var procedure: Procedure?
    /// Every problem found, sorted by location.
    public var diagnostics: [Diagnostic]

    public init(path: String, procedure: Procedure?, diagnostics: [Diagnostic]) {
        self.path = path
        self.procedure = procedure
        self.diagnostics = diagnostics
    }
}

/// Thrown by ``ProcedureLoader/loadProcedure(at:)`` when a file has errors.
public struct ProcedureLoadError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads procedure files: reads them safely with libxml2, validates them against the DSL's schema,
/// decodes the model and runs the semantic checks.
public struct ProcedureLoader: Sendable {
    /// The size above which every loader refuses a file before reading it: 32 MiB.
    public static let defaultMaximumFileSize = 32 << 20

    /// Files larger than this are refused before reading.
    public var maximumFileSize: Int

    /// True when one file's stages may use a second thread (validation beside decoding, freeing the
    /// tree beside the checks); off when many files load at once and the threads are busy with files.
    var concurrentStages = true

    public init(maximumFileSize: Int = defaultMaximumFileSize) {
        self.maximumFileSize = maximumFileSize
    }

    /// Loads one file.
    public func load(path: String) -> LoadedProcedure {
        let (bytes, diagnostics) = DSLDocument.bytes(at: path, maximumFileSize: maximumFileSize)
        guard let bytes else { return LoadedProcedure(path: path, procedure: nil, diagnostics: diagnostics) }
        return load(bytes: bytes, path: path)
    }

    /// Loads a procedure from bytes, reporting locations against `path`.
    public func load(bytes: [UInt8], path: String) -> LoadedProcedure {
        // The model is decoded while the schema is checked on another thread, and kept only when the file
        // is schema-valid; the semantic checks need a valid model and run after.
        var (_, diagnostics, decoded) = DSLDocument.root(
            bytes, path: path, rootName: "procedure", namespace: ProcedureSchema.namespace, schema: Self.schema,
            schemaText: ProcedureSchema.text,
            laterChecks: "the semantic checks (references, probabilities, flow) run once the errors above are fixed",
            concurrently: concurrentStages,
            decodingWhileValidating: { root -> (DecodedTree, Procedure) in
                var decoder = ProcedureDecoder()
                let procedure = decoder.decode(root)
                return (DecodedTree(decoder), procedure)
            })
        guard let (tree, decodedProcedure) = decoded else {
            return LoadedProcedure(path: path, procedure: nil, diagnostics: diagnostics.sorted())
        }
        decoded = nil
        var procedure = decodedProcedure
        var checks = SemanticChecks(context: tree.decoder?.context ?? DecodeContext())
        checks.run(&procedure, tree: tree, concurrently: concurrentStages)
        diagnostics += checks.context.diagnostics
        return LoadedProcedure(path: path, procedure: diagnostics.containsErrors ? nil : procedure,
                               diagnostics: diagnostics.sorted())
    }

    /// Checks a procedure the library produced (a digitizer's after-model, a model built in code) with
    /// everything a file gets: it is written in the DSL and loaded back, so the schema, the bounds and
    /// every semantic check apply. `name` is the path the diagnostics name (their lines are those of the
    /// written text, which `procmod digitize` writes out as it is).
    public func check(_ procedure: Procedure, name: String) -> LoadedProcedure {
        load(bytes: Array(ProcedureWriter().write(procedure).utf8), path: name)
    }

    /// Loads files and directories (searched recursively for `*.xml`), in parallel, and returns the
    /// outcomes in a stable order: the paths as given, directory contents sorted by path.
    public func loadAll(_ paths: [String]) -> [LoadedProcedure] {
        let files = ProcedureFiles.expand(paths)
        let results = ResultSlots(count: files.count)
        var loader = self
        loader.concurrentStages = files.count < 2
        DispatchQueue.concurrentPerform(iterations: files.count) { [loader] i in
            results.set(i, loader.load(path: files[i]))
        }
        return results.values
    }

    /// Checks files of every kind (procedures, scenarios, suites) in parallel, in the order of
    /// ``loadAll(_:)``; scenarios and suites come back with their diagnostics and no procedure.
    public func validateAll(_ paths: [String]) -> [LoadedProcedure] {
        let files = ProcedureFiles.expand(paths, kind: nil)
        let results = ResultSlots(count: files.count)
        let limit = maximumFileSize
        var loader = self
        loader.concurrentStages = files.count < 2
        DispatchQueue.concurrentPerform(iterations: files.count) { [loader] i in
            let path = files[i]
            switch DSLFileKind.of(path: path) {
            case .procedure, .foreign: results.set(i, loader.load(path: path))
            case .scenario:
                results.set(i, LoadedProcedure(path: path, procedure: nil,
                                               diagnostics: ScenarioLoader(maximumFileSize: limit).load(path: path).diagnostics))
            case .suite:
                results.set(i, LoadedProcedure(path: path, procedure: nil, diagnostics: SuiteLoader(maximumFileSize: limit).load(path: path).diagnostics))
            case .catalogue:
                // The catalogue's own problems (its procedures are validated as files of their own).
                let own = CatalogueLoader(maximumFileSize: limit).load(path: path).diagnostics.filter { $0.location.file == path }
                results.set(i, LoadedProcedure(path: path, procedure: nil, diagnostics: own))
            }
        }
        return results.values
    }

    /// Loads one file and throws its diagnostics when it has errors.
    public func loadProcedure(at path: String) throws(ProcedureLoadError) -> Procedure {
        let loaded = load(path: path)
        guard let procedure = loaded.procedure else { throw ProcedureLoadError(diagnostics: loaded.diagnostics) }
        return procedure
    }

    /// The compiled DSL schema, shared by every load.
    static let schema: XMLSchema = {
        do { return try XMLSchema(text: ProcedureSchema.text) } catch {
            fatalError("procmod's own schema does not compile: \(error)")
        }
    }()

}

/// Per-index result storage written from concurrent iterations, each index once.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[LoadedProcedure?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: LoadedProcedure) {
        slots.withLock { $0[index] = value }
    }

    var values: [LoadedProcedure] { slots.withLock { $0.compactMap { $0 } } }
}

/// The two kinds of DSL file.
public enum DSLFileKind: Sendable {
    case procedure, scenario, suite, catalogue
    /// XML of another kind (a BPMN file, a build file): its root is not a procmod root element.
    case foreign

    /// The kind a file's root element says, read from the first start tag (procedure when unsure).
    public static func of(path: String) -> DSLFileKind {
        guard ProcedureFiles.isRegularFile(path), let bytes = ProcedureFiles.firstBytes(of: path, upTo: 4096) else { return .procedure }
        let head = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(head)
        while let lt = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: lt)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") {
                rest = tag.drop { $0 != ">" }
                continue
            }
            let name = tag.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            switch local {
            case "scenario": return .scenario
            case "suite": return .suite
            case "catalogue": return .catalogue
            case "procedure": return .procedure
            default: return .foreign
            }
        }
        return .procedure
    }
}

/// Expands command-line paths into DSL files.
public enum ProcedureFiles {
    /// Files stay as given; directories become their `*.xml` regular files of the given kind (all kinds
    /// when nil), recursively, sorted by path. Pipes, sockets and devices inside a folder are passed over.
    public static func expand(_ paths: [String], kind: DSLFileKind? = .procedure) -> [String] {
        var files: [String] = []
        for path in paths {
            if isDirectory(path) {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let found = xmlSubpaths(of: path)
                    .map { base + "/" + $0 }
                    .filter(isRegularFile)
                    .filter { let k = DSLFileKind.of(path: $0); return k != .foreign && (kind == nil || k == kind) }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// XML files in the folders among `paths` that are not procmod files (skipped by ``expand(_:kind:)``).
    public static func foreign(in paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            guard isDirectory(path) else { return [] }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            return xmlSubpaths(of: path).map { base + "/" + $0 }.filter(isRegularFile)
                .filter { DSLFileKind.of(path: $0) == .foreign }.sorted()
        }
    }

    /// The file's first `count` bytes (all of them when it is shorter), or nil when it cannot be opened.
    static func firstBytes(of path: String, upTo count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return DSLDocument.readBytes(fd, upTo: count)
    }

    /// The paths of the `*.xml` entries under a folder, relative to it, at any depth.
    private static func xmlSubpaths(of folder: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }
    }

    /// True for a folder, or a link to one.
    static func isDirectory(_ path: String) -> Bool { has(path, type: S_IFDIR) }

    /// True for a regular file, or a link to one.
    static func isRegularFile(_ path: String) -> Bool { has(path, type: S_IFREG) }

    /// True when `path` exists, links followed, and is of the file type `type` (`S_IFREG`, `S_IFDIR`).
    private static func has(_ path: String, type: mode_t) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == type
    }
}
