public import ProcmodAnalysis
public import ProcmodModel
public import ProcmodScenario
import ProcmodLocalization

/// The tables an analyst pastes into the Government's forms, as an .xlsx workbook (docs/reports.md,
/// "Spreadsheets"): the simplification plan (phương án đơn giản hóa: what is simplified, why, the
/// provision to amend, the responsible agency, and the benefit: cost and time before and after, the
/// cut), and the compliance cost form of Circular 02/2017/TT-VPCP before and after. Numbers are
/// numbers with number formats (the reader's locale shows 1.400.000 or 1,400,000).
public struct PlanWorkbook: Sendable {
    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    /// The workbook's bytes: the plan (when there is an after-model), the cost form before, and after.
    public func bytes(before: Procedure, after: Procedure? = nil, changes: [Change] = []) throws -> [UInt8] {
        try Workbook.bytes { book in
            let a = ProcedureAnalysis(before)
            if let after {
                let b = ProcedureAnalysis(after)
                plan(book, before: before, a: a, b: b, changes: changes)
                form(book, a.costForm, title: l("plan.formBefore"))
                form(book, b.costForm, title: l("plan.formAfter"))
            } else {
                form(book, a.costForm, title: l("plan.form"))
            }
        }
    }

    private var l: Localizer { Localizer(language) }

    // MARK: The plan

    private func plan(_ book: Workbook, before: Procedure, a: ProcedureAnalysis, b: ProcedureAnalysis, changes: [Change]) {
        let l = Localizer(language, names: NameBook(before, b.procedure))  // with the models' names
        guard let sheet = book.sheet(l("plan.sheet")) else { return }
        let name = before.name.text(language, fallback: before.code)
        sheet.text(0, 0, l.text("plan.title", ["name": name, "code": before.code]), .title)
        let headers = ["plan.number", "plan.what", "plan.reason", "plan.provision", "plan.agency"].map { l($0) }
        for (k, h) in headers.enumerated() { sheet.text(2, k, h, .bold) }
        for (k, w) in [6.0, 60, 60, 40, 30].enumerated() { sheet.width(k, w, k == 0 ? nil : .wrap) }
        sheet.freeze(rows: 3)
        let implementing = before.agencies.values.first { $0.role == .implementing }
        var row = 3
        for (n, change) in changes.enumerated() {
            sheet.number(row, 0, Double(n + 1), .money)
            let element = before.flow.nodes.first { $0.id == change.element }?.step
            let place = change.element == before.code ? l.leverName(change.lever) : l.name(change.element)
            sheet.text(row, 1, "\(place): \(l.render(change.message))", .wrap)
            let rule = change.resolves.flatMap { RuleCatalog.rule($0) }
            // The rule's finding in the reader's language (its one-sentence summary in English), with its legal basis.
            let reason = rule.map { r in (language == .vi ? l.ruleTitle(r.id) : r.summary)
                + (r.legalBasis.isEmpty ? "" : " (" + r.legalBasis.map(l.citation).joined(separator: "; ") + ")") }
                ?? l.text("plan.lever", ["lever": l.leverName(change.lever)])
            sheet.text(row, 2, reason, .wrap)
            // The model's own citations for the element: the provisions a plan would amend.
            let cited = (element?.legal ?? []) + (element?.requires.filter { $0.document == change.message.values["document"] }.flatMap(\.legal) ?? [])
            let provisions = Array(Set(cited)).sorted().map { l.citation(before.legal[$0]?.citation ?? $0) }
            sheet.text(row, 3, provisions.isEmpty ? "—" : provisions.joined(separator: "; "), .wrap)
            let agency = element.flatMap { before.actors[$0.actor]?.agency }.flatMap { before.agencies[$0] } ?? implementing
            sheet.text(row, 4, agency?.name.text(language, fallback: agency?.id ?? "") ?? "—", .wrap)
            row += 1
        }
        // The benefit, as the plans report it.
        let benefit = SimplificationBenefit(before: a.costForm, after: b.costForm, daysBefore: a.expectedLeadTimeDays,
                                            daysAfter: b.expectedLeadTimeDays)
        row += 1
        sheet.text(row, 1, l("plan.benefit"), .bold)
        let lines: [(String, Double, Workbook.Style)] = [
            (l("plan.costBefore"), benefit.costBeforePerYearVND, .money),
            (l("plan.costAfter"), benefit.costAfterPerYearVND, .money),
            (l("plan.saving"), benefit.savingPerYearVND, .money),
            (l("plan.costCut"), benefit.costCut ?? 0, .percent),
            (l("plan.daysBefore"), benefit.daysBefore, .decimal),
            (l("plan.daysAfter"), benefit.daysAfter, .decimal),
            (l("plan.timeCut"), benefit.timeCut ?? 0, .percent),
        ]
        for (text, value, style) in lines {
            row += 1
            sheet.text(row, 1, text)
            sheet.number(row, 2, value, style)
        }
    }

    // MARK: The cost form

    private func form(_ book: Workbook, _ f: ComplianceCostForm, title: String) {
        guard let sheet = book.sheet(title) else { return }
        sheet.text(0, 0, l.text("plan.formTitle", ["name": f.name.text(language, fallback: f.code), "code": f.code]), .title)
        let headers = ["activity", "timesPerCase", "hours", "timeCost", "fees", "other", "perCase", "perYear"].map { l("cost.column." + $0) }
        for (k, h) in headers.enumerated() { sheet.text(2, k, h, .bold) }
        sheet.width(0, 40)
        for k in 1..<headers.count { sheet.width(k, 18) }
        sheet.freeze(rows: 3)
        var row = 3
        for activity in f.activities {
            sheet.text(row, 0, activity.name.text(language, fallback: activity.id))
            sheet.number(row, 1, activity.timesPerCase)
            sheet.number(row, 2, activity.hours)
            sheet.number(row, 3, activity.timeCostVND.rounded(), .money)
            sheet.number(row, 4, activity.feesVND.rounded(), .money)
            sheet.number(row, 5, activity.otherVND.rounded(), .money)
            sheet.number(row, 6, activity.perCaseVND.rounded(), .money)
            sheet.number(row, 7, f.perYearVND(of: activity).rounded(), .money)
            row += 1
        }
        sheet.text(row, 0, l("cost.total"), .bold)
        sheet.number(row, 2, f.hours)
        sheet.number(row, 3, f.timeCostVND.rounded(), .money)
        sheet.number(row, 4, f.feesVND.rounded(), .money)
        sheet.number(row, 5, f.otherVND.rounded(), .money)
        sheet.number(row, 6, f.perCaseVND.rounded(), .money)
        sheet.number(row, 7, f.perYearVND.rounded(), .money)
        row += 2
        sheet.text(row, 0, l("plan.frequency"))
        sheet.number(row, 1, f.frequencyPerYear, .money)
        sheet.text(row + 1, 0, l("plan.subjects"))
        sheet.number(row + 1, 1, f.subjectsPerYear, .money)
        sheet.text(row + 2, 0, l("plan.income"))
        sheet.number(row + 2, 1, f.incomePerHourVND, .money)
        sheet.text(row + 2, 2, f.incomeSources.map { $0 == "assumed" ? l("cost.assumed") : (language == .vi ? l.text("cost.source", ["text": String($0.split(separator: ":", maxSplits: 1).first ?? "")]) : $0) }.joined(separator: "; "))
    }
}

/// A workbook that could not be written.
public struct SpreadsheetError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
