#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodLocalization
public import ProcmodModel

import ProcmodSimulation

/// One table of the portfolio report, in the reader's language.
public struct PortfolioSection: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// Columns counted from the left that hold text (the others are figures, right-aligned).
    public var textColumns: Int
    public var note: String?
}

/// The portfolio report's words and tables in one language; the text, Markdown and HTML renderers
/// lay them out.
public struct PortfolioPhrases: Sendable {
    public var portfolio: Portfolio
    public var localizer: Localizer
    /// How many ranked procedures the ranking table lists (all when nil).
    public var rankingLimit: Int?

    public init(_ portfolio: Portfolio, language: Language, rankingLimit: Int? = nil) {
        self.portfolio = portfolio
        localizer = Localizer(language)
        self.rankingLimit = rankingLimit
    }

    private var l: Localizer { localizer }
    /// No scenario: one column of figures, the ranking by yearly cost.
    private var single: Bool { portfolio.scenario == nil }
    private var n: NumberStyle { localizer.numbers }

    public var title: String {
        l.text("portfolio.title", ["name": portfolio.name.text(l.language, fallback: portfolio.catalogue)])
    }

    /// Lines under the title: level and sites, scenario, how the figures were simulated.
    public var facts: [String] {
        var out: [String] = []
        let level = portfolio.level.map { l.text("adminLevel." + $0.rawValue) } ?? "—"
        out.append(l.text("portfolio.site", ["tier": level, "count": n.number(portfolio.sites, decimals: 0),
                                              "procedures": n.number(Double(portfolio.rows.count), decimals: 0)]))
        if let s = portfolio.scenario {
            out.append(l.text("scenario") + ": " + s.text(l.language, fallback: ""))
        } else {
            out.append(l.text("portfolio.noScenario"))
        }
        if portfolio.replications > 0 {
            out.append(l.text("portfolio.runs", ["count": n.number(Double(portfolio.replications), decimals: 0),
                                                  "days": n.number(portfolio.horizonDays ?? 0, decimals: 0), "seed": "\(portfolio.seed)"]))
        } else {
            out.append(l.text("portfolio.noSimulation"))
        }
        return out
    }

    /// The headline sentences: the yearly cost and its cut, the targets, who carries the cut.
    public var summary: [String] {
        let t = portfolio.totals
        if single {
            var out = [l.text("portfolio.summary.costNow", ["cost": n.moneyProse(t.costPerYear.before),
                                                            "cases": n.number(t.casesPerYear, decimals: 0)]),
                       l.text("portfolio.summary.hoursNow", ["hours": n.number(t.applicantHoursPerYear.before, decimals: 0),
                                                             "visits": n.number(t.visitsPerYear.before, decimals: 0),
                                                             "pages": n.number(t.pagesPerYear.before, decimals: 0)])]
            if let worst = portfolio.resources.first {
                out.append(l.text("portfolio.summary.bottleneckNow", ["resource": name(worst), "utilisation": n.percent(worst.utilisation.before.mean)]))
            }
            return out
        }
        var out = [l.text("portfolio.summary.cost", ["before": n.moneyProse(t.costPerYear.before), "after": n.moneyProse(t.costPerYear.after),
                                                     "cut": n.percent(t.costPerYear.cut ?? 0)])]
        out.append(l.text("portfolio.summary.hours", ["hours": n.number(t.applicantHoursPerYear.saving, decimals: 0),
                                                      "visits": n.number(t.visitsPerYear.saving, decimals: 0),
                                                      "pages": n.number(t.pagesPerYear.saving, decimals: 0)]))
        for target in portfolio.targets { out.append(targetSentence(target)) }
        if !portfolio.carriers.isEmpty {
            out.append(l.text("portfolio.carriers", ["count": n.number(Double(portfolio.carriers.count), decimals: 0),
                                                     "codes": portfolio.carriers.joined(separator: ", ")]))
        }
        if let worst = portfolio.resources.first {
            out.append(l.text("portfolio.summary.bottleneck", ["resource": name(worst), "before": n.percent(worst.utilisation.before.mean),
                                                               "after": n.percent(worst.utilisation.after.mean)]))
        }
        return out
    }

