#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel
import ProcmodAnalysis
public import ProcmodSimulation

/// The outcome of one invariant on one procedure.
public enum Verdict: String, Sendable, Codable, Comparable {
    case pass, fail, inconclusive

    private var rank: Int {
        switch self {
        case .fail: 0
        case .inconclusive: 1
        case .pass: 2
        }
    }
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}

/// One invariant checked on one procedure.
public struct InvariantResult: Sendable, Codable, Hashable {
    public var procedure: String
    /// The procedure file.
    public var path: String
    public var invariant: String
    public var verdict: Verdict
    public var message: String
    /// Where the invariant is written (the procedure's or the suite's file).
    public var location: SourceLocation
    /// For an inconclusive simulated invariant: replications that would likely settle it.
    public var replicationsNeeded: Int?
}

/// Checks invariants: static ones from the model and the analyzer; simulated ones with one simulation
/// per procedure, three-valued (the whole 95% interval must meet the bound to pass, miss it to fail).
public struct InvariantChecker: Sendable {
    public var simulation: SimulationOptions

    /// The sampling every simulated invariant uses unless told otherwise: `procmod check`, `ProcmodTesting`
    /// and this checker share it, so a verdict is the same wherever it is asked for.
    public static let defaultSimulation = SimulationOptions(cases: 2_000, replications: 10, seed: 1)

    public init(simulation: SimulationOptions = InvariantChecker.defaultSimulation) {
        self.simulation = simulation
    }

    public func check(_ invariants: [Invariant], on procedure: Procedure, path: String) -> [InvariantResult] {
        let analysis = ProcedureAnalysis(procedure)
        let metrics = analysis.metrics
        var report: SimulationReport?
        var failure: SimulationError?
        if invariants.contains(where: { $0.kind.isSimulated }) {
            do { report = try Simulator(options: simulation).run(procedure) } catch { failure = error }
        }
        return invariants.map { invariant in
            var result = InvariantResult(procedure: procedure.code, path: path, invariant: invariant.title, verdict: .pass,
                                         message: "", location: invariant.location)
            if let failure, invariant.kind.isSimulated {
                // A simulation that cannot answer fails every simulated invariant, with the reason.
                (result.verdict, result.message) = (.fail, "the simulation gave no answer: \(failure.diagnostic.message)")
                return result
            }
            (result.verdict, result.message, result.replicationsNeeded) = evaluate(invariant.kind, procedure, analysis, metrics, report)
            return result
        }
    }

    private func evaluate(_ kind: Invariant.Kind, _ p: Procedure, _ a: ProcedureAnalysis, _ m: ProcedureMetrics,
                          _ report: SimulationReport?) -> (Verdict, String, Int?) {
        func bound(_ ok: Bool, _ message: String) -> (Verdict, String, Int?) { (ok ? .pass : .fail, message, nil) }
        func offending(_ steps: [String], _ what: String) -> (Verdict, String, Int?) {
            steps.isEmpty ? (.pass, "no \(what)", nil)
                : (.fail, "\(what): " + steps.joined(separator: ", "), nil)
        }
        let requirements = p.flow.steps.flatMap { s in s.requires.map { (s, $0) } }
        switch kind {
        case .maxVisits(let n):
            return bound(m.applicantVisits <= n + 1e-9, "\(decimalText(m.applicantVisits)) applicant visits per case (at most \(decimalText(n)))")
        case .maxHandoffs(let n):
            return bound(m.agencyHandoffs <= n + 1e-9, "\(decimalText(m.agencyHandoffs)) hand-offs between agencies per case (at most \(decimalText(n)))")
        case .noCertifiedCopies:
            return offending(requirements.filter { $0.1.form == .certifiedCopy }.map { "'\($0.1.document)' at \(at($0.1.location))" },
                             "certified copies")
        case .onceOnly(let registers):
            let held = requirements.filter { r in p.documents[r.1.document]?.register.map(registers.contains) ?? false }
            return offending(held.map { "'\($0.1.document)' (\(p.documents[$0.1.document]?.register ?? "")) at \(at($0.1.location))" },
                             "documents the registers hold")
        case .noPaperAlongsideElectronic:
            let findings = Analyzer(configuration: only("paper-alongside-electronic")).analyze(p).findings
            return offending(findings.map { "step '\($0.element)' at \(at($0.location))" }, "paper alongside electronic")
        case .approvalOnEveryPath(let actor):
            guard p.actors[actor] != nil else { return (.fail, "the procedure has no actor '\(actor)'", nil) }
            // Remove the actor's approve and sign steps: if an end is still reachable, some path avoids them.
            let approving = Set(p.flow.nodes.indices.filter {
                guard let s = p.flow.nodes[$0].step else { return false }
                return s.actor == actor && (s.kind == .approve || s.kind == .sign)
            })
            var seen = Set<Int>(), stack = [0]
            var reachesEnd = false
            while let n = stack.popLast() {
                guard !approving.contains(n), seen.insert(n).inserted else { continue }
                if case .end = p.flow.nodes[n].kind { reachesEnd = true; break }
                stack += p.flow.nodes[n].edges.map(\.target)
            }
            return bound(!reachesEnd, reachesEnd ? "a path reaches the end without an approval or signature by '\(actor)'"
                                                 : "every path passes an approval or signature by '\(actor)'")
        case .legalBasisForRequirements:
            return offending(requirements.filter { $0.1.legal.isEmpty && (p.documents[$0.1.document]?.legal.isEmpty ?? true) }
                                .map { "'\($0.1.document)' at \(at($0.1.location))" }, "requirements without a legal basis")
        case .maxCostPerCase(let v):
            return bound(m.cost.perCaseVND <= v + 1e-6, "\(decimalText(m.cost.perCaseVND, decimals: 0)) VND per case (at most \(decimalText(v, decimals: 0)))")
        case .rule(let id):
            guard RuleCatalog.rule(id) != nil else { return (.fail, "there is no analyzer rule '\(id)'", nil) }
            let findings = Analyzer(configuration: only(id)).analyze(p).findings
            return offending(findings.map { "\(at($0.location)) \($0.message)" }, "\(id) findings")
        case .leadTimePercentile(let q, let limit):
            let key = "leadTimeWorkingDaysP\(q)"
            guard let e = report?.kpis[key] else { return (.fail, "no cases completed", nil) }
            return threeValued(e, atMost: limit, what: "p\(q) lead time", unit: " working days")
        case .onTimeShare(let minimum):
            guard let e = report?.kpis[figure: .onTimeShare] else { return (.fail, "the procedure has no statutory deadline", nil) }
            return threeValued(e, atLeast: minimum, what: "on-time share", unit: "")
        }
    }

