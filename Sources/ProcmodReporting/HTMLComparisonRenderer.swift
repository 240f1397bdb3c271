public import ProcmodModel
public import ProcmodScenario
import ProcmodDiagram
import ProcmodLocalization
import ProcmodMarkup
import ProcmodSimulation

/// A self-contained HTML page to table: key results, tables and inline SVG charts (lead-time distribution,
/// utilisation by actor, the levers' waterfall), the procedure before and after (removed steps struck
/// through, added ones marked, in flow order), the change list, the method and assumptions; an A4 print
/// layout so that the browser's "print to PDF" gives a document to file.
public struct HTMLComparisonRenderer: ComparisonRenderer {
    public var context: ReportContext
    /// The after-model's steps in flow order (ids), to place added steps where they happen.
    public var afterSteps: [String]

    public init(context: ReportContext, afterSteps: [String] = []) {
        self.context = context
        self.afterSteps = afterSteps
    }

    public func render(_ c: Comparison) throws -> String {
        let p = ReportPhrases(context: context, c: c), l = context.localizer
        let charts = ReportCharts(phrases: p)
        let title = "\(c.code) \(c.name.text(l.language, fallback: c.code))"
        var body: [HTMLNode] = [el("h1", txt(title))]
        if let s = c.scenario { body.append(el("p", [("class", "scenario")], el("strong", txt(l("scenario") + ": ")), txt(s.text(l.language, fallback: "")))) }
        body.append(el("section", [("class", "summary")], el("h2", txt(l("summary"))), el("ul", children: p.summary.map { el("li", txt($0)) })))
        if let note = p.leadTimeNote { body.append(el("p", [("class", "note")], txt(note))) }
        body.append(el("h2", txt(l("static"))))
        body.append(table([l("figure"), l("before"), l("after"), l("change")], c.staticRows.map { r in
            [l(r.key), p.value(r.key, r.before), p.value(r.key, r.after), p.change(r)]
        }))
        if !c.simulated.isEmpty {
            body.append(el("h2", txt(l("simulated"))))
            body.append(el("p", txt(p.runs)))
            body.append(table([l("figure"), l("before"), l("after"), l("difference"), l("significant")], c.simulated.map { r in
                [l(r.key), p.estimate(r.key, r.before), p.estimate(r.key, r.after), p.estimate(r.key, r.difference, difference: true),
                 l(r.significant ? "yes" : "no")]
            }))
            if let histogram = charts.histogram {
                body.append(el("figure", el("figcaption", txt(l("distribution"))), histogram))
            }
            let warnings = p.warnings
            if !warnings.isEmpty {
                body.append(el("h3", txt(l("warnings"))))
                body.append(el("ul", children: warnings.map { el("li", txt($0)) }))
            }
        }
        if !c.steadyUtilisation.isEmpty {
            body.append(el("h2", txt(l(Figure.utilisation.rawValue))))
            body.append(el("figure", charts.utilisation))
            body.append(table(p.utilisationHeader, p.utilisationRows))
            if let note = p.utilisationNote { body.append(el("p", [("class", "note")], txt(note))) }
        }
        if let waterfall = charts.waterfall {
            body.append(el("h2", txt(l("waterfall"))))
            body.append(el("figure", waterfall))
            body.append(table([l("lever"), l("workingDays"), l("visits"), l("costPerCase")], c.waterfall.map { w in
                [p.lever(w), l.numbers.number(w.leadTimeDays), l.numbers.number(w.applicantVisits), l.numbers.money(w.costPerCaseVND)]
            }))
        }
        let rules = Set(c.findingsBefore.keys).union(c.findingsAfter.keys).sorted()
        if !rules.isEmpty {
            body.append(el("h2", txt(l("findings"))))
            body.append(table([l("rule"), l("before"), l("after")], rules.map {
                [l.ruleTitle($0), l.numbers.number(Double(c.findingsBefore[$0] ?? 0)), l.numbers.number(Double(c.findingsAfter[$0] ?? 0))]
            }))
        }
        body.append(el("h2", txt(l("procedure"))))
        body.append(procedure(c, l))
        if let (before, after) = context.models {
            // The diagrams at their natural size, scrolled sideways on a screen and fitted to the page in print.
            let removed = Set(c.removedSteps), added = Set(c.addedSteps)
            for (key, model) in [("diagram.before", before), ("diagram.after", after)] {
                let diagram = DiagramSVG(model, language: l.language, names: l.names,
                                         removed: key == "diagram.before" ? removed : [], added: key == "diagram.after" ? added : [])
                body.append(el("figure", [("class", "diagram")], el("figcaption", txt(l(key) + " (" + l("diagram.scroll") + ")")),
                               el("div", [("class", "scroll")], diagram.node)))
            }
        }
        if !c.changes.isEmpty {
            body.append(el("h2", txt(l("changes"))))
            body.append(table([l("where"), l("change")], c.changes.map { change in
                let (place, what) = p.change(change)
                return [place, what + (change.resolves.map { " (" + l.text("resolves", ["rule": $0]) + ")" } ?? "")]
            }, textColumns: 2))
        }
        body.append(el("h2", txt(l("assumptions"))))
        body.append(el("ul", children: p.assumptions.map { el("li", txt($0)) }))
        if let colophon = p.colophon { body.append(el("footer", txt(colophon))) }
        let page = el("html", [("lang", l.language.rawValue)],
                      el("head", el("meta", [("charset", "utf-8")]),
                         el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                         el("title", txt(title)), el("style", txt(Self.css + ReportCharts.style + DiagramSVG.style))),
                      el("body", children: body))
        return "<!DOCTYPE html>\n" + page.render() + "\n"
    }

