import Foundation
public import ProcmodAnalysis
public import ProcmodModel
public import ProcmodScenario

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
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("procmod-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let book = Workbook(path: path) else { throw SpreadsheetError("cannot create a workbook at \(path)") }
        let a = ProcedureAnalysis(before)
        if let after {
            let b = ProcedureAnalysis(after)
            plan(book, before: before, a: a, b: b, changes: changes)
            form(book, a.costForm, title: label("Cost form before", "Chi phí trước"))
            form(book, b.costForm, title: label("Cost form after", "Chi phí sau"))
        } else {
            form(book, a.costForm, title: label("Cost form", "Chi phí tuân thủ"))
        }
        if let message = book.close() { throw SpreadsheetError("cannot write the workbook: \(message)") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func label(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    // MARK: The plan

    private func plan(_ book: Workbook, before: Procedure, a: ProcedureAnalysis, b: ProcedureAnalysis, changes: [Change]) {
        guard let sheet = book.sheet(label("Simplification plan", "Phương án đơn giản hóa")) else { return }
        let name = before.name.text(language, fallback: before.code)
        sheet.text(0, 0, label("Simplification plan: ", "Phương án đơn giản hóa: ") + "\(name) (\(label("code", "mã")) \(before.code))", .title)
        let headers = [label("No.", "STT"), label("What is simplified", "Nội dung đơn giản hóa"), label("Reason", "Lý do"),
                       label("Provision to amend", "Kiến nghị thực thi (văn bản cần sửa đổi)"),
                       label("Responsible agency", "Cơ quan chủ trì")]
        for (k, h) in headers.enumerated() { sheet.text(2, k, h, .bold) }
        for (k, w) in [6.0, 60, 60, 40, 30].enumerated() { sheet.width(k, w, k == 0 ? nil : .wrap) }
        sheet.freeze(rows: 3)
        let implementing = before.agencies.values.first { $0.role == .implementing }
        var row = 3
        for (n, change) in changes.enumerated() {
            sheet.number(row, 0, Double(n + 1), .money)
            let element = before.flow.nodes.first { $0.id == change.element }?.step
            let elementName = element.map { $0.name.text(language, fallback: $0.id) } ?? change.element
            sheet.text(row, 1, "\(elementName): \(change.description)", .wrap)
            let rule = change.resolves.flatMap { RuleCatalog.rule($0) }
            let reason = rule.map { r in r.summary + (r.legalBasis.isEmpty ? "" : " (" + r.legalBasis.joined(separator: "; ") + ")") }
                ?? label("lever ", "biện pháp ") + change.lever
            sheet.text(row, 2, reason, .wrap)
            // The model's own citations for the element: the provisions a plan would amend.
            let cited = (element?.legal ?? []) + (element?.requires.filter { change.description.contains("'\($0.document)'") }.flatMap(\.legal) ?? [])
            let provisions = Array(Set(cited)).sorted().map { before.legal[$0]?.citation ?? $0 }
            sheet.text(row, 3, provisions.isEmpty ? "—" : provisions.joined(separator: "; "), .wrap)
            let agency = element.flatMap { before.actors[$0.actor]?.agency }.flatMap { before.agencies[$0] } ?? implementing
            sheet.text(row, 4, agency?.name.text(language, fallback: agency?.id ?? "") ?? "—", .wrap)
            row += 1
        }
        // The benefit, as the plans report it.
        let benefit = SimplificationBenefit(before: a.costForm, after: b.costForm, daysBefore: a.expectedLeadTimeDays,
                                            daysAfter: b.expectedLeadTimeDays)
        row += 1
        sheet.text(row, 1, label("Benefit of the plan", "Lợi ích phương án đơn giản hóa"), .bold)
        let lines: [(String, Double, Workbook.Style)] = [
            (label("Compliance cost before, VND a year", "Chi phí tuân thủ TTHC trước khi đơn giản hóa (đồng/năm)"), benefit.costBeforePerYearVND, .money),
            (label("Compliance cost after, VND a year", "Chi phí tuân thủ TTHC sau khi đơn giản hóa (đồng/năm)"), benefit.costAfterPerYearVND, .money),
            (label("Saving, VND a year", "Chi phí tiết kiệm (đồng/năm)"), benefit.savingPerYearVND, .money),
            (label("Cost cut", "Tỷ lệ cắt giảm chi phí"), benefit.costCut ?? 0, .percent),
            (label("Processing time before, working days", "Thời gian giải quyết trước (ngày làm việc)"), benefit.daysBefore, .decimal),
            (label("Processing time after, working days", "Thời gian giải quyết sau (ngày làm việc)"), benefit.daysAfter, .decimal),
            (label("Time cut", "Tỷ lệ cắt giảm thời gian"), benefit.timeCut ?? 0, .percent),
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
        sheet.text(0, 0, label("Compliance cost (Circular 02/2017/TT-VPCP Art. 27): ", "Chi phí tuân thủ (Thông tư 02/2017/TT-VPCP, Điều 27): ")
                   + "\(f.name.text(language, fallback: f.code)) (\(f.code))", .title)
        let headers = language == .vi
            ? ["Công việc", "Số lần/hồ sơ", "Thời gian (giờ)", "Chi phí thời gian (đồng)", "Phí, lệ phí (đồng)", "Chi phí khác (đồng)",
               "Chi phí/hồ sơ (đồng)", "Chi phí/năm (đồng)"]
            : ["Activity", "Times per case", "Hours", "Cost of time (VND)", "Fees and charges (VND)", "Other costs (VND)",
               "Cost per case (VND)", "Cost per year (VND)"]
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
        sheet.text(row, 0, label("Total", "Tổng cộng"), .bold)
        sheet.number(row, 2, f.hours)
        sheet.number(row, 3, f.timeCostVND.rounded(), .money)
        sheet.number(row, 4, f.feesVND.rounded(), .money)
        sheet.number(row, 5, f.otherVND.rounded(), .money)
        sheet.number(row, 6, f.perCaseVND.rounded(), .money)
        sheet.number(row, 7, f.perYearVND.rounded(), .money)
        row += 2
        sheet.text(row, 0, label("Times a year per subject (f)", "Số lần thực hiện/năm/đối tượng (f)"))
        sheet.number(row, 1, f.frequencyPerYear, .money)
        sheet.text(row + 1, 0, label("Subjects a year (N)", "Số đối tượng tuân thủ/năm (N)"))
        sheet.number(row + 1, 1, f.subjectsPerYear, .money)
        sheet.text(row + 2, 0, label("Income per hour (VND)", "Thu nhập bình quân mỗi giờ (đồng)"))
        sheet.number(row + 2, 1, f.incomePerHourVND, .money)
        sheet.text(row + 2, 2, f.incomeSources.joined(separator: "; "))
    }
}

/// A workbook that could not be written.
public struct SpreadsheetError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
