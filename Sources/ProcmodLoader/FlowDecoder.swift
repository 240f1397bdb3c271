import ProcmodModel
import ProcmodXML

/// Decodes `<flow>`: steps, choices, parallel splits, joins and ends, and links them into a graph.
/// A step or join without `next` continues with the element after it.
struct FlowDecoder {
    private struct PendingEdge {
        var target: String
        var edge: FlowEdge
    }

    /// What linking needs besides the node itself, kept apart so nodes (and their steps) are built
    /// once in place and never copied.
    private struct Links {
        var edges: [PendingEdge] = []
        /// For joins: the split they close.
        var split: String?
        /// True when the node continues with the following element (no explicit `next`).
        var fallsThrough = false
        var splitLocation: SourceLocation?
        var elementName = ""
    }

    mutating func decode(_ flow: ParsedElement?, using decoder: inout ProcedureDecoder) -> Flow {
        guard let flow else { return Flow(nodes: []) }
        var nodes: [FlowNode] = []
        var links: [Links] = []
        for e in flow.childElements {
            let id = decoder.define(.node, e)
            var link = Links()
            link.elementName = e.name
            // Named in messages and references only: a step names itself, so its text is built on demand.
            let elementName = link.elementName
            func owner() -> String { "<\(elementName)> '\(id)'" }
            var kind = FlowNodeKind.end
            switch link.elementName {
            case "step":
                kind = .step(step(e, id: id, using: &decoder))
                nextEdge(e, owner: owner(), into: &link, using: &decoder)
            case "choice":
                let rule: ChoiceRule = decoder.context.enumeration(e, "by", default: .probability) ?? .probability
                kind = .choice(rule)
                for b in e.children(named: "branch") {
                    let target = decoder.refer(.node, b, "to", owner: owner())
                    var edge = FlowEdge(target: -1, probability: decoder.context.number(b, "probability"),
                                        channel: decoder.optionalRefer(.channel, b, "channel", owner: "a branch of \(owner())"),
                                        loop: decoder.context.enumeration(b, "loop"),
                                        maxCount: decoder.context.integer(b, "max"),
                                        deadlineWorkingDays: decoder.context.number(b, "deadline-working-days"),
                                        location: b.location)
                    edge.legal = decoder.legal(b, owner: "a branch of \(owner())")
                    edge.deadlineCalendarDays = decoder.context.number(b, "deadline-days")
                    if edge.deadlineWorkingDays != nil && edge.deadlineCalendarDays != nil {
                        decoder.context.error(b.location, "a branch of \(owner()) has both 'deadline-working-days' and "
                                              + "'deadline-days': give the limit once, as the law counts it", code: "deadline")
                    }
                    edge.provenance = decoder.provenance(b)
                    link.edges.append(PendingEdge(target: target, edge: edge))
                }
            case "parallel":
                kind = .parallel
                for b in e.children(named: "branch") {
                    let target = decoder.refer(.node, b, "to", owner: owner())
                    link.edges.append(PendingEdge(target: target, edge: FlowEdge(target: -1, location: b.location)))
                }
            case "join":
                link.split = decoder.refer(.node, e, "split", owner: owner())
                link.splitLocation = e.attribute("split")?.location
                nextEdge(e, owner: owner(), into: &link, using: &decoder)
            default:
                break
            }
            nodes.append(FlowNode(id: id, kind: kind, edges: [], location: e.location))
            links.append(link)
        }
        link(&nodes, links, using: &decoder)
        return Flow(nodes: nodes)
    }

    private func nextEdge(_ e: ParsedElement, owner: @autoclosure () -> String, into link: inout Links,
                          using decoder: inout ProcedureDecoder) {
        if e.attribute("next") != nil {
            let target = decoder.refer(.node, e, "next", owner: owner())
            link.edges.append(PendingEdge(target: target, edge: FlowEdge(target: -1, location: e.location)))
        } else {
            link.fallsThrough = true
        }
    }

