import Foundation
public import ProcmodModel
public import ProcmodScenario
import ProcmodSimulation

/// A self-contained HTML page: tables and inline SVG charts (lead-time distributions, the levers'
/// waterfall, utilisation by actor) and the procedure before and after with removed steps struck through.
public struct HTMLComparisonRenderer: ComparisonRenderer {
    public var language: Language
    /// The before-procedure's steps (id and name), in flow order, for the drawing.
    public var beforeSteps: [(id: String, name: String)]
    /// Steps the after-procedure adds (id and name).
    public var addedSteps: [(id: String, name: String)]

    public init(language: Language, beforeSteps: [(id: String, name: String)], addedSteps: [(id: String, name: String)] = []) {
        self.language = language
        self.beforeSteps = beforeSteps
        self.addedSteps = addedSteps
    }

    private func l(_ key: String) -> String { ComparisonLabels.label(key, language) }

    public func render(_ c: Comparison) throws -> String {
        let title = "\(c.code) \(c.name.text(language, fallback: c.code))"
        var body: [HTMLNode] = [el("h1", txt(title))]
        if let s = c.scenario { body.append(el("p", el("strong", txt(l("scenario") + ": ")), txt(s.text(language, fallback: "")))) }
        body.append(el("h2", txt(l("static"))))
        body.append(table([l("figure"), l("before"), l("after"), l("change")], c.staticRows.map { r in
            [l(r.key), value(r.key, r.before), value(r.key, r.after), changeText(r, language)]
        }))
        if !c.simulated.isEmpty {
            body.append(el("h2", txt(l("simulated"))))
            body.append(el("p", txt("\(c.replications) \(l("replications")) \(c.seed)" + (c.casesPerReplication.map { ", \($0) \(l(Figure.cases.rawValue))" } ?? ""))))
            body.append(table([l("figure"), l("before"), l("after"), l("difference"), l("significant")], c.simulated.map { r in
                [l(r.key), estimateText(r.key, r.before), estimateText(r.key, r.after), estimateText(r.key, r.difference, difference: true, language),
                 l(r.significant ? "yes" : "no")]
            }))
            if c.leadTimeSamples.count == 2 {
                body.append(el("h3", txt(l("distribution"))))
                body.append(histogram(c.leadTimeSamples[0], c.leadTimeSamples[1], deadline: c.deadlineWorkingDays))
            }
            body.append(el("h3", txt(l(Figure.utilisation.rawValue))))
            body.append(bars(c.utilisation.map { ($0.key, $0.before.mean, $0.after.mean) }, format: Format.percent,
                             scale: 1, threshold: (0.85, "85%")))
            if let warnings = c.warnings {
                body.append(el("h3", txt(l("warnings"))))
                body.append(el("ul", children: warnings.map { el("li", txt($0)) }))
            }
        }
        if !c.waterfall.isEmpty {
            body.append(el("h2", txt(l("waterfall"))))
            body.append(waterfall(c.waterfall))
            body.append(table([l("lever"), l("workingDays"), l("visits"), l("costPerCase")], c.waterfall.enumerated().map { i, w in
                ["\(i). \(w.lever)", Format.number(w.leadTimeDays), Format.number(w.applicantVisits), Format.number(w.costPerCaseVND, decimals: 0)]
            }))
        }
        body.append(el("h2", txt(l("procedure"))))
        let removed = Set(c.removedSteps)
        body.append(el("ol", [("class", "steps")], children: beforeSteps.map { step in
            removed.contains(step.id)
                ? el("li", [("class", "removed")], el("s", txt(step.name)), txt(" — " + l("removed")))
                : el("li", txt(step.name))
        } + addedSteps.map { el("li", [("class", "added")], txt("+ " + $0.name + " — " + l("added"))) }))
        if !c.changes.isEmpty {
            body.append(el("h2", txt(l("changes"))))
            body.append(el("ul", children: c.changes.map {
                el("li", el("code", txt($0.lever)), txt(": " + $0.description + ($0.resolves.map { " [\($0)]" } ?? "")))
            }))
        }
        let page = el("html", [("lang", language.rawValue)],
                      el("head", el("meta", [("charset", "utf-8")]), el("title", txt(title)), el("style", txt(Self.css))),
                      el("body", children: body))
        return "<!DOCTYPE html>\n" + page.render() + "\n"
    }

    static let css = """
        body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}h1{font-size:1.5em}.removed{color:#a33}.added{color:#2a7a3a}
        svg text{font-size:11px;font-family:system-ui,sans-serif}.before{fill:#9aa4ad}.after{fill:#2f6fb5}.rise{fill:#c2410c}.total{fill:#1e3a5f}.grid{stroke:#e3e6ea}.threshold{stroke:#c2410c;stroke-dasharray:4 3}
        """

