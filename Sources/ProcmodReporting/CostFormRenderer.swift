public import ProcmodAnalysis
public import ProcmodModel

/// The compliance cost form (Circular 02/2017/TT-VPCP Art. 27) as text, Markdown, CSV or JSON, before
/// and, with a scenario, after, with the simplification plan's benefit block (docs/analysis.md, "The
/// cost form"). Vietnamese labels and number style with `language: .vi`.
public struct CostFormRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, csv, json }

    public var format: Format
    public var language: Language

    public init(format: Format, language: Language = .en) {
        self.format = format
        self.language = language
    }

    /// The form of one procedure, or the forms before and after with their benefit.
    public func render(before: ComplianceCostForm, after: ComplianceCostForm? = nil,
                       benefit: SimplificationBenefit? = nil) throws -> String {
        switch format {
        case .json: return try jsonDocument(CostFormDocument(before: before, after: after, benefit: benefit), kind: "cost-form")
        case .csv: return csv(before, "before") + (after.map { csv($0, "after", header: false) } ?? "")
        case .markdown, .text:
            var out = [heading(before)]
            out += table(before, title: after == nil ? nil : label("Before", "Trước khi đơn giản hóa"))
            if let after { out += [""] + table(after, title: label("After", "Sau khi đơn giản hóa")) }
            if let benefit { out += [""] + plan(benefit) }
            return out.joined(separator: "\n") + "\n"
        }
    }

    // MARK: Labels and numbers

    private func label(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    /// Whole đồng, grouped: 1,400,000 (en) or 1.400.000 (vi).
    private func money(_ x: Double) -> String {
        let text = groupedText(x.rounded())
        return language == .vi ? text.replacingOccurrences(of: ",", with: ".") : text
    }

    /// Up to two decimals: 1.25 (en) or 1,25 (vi).
    private func decimal(_ x: Double) -> String {
        let text = decimalText(x, decimals: 2)
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    private func percent(_ share: Double) -> String {
        let text = decimalText(share * 100, decimals: 1)
        return (language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text) + "%"
    }

    private func heading(_ form: ComplianceCostForm) -> String {
        let name = form.name.text(language, fallback: form.code)
        let title = label("Compliance cost", "Chi phí tuân thủ thủ tục hành chính")
        return format == .markdown ? "# \(title): \(form.code) \(name)\n" : "\(title): \(form.code) \(name)\n"
    }

    // MARK: The form

    private var columns: [String] {
        language == .vi
            ? ["Công việc", "Số lần/hồ sơ", "Thời gian (giờ)", "Chi phí thời gian (đồng)", "Phí, lệ phí (đồng)",
               "Chi phí khác (đồng)", "Chi phí/hồ sơ (đồng)", "Chi phí/năm (đồng)"]
            : ["Activity", "Times per case", "Hours", "Cost of time (VND)", "Fees and charges (VND)",
               "Other costs (VND)", "Cost per case (VND)", "Cost per year (VND)"]
    }

    private func cells(_ a: ComplianceCostForm.Activity, in form: ComplianceCostForm) -> [String] {
        [a.name.text(language, fallback: a.id), decimal(a.timesPerCase), decimal(a.hours), money(a.timeCostVND),
         money(a.feesVND), money(a.otherVND), money(a.perCaseVND), money(form.perYearVND(of: a))]
    }

    private func totals(_ form: ComplianceCostForm) -> [String] {
        [label("Total", "Tổng cộng"), "", decimal(form.hours), money(form.timeCostVND), money(form.feesVND),
         money(form.otherVND), money(form.perCaseVND), money(form.perYearVND)]
    }

    private func table(_ form: ComplianceCostForm, title: String?) -> [String] {
        var out: [String] = []
        if let title { out += [format == .markdown ? "## \(title)" : title, ""] }
        let rows = form.activities.map { cells($0, in: form) } + [totals(form)]
        if format == .markdown {
            out.append("| " + columns.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---:|", count: columns.count - 1))
            out += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        } else {
            let widths = columns.indices.map { k in ([columns[k]] + rows.map { $0[k] }).map(\.count).max() ?? 0 }
            func line(_ r: [String]) -> String {
                r.enumerated().map { k, cell in
                    let pad = String(repeating: " ", count: max(0, widths[k] - cell.count))
                    return k == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ")
            }
            out.append(line(columns))
            out += rows.map(line)
        }
        out.append("")
        let income = label("income per hour", "thu nhập bình quân mỗi giờ") + " \(money(form.incomePerHourVND)) "
            + label("VND", "đồng") + (form.incomeSources.isEmpty ? label(" (no source: cite one on the applicant's tariff)", " (chưa có nguồn)")
                : " (\(form.incomeSources.map { $0 == "assumed" ? label("assumed", "giả định") : $0 }.joined(separator: "; ")))")
        out.append(label("f = \(decimal(form.frequencyPerYear)) time a year per subject; N = \(money(form.subjectsPerYear)) subjects a year; ",
                         "f = \(decimal(form.frequencyPerYear)) lần/năm/đối tượng; N = \(money(form.subjectsPerYear)) đối tượng/năm; ") + income)
        return out
    }

    // MARK: The plan's benefit

    private func plan(_ b: SimplificationBenefit) -> [String] {
        let title = label("Benefit of the simplification plan", "Lợi ích phương án đơn giản hóa")
        let unit = label(" VND a year", " đồng/năm")
        var out = [format == .markdown ? "## \(title)" : title, ""]
        out.append("- " + label("Compliance cost before simplification: ", "Chi phí tuân thủ TTHC trước khi đơn giản hóa: ") + money(b.costBeforePerYearVND) + unit)
        out.append("- " + label("Compliance cost after simplification: ", "Chi phí tuân thủ TTHC sau khi đơn giản hóa: ") + money(b.costAfterPerYearVND) + unit)
        out.append("- " + label("Saving: ", "Chi phí tiết kiệm: ") + money(b.savingPerYearVND) + unit)
        if let cut = b.costCut { out.append("- " + label("Cost cut: ", "Tỷ lệ cắt giảm chi phí: ") + percent(cut)) }
        out.append("- " + label("Expected processing time, working days (analytic): ", "Thời gian giải quyết dự kiến, ngày làm việc (giải tích): ")
                   + "\(decimal(b.daysBefore)) → \(decimal(b.daysAfter))" + (b.timeCut.map { " (" + label("cut ", "cắt giảm ") + percent($0) + ")" } ?? ""))
        for target in SimplificationBenefit.targets {
            let costMet = (b.costCut ?? 0) >= target.cut - 1e-12, timeMet = (b.timeCut ?? 0) >= target.cut - 1e-12
            func verdict(_ met: Bool) -> String { met ? label("met", "đạt") : label("not met", "chưa đạt") }
            out.append("- " + label("Resolution 66/NQ-CP target for \(target.year) (−\(percent(target.cut)) against 2024): cost ",
                                    "Mục tiêu Nghị quyết 66/NQ-CP năm \(target.year) (−\(percent(target.cut)) so với 2024): chi phí ")
                       + verdict(costMet) + label(", time ", ", thời gian ") + verdict(timeMet))
        }
        return out
    }

    // MARK: CSV

    private func csv(_ form: ComplianceCostForm, _ version: String, header: Bool = true) -> String {
        func field(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        func plain(_ x: Double) -> String { decimalText(x, decimals: 4) }
        var lines: [String] = []
        if header {
            lines.append("code,version,activity,name,times_per_case,hours,time_cost_vnd,fees_vnd,other_vnd,per_case_vnd,per_year_vnd")
        }
        for a in form.activities {
            lines.append([form.code, version, a.id, a.name.text(language, fallback: a.id), plain(a.timesPerCase), plain(a.hours),
                          plain(a.timeCostVND), plain(a.feesVND), plain(a.otherVND), plain(a.perCaseVND),
                          plain(form.perYearVND(of: a))].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON document of `procmod cost`.
struct CostFormDocument: Encodable {
    var before: ComplianceCostForm
    var after: ComplianceCostForm?
    var benefit: SimplificationBenefit?
}
