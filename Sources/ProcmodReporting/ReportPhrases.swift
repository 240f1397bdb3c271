#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodLocalization
import ProcmodModel
import ProcmodScenario
import ProcmodSimulation

/// The sentences and cells every before/after renderer shares, in the context's language: figures with
/// their units and precision, the levers' names, the change list, the key results, the assumptions.
struct ReportPhrases {
    let context: ReportContext
    let c: Comparison

    var l: Localizer { context.localizer }
    var n: NumberStyle { context.localizer.numbers }

    static let shareKeys: Set<String> = ["paperShare", Figure.onTimeShare.rawValue, Figure.lateShare.rawValue]

    /// A figure of the row `key`: đồng grouped and whole, shares as percentages, others with two decimals.
    func value(_ key: String, _ x: Double) -> String {
        if key.hasSuffix("VND") { return n.money(x) }
        if Self.shareKeys.contains(key) { return n.percent(x) }
        return n.number(x)
    }

    private func signed(_ x: Double, _ text: String) -> String { (x >= 0 && !text.hasPrefix("-") ? "+" : "") + text }

    /// A static row's change: signed, a share's in percentage points, the relative change when the
    /// before figure is not zero; the steps row also says how many steps were removed and added.
    func change(_ r: StaticRow) -> String {
        let share = Self.shareKeys.contains(r.key)
        let change = share ? n.number(r.change * 100, decimals: 1) + " " + l("percentagePoints") : value(r.key, r.change)
        var text = r.change == 0 ? l("unchanged") : signed(r.change, change) + (r.relative.map { " (\(signed($0, n.percent($0))))" } ?? "")
        if r.key == "steps", !c.removedSteps.isEmpty || !c.addedSteps.isEmpty {
            text += "; " + l.text("stepsChanged", ["removed": "\(c.removedSteps.count)", "added": "\(c.addedSteps.count)"])
        }
        return text
    }

    /// `mean ± half-width` with as many decimals as the interval needs: the half-width keeps one significant
    /// digit (at most 4 decimals), so a real difference never reads "0% ± 0%". Shares are percentages, and
    /// a difference of shares is in percentage points.
    func estimate(_ key: String, _ e: Estimate, difference: Bool = false) -> String {
        if key.hasSuffix("VND") { return "\(n.money(e.mean)) ± \(n.money(e.halfWidth))" }
        let share = Self.shareKeys.contains(key) || key == Figure.utilisation.rawValue
        let scale = share ? 100.0 : 1.0
        let half = e.halfWidth * scale
        var decimals = share ? 1 : 2
        if half > 0, half.isFinite { decimals = max(decimals, min(4, Int((-log10(half)).rounded(.up)))) }
        let unit = share ? (difference ? " " + l("percentagePoints") : "%") : ""
        return n.number(e.mean * scale, decimals: decimals) + unit + " ± " + n.number(half, decimals: decimals) + unit
    }

    /// The lever of a waterfall step by its name in the reader's language and what it acts on.
    func lever(_ w: WaterfallStep) -> String {
        let name = l.leverName(w.leverName)
        // An online channel's name only repeats the lever's ("Online submission: online").
        guard !w.targets.isEmpty, w.leverName != "online-submission" else { return name }
        let targets: [String] = switch w.leverName {
        case "share-data": w.targets.map { l.register($0) }
        case "fix": w.targets.map { l.ruleTitle($0) }
        case "deadline": w.targets.map { (Double($0).map { n.number($0) } ?? $0) + " " + l("workingDays") }
        case "digital-signature", "capacity": w.targets.map { l.name($0, kind: "actor") }
        case "channel-share", "online-submission": w.targets.map { l.name($0, kind: "channel") }
        default: w.targets.map { l.name($0, kind: "step") }
        }
        return name + ": " + targets.joined(separator: ", ")
    }

    /// One entry of the change list: where (the element's name, or the lever's when the change is about
    /// the whole procedure) and what.
    func change(_ change: Change) -> (where: String, what: String) {
        let place = change.element == c.code ? l.leverName(change.lever) : l.name(change.element)
        return (place, l.render(change.message))
    }

    /// Utilisation by actor: steady state before and after (from the model), then the simulated means with
    /// their intervals when there was a simulation.
    var utilisationHeader: [String] {
        [l("actor"), l("utilisation.steadyBefore"), l("utilisation.steadyAfter")]
            + (c.utilisation.isEmpty ? [] : [l("utilisation.simulatedBefore"), l("utilisation.simulatedAfter")])
    }

