/// The flow: a case's token moves from node to node until it asks for an actor or ends.
extension Engine {
    /// A token arrives at `node`: a step or an end is handled here, inlined into the event handlers (the
    /// common case: a step follows a step); a gateway goes through ``enter(slot:node:)``. The same as
    /// calling `enter` directly: its first pass does exactly this.
    @inline(__always)
    mutating func moveToken(slot: Int32, to node: Int) {
        switch nodeKinds[node] {
        case .step(let s): request(slot: slot, node: node, step: s)
        case .end: finishToken(slot: slot)
        default: enter(slot: slot, node: node)
        }
    }

    /// A token arrives at `node`: gateways are passed at once, a step asks for its actor.
    mutating func enter(slot: Int32, node start: Int) {
        var node = start
        var gateways = 0
        while true {
            gateways += 1
            // Gateways only, round and round (a model built in code that the validator never saw).
            guard gateways <= stepLimit else {
                if runaway == nil { runaway = Runaway(reason: .loop, node: node, actor: -1) }
                return
            }
            switch nodeKinds[node] {
            case .step(let s):
                request(slot: slot, node: node, step: s)
                return
            case .choiceByProbability:
                node = chooseByProbability(slot: slot, node: node)
            case .choiceByChannel:
                let c = cases[Int(slot)].channel
                var target = -1
                for e in model.edgeStart[node]..<model.edgeStart[node + 1] where model.edgeChannel[e] == c {
                    target = model.edgeTarget[e]
                }
                guard target >= 0 else { finishToken(slot: slot); return }
                node = target
            case .parallel(let index):
                // The case's time split so far, and the time, for the join to rescale (below).
                let k = (Int(slot) * model.joins + index) * 5
                let c = cases[Int(slot)]
                splitSnapshot[k] = c.work; splitSnapshot[k + 1] = c.queue; splitSnapshot[k + 2] = c.transfer
                splitSnapshot[k + 3] = c.wait; splitSnapshot[k + 4] = now
                let first = model.edgeStart[node], last = model.edgeStart[node + 1]
                cases[Int(slot)].tokens += last - first - 1
                for e in (first + 1)..<last { enter(slot: slot, node: model.edgeTarget[e]) }
                node = model.edgeTarget[first]
            case .join(let index, let needed):
                let k = Int(slot) * model.joins + index
                joinCounts[k] += 1
                if Int(joinCounts[k]) < needed { cases[Int(slot)].tokens -= 1; return }
                joinCounts[k] = 0
                rescaleParallelSplit(slot: Int(slot), join: index)
                guard model.edgeStart[node] < model.edgeStart[node + 1] else { finishToken(slot: slot); return }
                node = model.edgeTarget[model.edgeStart[node]]
            case .end:
                finishToken(slot: slot)
                return
            }
        }
    }

    mutating func chooseByProbability(slot: Int32, node: Int) -> Int {
        let first = model.edgeStart[node], last = model.edgeStart[node + 1]
        var total = 0.0, open = 0, lastOpen = -1
        for e in first..<last where available(e, slot: slot) {
            total += model.edgeProbability[e]; open += 1; lastOpen = e
        }
        // No branch left (every one capped and used up): the last one, uncounted; the validator refuses
        // such a choice, and the runaway guard stops a model built in code that has one.
        guard lastOpen >= 0 else { return model.edgeTarget[last - 1] }
        var chosen = lastOpen
        if total > 0 {
            var u = rng.uniform() * total
            for e in first..<last where available(e, slot: slot) && model.edgeProbability[e] > 0 {
                if u < model.edgeProbability[e] { chosen = e; break }
                u -= model.edgeProbability[e]
            }
        } else {
            // The branches left all have probability 0: they share it evenly.
            var k = Int(rng.uniform() * Double(open))
            for e in first..<last where available(e, slot: slot) {
                if k == 0 { chosen = e; break }
                k -= 1
            }
        }
        if model.edgeCounter[chosen] >= 0 { counters[Int(slot) * model.counters + model.edgeCounter[chosen]] += 1 }
        if model.edgeDeadline[chosen] >= 0 {
            cases[Int(slot)].deadline = model.edgeDeadline[chosen]
            cases[Int(slot)].deadlineInCalendarDays = model.edgeDeadlineInCalendarDays[chosen]
        }
        return model.edgeTarget[chosen]
    }

    /// At a join, the branches' work, queue, transfer and wait since the split add up to more than the
    /// time the block took (they ran side by side): they are scaled down in proportion so that the
    /// case's split sums to its lead time (docs/simulation.md, "What it reports").
    mutating func rescaleParallelSplit(slot s: Int, join index: Int) {
        let k = (s * model.joins + index) * 5
        let elapsed = now - splitSnapshot[k + 4]
        var c = cases[s]
        let work = c.work - splitSnapshot[k], queue = c.queue - splitSnapshot[k + 1]
        let transfer = c.transfer - splitSnapshot[k + 2], wait = c.wait - splitSnapshot[k + 3]
        let total = work + queue + transfer + wait
        guard total > elapsed, total > 0 else { return }
        let scale = elapsed / total
        c.work = splitSnapshot[k] + work * scale
        c.queue = splitSnapshot[k + 1] + queue * scale
        c.transfer = splitSnapshot[k + 2] + transfer * scale
        c.wait = splitSnapshot[k + 3] + wait * scale
        cases[s] = c
    }

    @inline(__always)
    func available(_ e: Int, slot: Int32) -> Bool {
        let k = model.edgeCounter[e]
        return k < 0 || Int(counters[Int(slot) * model.counters + k]) < model.edgeMax[e]
    }

    /// After a step: on along its single edge (steps have exactly one).
    @inline(__always)
    mutating func proceed(slot: Int32, from node: Int32) {
        let n = Int(node)
        guard model.edgeStart[n] < model.edgeStart[n + 1] else { finishToken(slot: slot); return }
        moveToken(slot: slot, to: model.edgeTarget[model.edgeStart[n]])
    }

    @inline(__always)
    mutating func finishToken(slot: Int32) {
        let s = Int(slot)
        cases[s].tokens -= 1
        guard cases[s].tokens <= 0 else { return }
        active -= 1
        if logging { log?.caseFinished(cases[s].id) }
        if cases[s].arrival >= warmup {
            let k = cases[s].source
            let parts = sources[k].partCount
            if parts == 0 {
                observerBase[k].complete(cases.base + s, at: now)
            } else {
                let from = s * model.partAgencies.count + sources[k].partBase
                observerBase[k].complete(cases.base + s, at: now,
                                         partStart: UnsafeBufferPointer(start: partStart.base + from, count: parts),
                                         partEnd: UnsafeBufferPointer(start: partEnd.base + from, count: parts))
            }
        }
        free.append(slot)
    }
}