    func targetSentence(_ t: PortfolioTarget) -> String {
        let needed = t.proceduresNeeded.map { l.text("portfolio.target.needed", ["count": n.number(Double($0), decimals: 0)]) }
            ?? l.text("portfolio.target.notReachable")
        return l.text(t.met ? "portfolio.target.met" : "portfolio.target.missed",
                      ["what": l.text("portfolio.target." + t.kind), "target": n.percent(t.target), "achieved": n.percent(t.achieved)])
            + " " + needed
    }

    public var sections: [PortfolioSection] {
        var out = [totals]
        if !portfolio.targets.isEmpty { out.append(targets) }
        out.append(ranking)
        if !portfolio.resources.isEmpty { out.append(resources) }
        let skipped = portfolio.rows.filter { !$0.levers.notApplicable.isEmpty }
        if !skipped.isEmpty {
            out.append(PortfolioSection(title: l.text("portfolio.notApplicable"), header: [l.text("portfolio.code"), l.text("portfolio.lever")],
                                        rows: skipped.flatMap { r in r.levers.notApplicable.map { [r.code, $0] } }, textColumns: 2, note: nil))
        }
        return out
    }

    var totals: PortfolioSection {
        let t = portfolio.totals
        if single {
            var rows: [[String]] = [
                [l.text("portfolio.casesPerYear"), n.number(t.casesPerYear, decimals: 0)],
                [l.text("portfolio.costPerYear"), n.money(t.costPerYear.before)],
                [l.text("portfolio.applicantHoursPerYear"), n.number(t.applicantHoursPerYear.before, decimals: 0)],
                [l.text("portfolio.visitsPerYear"), n.number(t.visitsPerYear.before, decimals: 0)],
                [l.text("portfolio.pagesPerYear"), n.number(t.pagesPerYear.before, decimals: 0)],
                [l.text("portfolio.leadTimeDays"), n.number(t.leadTimeDays.before, decimals: 2)],
            ]
            if let s = t.simulatedLeadTime { rows.append([l.text("portfolio.simulatedLeadTime"), estimate(s.before, share: false)]) }
            if let s = t.onTimeShare { rows.append([l.text("portfolio.onTimeShare"), estimate(s.before, share: true)]) }
            return PortfolioSection(title: l.text("portfolio.totals"), header: [l.text("figure"), l.text("portfolio.value")], rows: rows,
                                    textColumns: 1, note: l.text("portfolio.totals.note"))
        }
        var rows: [[String]] = [
            [l.text("portfolio.casesPerYear"), n.number(t.casesPerYear, decimals: 0), n.number(t.casesPerYear, decimals: 0), "—"],
            pairRow("portfolio.costPerYear", t.costPerYear) { n.money($0) },
            pairRow("portfolio.applicantHoursPerYear", t.applicantHoursPerYear) { n.number($0, decimals: 0) },
            pairRow("portfolio.visitsPerYear", t.visitsPerYear) { n.number($0, decimals: 0) },
            pairRow("portfolio.pagesPerYear", t.pagesPerYear) { n.number($0, decimals: 0) },
            pairRow("portfolio.leadTimeDays", t.leadTimeDays) { n.number($0, decimals: 2) },
        ]
        if let s = t.simulatedLeadTime { rows.append(estimateRow("portfolio.simulatedLeadTime", s, share: false)) }
        if let s = t.onTimeShare { rows.append(estimateRow("portfolio.onTimeShare", s, share: true)) }
        return PortfolioSection(title: l.text("portfolio.totals"), header: [l.text("figure"), l.text("before"), l.text("after"), l.text("change")],
                                rows: rows, textColumns: 1, note: l.text("portfolio.totals.note"))
    }

