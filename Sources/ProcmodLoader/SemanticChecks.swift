import OrderedCollections
import ProcmodModel

/// Checks that need the whole model: references, probabilities, the shape of the flow, documents
/// and units. Each check reports every problem it finds; the order here is the order of the docs.
struct SemanticChecks {
    var context: DecodeContext

    mutating func run(_ procedure: inout Procedure, tree: DecodedTree, concurrently: Bool) {
        if let decoder = tree.decoder {
            checkReferences(decoder.references, against: decoder.definitions, into: &context)
            resolveCalendarExtensions(&procedure, decoder.pendingExtensions)
        }
        checkCalendars(procedure)
        checkChannels(procedure)
        checkChoices(procedure)
        let graph = FlowGraph(procedure.flow)
        // Nothing below reads the parsed tree: it is freed on another thread meanwhile, which then checks
        // the documents and the statutory clock while this thread checks the flow's shape and the dossier
        // (freeing libxml2's tree and the decoder's records costs about as much as the checks). The
        // diagnostics are put together in the order above.
        let model = procedure
        let ((shape, dossier), (documents, clock)) = overlapping({ () -> ([Diagnostic], [Diagnostic]) in
            var shape = SemanticChecks(context: DecodeContext())
            shape.checkFlowShape(model, graph)
            var dossier = SemanticChecks(context: DecodeContext())
            dossier.checkDossier(model, graph)
            return (shape.context.diagnostics, dossier.context.diagnostics)
        }, side: { () -> ([Diagnostic], [Diagnostic]) in
            tree.release()
            var documents = SemanticChecks(context: DecodeContext())
            documents.checkStepsAndDocuments(model, graph)
            var clock = SemanticChecks(context: DecodeContext())
            clock.checkStatutoryClock(model)
            return (documents.context.diagnostics, clock.context.diagnostics)
        }, concurrently: concurrently)
        context.diagnostics += shape + documents + dossier + clock
    }

    // MARK: The statutory clock

    /// Deadlines, their parts and clock roles that the clock could not honour as written.
    private mutating func checkStatutoryClock(_ procedure: Procedure) {
        for node in procedure.flow.nodes {
            for edge in node.edges where edge.deadlineWorkingDays != nil || edge.deadlineCalendarDays != nil {
                if procedure.deadline == nil {
                    context.error(edge.location, "a branch of choice '\(node.id)' sets a case's deadline, but the procedure has "
                                  + "no <deadline>: add one (it gives the other cases' limit, the calendar and the cut-off)",
                                  code: "deadline")
                }
            }
            if let step = node.step, step.clock == .start,
               let kind = procedure.actors[step.actor]?.kind, kind == .applicant || kind == .thirdParty {
                context.warning(step.location, "step '\(step.id)' of \(kind.rawValue) '\(step.actor)' has clock=\"start\": the "
                                + "clock starts when the state receives the dossier, not at the applicant's side", code: "deadline")
            }
        }
        if let deadline = procedure.deadline {
            var seen: Set<String> = []
            for part in deadline.parts {
                if !seen.insert(part.agency).inserted {
                    context.error(part.location, "the deadline has two parts for agency '\(part.agency)': give each agency one",
                                  code: "deadline")
                }
                let hasSteps = procedure.flow.steps.contains { procedure.actors[$0.actor]?.agency == part.agency }
                if !hasSteps {
                    context.warning(part.location, "no step is done by an actor of agency '\(part.agency)': its part of the "
                                    + "deadline measures nothing", code: "deadline")
                }
                if part.calendarDays == deadline.calendarDays && part.workingDays > deadline.workingDays {
                    context.warning(part.location, "agency '\(part.agency)' has \(decimalText(part.workingDays)) days of a "
                                    + "deadline of \(decimalText(deadline.workingDays)): a part longer than the whole", code: "deadline")
                }
            }
        }
        for calendar in procedure.calendars.values {
            let open = calendar.openIntervals
            var dates: Set<LocalDate> = []
            for day in calendar.extraWorkingDays {
                if let i = Weekday.allCases.firstIndex(of: day.hoursOf), open[i].isEmpty {
                    context.error(day.location, "<working-day date=\"\(day.date)\"> takes the hours of \(day.hoursOf.rawValue), "
                                  + "but calendar '\(calendar.id)' has none on \(day.hoursOf.rawValue): name a weekday it opens",
                                  code: "calendar")
                }
                if !dates.insert(day.date).inserted {
                    context.warning(day.location, "calendar '\(calendar.id)' lists the working day \(day.date) twice", code: "calendar")
                }
            }
            var names: Set<String> = []
            for variant in calendar.siteVariants {
                if variant.name.trimmingSpaces.isEmpty {
                    context.error(variant.location, "a <site-variant> of calendar '\(calendar.id)' needs a name", code: "calendar")
                } else if !names.insert(variant.name).inserted {
                    context.error(variant.location, "calendar '\(calendar.id)' has two site variants named '\(variant.name)'",
                                  code: "calendar")
                }
            }
        }
    }