    /// Resolves target ids to node indices; unknown ids were already recorded as references.
    private func link(_ nodes: inout [FlowNode], _ links: [Links], using decoder: inout ProcedureDecoder) {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = i }
        for i in nodes.indices {
            let link = links[i]
            nodes[i].edges = link.edges.compactMap { pendingEdge in
                guard let target = index[pendingEdge.target] else { return nil }
                var edge = pendingEdge.edge
                edge.target = target
                return edge
            }
            if link.fallsThrough {
                if i + 1 < nodes.count {
                    nodes[i].edges = [FlowEdge(target: i + 1, location: nodes[i].location)]
                } else {
                    decoder.context.error(nodes[i].location, "<\(link.elementName)> '\(nodes[i].id)' is the last element of "
                                          + "<flow> and has no 'next': add next=\"...\" or end the flow with <end/>",
                                          code: "no-path-to-end")
                }
            }
            guard let split = link.split else { continue }
            guard let s = index[split] else {
                nodes[i].kind = .join(split: -1)
                continue
            }
            if case .parallel = nodes[s].kind {
                nodes[i].kind = .join(split: s)
            } else {
                decoder.context.error(link.splitLocation ?? nodes[i].location,
                                      "join '\(nodes[i].id)' names '\(split)' as its split, but '\(split)' is a "
                                      + "<\(links[s].elementName)>, not a <parallel>", code: "join-without-split")
                nodes[i].kind = .join(split: -1)
            }
        }
    }

    // MARK: - Steps

    /// Decodes a step in one pass over its children (the schema fixes their order).
    private func step(_ e: ParsedElement, id: String, using decoder: inout ProcedureDecoder) -> Step {
        let owner = "step '\(id)'"
        let actor = decoder.refer(.actor, e, "actor", owner: owner)
        var step = Step(id: id, name: decoder.context.name(e),
                        kind: decoder.context.enumeration(e, "kind", default: .wait) ?? .wait, actor: actor,
                        channel: decoder.optionalRefer(.channel, e, "channel", owner: owner),
                        legal: decoder.legal(e, owner: owner), provenance: decoder.provenance(e), location: e.location)
        step.clock = decoder.context.enumeration(e, "clock")
        step.coActors = decoder.referList(.actor, e, "with", owner: owner)
        step.dependsOn = decoder.referList(.node, e, "depends-on", owner: owner)
        step.presenceRequired = decoder.context.string(e, "presence") == "required"
        var groups = 0
        for c in e.childElements {
            if c.isNamed("requires") {
                step.requires.append(requirement(c, owner: owner, using: &decoder))
            } else if c.isNamed("one-of") {
                let alternatives = c.children.filter { $0.isNamed("requires") }.map { requirement($0, owner: owner, using: &decoder) }
                step.requires += oneOf(alternatives, group: groups, at: c, owner: owner, using: &decoder)
                groups += 1
            } else if c.isNamed("produces") {
                step.produces.append(DocumentOutput(
                    document: decoder.refer(.document, c, "document", owner: owner),
                    medium: decoder.context.enumeration(c, "medium", default: .paper) ?? .paper,
                    copies: decoder.context.integer(c, "copies") ?? 1, location: c.location))
            } else if c.isNamed("work") {
                step.work = duration(c, owner: owner, using: &decoder)
            } else if c.isNamed("delay") {
                step.delay = duration(c, owner: owner, using: &decoder)
            } else if c.isNamed("signature") {
                step.signature = Signature(
                    signer: c.attribute("signer") == nil ? actor : decoder.refer(.actor, c, "signer", owner: owner),
                    kind: decoder.context.enumeration(c, "kind", default: .wet) ?? .wet, location: c.location)
            } else if c.isNamed("payment") {
                step.payment = Payment(amount: decoder.context.number(c, "amount") ?? 0,
                                       method: decoder.context.enumeration(c, "method", default: .cash) ?? .cash,
                                       purpose: decoder.context.string(c, "purpose"),
                                       legal: decoder.legal(c, owner: "the payment of \(owner)"),
                                       location: c.location)
                step.payment?.provenance = decoder.provenance(c)
            } else if c.isNamed("handoff") {
                step.handoffs.append(Handoff(to: decoder.refer(.actor, c, "to", owner: owner),
                                             medium: decoder.context.enumeration(c, "medium", default: .paper) ?? .paper,
                                             location: c.location))
            }
        }
        return step
    }

    /// One `<requires>`: the document, its form and copies, and when and how it is asked.
    private func requirement(_ c: ParsedElement, owner: String, using decoder: inout ProcedureDecoder) -> DocumentRequirement {
        var r = DocumentRequirement(
            document: decoder.refer(.document, c, "document", owner: owner),
            form: decoder.context.enumeration(c, "form", default: .original) ?? .original,
            copies: decoder.context.integer(c, "copies") ?? 1, sets: decoder.context.integer(c, "sets") ?? 1,
            legal: decoder.legal(c, owner: "a requirement of \(owner)"), location: c.location)
        r.provenance = decoder.provenance(c)
        r.share = decoder.context.number(c, "share") ?? 1
        r.condition = decoder.context.string(c, "when")
        r.unlessRegistered = decoder.context.bool(c, "unless-registered")
        r.issuedWithinDays = decoder.context.integer(c, "issued-within-days")
        r.legalisation = decoder.context.enumeration(c, "legalisation")
        r.translation = decoder.context.enumeration(c, "translation")
        return r
    }

    /// The alternatives of a `<one-of>`: each with its `share` of cases, all given and summing to 1, or
    /// none given and then equal.
    private func oneOf(_ alternatives: [DocumentRequirement], group: Int, at e: ParsedElement, owner: String,
                       using decoder: inout ProcedureDecoder) -> [DocumentRequirement] {
        let given = e.children.filter { $0.isNamed("requires") }.map { $0.attribute("share") != nil }
        var result = alternatives
        if !given.contains(true) {
            for k in result.indices { result[k].share = 1 / Double(max(result.count, 1)) }
        } else if given.contains(false) {
            decoder.context.error(e.location, "the <one-of> of \(owner) gives a share to some alternatives and not to "
                                  + "others: give every alternative its share of cases, or none (then they are equal)",
                                  code: "one-of-shares")
        } else {
            let total = result.reduce(0) { $0 + $1.share }
            if abs(total - 1) > 1e-6 {
                decoder.context.error(e.location, "the shares of the <one-of> of \(owner) sum to \(boundText((total * 1e6).rounded() / 1e6)), not 1: "
                                      + "each case hands in exactly one of the alternatives", code: "one-of-shares")
            }
        }
        for k in result.indices { result[k].alternatives = group }
        return result
    }

    func duration(_ e: ParsedElement, owner: @autoclosure () -> String, using decoder: inout ProcedureDecoder) -> TimedQuantity {
        let unit: TimeUnit = decoder.context.enumeration(e, "unit", default: .minutes) ?? .minutes
        let d = e.firstChildElement.map { distribution($0, owner: "the <\(e.name)> of \(owner())", using: &decoder) }
            ?? .fixed(value: 0)
        let limit = Limits.maximumDuration(in: unit)
        if let largest = d.parameters.max(), largest > limit {
            decoder.context.error(e.firstChildElement?.location ?? e.location, "the <\(e.name)> of \(owner()) has a parameter of "
                                  + "\(boundText(largest)) \(unit.rawValue), over the bound of \(boundText(limit)) "
                                  + "\(unit.rawValue) (10 years; see \"Limits\" in docs/dsl.md)", code: "limit")
        }
        return TimedQuantity(unit: unit, distribution: d, provenance: decoder.provenance(e), location: e.location)
    }

    private func distribution(_ e: ParsedElement, owner: @autoclosure () -> String,
                              using decoder: inout ProcedureDecoder) -> Distribution {
        func n(_ name: String) -> Double { decoder.context.number(e, name) ?? 0 }
        func bad(_ message: String) {
            decoder.context.error(e.location, "<\(e.name)> in \(owner()): \(message)", code: "distribution")
        }
        switch e.name {
        case "fixed":
            return .fixed(value: n("value"))
        case "uniform":
            let lo = n("min"), hi = n("max")
            if lo > hi { bad("min (\(lo)) is greater than max (\(hi))") }
            return .uniform(min: lo, max: hi)
        case "triangular":
            let lo = n("min"), mode = n("mode"), hi = n("max")
            if !(lo <= mode && mode <= hi) {
                bad("expected min <= mode <= max, got min \(lo), mode \(mode), max \(hi)")
            }
            return .triangular(min: lo, mode: mode, max: hi)
        case "normal":
            let lo = decoder.context.number(e, "min") ?? 0, hi = decoder.context.number(e, "max")
            if let hi, hi <= lo { bad("max (\(hi)) must be greater than min (\(lo))") }
            return .normal(mean: n("mean"), sd: n("sd"), min: lo, max: hi)
        case "lognormal":
            return .lognormal(mean: n("mean"), sd: n("sd"))
        case "exponential":
            return .exponential(mean: n("mean"))
        case "gamma":
            return .gamma(shape: n("shape"), scale: n("scale"))
        case "erlang":
            return .erlang(k: decoder.context.integer(e, "k") ?? 1, mean: n("mean"))
        default:
            let points = e.children(named: "point")
            return .empirical(values: points.map { decoder.context.number($0, "value") ?? 0 },
                              weights: points.map { decoder.context.number($0, "weight") ?? 1 })
        }
    }
}
