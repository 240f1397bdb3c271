import ProcmodAnalysis
import ProcmodModel

extension LeverState {
    /// The findings of one rule on the current procedure.
    func findings(of rule: String) -> [Finding] {
        var overrides: [String: Severity] = [:]
        for r in RuleCatalog.all { overrides[r.id] = r.id == rule ? .warning : .off }
        return Analyzer(configuration: AnalyzerConfiguration(overrides: overrides)).analyze(procedure).findings
    }

    /// Fixes every finding of `rule` (docs/scenarios.md lists what each fix does).
    mutating func fix(_ rule: String, at location: SourceLocation) {
        guard RuleCatalog.rule(rule) != nil else { return error(location, "fix: there is no rule '\(rule)'") }
        switch rule {
        case "visit-to-collect": electronicResult()
        case "visit-to-pay": onlinePayment()
        case "physical-handoff": electronicTransfer(minutes: 10)
        case "wet-signature": digitalSignature([], keepCadence: true)
        case "certified-copy":
            editRequirements(of: rule, "a plain copy, compared with the original, replaces the certified copy") { $0.form = .copy }
            removeObsoleteHelpers(because: "plain copies need no certification")
        case "once-only", "obsolete-document", "duplicate-request", "paper-alongside-electronic", "result-from-applicant":
            editRequirements(of: rule, removeMessage(rule)) { _ in }
            removeObsoleteHelpers(because: "the document it certified is no longer asked for")
        case "multiple-sets":
            editRequirements(of: rule, "one dossier set instead of several") { $0.sets = 1 }
        case "print-sign-scan":
            for f in findings(of: rule) {
                if let i = procedure.node(f.element), procedure.removeStep(at: i) {
                    note(f.element, "the print, sign and scan step is gone: the form is filled in and signed online", resolves: rule)
                }
            }
        case "supplement-cap":
            for f in findings(of: rule) {
                guard let i = procedure.node(f.element) else { continue }
                for e in procedure.flow.nodes[i].edges.indices where procedure.flow.nodes[i].edges[e].loop == .supplement {
                    procedure.flow.nodes[i].edges[e].maxCount = 2
                }
                note(f.element, "returns for supplementation capped at two", resolves: rule)
            }
        default:
            error(location, "fix: rule '\(rule)' has no automatic fix; change the model with other levers "
                  + "(capacity, duration, remove)")
        }
    }

    private func removeMessage(_ rule: String) -> String {
        switch rule {
        case "once-only": "no longer asked for: the agency reads the register"
        case "obsolete-document": "no longer asked for: the document has no legal validity"
        case "duplicate-request": "no longer asked for a second time"
        case "paper-alongside-electronic": "the paper version is no longer asked for"
        default: "no longer supplied by the applicant: the agencies pass it between them"
        }
    }

    /// Applies `edit` to each requirement a finding of `rule` points at (by step id and requirement index);
    /// for the removal rules the requirement is removed instead. Indices are taken from findings on the
    /// current model and applied from the last to the first, so removals never shift one still to come.
    private mutating func editRequirements(of rule: String, _ message: String, _ edit: (inout DocumentRequirement) -> Void) {
        let removing = ["once-only", "obsolete-document", "duplicate-request", "paper-alongside-electronic",
                        "result-from-applicant"].contains(rule)
        var targets: [String: Set<Int>] = [:]
        var order: [String] = []
        for f in findings(of: rule) {
            guard let k = f.requirement else { continue }
            if targets[f.element] == nil { order.append(f.element) }
            targets[f.element, default: []].insert(k)
        }
        for stepID in order {
            guard let i = procedure.node(stepID), let indices = targets[stepID] else { continue }
            var touched: [String] = []
            procedure.updateStep(at: i) { s in
                for k in indices.sorted(by: >) where s.requires.indices.contains(k) {
                    touched.append(s.requires[k].document)
                    if removing { s.requires.remove(at: k) } else { edit(&s.requires[k]) }
                }
            }
            for document in touched.reversed() { note(stepID, "'\(document)': \(message)", resolves: rule) }
        }
    }
}