    // MARK: Calendars

    private mutating func resolveCalendarExtensions(
        _ procedure: inout Procedure, _ pending: [(calendar: String, base: String, location: SourceLocation)]
    ) {
        let bases = Dictionary(pending.map { ($0.calendar, ($0.base, $0.location)) }, uniquingKeysWith: { a, _ in a })
        var resolved: [String: WorkCalendar] = [:]
        // Iterative: walk up each chain of `extends` to a calendar already resolved (or the top, or a
        // cycle), then resolve downwards, so a chain of any length needs no recursion.
        for id in procedure.calendars.keys where resolved[id] == nil {
            var chain = [id]
            var onChain: Set<String> = [id]
            while let (base, location) = bases[chain[chain.count - 1]], resolved[base] == nil {
                if onChain.contains(base) {
                    let cycleStart = chain.firstIndex(of: base) ?? 0
                    context.error(location, "calendar '\(chain[chain.count - 1])' extends '\(base)', which extends it back: "
                                  + (chain[cycleStart...] + [base]).joined(separator: " → "), code: "calendar")
                    break
                }
                guard procedure.calendars[base] != nil else {
                    if let builtIn = BuiltInCalendars.calendar(base) { resolved[base] = builtIn }
                    break
                }
                chain.append(base)
                onChain.insert(base)
            }
            for calendarID in chain.reversed() where resolved[calendarID] == nil {
                guard var calendar = procedure.calendars[calendarID] else { continue }
                if let (base, _) = bases[calendarID], let parent = resolved[base] {
                    if calendar.hours.isEmpty {
                        // Inherited hours bring the sites that keep other hours with them.
                        calendar.hours = parent.hours
                        if calendar.siteVariants.isEmpty { calendar.siteVariants = parent.siteVariants }
                    }
                    calendar.holidays = parent.holidays + calendar.holidays
                    calendar.extraWorkingDays = parent.extraWorkingDays + calendar.extraWorkingDays
                }
                resolved[calendarID] = calendar
            }
        }
        for (id, calendar) in resolved where procedure.calendars[id] != nil { procedure.calendars[id] = calendar }
    }

    private mutating func checkCalendars(_ procedure: Procedure) {
        for calendar in procedure.calendars.values where calendar.hours.isEmpty {
            context.error(calendar.location, "calendar '\(calendar.id)' has no working hours: add "
                          + "<hours days=\"mon tue wed thu fri\" from=\"07:30\" to=\"11:30\"/> or extend another calendar",
                          code: "calendar")
        }
        // Site variants: one name, one share; the shares of the different kinds of site leave room for
        // the ordinary sites.
        var shares: [String: (share: Double, location: SourceLocation)] = [:]
        for calendar in procedure.calendars.values {
            for v in calendar.siteVariants {
                if let first = shares[v.name] {
                    if first.share != v.share {
                        context.error(v.location, "<site-variant> '\(v.name)' has share \(decimalText(v.share)) in calendar "
                                      + "'\(calendar.id)' but \(decimalText(first.share)) at \(first.location): the same sites "
                                      + "have one share", code: "calendar")
                    }
                } else {
                    shares[v.name] = (v.share, v.location)
                }
            }
        }
        let total = shares.values.reduce(0) { $0 + $1.share }
        if total >= 1, let first = shares.values.map(\.location).min() {
            context.error(first, "the site variants' shares add up to \(decimalText(total)): they must leave a share "
                          + "(above 0) for the sites with the calendars' own hours", code: "calendar")
        }
    }

    // MARK: Channels and choices

