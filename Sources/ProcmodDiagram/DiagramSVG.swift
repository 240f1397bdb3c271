public import ProcmodLocalization
public import ProcmodModel
import ProcmodMarkup

/// A procedure drawn as SVG: swimlanes by actor within their agencies (the applicant on top), steps as
/// boxes named in the reader's language with the documents handed in or shown, payments and signing
/// times under them, gateways as diamonds (× a choice, + parallel), loops dashed back along the top,
/// paper and electronic hand-offs between agencies marked, and the statutory deadline in the title.
/// Same procedure and language, same bytes.
public struct DiagramSVG: Sendable {
    public var procedure: Procedure
    public var localizer: Localizer
    /// Steps to draw struck through (removed by a scenario) and highlighted (added by one).
    public var removed: Set<String>
    public var added: Set<String>

    public init(_ procedure: Procedure, language: Language, names: NameBook? = nil, removed: Set<String> = [], added: Set<String> = []) {
        self.procedure = procedure
        self.localizer = Localizer(language, names: names ?? NameBook(procedure))
        self.removed = removed
        self.added = added
    }

    /// The style of the diagram, shared by the standalone file and the HTML report.
    public static let style = """
        .dg text{font-family:system-ui,sans-serif;font-size:11px;fill:#222}.dg .lane0{fill:#f7f9fb}.dg .lane1{fill:#eef2f6}\
        .dg .laneline{stroke:#c9d1da}.dg .head{font-weight:600}.dg .agency{fill:#5b6670;font-size:10px}\
        .dg .task{fill:#fff;stroke:#1f4e79;stroke-width:1.4}.dg .task.applicant{fill:#fff8e6;stroke:#8a6d1f}\
        .dg .task.removed{stroke:#8a1c1c;stroke-dasharray:4 3;fill:#fbeeee}.dg .task.added{stroke:#14532d;stroke-width:2.6;fill:#eaf6ee}\
        .dg .gw{fill:#fff;stroke:#1f4e79;stroke-width:1.4}.dg .end{fill:#fff;stroke:#222;stroke-width:3}.dg .start{fill:#fff;stroke:#222;stroke-width:1.4}\
        .dg .edge{fill:none;stroke:#3a4650;stroke-width:1.2}.dg .edge.back{stroke:#c44e00;stroke-dasharray:5 3}\
        .dg .edge.paper{stroke:#c44e00;stroke-width:2}.dg .edge.electronic{stroke:#0f766e;stroke-width:2;stroke-dasharray:8 2}\
        .dg .tag{fill:#5b6670;font-size:9px}.dg .cap{fill:#3a4650;font-size:9.5px}.dg .lbl{fill:#3a4650;font-size:9.5px}\
        .dg .lbl.back{fill:#c44e00}.dg .strike{stroke:#8a1c1c;stroke-width:1.2}.dg .title{font-size:15px;font-weight:600}
        """

    /// The diagram as an SVG element (for the HTML page).
    public var node: HTMLNode {
        let layout = DiagramLayout(procedure)
        let l = localizer
        var nodes: [HTMLNode] = [
            el("defs", children: [("dg-arrow", "#3a4650"), ("dg-arrow-paper", "#c44e00"), ("dg-arrow-electronic", "#0f766e")].map { id, colour in
                el("marker", [("id", id), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"),
                              ("markerHeight", "7"), ("orient", "auto-start-reverse")],
                   el("path", [("d", "M0 0 L10 5 L0 10 z"), ("fill", colour)]))
            }),
        ]
        nodes += title(layout)
        nodes += lanes(layout)
        nodes += layout.edges.flatMap { edge($0, layout) }
        nodes += layout.nodes.flatMap { box($0) }
        if let first = layout.nodes.first {
            let x = first.x - 26, y = first.midY
            nodes.append(el("circle", [("class", "start"), ("cx", f(x)), ("cy", f(y)), ("r", "8")]))
            nodes.append(el("path", [("class", "edge"), ("d", "M\(f(x + 8)) \(f(y)) H\(f(first.x))"), ("marker-end", "url(#dg-arrow)")]))
        }
        return el("svg", [("viewBox", "0 0 \(Int(layout.width)) \(Int(layout.height))"), ("width", "\(Int(layout.width))"), ("class", "dg"),
                          ("role", "img"), ("aria-label", l.text("diagram.title", ["name": procedure.name.text(l.language, fallback: procedure.code)]))],
                  children: [el("title", txt(procedure.code + " " + procedure.name.text(l.language, fallback: procedure.code)))] + nodes)
    }

    /// The diagram as a standalone SVG document.
    public var svg: String {
        guard case .element(_, let attributes, let children) = node else { return "" }
        let standalone = HTMLNode.element("svg", [("xmlns", "http://www.w3.org/2000/svg")] + attributes, [el("style", txt(Self.style))] + children)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + standalone.render() + "\n"
    }

    // MARK: Parts