    private func table(_ header: [String], _ rows: [[String]]) -> HTMLNode {
        el("table", el("thead", el("tr", children: header.map { el("th", txt($0)) })),
           el("tbody", children: rows.map { row in el("tr", children: row.map { el("td", txt($0)) }) }))
    }

    /// Two overlaid histograms of lead times (share of cases per bin), with the deadline as a line.
    /// The lead times of one replication, before and after, as paired bars: a y-axis of the share of
    /// cases, an x-axis in working days whose last bin holds the tail (labelled "≥ x"), and the statutory
    /// deadline as a labelled dashed line (a same-day deadline at the end of the first working day).
    private func histogram(_ before: [Double], _ after: [Double], deadline: Double?) -> HTMLNode {
        let all = (before + after).sorted()
        guard !all.isEmpty else { return txt("") }
        let top = max(all[min(all.count - 1, Int(Double(all.count) * 0.99))], 0.01)
        let bins = 30, width = 640.0, height = 200.0, left = 44.0, plotTop = 22.0, bottom = 176.0
        func shares(_ xs: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: bins)
            for x in xs { counts[min(bins - 1, max(0, Int(x / top * Double(bins))))] += 1 }
            return counts.map { $0 / Double(max(xs.count, 1)) }
        }
        let a = shares(before), b = shares(after)
        let peak = max(a.max() ?? 0, b.max() ?? 0, 0.001)
        let w = (width - left) / Double(bins)
        var nodes: [HTMLNode] = []
        // The y-axis: share of the replication's cases in each bin.
        for k in 0...2 {
            let y = bottom - Double(k) / 2 * (bottom - plotTop)
            nodes.append(el("line", [("x1", f(left)), ("y1", f(y)), ("x2", f(width)), ("y2", f(y)), ("class", "grid")]))
            nodes.append(el("text", [("x", f(left - 4)), ("y", f(y + 4)), ("text-anchor", "end")], txt(Format.percent(peak * Double(k) / 2))))
        }
        nodes.append(el("text", [("x", "0"), ("y", "10")], txt(l("shareOfCases"))))
        for (series, cls, offset) in [(a, "before", 0.0), (b, "after", w / 2)] {
            for (i, s) in series.enumerated() where s > 0 {
                let h = s / peak * (bottom - plotTop)
                nodes.append(el("rect", [("class", cls), ("x", f(left + Double(i) * w + offset)), ("y", f(bottom - h)),
                                         ("width", f(w / 2 - 1)), ("height", f(h))], el("title", txt(Format.percent(s)))))
            }
        }
        // The x-axis: working days; the last bin holds every case at or beyond the 99th percentile.
        for k in 0...4 {
            let x = left + Double(k) / 4 * (width - left)
            let label = k == 4 ? "≥ " + Format.number(top * Double(bins - 1) / Double(bins)) : Format.number(top * Double(k) / 4)
            nodes.append(el("text", [("x", f(x)), ("y", f(bottom + 16)), ("text-anchor", k == 0 ? "start" : (k == 4 ? "end" : "middle"))],
                            txt(label)))
        }
        if let deadline, deadline >= 0 {
            // A same-day deadline ends with the first working day.
            let days = max(deadline, 1)
            let x = left + min(days / top, 1) * (width - left)
            nodes.append(el("line", [("x1", f(x)), ("x2", f(x)), ("y1", f(plotTop - 6)), ("y2", f(bottom)), ("class", "threshold")]))
            let label = deadline == 0 ? l("sameDay") : "\(l("deadline")) \(Format.number(deadline)) \(l("workingDays"))"
            nodes.append(el("text", [("x", f(min(x + 4, width - 4))), ("y", f(plotTop)), ("text-anchor", x + 4 > width - 150 ? "end" : "start")],
                            txt(label)))
        }
        nodes += legend(y: 12)
        return el("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", "100%"), ("role", "img")], children: nodes)
    }

    private func legend(y: Double) -> [HTMLNode] {
        [el("rect", [("class", "before"), ("x", "480"), ("y", f(y - 9)), ("width", "10"), ("height", "10")]),
         el("text", [("x", "494"), ("y", f(y))], txt(l("before"))),
         el("rect", [("class", "after"), ("x", "560"), ("y", f(y - 9)), ("width", "10"), ("height", "10")]),
         el("text", [("x", "574"), ("y", f(y))], txt(l("after")))]
    }

    /// Horizontal paired bars, one pair per row, on an axis from 0 to `scale` (at least the largest value:
    /// utilisation is drawn on 0–100%, so 4% looks like 4%), with ticks and an optional dashed threshold.
    private func bars(_ rows: [(String, Double, Double)], format: (Double) -> String, scale: Double? = nil,
                      threshold: (Double, String)? = nil) -> HTMLNode {
        let peak = max(rows.map { max($0.1, $0.2) }.max() ?? 0, scale ?? 0, 0.0001)
        let rowHeight = 26.0, left = 160.0, width = 640.0, top = 24.0
        let span = width - left - 60
        let bottom = top + Double(rows.count) * rowHeight
        var nodes: [HTMLNode] = []
        // The axis: ticks at quarters of the scale, labelled in the figure's own format.
        for k in 0...4 {
            let x = left + Double(k) / 4 * span
            nodes.append(el("line", [("x1", f(x)), ("y1", f(top - 4)), ("x2", f(x)), ("y2", f(bottom)), ("class", "grid")]))
            nodes.append(el("text", [("x", f(x)), ("y", f(bottom + 14)), ("text-anchor", "middle")], txt(format(peak * Double(k) / 4))))
        }
        if let (value, label) = threshold, value <= peak {
            let x = left + value / peak * span
            // Drawn down past the tick labels and named under them, clear of the legend.
            nodes.append(el("line", [("x1", f(x)), ("y1", f(top - 4)), ("x2", f(x)), ("y2", f(bottom + 18)), ("class", "threshold")]))
            nodes.append(el("text", [("x", f(x)), ("y", f(bottom + 30)), ("text-anchor", "middle")], txt(label)))
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            nodes.append(el("text", [("x", "0"), ("y", f(y + 12))], txt(row.0)))
            for (value, cls, dy) in [(row.1, "before", 0.0), (row.2, "after", 11.0)] {
                let w = value / peak * span
                nodes.append(el("rect", [("class", cls), ("x", f(left)), ("y", f(y + dy)), ("width", f(w)), ("height", "10")]))
                nodes.append(el("text", [("x", f(left + w + 4)), ("y", f(y + dy + 9))], txt(format(value))))
            }
        }
        nodes += legend(y: 10)
        return el("svg", [("viewBox", "0 0 \(Int(width)) \(Int(bottom + (threshold == nil ? 22 : 36)))"), ("width", "100%"),
                          ("role", "img")], children: nodes)
    }

    /// The levers' contributions as a waterfall: the lead time before, then each lever as a floating bar
    /// from the value before it to the value after it (down: shorter, marked "rise" when it lengthens),
    /// then the lead time after, on a working-day axis from 0, each bar named below.
    private func waterfall(_ steps: [WaterfallStep]) -> HTMLNode {
        guard let first = steps.first, let last = steps.last else { return el("svg") }
        let peak = max(steps.map(\.leadTimeDays).max() ?? 0, 0.0001)
        let width = 640.0, left = 40.0, top = 30.0, bottom = 180.0, height = 250.0
        let columns = steps.count + 1
        let w = (width - left) / Double(columns)
        func y(_ days: Double) -> Double { bottom - days / peak * (bottom - top) }
        var nodes: [HTMLNode] = []
        for k in 0...4 {
            let days = peak * Double(k) / 4
            nodes.append(el("line", [("x1", f(left)), ("y1", f(y(days))), ("x2", f(width)), ("y2", f(y(days))), ("class", "grid")]))
            nodes.append(el("text", [("x", f(left - 4)), ("y", f(y(days) + 4)), ("text-anchor", "end")], txt(Format.number(days))))
        }
        func bar(_ column: Int, from a: Double, to b: Double, cls: String, label: String, value: String) {
            let x = left + Double(column) * w + 4
            nodes.append(el("rect", [("class", cls), ("x", f(x)), ("y", f(y(max(a, b)))), ("width", f(w - 8)),
                                     ("height", f(max(abs(y(a) - y(b)), 1)))]))
            nodes.append(el("text", [("x", f(x + (w - 8) / 2)), ("y", f(y(max(a, b)) - 4)), ("text-anchor", "middle")], txt(value)))
            let short = label.count > 16 ? String(label.prefix(15)) + "…" : label
            nodes.append(el("text", [("x", f(x + (w - 8) / 2)), ("y", f(bottom + 14)), ("text-anchor", "end"),
                                     ("transform", "rotate(-35 \(f(x + (w - 8) / 2)) \(f(bottom + 14)))")], txt(short)))
        }
        bar(0, from: 0, to: first.leadTimeDays, cls: "before", label: l("before"), value: Format.number(first.leadTimeDays))
        for i in 1..<steps.count {
            let a = steps[i - 1].leadTimeDays, b = steps[i].leadTimeDays
            let change = b - a
            bar(i, from: a, to: b, cls: change > 0 ? "rise" : "after", label: steps[i].lever,
                value: (change > 0 ? "+" : "") + Format.number(change))
        }
        bar(steps.count, from: 0, to: last.leadTimeDays, cls: "total", label: l("after"), value: Format.number(last.leadTimeDays))
        nodes.append(el("text", [("x", "0"), ("y", "10")], txt(l("workingDays"))))
        return el("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", "100%"), ("role", "img")], children: nodes)
    }

    private func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }
}
