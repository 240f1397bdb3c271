public import ProcmodModel
public import ProcmodSimulation
import ProcmodLocalization

/// The text view of a simulation report, in the reader's language.
public struct SimulationText {
    public let report: SimulationReport
    public let procedure: Procedure
    public let language: Language

    public init(report: SimulationReport, procedure: Procedure, language: Language = .en) {
        self.report = report
        self.procedure = procedure
        self.language = language
    }

    private var l: Localizer { Localizer(language, names: NameBook(procedure)) }

    func estimate(_ key: String, _ scale: Double = 1, _ unit: String = "") -> String {
        report.kpis[key].map { interval($0, scale, unit) } ?? "–"
    }

    /// `mean ± half-width`, or the mean alone when one replication gives no interval.
    func interval(_ e: Estimate, _ scale: Double = 1, _ unit: String = "") -> String {
        let n = l.numbers
        return e.replications < 2 ? "\(n.number(e.mean * scale))\(unit)"
            : "\(n.number(e.mean * scale))\(unit) ± \(n.number(e.halfWidth * scale))\(unit)"
    }

    /// The report as aligned text: case figures, then one row per actor.
    public var text: String {
        let l = self.l, n = l.numbers
        var head = l.text(report.casesPerReplication == nil ? "sim.runsDays" : "sim.runs",
                          ["replications": "\(report.replications)", "seed": "\(report.seed)",
                           "cases": report.casesPerReplication.map { n.number(Double($0)) } ?? "", "days": n.number(report.horizonDays ?? 0)])
        if report.warmupDays > 0 { head += l.text("sim.warmup", ["days": n.number(report.warmupDays)]) }
        head += l.text("sim.from", ["date": LocalDate(report.startDate).map { n.date($0) } ?? report.startDate])
        head += l(report.replications < 2 ? "sim.noInterval" : "sim.intervals")
        var lines = ["\(procedure.code)  \(procedure.name.text(language, fallback: procedure.code))", head, ""]
        func row(_ label: String, _ value: String) { lines.append("  " + pad(label, 44) + value) }
        func percentiles(_ p50: Figure, _ p90: Figure, _ p95: Figure) -> String {
            l.text("sim.percentiles", ["p50": estimate(p50.rawValue), "p90": estimate(p90.rawValue), "p95": estimate(p95.rawValue)])
        }
        row(l("sim.cases"), estimate(Figure.cases.rawValue))
        row(l("sim.leadWorking"), estimate(Figure.leadTimeWorkingDays.rawValue)
            + percentiles(.leadTimeWorkingDaysP50, .leadTimeWorkingDaysP90, .leadTimeWorkingDaysP95))
        row(l("sim.leadCalendar"), estimate(Figure.leadTimeCalendarDays.rawValue)
            + percentiles(.leadTimeCalendarDaysP50, .leadTimeCalendarDaysP90, .leadTimeCalendarDaysP95))
        if report.deadlineWorkingDays != nil, let deadline = procedure.deadline {
            let limit = deadline.workingDays == 0 ? "sim.onTimeSameDay" : (deadline.calendarDays ? "sim.onTimeCalendar" : "sim.onTime")
            row(l.text(limit, ["days": n.number(deadline.workingDays)]),
                estimate(Figure.onTimeShare.rawValue, 100, "%")
                + l.text("sim.earlyLate", ["early": estimate(Figure.earlyShare.rawValue, 100, "%"), "late": estimate(Figure.lateShare.rawValue, 100, "%")]))
            row(l("sim.clock"), estimate(Figure.statutoryWorkingDays.rawValue) + l("sim.clockNote"))
            for part in procedure.deadline?.parts ?? [] {
                row(l.text("sim.part", ["agency": part.agency]),
                    l.text(part.calendarDays ? "sim.partValueCalendar" : "sim.partValue",
                           ["days": estimate("part.\(part.agency).workingDays"), "share": estimate("part.\(part.agency).onTimeShare", 100, "%"),
                            "limit": n.number(part.workingDays)]))
            }
        }
        row(l("sim.ladder"), [Figure.workDays.rawValue, Figure.queueDays.rawValue, Figure.transferDays.rawValue, Figure.waitDays.rawValue]
            .map { n.number(report.kpis[$0]?.mean ?? 0) }.joined(separator: " / "))
        row(l("sim.visits"), estimate(Figure.applicantVisits.rawValue))
        row(l("sim.hours"), estimate(Figure.applicantHours.rawValue))
        row(l("sim.throughput"), estimate(Figure.throughputPerYear.rawValue))
        row(l("sim.wip"), estimate(Figure.workInProgressAtEnd.rawValue))
        lines.append("")
        lines.append("  " + pad(l("actor"), 32) + pad(l("sim.utilisation"), 20) + pad(l("sim.meanQueue"), 16) + pad(l("sim.maxQueue"), 17)
                     + l("sim.meanWait"))
        for id in procedure.actors.keys {
            guard let a = report.actors[id] else { continue }
            func e(_ k: String, _ scale: Double = 1, _ unit: String = "") -> String {
                a[k].map { interval($0, scale, unit) } ?? "–"
            }
            lines.append("  " + pad(l.label(id, kind: "actor"), 32) + pad(e(Figure.utilisation.rawValue, 100, "%"), 20)
                         + pad(e(Figure.meanQueueLength.rawValue), 16)
                         + pad(a[figure: .maxQueueLength].map { n.number($0.mean) } ?? "–", 17) + e(Figure.meanWaitMinutes.rawValue))
        }
        return lines.joined(separator: "\n")
    }
}