    var utilisationRows: [[String]] {
        let simulated = Dictionary(c.utilisation.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let key = Figure.utilisation.rawValue
        return c.steadyUtilisation.map { r in
            var row = [l.label(r.key, kind: "actor"), n.percent(r.before), n.percent(r.after)]
            if !c.utilisation.isEmpty {
                row += simulated[r.key].map { [estimate(key, $0.before), estimate(key, $0.after)] } ?? ["–", "–"]
            }
            return row
        }
    }

    /// What the simulated utilisation measures, when there is one.
    var utilisationNote: String? { c.utilisation.isEmpty ? nil : l("utilisation.note") }

    /// The simulation's size and seed.
    var runs: String {
        var values = ["replications": n.number(Double(c.replications)), "seed": "\(c.seed)"]
        if let cases = c.casesPerReplication { values["cases"] = n.number(Double(cases)) }
        return l.text(c.casesPerReplication == nil ? "simulatedRunsNoCases" : "simulatedRuns", values)
    }

    /// The overload warnings in the reader's language.
    var warnings: [String] {
        c.overloads.map { o in
            let text = o.offeredHours.map { offered in
                l.text("warning.analytic", ["actor": o.actor, "offered": n.number(offered, decimals: 0),
                                            "open": n.number(o.openHours ?? 0, decimals: 0), "utilisation": n.percent(o.utilisation)])
            } ?? l.text("warning.simulated", ["actor": o.actor, "utilisation": n.percent(o.utilisation)])
            return l.text(o.after ? "warning.after" : "warning.before", ["text": text])
        }
    }

    private func row(_ key: String) -> StaticRow? { c.staticRows.first { $0.key == key } }
    private func simulated(_ key: String) -> SimulatedRow? { c.simulated.first { $0.key == key } }

    /// What a leader reads first: the lead time to quote (simulated when there is a simulation), the
    /// on-time share, the compliance cost a year in prose (triệu, tỷ), visits and steps.
    var summary: [String] {
        var lines: [String] = []
        if let t = simulated(Figure.leadTimeWorkingDays.rawValue) {
            // The change and its interval with the decimals the interval needs, as in the tables.
            let parts = estimate(t.key, t.difference, difference: true).components(separatedBy: " ± ")
            lines.append(l.text("summary.leadTime", [
                "before": n.number(t.before.mean), "after": n.number(t.after.mean),
                "change": signed(t.difference.mean, parts.first ?? ""), "half": parts.last ?? ""]))
        } else if let t = row("expectedLeadTimeDays") {
            lines.append(l.text("summary.leadTimeAnalytic", ["before": n.number(t.before), "after": n.number(t.after)]))
        }
        if let s = simulated(Figure.onTimeShare.rawValue) {
            lines.append(l.text("summary.onTime", ["before": n.percent(s.before.mean), "after": n.percent(s.after.mean)]))
        }
        if let y = row("costPerYearVND"), let k = row("costPerCaseVND") {
            lines.append(l.text("summary.cost", [
                "before": n.moneyProse(y.before), "after": n.moneyProse(y.after),
                "relative": y.relative.map { signed($0, n.percent($0)) } ?? "—",
                "perCaseBefore": n.moneyProse(k.before), "perCaseAfter": n.moneyProse(k.after)]))
        }
        if let v = row(Figure.applicantVisits.rawValue) {
            lines.append(l.text("summary.visits", ["before": n.number(v.before), "after": n.number(v.after)]))
        }
        if let s = row("steps") {
            lines.append(l.text("summary.steps", ["before": n.number(s.before), "after": n.number(s.after),
                                                  "removed": "\(c.removedSteps.count)", "added": "\(c.addedSteps.count)"]))
        }
        return lines
    }

    /// Which lead time to quote and why the analytic one differs; nil without a simulation.
    var leadTimeNote: String? {
        guard simulated(Figure.leadTimeWorkingDays.rawValue) != nil, let t = row("expectedLeadTimeDays") else { return nil }
        return l.text("leadTimes.note", ["before": n.number(t.before), "after": n.number(t.after)])
    }

    /// The method and the assumptions behind the figures.
    var assumptions: [String] {
        var lines: [String] = []
        if c.replications > 0 {
            var values = ["replications": n.number(Double(c.replications)), "seed": "\(c.seed)"]
            if let cases = c.casesPerReplication { values["cases"] = n.number(Double(cases)) }
            lines.append(l.text(c.casesPerReplication == nil ? "assumption.simulationNoCases" : "assumption.simulation", values))
        } else {
            lines.append(l("assumption.noSimulation"))
        }
        if let asOf = context.asOf { lines.append(l.text("assumption.asOf", ["date": n.date(asOf)])) }
        lines.append(l.text("assumption.cost", ["volume": n.number(c.volumePerYear, decimals: 0)]))
        if let d = context.deadline {
            if d.workingDays == 0 {
                lines.append(l("assumption.deadlineSameDay"))
            } else if d.calendarDays {
                lines.append(l.text("assumption.deadlineCalendar", ["days": n.number(d.workingDays), "working": n.number(c.deadlineWorkingDays ?? 0)]))
            } else {
                lines.append(l.text("assumption.deadline", ["days": n.number(d.workingDays)]))
            }
        } else if let d = c.deadlineWorkingDays {
            lines.append(l.text("assumption.deadline", ["days": n.number(d)]))
        }
        if let count = context.assumedValues {
            lines.append(count == 0 ? l("assumption.none") : l.text("assumption.assumed", ["count": "\(count)"]))
        }
        return lines
    }

    /// "Prepared on 30/11/2026 with procmod 0.2.0", when the context has a date or a version.
    var colophon: String? {
        guard context.date != nil || context.version != nil else { return nil }
        return l.text("generated", ["date": context.date.map { n.date($0) } ?? "—", "version": context.version ?? "—"])
    }
}
