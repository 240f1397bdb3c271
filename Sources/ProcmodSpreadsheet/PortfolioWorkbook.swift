public import ProcmodCatalogue
public import ProcmodModel
import ProcmodLocalization

/// The portfolio of a catalogue as an .xlsx workbook, for the province's plan (docs/catalogue.md):
/// a sheet of the procedures in ranking order with every figure before and after as numbers, a sheet of
/// the totals and targets, and a sheet of the shared resources.
public struct PortfolioWorkbook: Sendable {
    public var language: Language

    public init(language: Language = .vi) { self.language = language }

    public func bytes(_ portfolio: Portfolio) throws -> [UInt8] {
        try Workbook.bytes { book in
            let p = PortfolioPhrases(portfolio, language: language)
            procedures(book, portfolio, p)
            totals(book, portfolio, p)
            if !portfolio.resources.isEmpty { resources(book, portfolio, p) }
        }
    }

    private var l: Localizer { Localizer(language) }

    /// One row per procedure, in ranking order.
    private func procedures(_ book: Workbook, _ portfolio: Portfolio, _ p: PortfolioPhrases) {
        guard let sheet = book.sheet(l("portfolio.sheet.procedures")) else { return }
        sheet.text(0, 0, p.title, .title)
        for (k, fact) in p.facts.enumerated() { sheet.text(1 + k, 0, fact) }
        let top = 2 + p.facts.count
        let headers = ["#", l("portfolio.code"), l("portfolio.procedure"), l("portfolio.cases"), l("portfolio.costBefore"),
                       l("portfolio.costAfter"), l("portfolio.saving"), l("portfolio.hoursSaved"), l("portfolio.visitsSaved"),
                       l("portfolio.sheet.pagesSaved"), l("portfolio.sheet.leadBefore"), l("portfolio.sheet.leadAfter"),
                       l("portfolio.sheet.simBefore"), l("portfolio.sheet.simAfter"), l("portfolio.sheet.onTimeBefore"),
                       l("portfolio.sheet.onTimeAfter"), l("portfolio.sheet.levers"), l("portfolio.notApplicable")]
        for (k, h) in headers.enumerated() { sheet.text(top, k, h, .bold) }
        for (k, w) in [5.0, 16, 50, 12, 18, 18, 18, 14, 14, 14, 12, 12, 12, 12, 12, 12, 40, 50].enumerated() {
            sheet.width(k, w, k == 2 || k >= 16 ? .wrap : nil)
        }
        sheet.freeze(rows: top + 1)
        let byCode = Dictionary(portfolio.rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (n, code) in portfolio.ranking.enumerated() {
            guard let r = byCode[code] else { continue }
            let row = top + 1 + n
            sheet.number(row, 0, Double(n + 1), .money)
            sheet.text(row, 1, r.code)
            sheet.text(row, 2, r.name.text(language, fallback: r.code), .wrap)
            sheet.number(row, 3, r.casesPerYear, .money)
            sheet.number(row, 4, r.costPerYear.before, .money)
            sheet.number(row, 5, r.costPerYear.after, .money)
            sheet.number(row, 6, r.costPerYear.saving, .money)
            sheet.number(row, 7, r.applicantHoursPerYear.saving, .money)
            sheet.number(row, 8, r.visitsPerYear.saving, .money)
            sheet.number(row, 9, r.pagesPerYear.saving, .money)
            sheet.number(row, 10, r.leadTimeDays.before)
            sheet.number(row, 11, r.leadTimeDays.after)
            if let s = r.simulatedLeadTime { sheet.number(row, 12, s.before.mean); sheet.number(row, 13, s.after.mean) }
            if let s = r.onTimeShare { sheet.number(row, 14, s.before.mean, .percent); sheet.number(row, 15, s.after.mean, .percent) }
            sheet.text(row, 16, leverList(r.levers.applied.map { l.leverName($0) }), .wrap)
            sheet.text(row, 17, r.levers.notApplicable.joined(separator: "; "), .wrap)
        }
    }

    /// Lever names in the order first applied, a repeated one counted once with its count: "Bỏ bước (4)".
    func leverList(_ names: [String]) -> String {
        var order: [String] = []
        var count: [String: Int] = [:]
        for name in names {
            if count[name] == nil { order.append(name) }
            count[name, default: 0] += 1
        }
        return order.map { count[$0, default: 1] > 1 ? "\($0) (\(count[$0, default: 1]))" : $0 }.joined(separator: ", ")
    }

    /// The totals and the targets.
    private func totals(_ book: Workbook, _ portfolio: Portfolio, _ p: PortfolioPhrases) {
        guard let sheet = book.sheet(l("portfolio.totals")) else { return }
        sheet.text(0, 0, l("portfolio.totals"), .title)
        for (k, h) in [l("figure"), l("before"), l("after"), l("portfolio.sheet.cut")].enumerated() { sheet.text(2, k, h, .bold) }
        for (k, w) in [60.0, 22, 22, 12].enumerated() { sheet.width(k, w) }
        let t = portfolio.totals
        var row = 3
        func pair(_ key: String, _ v: PortfolioPair, _ style: Workbook.Style) {
            sheet.text(row, 0, l(key))
            sheet.number(row, 1, v.before, style)
            sheet.number(row, 2, v.after, style)
            if let cut = v.cut { sheet.number(row, 3, cut, .percent) }
            row += 1
        }
        sheet.text(row, 0, l("portfolio.casesPerYear")); sheet.number(row, 1, t.casesPerYear, .money); sheet.number(row, 2, t.casesPerYear, .money)
        row += 1
        pair("portfolio.costPerYear", t.costPerYear, .money)
        pair("portfolio.applicantHoursPerYear", t.applicantHoursPerYear, .money)
        pair("portfolio.visitsPerYear", t.visitsPerYear, .money)
        pair("portfolio.pagesPerYear", t.pagesPerYear, .money)
        pair("portfolio.leadTimeDays", t.leadTimeDays, .decimal)
        if let s = t.simulatedLeadTime { pair("portfolio.simulatedLeadTime", PortfolioPair(s.before.mean, s.after.mean), .decimal) }
        if let s = t.onTimeShare {
            sheet.text(row, 0, l("portfolio.onTimeShare"))
            sheet.number(row, 1, s.before.mean, .percent)
            sheet.number(row, 2, s.after.mean, .percent)
            row += 1
        }
        row += 1
        guard !portfolio.targets.isEmpty else { return }
        sheet.text(row, 0, l("portfolio.targets"), .title)
        row += 1
        for (k, h) in [l("portfolio.target"), l("portfolio.target.goal"), l("portfolio.target.achieved"), l("portfolio.target.result"),
                       l("portfolio.target.proceduresNeeded")].enumerated() { sheet.text(row, k, h, .bold) }
        row += 1
        for target in portfolio.targets {
            sheet.text(row, 0, l("portfolio.target." + target.kind))
            sheet.number(row, 1, target.target, .percent)
            sheet.number(row, 2, target.achieved, .percent)
            sheet.text(row, 3, l(target.met ? "portfolio.met" : "portfolio.missed"))
            if let n = target.proceduresNeeded { sheet.number(row, 4, Double(n), .money) }
            row += 1
        }
    }

    /// The shared resources, busiest first.
    private func resources(_ book: Workbook, _ portfolio: Portfolio, _ p: PortfolioPhrases) {
        guard let sheet = book.sheet(l("portfolio.sheet.resources")) else { return }
        sheet.text(0, 0, l("portfolio.resources"), .title)
        let headers = [l("portfolio.resource"), l("portfolio.servers"), l("portfolio.utilisationBefore"), l("portfolio.utilisationAfter"),
                       l("portfolio.sheet.waitBefore"), l("portfolio.sheet.waitAfter"), l("portfolio.users")]
        for (k, h) in headers.enumerated() { sheet.text(2, k, h, .bold) }
        for (k, w) in [45.0, 10, 16, 16, 16, 16, 12].enumerated() { sheet.width(k, w) }
        for (n, r) in portfolio.resources.enumerated() {
            let row = 3 + n
            sheet.text(row, 0, r.name.text(language, fallback: r.id))
            if let s = r.servers { sheet.number(row, 1, s.after, .money) } else { sheet.text(row, 1, "∞") }
            sheet.number(row, 2, r.utilisation.before.mean, .percent)
            sheet.number(row, 3, r.utilisation.after.mean, .percent)
            sheet.number(row, 4, r.meanWaitMinutes.before.mean)
            sheet.number(row, 5, r.meanWaitMinutes.after.mean)
            sheet.number(row, 6, Double(r.procedures.count), .money)
        }
    }
}
