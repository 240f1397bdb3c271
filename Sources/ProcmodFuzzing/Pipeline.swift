public import ProcmodModel
import ProcmodAnalysis
import ProcmodBPMN
import ProcmodDiagram
import ProcmodInvariants
import ProcmodLoader
import ProcmodReporting
import ProcmodScenario
import ProcmodSimulation

/// Everything procmod does with a procedure file, run on one input: the fuzzer's target and the
/// regression test of its saved inputs.
///
/// load → (refused: every diagnostic located) → analyze and render every format → a short bounded
/// simulation (30 cases, 2 replications, one thread) → digitize with a generic scenario and with the
/// shipped scenario for the procedure's code, if any → write the after-model and load it back → compare
/// before and after (static for the generic scenario, simulated too for a shipped one) and render the
/// report in every format. A crash or a trap anywhere is a
/// finding; so is a refused input without a located error, a renderer that fails (an infinite figure
/// that JSON cannot hold), or a valid procedure that, written back by the writer, no longer loads.
public struct Pipeline: Sendable {
    /// Shipped scenarios, by the code of the procedure they are for.
    public var scenarios: [String: [Scenario]]

    public init(scenarios: [Scenario] = []) {
        self.scenarios = Dictionary(grouping: scenarios, by: \.procedure)
    }