    private mutating func checkChannels(_ procedure: Procedure) {
        let total = procedure.channels.values.reduce(0) { $0 + $1.share }
        if let first = procedure.channels.values.first, abs(total - 1) > 1e-6 {
            context.error(first.location, "channel shares sum to \(decimalText(total, decimals: 6)): expected 1 "
                          + "(" + procedure.channels.values.map { "\($0.id) \(decimalText($0.share, decimals: 6))" }.joined(separator: ", ")
                          + ")", code: "probability")
        }
    }

    private mutating func checkChoices(_ procedure: Procedure) {
        for node in procedure.flow.nodes {
            guard case .choice(let rule) = node.kind else { continue }
            switch rule {
            case .probability:
                let missing = node.edges.filter { $0.probability == nil }
                for edge in missing {
                    context.error(edge.location, "a branch of choice '\(node.id)' has no probability: a choice "
                                  + "by probability needs one on every branch", code: "probability")
                }
                for edge in node.edges where edge.channel != nil {
                    context.error(edge.location, "a branch of choice '\(node.id)' names a channel, but the choice "
                                  + "is by probability: write by=\"channel\" on the choice", code: "probability")
                }
                let total = node.edges.reduce(0) { $0 + ($1.probability ?? 0) }
                if missing.isEmpty, abs(total - 1) > 1e-6 {
                    context.error(node.location, "the branch probabilities of choice '\(node.id)' sum to "
                                  + "\(decimalText(total, decimals: 6)): expected 1", code: "probability")
                }
            case .channel:
                var seen: [String: SourceLocation] = [:]
                for edge in node.edges {
                    guard let channel = edge.channel else {
                        context.error(edge.location, "a branch of choice '\(node.id)' has no channel: a choice "
                                      + "by channel needs one on every branch", code: "probability")
                        continue
                    }
                    if let first = seen[channel] {
                        context.error(edge.location, "choice '\(node.id)' has two branches for channel '\(channel)' "
                                      + "(the first at \(first.line):\(first.column))", code: "probability")
                    }
                    seen[channel] = edge.location
                    if edge.probability != nil {
                        context.error(edge.location, "a branch of channel choice '\(node.id)' has a probability: "
                                      + "the channel shares decide", code: "probability")
                    }
                }
                for channel in procedure.channels.keys where seen[channel] == nil {
                    context.error(node.location, "choice '\(node.id)' has no branch for channel '\(channel)': "
                                  + "cases of that channel would have nowhere to go", code: "probability")
                }
            }
        }
    }

    // MARK: Flow shape

    private mutating func checkFlowShape(_ procedure: Procedure, _ graph: FlowGraph) {
        let flow = procedure.flow
        guard !flow.nodes.isEmpty else { return }
        let ends = flow.nodes.indices.filter { if case .end = flow.nodes[$0].kind { true } else { false } }
        if ends.isEmpty {
            context.error(procedure.location, "the flow has no <end>: add <end id=\"done\"/> where the procedure "
                          + "finishes", code: "no-path-to-end")
        }
        let reached = graph.reachable(from: [flow.start])
        for (i, node) in flow.nodes.enumerated() where !reached[i] {
            context.error(node.location, "\(describe(node)) cannot be reached from the start of the flow "
                          + "('\(flow.nodes[flow.start].id)')", code: "unreachable-step")
        }
        guard !ends.isEmpty else { return }
        let finishing = graph.reaching(ends)
        var reportedInLoop = Set<Int>()
        let components = graph.stronglyConnectedComponents()
        for component in components where graph.isCycle(component) {
            guard reached[component[0]], !finishing[component[0]] else { continue }
            let path = component.map { flow.nodes[$0].id } + [flow.nodes[component[0]].id]
            context.error(flow.nodes[component[0]].location, "loop with no exit: "
                          + path.joined(separator: " → ") + " never reaches an <end>", code: "loop-without-exit")
            reportedInLoop.formUnion(component)
        }
        for (i, node) in flow.nodes.enumerated() where reached[i] && !finishing[i] && !reportedInLoop.contains(i) {
            // A node whose only way on is through a reported loop is reported there.
            if graph.successors[i].contains(where: reportedInLoop.contains) { continue }
            if !node.edges.isEmpty || node.step == nil {
                context.error(node.location, "\(describe(node)) has no path to an <end>", code: "no-path-to-end")
            }
        }
        checkJoins(flow, graph)
        checkLoops(flow, components)
        if reportedInLoop.isEmpty { checkLoopsCanBeLeft(procedure, components) }
    }