    /// The steps in flow order: the before-model's, with each added step placed after the step it follows
    /// in the after-model; removed ones struck through, added ones marked.
    private func procedure(_ c: Comparison, _ l: Localizer) -> HTMLNode {
        let removed = Set(c.removedSteps), added = Set(c.addedSteps)
        var order = context.beforeSteps
        for (i, id) in afterSteps.enumerated() where added.contains(id) && !order.contains(id) {
            let previous = afterSteps[..<i].last { order.contains($0) }
            let at = previous.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            order.insert(id, at: at)
        }
        for id in c.addedSteps where !order.contains(id) { order.append(id) }
        return el("ol", [("class", "steps")], children: order.map { id in
            let name = l.name(id, kind: "step")
            if removed.contains(id) { return el("li", [("class", "removed")], el("s", txt(name)), txt(" — " + l("removed"))) }
            if added.contains(id) { return el("li", [("class", "added")], el("strong", txt(name)), txt(" — " + l("added"))) }
            return el("li", txt(name))
        })
    }

    static let css = """
        body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\
        table{border-collapse:collapse;margin:1em 0;width:100%}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}\
        td.t,th.t,td:first-child,th:first-child{text-align:left}h1{font-size:1.5em}h2{margin-top:1.6em;border-bottom:2px solid #1f4e79}\
        .summary{background:#f3f6f9;padding:.2em 1em;border-left:4px solid #1f4e79}.note{font-size:.92em;color:#444}\
        figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}\
        .removed{color:#8a1c1c}.added{color:#14532d}footer{margin-top:2em;font-size:.85em;color:#555}\
        .scroll{overflow-x:auto;border:1px solid #e3e6ea}.scroll svg.dg{max-width:none;display:block}\
        @media print{@page{size:A4;margin:18mm 15mm}body{max-width:none;margin:0;font-size:10.5pt}\
        h2{break-before:page}.summary+h2,h1+h2{break-before:auto}table,figure,tr{break-inside:avoid}\
        .scroll{overflow:visible;border:0}.scroll svg.dg{width:100%;height:auto}}
        """

    private func table(_ header: [String], _ rows: [[String]], textColumns: Int = 1) -> HTMLNode {
        func attributes(_ column: Int) -> [(String, String)] { column < textColumns ? [("class", "t")] : [] }
        return el("table", el("thead", el("tr", children: header.enumerated().map { el("th", attributes($0.offset), txt($0.element)) })),
                  el("tbody", children: rows.map { row in el("tr", children: row.enumerated().map { el("td", attributes($0.offset), txt($0.element)) }) }))
    }
}
