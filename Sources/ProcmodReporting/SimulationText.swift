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
        row("cases completed per replication", estimate("cases"))
        row("lead time, working days", estimate("leadTimeWorkingDays") + "  (p50 \(estimate("leadTimeWorkingDaysP50")), "
            + "p90 \(estimate("leadTimeWorkingDaysP90")), p95 \(estimate("leadTimeWorkingDaysP95")))")
        row("lead time, calendar days", estimate("leadTimeCalendarDays") + "  (p50 \(estimate("leadTimeCalendarDaysP50")), "
            + "p90 \(estimate("leadTimeCalendarDaysP90")), p95 \(estimate("leadTimeCalendarDaysP95")))")
        if report.deadlineWorkingDays != nil, let deadline = procedure.deadline {
            row("on time (deadline \(deadline.limitText))", estimate("onTimeShare", 100, "%")
                + "  (early \(estimate("earlyShare", 100, "%")), late \(estimate("lateShare", 100, "%")))")
            row("on the statutory clock, working days", estimate("statutoryWorkingDays")
                + "  (from the complete dossier's receipt to the result)")
            for part in procedure.deadline?.parts ?? [] {
                row("  part of \(part.agency)", estimate("part.\(part.agency).workingDays") + " working days on its clock, "
                    + "on time \(estimate("part.\(part.agency).onTimeShare", 100, "%")) (limit \(part.calendarDays ? "\(decimalText(part.workingDays)) days" : "\(decimalText(part.workingDays)) working days"))")
            }
        }
        row("work / queue / transfer / wait, days", ["workDays", "queueDays", "transferDays", "waitDays"]
            .map { decimalText(report.kpis[$0]?.mean ?? 0) }.joined(separator: " / "))
        row("applicant visits", estimate("applicantVisits"))
        row("applicant hours", estimate("applicantHours"))
        row("throughput per year (one site)", estimate("throughputPerYear"))
        row("work in progress at the end", estimate("workInProgressAtEnd"))
        lines.append("")
        lines.append("  " + pad("actor", 20) + pad("utilisation", 20) + pad("mean queue", 16) + pad("max queue", 12) + "mean wait (min)")
        for id in procedure.actors.keys {
            guard let a = report.actors[id] else { continue }
            func e(_ k: String, _ scale: Double = 1, _ unit: String = "") -> String {
                a[k].map { interval($0, scale, unit) } ?? "–"
            }
            lines.append("  " + pad(id, 20) + pad(e("utilisation", 100, "%"), 20) + pad(e("meanQueueLength"), 16)
                         + pad(a["maxQueueLength"].map { decimalText($0.mean) } ?? "–", 12) + e("meanWaitMinutes"))
        }
        return lines.joined(separator: "\n")
    }
}