    /// Every loop a case can enter must be one it leaves with probability 1: some branch out of it has a
    /// probability above 0, or a `max` caps the branch that keeps it in. A loop whose only way out has
    /// probability 0, or a channel choice whose branch leads back to itself, would keep a case forever.
    private mutating func checkLoopsCanBeLeft(_ procedure: Procedure, _ components: [[Int]]) {
        let flow = procedure.flow
        var componentOf = [Int](repeating: 0, count: flow.nodes.count)
        for (c, component) in components.enumerated() { for node in component { componentOf[node] = c } }
        var reported = Set<Int>()
        for node in flow.nodes {
            guard case .choice(.probability) = node.kind, !node.edges.isEmpty, node.edges.allSatisfy({ $0.maxCount != nil })
            else { continue }
            context.error(node.location, "every branch of choice '\(node.id)' has a max: once all are used up a case has "
                          + "nowhere to go; leave at least one branch without max", code: "loop-without-exit")
            reported.insert(componentOf[flow.index(of: node.id) ?? 0])
        }
        // A loop left so rarely that a case would pass it thousands of times: every choice in it keeps more
        // than 999 cases in 1,000 in the loop, and no branch of it has a max.
        for (c, component) in components.enumerated() where component.count > 1 && !reported.contains(c) {
            var stays: [Double] = []
            var capped = false
            for i in component {
                guard case .choice(.probability) = flow.nodes[i].kind else { continue }
                let edges = flow.nodes[i].edges
                capped = capped || edges.contains { $0.maxCount != nil && componentOf[$0.target] == c }
                let total = edges.reduce(0) { $0 + ($1.probability ?? 0) }
                let stay = edges.filter { $0.target >= 0 && componentOf[$0.target] == c }.reduce(0) { $0 + ($1.probability ?? 0) }
                if total > 0 { stays.append(stay / total) }
            }
            guard !capped, let least = stays.min(), least > 0.999, least < 1 else { continue }
            reported.insert(c)
            let first = component[0]
            context.error(flow.nodes[first].location, "the loop through '\(flow.nodes[first].id)' keeps "
                          + "\(decimalText(least * 100, decimals: 4))% of cases in it at every choice, with no max: a case "
                          + "would go round about \(groupedText((1 / (1 - least)).rounded())) times; give the branch back "
                          + "a max or the way out a larger probability", code: "loop-without-exit")
        }
        // The long-run routing differs from the flow graph only at a choice by channel, or at a choice by
        // probability with a capped branch or one of probability 0. Elsewhere its traps would be loops
        // with no exit in the flow graph, and those were reported before this check (which runs only when
        // there are none): nothing to look for.
        let routingDiffers = flow.nodes.contains { node in
            switch node.kind {
            case .choice(.channel): true
            case .choice(.probability): node.edges.contains { $0.maxCount != nil || ($0.probability ?? 0) <= 0 }
            default: false
            }
        }
        guard routingDiffers else { return }
        let channels: [String?] = procedure.channels.isEmpty ? [nil] : procedure.channels.keys.map { $0 }
        for channel in channels {
            // A trap is a cycle of the long-run routing that the case can reach and never leave.
            let routing = LongRunRouting(flow, channel: channel)
            let reached = routing.reachable(from: flow.start)
            let finishing = routing.canFinish()
            for trap in FlowGraph.stronglyConnectedComponents(routing.successors) {
                let first = trap[0]
                guard reached[first], !finishing[first], trap.count > 1 || routing.successors[first].contains(first),
                      !reported.contains(componentOf[first]) else { continue }
                reported.insert(componentOf[first])
                let loop = trap.map { flow.nodes[$0].id }
                let who = channel.map { "a case on channel '\($0)'" } ?? "a case"
                context.error(flow.nodes[first].location, "\(who) that reaches '\(flow.nodes[first].id)' can never leave the "
                              + "loop " + (loop + [loop[0]]).joined(separator: " → ") + ": no branch out of it has a "
                              + "probability above 0 and no max caps the branch back; give the way out a probability or "
                              + "the loop branch a max", code: "loop-without-exit")
            }
        }
    }

