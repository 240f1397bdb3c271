#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcmodLocalization
import ProcmodMarkup
import ProcmodModel
public import ProcmodScenario

/// The before/after report's charts as SVG: the lead-time distribution, utilisation by actor and the
/// levers' waterfall. Axes carry ticks and units in the reader's language; before and after differ in
/// lightness as well as hue (light grey, dark blue), so they read in greyscale and for colour-blind readers.
struct ReportCharts {
    let phrases: ReportPhrases

    private var l: Localizer { phrases.l }
    private var n: NumberStyle { phrases.n }
    private var c: Comparison { phrases.c }

    /// The charts' style, shared by the HTML page and the standalone files.
    static let style = """
        svg text{font-size:11px;font-family:system-ui,sans-serif;fill:#222}.before{fill:#b8bec4}.after{fill:#1f4e79}\
        .rise{fill:#c44e00}.total{fill:#0b2545}.grid{stroke:#e3e6ea}.axis{stroke:#555}\
        .threshold{stroke:#c44e00;stroke-width:1.5;stroke-dasharray:5 3}
        """

    /// Every chart the comparison has, by file name (`lead-time.svg`, ...), each a standalone SVG document.
    var files: [(name: String, svg: String)] {
        var out: [(String, HTMLNode)] = []
        if let h = histogram { out.append(("lead-time.svg", h)) }
        if !c.steadyUtilisation.isEmpty { out.append(("utilisation.svg", utilisation)) }
        if let w = waterfall { out.append(("waterfall.svg", w)) }
        return out.map { name, node in
            guard case .element(_, let attributes, let children) = node else { return (name, node.render()) }
            let standalone = HTMLNode.element("svg", [("xmlns", "http://www.w3.org/2000/svg")] + attributes.filter { $0.0 != "width" },
                                              [el("style", txt(Self.style))] + children)
            return (name, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + standalone.render() + "\n")
        }
    }