    private func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    private func title(_ layout: DiagramLayout) -> [HTMLNode] {
        let l = localizer, p = procedure
        var facts: [String] = []
        if let d = p.deadline {
            let limit = d.workingDays == 0 ? l(d.calendarDays ? "show.sameDay" : "show.sameWorkingDay")
                : l.text(d.calendarDays ? "show.days" : "show.workingDays", ["days": l.numbers.number(d.workingDays)])
            facts.append(l.text("diagram.deadline", ["text": limit]))
        }
        let channels = p.channels.values.map { c in l.label(c.id, kind: "channel") + " " + l.numbers.percent(c.share) }
        if channels.count > 1 { facts.append(l.text("diagram.channels", ["text": channels.joined(separator: ", ")])) }
        facts.append(l.text("diagram.volume", ["count": l.numbers.number(p.volume.perYear)]))
        return [el("text", [("class", "title"), ("x", "12"), ("y", "24")], txt(p.code + "  " + p.name.text(l.language, fallback: p.code))),
                el("text", [("x", "12"), ("y", "44")], txt(facts.joined(separator: "  ·  ")))]
    }

    private func lanes(_ layout: DiagramLayout) -> [HTMLNode] {
        let l = localizer
        var out: [HTMLNode] = []
        for (k, lane) in layout.lanes.enumerated() {
            out.append(el("rect", [("class", "lane\(k % 2)"), ("x", "0"), ("y", f(lane.y)), ("width", f(layout.width)), ("height", f(lane.height))]))
            out.append(el("line", [("class", "laneline"), ("x1", "0"), ("y1", f(lane.y)), ("x2", f(layout.width)), ("y2", f(lane.y))]))
            out.append(el("line", [("class", "laneline"), ("x1", f(DiagramLayout.header - 10)), ("y1", f(lane.y)),
                                   ("x2", f(DiagramLayout.header - 10)), ("y2", f(lane.y + lane.height))]))
            var y = lane.y + 18
            let showAgency = lane.agency != nil && (k == 0 || layout.lanes[k - 1].agency != lane.agency)
            if let agency = lane.agency, showAgency {
                for line in wrap(l.label(agency, kind: "agency"), 30, lines: 2) {
                    out.append(el("text", [("class", "agency"), ("x", "10"), ("y", f(y))], txt(line)))
                    y += 13
                }
            }
            for line in wrap(l.label(lane.actor, kind: "actor"), 26, lines: 3) {
                out.append(el("text", [("class", "head"), ("x", "10"), ("y", f(y))], txt(line)))
                y += 14
            }
        }
        return out
    }

    private func box(_ n: PlacedNode) -> [HTMLNode] {
        let l = localizer, node = procedure.flow.nodes[n.node]
        switch n.shape {
        case .end:
            return [el("circle", [("class", "end"), ("cx", f(n.midX)), ("cy", f(n.midY)), ("r", "12")], el("title", txt(l("bpmn.end"))))]
        case .exclusive, .parallel:
            let h = n.width / 2
            let d = "M\(f(n.midX)) \(f(n.midY - h)) L\(f(n.midX + h)) \(f(n.midY)) L\(f(n.midX)) \(f(n.midY + h)) L\(f(n.midX - h)) \(f(n.midY)) z"
            let title: String = switch node.kind {
            case .parallel: l("bpmn.split")
            case .join: l("bpmn.join")
            default: l.names.name(node.id, kind: "step", l.language) ?? l("diagram.choice")
            }
            return [el("path", [("class", "gw"), ("d", d)], el("title", txt(title))),
                    el("text", [("x", f(n.midX)), ("y", f(n.midY + 6)), ("text-anchor", "middle"), ("style", "font-size:17px")],
                       txt(n.shape == .parallel ? "+" : "×"))]
        case .task:
            guard let step = node.step else { return [] }
            let applicant = procedure.actors[step.actor]?.kind == .applicant
            var cls = "task" + (applicant ? " applicant" : "")
            if removed.contains(step.id) { cls += " removed" }
            if added.contains(step.id) { cls += " added" }
            var out: [HTMLNode] = [el("rect", [("class", cls), ("x", f(n.x)), ("y", f(n.y)), ("width", f(n.width)), ("height", f(n.height)),
                                              ("rx", "7")], el("title", txt(step.name.text(l.language, fallback: step.id))))]
            var tag = l("kind." + step.kind.rawValue)
            if let channel = step.channel { tag += " · " + l.label(channel, kind: "channel") }
            if added.contains(step.id) { tag += " · " + l("added") }
            out.append(el("text", [("class", "tag"), ("x", f(n.x + 6)), ("y", f(n.y + 11))], txt(tag)))
            let lines = wrap(step.name.text(l.language, fallback: step.id), 24, lines: 3)
            let startY = n.y + 28 + (3 - Double(lines.count)) * 5.5 - 5.5
            for (k, line) in lines.enumerated() {
                let ty = startY + Double(k) * 12.5
                out.append(el("text", [("x", f(n.midX)), ("y", f(ty)), ("text-anchor", "middle")], txt(line)))
                if removed.contains(step.id) {
                    let half = Double(line.count) * 2.9
                    out.append(el("line", [("class", "strike"), ("x1", f(n.midX - half)), ("x2", f(n.midX + half)), ("y1", f(ty - 4)), ("y2", f(ty - 4))]))
                }
            }
            var y = n.y + n.height + 12
            let full = step.requires.map { l.label($0.document, kind: "document") }.joined(separator: "; ")
            for line in captions(step) {
                out.append(el("text", [("class", "cap"), ("x", f(n.x + 2)), ("y", f(y))], txt(line), el("title", txt(full))))
                y += 11
            }
            return out
        }
    }

