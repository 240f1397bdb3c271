import Foundation
@_exported import ProcmodInvariants
@_exported import ProcmodModel
import ProcmodLoader
@_exported import ProcmodSimulation
import Testing
import XCTest

/// Loading procedures and asserting invariants from a reform team's own test suite (Swift Testing or
/// XCTest). Failures say what broke and point at the model's file and line.
public enum ProcmodTesting {
    /// Loads one procedure; throws its diagnostics (`path:line:col: error: …`) when the file is invalid.
    public static func procedure(at path: String) throws -> Procedure {
        try ProcedureLoader().loadProcedure(at: path)
    }

    /// Loads every procedure under a directory (recursively), with its path; throws on the first invalid file.
    public static func procedures(in directory: String) throws -> [(path: String, procedure: Procedure)] {
        try ProcedureFiles.expand([directory]).map { ($0, try ProcedureLoader().loadProcedure(at: $0)) }
    }

    /// Checks one invariant (simulated ones with `simulation`).
    public static func check(_ kind: Invariant.Kind, on procedure: Procedure,
                             simulation: SimulationOptions = InvariantChecker.defaultSimulation)
        -> InvariantResult {
        let invariant = Invariant(kind, name: name(of: kind), location: procedure.location)
        return InvariantChecker(simulation: simulation).check([invariant], on: procedure, path: procedure.location.file)[0]
    }

    static func name(of kind: Invariant.Kind) -> String {
        switch kind {
        case .maxVisits: "max-visits"
        case .maxHandoffs: "max-handoffs"
        case .noCertifiedCopies: "no-certified-copies"
        case .onceOnly: "once-only"
        case .noPaperAlongsideElectronic: "no-paper-alongside-electronic"
        case .approvalOnEveryPath: "approval-on-every-path"
        case .legalBasisForRequirements: "legal-basis-for-requirements"
        case .maxCostPerCase: "max-cost-per-case"
        case .rule: "no-findings"
        case .leadTimePercentile: "lead-time"
        case .onTimeShare: "on-time-share"
        }
    }

    static func failureMessage(_ r: InvariantResult, _ procedure: Procedure) -> String {
        "\(procedure.location.file): \(r.verdict.rawValue): \(r.invariant) — \(r.message)"
    }
}

/// Swift Testing: records an issue at the caller when the invariant fails (or is inconclusive, unless
/// allowed), and returns the result.
@discardableResult
public func expectInvariant(_ kind: Invariant.Kind, _ procedure: Procedure, allowInconclusive: Bool = false,
                            simulation: SimulationOptions = InvariantChecker.defaultSimulation,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) -> InvariantResult {
    let r = ProcmodTesting.check(kind, on: procedure, simulation: simulation)
    if r.verdict == .fail || (r.verdict == .inconclusive && !allowInconclusive) {
        Issue.record(Comment(rawValue: ProcmodTesting.failureMessage(r, procedure)), sourceLocation: sourceLocation)
    }
    return r
}

/// XCTest: fails the test at the caller when the invariant fails (or is inconclusive, unless allowed).
public func XCTAssertInvariant(_ kind: Invariant.Kind, _ procedure: Procedure, allowInconclusive: Bool = false,
                               simulation: SimulationOptions = InvariantChecker.defaultSimulation,
                               file: StaticString = #filePath, line: UInt = #line) {
    let r = ProcmodTesting.check(kind, on: procedure, simulation: simulation)
    if r.verdict == .fail || (r.verdict == .inconclusive && !allowInconclusive) {
        XCTFail(ProcmodTesting.failureMessage(r, procedure), file: file, line: line)
    }
}