    /// `path:line:col` of a model element, so a failure points into the model.
    private func at(_ l: SourceLocation) -> String { "\(l.file):\(l.line):\(l.column)" }

    private func only(_ rule: String) -> AnalyzerConfiguration {
        var overrides: [String: Severity] = [:]
        for r in RuleCatalog.all { overrides[r.id] = r.id == rule ? .warning : .off }
        return AnalyzerConfiguration(overrides: overrides)
    }

    private func threeValued(_ e: Estimate, atMost limit: Double? = nil, atLeast minimum: Double? = nil, what: String,
                             unit: String) -> (Verdict, String, Int?) {
        let text = "\(what) \(decimalText(e.mean))\(unit) ± \(decimalText(e.halfWidth)) (95% CI over \(e.replications) replications)"
        let target = limit ?? minimum ?? 0
        let verdict: Verdict
        if let limit {
            verdict = e.high <= limit ? .pass : (e.low > limit ? .fail : .inconclusive)
        } else {
            verdict = e.low >= target ? .pass : (e.high < target ? .fail : .inconclusive)
        }
        let bound = limit != nil ? "at most \(decimalText(target, decimals: 4))" : "at least \(decimalText(target, decimals: 4))"
        guard verdict == .inconclusive else { return (verdict, "\(text); \(bound)", nil) }
        // The half-width shrinks as 1/√R: R' = R (h / |mean − bound|)² makes it fit between them.
        let gap = abs(e.mean - target)
        let needed = gap > 0 ? Int((Double(e.replications) * pow(e.halfWidth / gap, 2)).rounded(.up)) : nil
        return (.inconclusive, "\(text); \(bound): the interval straddles the bound"
                + (needed.map { "; about \($0) replications would settle it" } ?? ""), needed)
    }

}

/// Which invariants apply to a procedure: its own and those of every suite that matches it.
public func applicableInvariants(for procedure: Procedure, path: String, suites: [InvariantSuite]) -> [Invariant] {
    procedure.invariants + suites.filter { suite in
        suite.applies.isEmpty || suite.applies.contains { a in
            (a.path.map { globMatches($0, path) } ?? true) && (a.field.map { $0 == procedure.field } ?? true)
                && (a.level.map { $0 == procedure.level } ?? true)
        }
    }.flatMap(\.invariants)
}

/// `*` matches within a path segment, `**` across segments, `?` one character.
package func globMatches(_ pattern: String, _ path: String) -> Bool {
    // Dynamic programming over (pattern position, path position): time |pattern| × |path| whatever the
    // stars, where backtracking was exponential in them. `*` matches within one path segment, `**`
    // across segments, `?` one character.
    let p = Array(pattern), s = Array(path)
    var tokens: [Character?] = []  // nil = `*`, "\u{0}" marker handled below for `**`
    var deep: [Bool] = []
    var i = 0
    while i < p.count {
        if p[i] == "*" {
            let isDeep = i + 1 < p.count && p[i + 1] == "*"
            var j = i + (isDeep ? 2 : 1)
            var anyDeep = isDeep
            while j < p.count, p[j] == "*" {  // runs of stars collapse: deep if any pair is
                anyDeep = anyDeep || (j + 1 < p.count && p[j + 1] == "*")
                j += 1
            }
            tokens.append(nil); deep.append(anyDeep)
            i = j
        } else {
            tokens.append(p[i]); deep.append(false)
            i += 1
        }
    }
    // matched[j]: the tokens so far match the first j characters of the path.
    var matched = [Bool](repeating: false, count: s.count + 1)
    matched[0] = true
    for (t, token) in tokens.enumerated() {
        var next = [Bool](repeating: false, count: s.count + 1)
        if let c = token {
            for j in 0..<s.count where matched[j] && (c == "?" || c == s[j]) { next[j + 1] = true }
        } else {
            // A star: from any matched position, extend over characters (not "/" unless deep).
            var reachable = false
            for j in 0...s.count {
                if matched[j] { reachable = true }
                next[j] = reachable
                if j < s.count, s[j] == "/", !deep[t] { reachable = false }
            }
        }
        matched = next
    }
    return matched[s.count]
}
