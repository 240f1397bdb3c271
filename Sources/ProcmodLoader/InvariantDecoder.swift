public import ProcmodModel
import ProcmodXML

extension DecodeContext {
    /// Decodes the children of an `<invariants>` element.
    mutating func invariants(_ e: ParsedElement) -> [Invariant] {
        e.children.map { c in
            let kind: Invariant.Kind
            switch c.name {
            case "max-visits": kind = .maxVisits(number(c, "value") ?? 0)
            case "max-handoffs": kind = .maxHandoffs(number(c, "value") ?? 0)
            case "no-certified-copies": kind = .noCertifiedCopies
            case "once-only": kind = .onceOnly(registers: list(c, "registers"))
            case "no-paper-alongside-electronic": kind = .noPaperAlongsideElectronic
            case "approval-on-every-path": kind = .approvalOnEveryPath(actor: required(c, "actor"))
            case "legal-basis-for-requirements": kind = .legalBasisForRequirements
            case "max-cost-per-case": kind = .maxCostPerCase(number(c, "vnd") ?? 0)
            case "no-findings": kind = .rule(required(c, "rule"))
            case "lead-time":
                kind = .leadTimePercentile(percentile: integer(c, "percentile") ?? 90, maxWorkingDays: number(c, "max-working-days") ?? 0)
            default: kind = .onTimeShare(minimum: number(c, "min") ?? 1)
            }
            return Invariant(kind, name: c.name, label: string(c, "name"), location: c.location)
        }
    }
}

/// One suite file's outcome.
public struct LoadedSuite: Sendable {
    public var path: String
    public var suite: InvariantSuite?
    public var diagnostics: [Diagnostic]
}

/// Loads invariant suites (`<suite xmlns="urn:procmod:suite:1">`).
public struct SuiteLoader: Sendable {
    /// Files larger than this are refused before reading.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = ProcedureLoader.defaultMaximumFileSize) { self.maximumFileSize = maximumFileSize }

    public func load(path: String) -> LoadedSuite {
        let (bytes, read) = DSLDocument.bytes(at: path, maximumFileSize: maximumFileSize)
        guard let bytes else { return LoadedSuite(path: path, suite: nil, diagnostics: read) }
        var (root, diagnostics) = DSLDocument.root(bytes, path: path, rootName: "suite", namespace: SuiteSchema.namespace,
                                                   schema: Self.schema)
        guard let root else { return LoadedSuite(path: path, suite: nil, diagnostics: diagnostics.sorted()) }
        var context = DecodeContext()
        let applies = root.children(named: "applies").map { a in
            InvariantSuite.Applies(path: context.string(a, "path"), field: context.string(a, "field"),
                                   level: context.enumeration(a, "level"))
        }
        let invariants = root.child(named: "invariants").map { context.invariants($0) } ?? []
        diagnostics += context.diagnostics
        return LoadedSuite(path: path, suite: InvariantSuite(name: context.string(root, "name"), applies: applies,
                                                             invariants: invariants, location: root.location),
                           diagnostics: diagnostics.sorted())
    }

    static let schema: XMLSchema = {
        do { return try XMLSchema(text: SuiteSchema.text) } catch {
            fatalError("procmod's own suite schema does not compile: \(error)")
        }
    }()
}
