import ProcmodModel

/// A statutory deadline that the procedure as modelled cannot meet.
struct DeadlineInfeasibleRule: Rule {
    let ruleID = RuleID.deadlineInfeasible
    let name = "Deadline cannot be met"
    let summary = "The agencies' expected processing time, or even their fastest path, exceeds the statutory deadline."
    let rationale = """
        A deadline that the process cannot meet produces overdue dossiers and apology slips (phiếu xin \
        lỗi); published overdue rates run at 7–17%. Either the process or the deadline must change.
        """
    let category = RuleCategory.bottleneck
    let defaultSeverity = Severity.warning
    let examples = [
        RuleExample(triggers: true, element: "EXAMPLE", flow: """
            <step id="survey" kind="survey" actor="officer"><delay unit="working-days"><fixed value="10"/></delay></step>
            """),
        RuleExample(triggers: false, flow: """
            <step id="check" kind="verify" actor="officer"><delay unit="working-days"><fixed value="2"/></delay></step>
            """),
    ]

    func check(_ a: ProcedureAnalysis, _ options: RuleOptions) -> [Finding] {
        guard let deadline = a.procedure.deadline else { return [] }
        // The longest deadline any case can have (a channel's, or a branch's case-dependent one), so that
        // a case that takes a longer branch is not measured against the short deadline. A same-day
        // deadline ends with the working day: one day of processing at most.
        // Calendar-day limits ("ngày") are compared in working days of the reference calendar's week.
        let week = a.time.reference.openWeekdays
        let branches = a.procedure.flow.nodes.flatMap { node in
            node.edges.compactMap { $0.deadlineWorkingDays ?? $0.deadlineCalendarDays.map { $0 * Double(week) / 7 } }
        }
        let longest = ([deadline.workingDayEquivalent(openWeekdays: week)]
                       + a.procedure.channels.values.compactMap { $0.deadline?.workingDayEquivalent(openWeekdays: week) }
                       + branches).max() ?? deadline.workingDays
        let limit = max(longest, 1)
        let outside = a.outsideDeadlineClock
        let expected = a.expectedDays(excluding: outside)
        let shortest = a.pathDays(excluding: outside).shortest
        if shortest > limit {
            return [finding("deadlineFastest", ["days": decimalText(shortest, decimals: 4), "limit": decimalText(longest, decimals: 4)], element: a.procedure.code, at: deadline.location)]
        }
        if expected > limit {
            return [finding("deadlineExpected", ["days": decimalText(expected, decimals: 4), "limit": decimalText(longest, decimals: 4)], element: a.procedure.code, at: deadline.location)]
        }
        return []
    }
}
