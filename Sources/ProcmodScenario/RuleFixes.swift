import ProcmodAnalysis
import ProcmodLocalization
import ProcmodModel

extension LeverState {
    /// The findings of one rule on the current procedure.
    func findings(of rule: RuleID) -> [Finding] {
        var overrides: [String: Severity] = [:]
        for r in RuleCatalog.all { overrides[r.id] = r.ruleID == rule ? .warning : .off }
        return Analyzer(configuration: AnalyzerConfiguration(overrides: overrides)).analyze(procedure).findings
    }

    /// Fixes every finding of `rule` the way the rule itself declares (``RuleFix``, beside each rule;
    /// docs/scenarios.md lists them).
    mutating func fix(_ id: String, at location: SourceLocation) {
        guard let rule = RuleCatalog.rule(id) else { return error(location, "fix: there is no rule '\(id)'") }
        guard let fix = rule.fix else {
            return error(location, "fix: rule '\(id)' has no automatic fix; change the model with other levers "
                         + "(capacity, duration, remove)")
        }
        switch fix {
        case .lever(let kind):
            apply(Lever(kind, name: lever, location: location))
        case .lookUpInRegister(let because, let partly, let helpersGone):
            // Registers that hold every case replace the paper; partial ones only for the cases they hold.
            let documents = procedure.documents
            let partial = { (r: DocumentRequirement) in (documents[r.document]?.registerCoverage ?? 1) < 1 }
            editRequirements(of: rule.ruleID, partly, removing: false, only: partial) { $0.unlessRegistered = true }
            editRequirements(of: rule.ruleID, because, removing: true, only: { !partial($0) }) { _ in }
            removeObsoleteHelpers(because: helpersGone)
        case .removeRequirement(let because, let helpersGone):
            editRequirements(of: rule.ruleID, because, removing: true) { _ in }
            removeObsoleteHelpers(because: helpersGone)
        case .editRequirement(let because, let helpersGone, let edit):
            editRequirements(of: rule.ruleID, because, removing: false, edit)
            if let helpersGone { removeObsoleteHelpers(because: helpersGone) }
        case .removeStep(let because):
            for f in findings(of: rule.ruleID) {
                if let i = procedure.node(f.element), procedure.removeStep(at: i) {
                    note(f.element, Message("change.rule", ["reason": because]), resolves: rule.ruleID)
                }
            }
        case .capSupplementLoops(let max, let because):
            for f in findings(of: rule.ruleID) {
                guard let i = procedure.node(f.element) else { continue }
                for e in procedure.flow.nodes[i].edges.indices where procedure.flow.nodes[i].edges[e].loop == .supplement {
                    procedure.flow.nodes[i].edges[e].maxCount = max
                }
                note(f.element, Message("change.rule", ["reason": because]), resolves: rule.ruleID)
            }
        }
    }

    /// Applies `edit` to each requirement a finding of `rule` points at (by step id and requirement index),
    /// or removes it. Indices are taken from findings on the current model and applied from the last to
    /// the first, so removals never shift one still to come.
    private mutating func editRequirements(of rule: RuleID, _ message: String, removing: Bool,
                                           only chosen: (DocumentRequirement) -> Bool = { _ in true },
                                           _ edit: (inout DocumentRequirement) -> Void) {
        var targets: [String: Set<Int>] = [:]
        var order: [String] = []
        for f in findings(of: rule) {
            guard let k = f.requirement, let i = procedure.node(f.element),
                  let r = procedure.flow.nodes[i].step?.requires[safe: k], chosen(r) else { continue }
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
            for document in touched.reversed() { note(stepID, Message("change.requirement", ["document": document, "reason": message]), resolves: rule) }
        }
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