    /// Under a step: the documents it takes (shown ones marked), its payment, its signer's times.
    private func captions(_ step: Step) -> [String] {
        let l = localizer
        var out: [String] = []
        if !step.requires.isEmpty {
            let documents = step.requires.map { r in
                l.label(r.document, kind: "document") + (r.form == .present ? " (" + l("form.present") + ")" : "")
            }
            // One document a line, the first after the heading; more than three are counted.
            let shown = documents.prefix(documents.count > 3 ? 2 : 3).map { $0.count > 30 ? String($0.prefix(29)) + "…" : $0 }
            out.append(l.text("diagram.documents", ["text": shown.first ?? ""]))
            out += shown.dropFirst().map { "   " + $0 }
            if documents.count > 3 { out.append("   " + l.text("diagram.more", ["count": "\(documents.count - 2)"])) }
        }
        if let pay = step.payment {
            out.append(l.text("diagram.pays", ["money": l.text("money", ["money": l.numbers.money(pay.amount)])]))
        }
        if let signer = step.signature?.signer, let cadence = procedure.actors[signer]?.cadence {
            out.append(l.text("diagram.signsAt", ["text": cadence.times.map(\.description).joined(separator: ", ")]))
        }
        return Array(out.prefix(5))
    }

    private func edge(_ e: RoutedEdge, _ layout: DiagramLayout) -> [HTMLNode] {
        let l = localizer
        let source = procedure.flow.nodes[e.from], flowEdge = source.edges[e.edge]
        var cls = "edge" + (e.back ? " back" : "")
        // A hand-off from one agency to another, on paper or electronically.
        var handoff: String?
        // A step that hands the dossier to another agency: its outgoing edge, whatever node it enters (a
        // join, a gateway), shows how.
        if let step = source.step, !e.back,
           let h = step.handoffs.first(where: { procedure.actors[$0.to]?.agency != procedure.actors[step.actor]?.agency }) {
            handoff = h.medium == .paper ? "paper" : "electronic"
            cls += " " + (handoff ?? "")
        }
        let d = e.points.enumerated().map { k, p in (k == 0 ? "M" : "L") + f(p.x) + " " + f(p.y) }.joined(separator: " ")
        let marker = handoff.map { "url(#dg-arrow-\($0))" } ?? "url(#dg-arrow)"
        var out: [HTMLNode] = [el("path", [("class", cls), ("d", d), ("marker-end", marker)])]
        var label: String?
        if case .choice(let rule) = source.kind {
            label = rule == .channel ? flowEdge.channel.map { l.label($0, kind: "channel") } : flowEdge.probability.map { l.numbers.percent($0) }
        }
        if let loop = flowEdge.loop {
            label = (label.map { $0 + " · " } ?? "") + l("diagram.loop." + loop.rawValue)
                + (flowEdge.maxCount.map { " " + l.text("diagram.atMost", ["count": "\($0)"]) } ?? "")
        }
        if let handoff { label = (label.map { $0 + " · " } ?? "") + l("diagram." + handoff) }
        if let label, e.points.count >= 2 {
            // A loop's label above its corridor; a forward edge's just before the box it enters, so that
            // the branches of one gateway never share a spot.
            if e.back {
                let p = e.points[2], q = e.points[3]
                out.append(el("text", [("class", "lbl back"), ("x", f((p.x + q.x) / 2)), ("y", f(p.y - 4)), ("text-anchor", "middle")], txt(label)))
            } else if let target = layout.nodes.first(where: { $0.node == e.to }) {
                // Above the box the edge enters, clear of the edge's own turns.
                let stacked = layout.edges.filter { $0.to == e.to && !$0.back && $0.from < e.from }.count
                out.append(el("text", [("class", "lbl"), ("x", f(target.x)), ("y", f(target.y - 4 - Double(stacked) * 11))], txt(label)))
            }
        }
        return out
    }
}

/// Words wrapped into at most `lines` lines of about `width` characters; the last ends in "…" when cut.
func wrap(_ text: String, _ width: Int, lines: Int) -> [String] {
    var out: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
            out.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { out.append(current) }
    out = out.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    if out.count > lines {
        var last = out[lines - 1]
        if last.count > width - 1 { last = String(last.prefix(width - 1)) }
        out = Array(out.prefix(lines - 1)) + [last + "…"]
    }
    return out
}