    /// True when the bytes' root element is BPMN's `definitions` (any prefix).
    static func looksLikeBPMN(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4_096), as: UTF8.self)
        guard let open = head.firstRange(of: "definitions") else { return false }
        return head[..<open.lowerBound].last.map { $0 == "<" || $0 == ":" } ?? false
    }

    /// Loads every scenario file in `directory` (those that load; the rest are the fuzzer's business
    /// only through the procedures).
    public static func scenarios(in directory: String) -> [Scenario] {
        ProcedureFiles.expand([directory], kind: .scenario).compactMap { ScenarioLoader().load(path: $0).scenario }
    }

    /// Runs the whole pipeline on `bytes`. Returns what happened, for tests; a violated expectation
    /// traps, so that libFuzzer records the input.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Outcome {
        // A BPMN file: imported (every refusal located), and what imports goes through the whole pipeline.
        if Self.looksLikeBPMN(bytes) {
            let imported = BPMNImporter(maximumFileSize: 1 << 22).load(bytes: bytes, path: "input.bpmn")
            guard let procedure = imported.procedure else {
                let errors = imported.diagnostics.filter { $0.severity == .error }
                precondition(!errors.isEmpty, "a refused BPMN file must have at least one error")
                for e in errors { precondition(e.location.line >= 1 && e.location.column >= 1, "an error without a location") }
                return .refused(errors.count)
            }
            return run(Array(ProcedureWriter().write(procedure).utf8))
        }
        let loaded = ProcedureLoader(maximumFileSize: 1 << 22).load(bytes: bytes, path: "input.xml")
        guard let procedure = loaded.procedure else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            precondition(!errors.isEmpty, "a refused file must have at least one error")
            for e in errors { precondition(e.location.line >= 1 && e.location.column >= 1, "an error without a location") }
            return .refused(errors.count)
        }
        let written = ProcedureWriter(header: "fuzz", comments: []).write(procedure)
        let reloaded = ProcedureLoader(maximumFileSize: 1 << 24).load(bytes: Array(written.utf8), path: "written.xml")
        precondition(reloaded.procedure != nil, "a valid procedure, written back, must load: "
                     + reloaded.diagnostics.map(\.message).joined(separator: "; "))
        // BPMN out and back: the same model; and the diagram draws.
        let bpmn = BPMNExporter(language: .vi).export(procedure)
        let back = BPMNImporter(maximumFileSize: 1 << 26).load(bytes: Array(bpmn.utf8), path: "export.bpmn")
        precondition(back.fromExtension && back.procedure.map { ProcedureWriter().write($0) } == ProcedureWriter().write(procedure),
                     "BPMN export → import must give the model back: " + back.diagnostics.map(\.message).joined(separator: "; "))
        _ = ProsimosExporter().export(procedure)
        _ = DiagramSVG(procedure, language: .vi).svg
        let report = Analyzer().analyze(procedure, path: "input.xml")
        for renderer in [JSONAnalysisRenderer(), MarkdownAnalysisRenderer(), TextAnalysisRenderer(colored: false),
                         SARIFRenderer(version: "fuzz")] as [any AnalysisRenderer] {
            do { _ = try renderer.render([report]) } catch { preconditionFailure("an analysis renderer failed: \(error)") }
        }
        let options = SimulationOptions(cases: 30, replications: 2, seed: 1, threads: 1)
        var simulated = false
        if (try? Simulator(options: options).run(procedure)) != nil { simulated = true }
        _ = InvariantChecker(simulation: options).check(procedure.invariants, on: procedure, path: "input.xml")
        var digitized = 0
        let fired = Set(report.findings.map(\.rule))
        let shipped = scenarios[procedure.code] ?? []
        for (k, scenario) in ([Self.generic(for: procedure, fixing: fired)] + shipped).enumerated() {
            let result = Digitizer().apply(scenario, to: procedure)
            let text = ProcedureWriter(header: "fuzz", comments: []).write(result.after)
            let again = ProcedureLoader(maximumFileSize: 1 << 24).load(bytes: Array(text.utf8), path: "after.xml")
            guard let after = again.procedure else { continue }
            digitized += 1
            // The generic scenario is compared statically; a shipped one with paired simulations too.
            // (its waterfall too: the generic scenario's levers are checked above, by the digitizer and the reload)
            let comparison = try? Comparer(simulation: k == 0 ? nil : options).compare(before: procedure, after: after,
                                                                                      scenario: k == 0 ? nil : scenario,
                                                                                      changes: result.changes)
            if let comparison {
                let vi = ReportContext(language: .vi, before: procedure, after: after, date: LocalDate(dayNumber: 20_458), version: "fuzz")
                let en = ReportContext(language: .en, before: procedure, after: after)
                for renderer in [TextComparisonRenderer(context: vi, colored: false), MarkdownComparisonRenderer(context: en),
                                 JSONComparisonRenderer(), HTMLComparisonRenderer(context: vi, afterSteps: after.flow.steps.map(\.id))]
                    as [any ComparisonRenderer] {
                    do { _ = try renderer.render(comparison) } catch { preconditionFailure("a report renderer failed: \(error)") }
                }
            }
        }
        return .accepted(simulated: simulated, digitized: digitized)
    }

    /// A scenario that applies to any procedure: every lever that needs no id, then the step levers on
    /// the first two steps, then the automatic fix of every rule that found something.
    static func generic(for procedure: Procedure, fixing rules: Set<String>) -> Scenario {
        let steps = procedure.flow.steps.map(\.id)
        let first = steps.first ?? "none", second = steps.dropFirst().first ?? first
        var levers: [Lever] = [
            Lever(.onlineSubmission(channel: "online", share: 0.5, level: .endToEnd, minutes: 20), name: "online-submission"),
            Lever(.shareData(registers: Array(Set(procedure.documents.values.compactMap(\.register))).sorted()),
                  name: "share-data"),
            Lever(.electronicCopies, name: "electronic-copies"),
            Lever(.electronicResult, name: "electronic-result"),
            Lever(.digitalSignature(signers: [], keepCadence: false), name: "digital-signature"),
            Lever(.electronicTransfer(minutes: 10), name: "electronic-transfer"),
            Lever(.onlinePayment, name: "online-payment"),
            Lever(.postalDelivery(days: 2, fee: 30_000), name: "postal-delivery"),
            Lever(.parallelize(first: first, second: second), name: "parallelize"),
            Lever(.merge(first: first, second: second), name: "merge"),
            Lever(.removeStep(step: second), name: "remove"),
        ]
        levers += rules.sorted().map { Lever(.fixRule(rule: $0), name: "fix") }
        return Scenario(procedure: procedure.code, name: LocalizedName(vi: nil, en: "fuzz"), levers: levers)
    }

    /// What the pipeline did with one input.
    public enum Outcome: Sendable, Equatable {
        /// The loader refused the file, with this many located errors.
        case refused(Int)
        /// The file loaded; whether its simulation answered, and how many after-models loaded back.
        case accepted(simulated: Bool, digitized: Int)
    }
}