    private func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    /// The round step (1, 2 or 5 times a power of ten) nearest above `raw`: axis ticks at 0, 0.5, 1, ...
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * power >= raw { return m * power }
        return 10 * power
    }

    private func legend(y: Double, x: Double = 470) -> [HTMLNode] {
        [el("rect", [("class", "before"), ("x", f(x)), ("y", f(y - 9)), ("width", "10"), ("height", "10")]),
         el("text", [("x", f(x + 14)), ("y", f(y))], txt(l("before"))),
         el("rect", [("class", "after"), ("x", f(x + 80)), ("y", f(y - 9)), ("width", "10"), ("height", "10")]),
         el("text", [("x", f(x + 94)), ("y", f(y))], txt(l("after")))]
    }

    private func svg(_ width: Double, _ height: Double, title: String, _ nodes: [HTMLNode]) -> HTMLNode {
        el("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", "100%"), ("role", "img"), ("aria-label", title)],
           children: [el("title", txt(title))] + nodes)
    }

    /// The lead times of one replication, before and after, as paired bars: a y-axis of the share of
    /// cases, an x-axis in working days whose last bin holds the tail (labelled "≥ x"), and the statutory
    /// deadline as a labelled dashed line (a same-day deadline at the end of the first working day).
    var histogram: HTMLNode? {
        guard c.leadTimeSamples.count == 2 else { return nil }
        let before = c.leadTimeSamples[0], after = c.leadTimeSamples[1]
        let all = (before + after).sorted()
        guard !all.isEmpty else { return nil }
        let top = max(all[min(all.count - 1, Int(Double(all.count) * 0.99))], 0.01)
        let bins = 30, width = 640.0, height = 210.0, left = 44.0, plotTop = 26.0, bottom = 176.0
        func shares(_ xs: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: bins)
            for x in xs { counts[min(bins - 1, max(0, Int(x / top * Double(bins))))] += 1 }
            return counts.map { $0 / Double(max(xs.count, 1)) }
        }
        let a = shares(before), b = shares(after)
        let peak = max(a.max() ?? 0, b.max() ?? 0, 0.001)
        let w = (width - left) / Double(bins)
        var nodes: [HTMLNode] = []
        for k in 0...2 {
            let y = bottom - Double(k) / 2 * (bottom - plotTop)
            nodes.append(el("line", [("x1", f(left)), ("y1", f(y)), ("x2", f(width)), ("y2", f(y)), ("class", "grid")]))
            nodes.append(el("text", [("x", f(left - 4)), ("y", f(y + 4)), ("text-anchor", "end")], txt(n.percent(peak * Double(k) / 2))))
        }
        nodes.append(el("text", [("x", "0"), ("y", "10")], txt(l("shareOfCases"))))
        for (series, cls, offset) in [(a, "before", 0.0), (b, "after", w / 2)] {
            for (i, s) in series.enumerated() where s > 0 {
                let h = s / peak * (bottom - plotTop)
                nodes.append(el("rect", [("class", cls), ("x", f(left + Double(i) * w + offset)), ("y", f(bottom - h)),
                                         ("width", f(w / 2 - 1)), ("height", f(h))], el("title", txt(n.percent(s)))))
            }
        }
        nodes.append(el("line", [("x1", f(left)), ("y1", f(bottom)), ("x2", f(width)), ("y2", f(bottom)), ("class", "axis")]))
        // Ticks at round numbers of days; the last bin's start is labelled "≥ x": it holds the tail.
        let step = Self.niceStep(top / 5)
        var tick = 0.0
        while tick < top * Double(bins - 1) / Double(bins) - step / 2 {
            let x = left + tick / top * (width - left)
            nodes.append(el("line", [("x1", f(x)), ("y1", f(bottom)), ("x2", f(x)), ("y2", f(bottom + 4)), ("class", "axis")]))
            nodes.append(el("text", [("x", f(x)), ("y", f(bottom + 16)), ("text-anchor", tick == 0 ? "start" : "middle")], txt(n.number(tick))))
            tick += step
        }
        nodes.append(el("text", [("x", f(width)), ("y", f(bottom + 16)), ("text-anchor", "end")],
                        txt("≥ " + n.number(top * Double(bins - 1) / Double(bins)))))
        nodes.append(el("text", [("x", f(width)), ("y", f(bottom + 32)), ("text-anchor", "end")], txt(l("workingDays"))))
        if let deadline = c.deadlineWorkingDays, deadline >= 0 {
            let days = max(deadline, 1)
            let x = left + min(days / top, 1) * (width - left)
            nodes.append(el("line", [("x1", f(x)), ("x2", f(x)), ("y1", f(plotTop - 6)), ("y2", f(bottom)), ("class", "threshold")]))
            let label = deadline == 0 ? l("sameDay") : "\(l("deadline")) \(n.number(deadline)) \(l("workingDays"))"
            nodes.append(el("text", [("x", f(min(x + 4, width - 4))), ("y", f(plotTop)), ("text-anchor", x + 4 > width - 190 ? "end" : "start")],
                            txt(label)))
        }
        nodes += legend(y: 12)
        return svg(width, height, title: l("distribution"), nodes)
    }

    /// Steady-state utilisation by actor on a 0–100% axis (4% looks like 4%), with the 85% threshold dashed.
    var utilisation: HTMLNode {
        let rows = c.steadyUtilisation.map { (l.label($0.key, kind: "actor"), $0.before, $0.after) }
        let peak = max(rows.map { max($0.1, $0.2) }.max() ?? 0, 1)
        let rowHeight = 26.0, left = 200.0, width = 640.0, top = 24.0
        let span = width - left - 50
        let bottom = top + Double(rows.count) * rowHeight
        var nodes: [HTMLNode] = []
        for k in 0...4 {
            let x = left + Double(k) / 4 * span
            nodes.append(el("line", [("x1", f(x)), ("y1", f(top - 4)), ("x2", f(x)), ("y2", f(bottom)), ("class", "grid")]))
            nodes.append(el("text", [("x", f(x)), ("y", f(bottom + 14)), ("text-anchor", "middle")], txt(n.percent(peak * Double(k) / 4))))
        }
        let x85 = left + 0.85 / peak * span
        nodes.append(el("line", [("x1", f(x85)), ("y1", f(top - 4)), ("x2", f(x85)), ("y2", f(bottom + 18)), ("class", "threshold")]))
        nodes.append(el("text", [("x", f(x85)), ("y", f(bottom + 30)), ("text-anchor", "middle")], txt(n.percent(0.85))))
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let name = row.0.count > 32 ? String(row.0.prefix(31)) + "…" : row.0
            nodes.append(el("text", [("x", "0"), ("y", f(y + 14))], txt(name), el("title", txt(row.0))))
            for (value, cls, dy) in [(row.1, "before", 0.0), (row.2, "after", 11.0)] {
                let w = value / peak * span
                nodes.append(el("rect", [("class", cls), ("x", f(left)), ("y", f(y + dy)), ("width", f(w)), ("height", "10")]))
                nodes.append(el("text", [("x", f(left + w + 4)), ("y", f(y + dy + 9))], txt(n.percent(value))))
            }
        }
        nodes += legend(y: 10)
        return svg(width, bottom + 36, title: l(Figure.utilisation.rawValue), nodes)
    }

    /// The levers' contributions as a waterfall: the lead time before, then each lever as a floating bar
    /// from the value before it to the value after it (a rise marked apart), then the lead time after, each
    /// bar named below by the lever's name. The working-day axis starts at 0, unless the levers together
    /// move the lead time by less than a quarter: then it starts at a round value below the smallest, so the
    /// contributions can be seen, and a break on the axis and a note say so.
    var waterfall: HTMLNode? {
        let steps = c.waterfall
        guard let first = steps.first, let last = steps.last else { return nil }
        let values = steps.map(\.leadTimeDays)
        let high = max(values.max() ?? 0, 0.0001), low = values.min() ?? 0
        var floor0 = 0.0
        if high - low < high / 4 {
            let step = Self.niceStep(max(high - low, high / 100) / 2)
            floor0 = max(0, ((low - (high - low)) / step).rounded(.down) * step)
        }
        let tick = Self.niceStep((high - floor0) / 4)
        let peak = floor0 + ((high - floor0) / tick).rounded(.up) * tick
        let width = 640.0, left = 44.0, top = 30.0, bottom = 180.0, height = 330.0
        let columns = steps.count + 1
        let w = (width - left) / Double(columns)
        func y(_ days: Double) -> Double { bottom - (max(days, floor0) - floor0) / (peak - floor0) * (bottom - top) }
        var nodes: [HTMLNode] = []
        var days = floor0
        while days <= peak + tick / 1000 {
            nodes.append(el("line", [("x1", f(left)), ("y1", f(y(days))), ("x2", f(width)), ("y2", f(y(days))), ("class", "grid")]))
            nodes.append(el("text", [("x", f(left - 4)), ("y", f(y(days) + 4)), ("text-anchor", "end")], txt(n.number(days))))
            days += tick
        }
        if floor0 > 0 {
            // The axis does not start at 0: a break mark on it, and the note in the title line.
            nodes.append(el("path", [("d", "M\(f(left - 5)) \(f(bottom - 10)) l10 -4 M\(f(left - 5)) \(f(bottom - 5)) l10 -4"), ("class", "axis")]))
        }
        func bar(_ column: Int, from a: Double, to b: Double, cls: String, label: String, value: String) {
            let x = left + Double(column) * w + 4
            nodes.append(el("rect", [("class", cls), ("x", f(x)), ("y", f(y(max(a, b)))), ("width", f(w - 8)),
                                     ("height", f(max(abs(y(a) - y(b)), 1)))], el("title", txt(label + ": " + value))))
            nodes.append(el("text", [("x", f(x + (w - 8) / 2)), ("y", f(y(max(a, b)) - 4)), ("text-anchor", "middle")], txt(value)))
            let short = label.count > 34 ? String(label.prefix(33)) + "…" : label
            nodes.append(el("text", [("x", f(x + (w - 8) / 2)), ("y", f(bottom + 14)), ("text-anchor", "end"),
                                     ("transform", "rotate(-40 \(f(x + (w - 8) / 2)) \(f(bottom + 14)))")], txt(short)))
        }
        bar(0, from: 0, to: first.leadTimeDays, cls: "before", label: l("before"), value: n.number(first.leadTimeDays))
        for i in 1..<steps.count {
            let a = steps[i - 1].leadTimeDays, b = steps[i].leadTimeDays
            let change = b - a
            bar(i, from: a, to: b, cls: change > 0 ? "rise" : "after", label: phrases.lever(steps[i]),
                value: (change > 0 ? "+" : "") + n.number(change))
        }
        bar(steps.count, from: 0, to: last.leadTimeDays, cls: "total", label: l("after"), value: n.number(last.leadTimeDays))
        let unit = floor0 > 0 ? l.text("axisFrom", ["unit": l("workingDays"), "start": n.number(floor0)]) : l("workingDays")
        nodes.append(el("text", [("x", "0"), ("y", "10")], txt(unit)))
        return svg(width, height, title: l("waterfall"), nodes)
    }
}

/// The report's charts as standalone SVG files, for slides and documents.
public struct ReportFigures: Sendable {
    public var context: ReportContext

    public init(context: ReportContext) { self.context = context }

    /// Each chart the comparison has (`lead-time.svg`, `utilisation.svg`, `waterfall.svg`), as an SVG document.
    public func files(_ comparison: Comparison) -> [(name: String, svg: String)] {
        ReportCharts(phrases: ReportPhrases(context: context, c: comparison)).files
    }
}