    private mutating func checkJoins(_ flow: Flow, _ graph: FlowGraph) {
        var joinsOfSplit: [Int: [Int]] = [:]
        for (i, node) in flow.nodes.enumerated() {
            if case .join(let split) = node.kind, split >= 0 { joinsOfSplit[split, default: []].append(i) }
        }
        for (i, node) in flow.nodes.enumerated() {
            guard case .parallel = node.kind else { continue }
            guard let joins = joinsOfSplit[i] else {
                context.error(node.location, "parallel '\(node.id)' has no join: add <join id=\"...\" "
                              + "split=\"\(node.id)\"/> where its branches meet", code: "join-without-split")
                continue
            }
            if joins.count > 1 {
                context.error(flow.nodes[joins[1]].location, "parallel '\(node.id)' has more than one join "
                              + "(" + joins.map { "'\(flow.nodes[$0].id)'" }.joined(separator: ", ") + ")",
                              code: "join-without-split")
            }
            let join = joins[0]
            let toJoin = graph.reaching([join])
            for edge in node.edges where !toJoin[edge.target] {
                context.error(edge.location, "the branch of parallel '\(node.id)' to '\(flow.nodes[edge.target].id)' "
                              + "never reaches its join '\(flow.nodes[join].id)'", code: "join-without-split")
            }
        }
    }

    /// A loop edge must lead back: its target and its choice lie in one strongly connected component.
    private mutating func checkLoops(_ flow: Flow, _ components: [[Int]]) {
        var componentOf = [Int](repeating: 0, count: flow.nodes.count)
        for (c, component) in components.enumerated() {
            for node in component { componentOf[node] = c }
        }
        for (i, node) in flow.nodes.enumerated() {
            for edge in node.edges {
                guard let loop = edge.loop else { continue }
                if componentOf[edge.target] != componentOf[i] {
                    context.warning(edge.location, "the branch of choice '\(node.id)' to '\(flow.nodes[edge.target].id)' "
                                    + "is marked loop=\"\(loop.rawValue)\" but does not lead back to the choice",
                                    code: "loop")
                }
            }
        }
    }

    // MARK: Documents and units

    /// One pass over the steps: the result is produced somewhere, internal documents are produced before
    /// they are required, and work is not in calendar days.
    private mutating func checkStepsAndDocuments(_ procedure: Procedure, _ graph: FlowGraph) {
        let flow = procedure.flow
        var resultProduced = false
        var producers: [String: [Int]] = [:]
        var internalRequirements: [(node: Int, step: String, requirement: DocumentRequirement)] = []
        for (i, node) in flow.nodes.enumerated() {
            guard case .step(let step) = node.kind else { continue }
            for output in step.produces {
                if output.document == procedure.result { resultProduced = true }
                if procedure.documents[output.document]?.kind == .internal { producers[output.document, default: []].append(i) }
            }
            for r in step.requires where procedure.documents[r.document]?.kind == .internal {
                internalRequirements.append((i, step.id, r))
            }
            if let work = step.work, work.unit == .calendarDays {
                context.error(work.location, "the <work> of step '\(step.id)' is in calendar-days: work holds the "
                              + "actor and runs in working time; use minutes, hours or working-days, and put elapsed "
                              + "time (mail, surveys) in <delay>", code: "unit")
            }
        }
        if !procedure.result.isEmpty, procedure.documents[procedure.result] != nil, !resultProduced {
            context.error(procedure.location, "no step produces the result document '\(procedure.result)': "
                          + "add <produces document=\"\(procedure.result)\" .../> to the step that issues it",
                          code: "result")
        }
        guard !internalRequirements.isEmpty else { return }
        let reached = graph.reachable(from: flow.nodes.isEmpty ? [] : [flow.start])
        for (i, stepID, requirement) in internalRequirements where reached[i] {
            let ancestors = graph.reaching([i])
            let produced = producers[requirement.document, default: []].contains { $0 != i && ancestors[$0] }
            if !produced {
                context.error(requirement.location, "step '\(stepID)' requires the internal document "
                              + "'\(requirement.document)' before any step produces it", code: "document-order")
            }
        }
    }

    private func describe(_ node: FlowNode) -> String {
        switch node.kind {
        case .step: "step '\(node.id)'"
        case .choice: "choice '\(node.id)'"
        case .parallel: "parallel '\(node.id)'"
        case .join: "join '\(node.id)'"
        case .end: "end '\(node.id)'"
        }
    }
}
