public import ProcmodModel
public import ProcmodSimulation

/// The text view of a simulation report.
public struct SimulationText {
    public let report: SimulationReport
    public let procedure: Procedure

    public init(report: SimulationReport, procedure: Procedure) {
        self.report = report
        self.procedure = procedure
    }

    func estimate(_ key: String, _ scale: Double = 1, _ unit: String = "") -> String {
        report.kpis[key].map { interval($0, scale, unit) } ?? "–"
    }

    /// `mean ± half-width`, or the mean alone when one replication gives no interval.
    func interval(_ e: Estimate, _ scale: Double = 1, _ unit: String = "") -> String {
        e.replications < 2 ? "\(decimalText(e.mean * scale))\(unit)"
            : "\(decimalText(e.mean * scale))\(unit) ± \(decimalText(e.halfWidth * scale))"
    }

    /// The report as aligned text: case figures, then one row per actor.
    public var text: String {
        var lines = ["\(procedure.code)  \(procedure.name.text(.en, fallback: procedure.code))",
                     "\(report.replications) replications, seed \(report.seed), "
                     + (report.casesPerReplication.map { "\($0) cases each" } ?? "\(decimalText(report.horizonDays ?? 0)) days each")
                     + (report.warmupDays > 0 ? ", warm-up \(decimalText(report.warmupDays)) days" : "")
                     + ", from \(report.startDate); "
                     + (report.replications < 2 ? "means of one replication, no confidence interval" : "means with 95% confidence intervals"),
                     ""]
        func row(_ label: String, _ value: String) { lines.append("  " + pad(label, 40) + value) }
        row("cases completed per replication", estimate(Figure.cases.rawValue))
        row("lead time, working days", estimate(Figure.leadTimeWorkingDays.rawValue) + "  (p50 \(estimate(Figure.leadTimeWorkingDaysP50.rawValue)), "
            + "p90 \(estimate(Figure.leadTimeWorkingDaysP90.rawValue)), p95 \(estimate(Figure.leadTimeWorkingDaysP95.rawValue)))")
        row("lead time, calendar days", estimate(Figure.leadTimeCalendarDays.rawValue) + "  (p50 \(estimate(Figure.leadTimeCalendarDaysP50.rawValue)), "
            + "p90 \(estimate(Figure.leadTimeCalendarDaysP90.rawValue)), p95 \(estimate(Figure.leadTimeCalendarDaysP95.rawValue)))")
        if report.deadlineWorkingDays != nil, let deadline = procedure.deadline {
            row("on time (deadline \(deadline.limitText))", estimate(Figure.onTimeShare.rawValue, 100, "%")
                + "  (early \(estimate(Figure.earlyShare.rawValue, 100, "%")), late \(estimate(Figure.lateShare.rawValue, 100, "%")))")
            row("on the statutory clock, working days", estimate(Figure.statutoryWorkingDays.rawValue)
                + "  (from the complete dossier's receipt to the result)")
            for part in procedure.deadline?.parts ?? [] {
                row("  part of \(part.agency)", estimate("part.\(part.agency).workingDays") + " working days on its clock, "
                    + "on time \(estimate("part.\(part.agency).onTimeShare", 100, "%")) (limit \(Deadline(workingDays: part.workingDays, calendarDays: part.calendarDays).limitText))")
            }
        }
        row("work / queue / transfer / wait, days", [Figure.workDays.rawValue, Figure.queueDays.rawValue, Figure.transferDays.rawValue, Figure.waitDays.rawValue]
            .map { decimalText(report.kpis[$0]?.mean ?? 0) }.joined(separator: " / "))
        row("applicant visits", estimate(Figure.applicantVisits.rawValue))
        row("applicant hours", estimate(Figure.applicantHours.rawValue))
        row("throughput per year (one site)", estimate(Figure.throughputPerYear.rawValue))
        row("work in progress at the end", estimate(Figure.workInProgressAtEnd.rawValue))
        lines.append("")
        lines.append("  " + pad("actor", 20) + pad(Figure.utilisation.rawValue, 20) + pad("mean queue", 16) + pad("max queue", 12) + "mean wait (min)")
        for id in procedure.actors.keys {
            guard let a = report.actors[id] else { continue }
            func e(_ k: String, _ scale: Double = 1, _ unit: String = "") -> String {
                a[k].map { interval($0, scale, unit) } ?? "–"
            }
            lines.append("  " + pad(id, 20) + pad(e(Figure.utilisation.rawValue, 100, "%"), 20) + pad(e(Figure.meanQueueLength.rawValue), 16)
                         + pad(a[figure: .maxQueueLength].map { decimalText($0.mean) } ?? "–", 12) + e(Figure.meanWaitMinutes.rawValue))
        }
        return lines.joined(separator: "\n")
    }
}