    var targets: PortfolioSection {
        PortfolioSection(title: l.text("portfolio.targets"),
                         header: [l.text("portfolio.target"), l.text("portfolio.target.goal"), l.text("portfolio.target.achieved"),
                                  l.text("portfolio.target.result"), l.text("portfolio.target.proceduresNeeded")],
                         rows: portfolio.targets.map { t in
                             [l.text("portfolio.target." + t.kind), n.percent(t.target), n.percent(t.achieved),
                              l.text(t.met ? "portfolio.met" : "portfolio.missed"), t.proceduresNeeded.map { n.number(Double($0), decimals: 0) } ?? "—"]
                         }, textColumns: 1, note: l.text("portfolio.targets.note"))
    }

    var ranking: PortfolioSection {
        let byCode = Dictionary(portfolio.rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = rankingLimit.map { Array(portfolio.ranking.prefix($0)) } ?? portfolio.ranking
        var more = ""
        if let limit = rankingLimit, portfolio.ranking.count > limit {
            more = " " + l.text("portfolio.ranking.more", ["count": n.number(Double(portfolio.ranking.count - limit), decimals: 0)])
        }
        if single {
            let rows: [[String]] = codes.enumerated().compactMap { k, code in
                guard let r = byCode[code] else { return nil }
                return [n.number(Double(k + 1), decimals: 0), r.code, r.name.text(l.language, fallback: r.code),
                        n.number(r.casesPerYear, decimals: 0), n.money(r.costPerYear.before), n.number(r.applicantHoursPerYear.before, decimals: 0),
                        n.number(r.visitsPerYear.before, decimals: 0), r.simulatedLeadTime.map { estimate($0.before, share: false) } ?? "—",
                        r.onTimeShare.map { estimate($0.before, share: true) } ?? "—"]
            }
            return PortfolioSection(title: l.text("portfolio.rankingByCost"),
                                    header: ["#", l.text("portfolio.code"), l.text("portfolio.procedure"), l.text("portfolio.cases"),
                                             l.text("portfolio.costNow"), l.text("portfolio.hoursNow"), l.text("portfolio.visitsNow"),
                                             l.text("portfolio.leadTimeNow"), l.text("portfolio.onTimeNow")],
                                    rows: rows, textColumns: 3, note: l.text("portfolio.rankingByCost.note") + more)
        }
        let rows: [[String]] = codes.enumerated().compactMap { k, code in
            guard let r = byCode[code] else { return nil }
            return [n.number(Double(k + 1), decimals: 0), r.code, r.name.text(l.language, fallback: r.code),
                    n.number(r.casesPerYear, decimals: 0), n.money(r.costPerYear.before), n.money(r.costPerYear.after),
                    n.money(r.costPerYear.saving), n.number(r.applicantHoursPerYear.saving, decimals: 0),
                    n.number(r.visitsPerYear.saving, decimals: 0),
                    r.simulatedLeadTime.map { "\(estimate($0.before, share: false)) → \(estimate($0.after, share: false))" } ?? "—",
                    r.onTimeShare.map { "\(estimate($0.before, share: true)) → \(estimate($0.after, share: true))" } ?? "—"]
        }
        let note = l.text("portfolio.ranking.note") + more
        return PortfolioSection(title: l.text("portfolio.ranking"),
                                header: ["#", l.text("portfolio.code"), l.text("portfolio.procedure"), l.text("portfolio.cases"),
                                         l.text("portfolio.costBefore"), l.text("portfolio.costAfter"), l.text("portfolio.saving"),
                                         l.text("portfolio.hoursSaved"), l.text("portfolio.visitsSaved"), l.text("portfolio.leadTime"),
                                         l.text("portfolio.onTime")],
                                rows: rows, textColumns: 3, note: note)
    }

    var resources: PortfolioSection {
        if single {
            return PortfolioSection(title: l.text("portfolio.resources"),
                                    header: [l.text("portfolio.resource"), l.text("portfolio.servers"), l.text("portfolio.utilisationNow"),
                                             l.text("portfolio.waitNow"), l.text("portfolio.queueNow"), l.text("portfolio.users")],
                                    rows: portfolio.resources.map { r in
                                        [name(r), r.servers.map { n.number($0.before, decimals: 0) } ?? "∞", estimate(r.utilisation.before, share: true),
                                         estimate(r.meanWaitMinutes.before, share: false), estimate(r.meanQueueLength.before, share: false),
                                         n.number(Double(r.procedures.count), decimals: 0)]
                                    }, textColumns: 1, note: l.text("portfolio.resources.note"))
        }
        return PortfolioSection(title: l.text("portfolio.resources"),
                         header: [l.text("portfolio.resource"), l.text("portfolio.servers"), l.text("portfolio.utilisationBefore"),
                                  l.text("portfolio.utilisationAfter"), l.text("portfolio.wait"), l.text("portfolio.queue"),
                                  l.text("portfolio.users")],
                         rows: portfolio.resources.map { r in
                             [name(r), r.servers.map { pair($0) { n.number($0, decimals: 0) } } ?? "∞",
                              estimate(r.utilisation.before, share: true), estimate(r.utilisation.after, share: true),
                              "\(estimate(r.meanWaitMinutes.before, share: false)) → \(estimate(r.meanWaitMinutes.after, share: false))",
                              "\(estimate(r.meanQueueLength.before, share: false)) → \(estimate(r.meanQueueLength.after, share: false))",
                              n.number(Double(r.procedures.count), decimals: 0)]
                         }, textColumns: 1, note: l.text("portfolio.resources.note"))
    }

    private func name(_ r: PortfolioResource) -> String { r.name.text(l.language, fallback: r.id) }

    private func pair(_ p: PortfolioPair, _ f: (Double) -> String) -> String {
        p.before == p.after ? f(p.before) : "\(f(p.before)) → \(f(p.after))"
    }

    private func pairRow(_ key: String, _ p: PortfolioPair, _ f: (Double) -> String) -> [String] {
        [l.text(key), f(p.before), f(p.after), p.cut.map { n.percent(-$0) } ?? "—"]
    }

    private func estimateRow(_ key: String, _ e: PortfolioEstimate, share: Bool) -> [String] {
        let change = share ? points(e.difference) : estimate(e.difference, share: false)
        return [l.text(key), estimate(e.before, share: share), estimate(e.after, share: share),
                change + (e.significant ? "" : " (" + l.text("portfolio.notSignificant") + ")")]
    }

    /// A difference of shares in percentage points.
    private func points(_ e: Estimate) -> String {
        let d = decimals(e.halfWidth * 100)
        return n.number(e.mean * 100, decimals: d) + " ± " + n.number(e.halfWidth * 100, decimals: d) + " " + l.text("portfolio.points")
    }

    /// Mean ± half-width, the decimals set by the interval (two significant digits of it).
    func estimate(_ e: Estimate, share: Bool) -> String {
        let scale = share ? 100.0 : 1.0
        let d = decimals(e.halfWidth * scale, mean: e.mean * scale)
        let mean = n.number(e.mean * scale, decimals: d) + (share ? "%" : "")
        guard e.replications > 1 else { return mean }
        return mean + " ± " + n.number(e.halfWidth * scale, decimals: d) + (share ? "%" : "")
    }

    private func decimals(_ halfWidth: Double, mean: Double = 1) -> Int {
        let h = abs(halfWidth)
        guard h > 0, h.isFinite else { return abs(mean) >= 100 ? 0 : (abs(mean) >= 1 ? 2 : 3) }
        return max(0, min(4, 1 - Int((log10(h)).rounded(.down))))
    }
}
