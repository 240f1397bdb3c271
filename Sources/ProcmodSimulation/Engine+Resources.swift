/// Resources: a step asks for its actor, waits in its queue (or at its gate), is worked, and lets the
/// next token in.
extension Engine {
    @inline(__always)
    mutating func request(slot: Int32, node: Int, step s: Int) {
        let a = steps[s].actor
        cases[Int(slot)].steps += 1
        guard cases[Int(slot)].steps <= stepLimit else {
            if runaway == nil { runaway = Runaway(reason: .loop, node: node, actor: a) }
            return
        }
        let part = steps[s].part
        if part >= 0 {
            let k = Int(slot) * model.partAgencies.count + part
            if partStart[k] < 0 { partStart[k] = now }
        }
        if steps[s].isAgency {
            // A channel without a receipt step: the clock starts when the dossier reaches the state's
            // actors from the applicant's side (and restarts when it comes back supplemented).
            let c = Int(slot)
            if cases[c].withApplicant && cases[c].resultAt < 0
                && !model.channelHasClockStart[min(cases[c].channel, model.channelHasClockStart.count - 1)] {
                cases[c].receipt = now
                cases[c].excluded = 0
            }
            cases[c].withApplicant = false
        }
        if actors[a].gated {
            gates[a].append(Waiting(slot: slot, node: Int32(node), since: now))
            if model.actors[a].cadence.isEmpty {
                if gates[a].count >= model.actors[a].batch {
                    releaseGate(actor: a)
                } else if !actors[a].tickScheduled {
                    // A batch that does not fill is worked at the end of the working day.
                    actors[a].tickScheduled = true
                    schedule(.cadenceTick, at: calendars[actors[a].calendar].endOfWorkingDay(now), slot: Int32(a))
                }
            } else if !actors[a].tickScheduled {
                scheduleTick(actor: a)
            }
            return
        }
        admit(Waiting(slot: slot, node: Int32(node), since: now), actor: a)
    }

    @inline(__always)
    mutating func admit(_ w: Waiting, actor a: Int) {
        let servers = actors[a].servers
        if actors[a].down {
            enqueue(w, actor: a)
        } else if servers >= 0 {
            if actors[a].busy < servers {
                actors[a].busy += 1
                start(w, actor: a)
            } else {
                enqueue(w, actor: a)
            }
        } else {
            start(w, actor: a)
        }
    }

    @inline(__always)
    mutating func enqueue(_ w: Waiting, actor a: Int) {
        noteQueueChange(actor: a)
        actors[a].queue.append(w)
        actors[a].counters.queueMax = max(actors[a].counters.queueMax, actors[a].queue.count)
    }

    /// The queue's area (length × time) since the last change, counted after the warm-up only.
    @inline(__always)
    mutating func noteQueueChange(actor a: Int) {
        let from = max(actors[a].counters.lastChange, warmup)
        // Without a branch: before `from` the area gains +0, which leaves it as it is.
        actors[a].counters.queueArea += Double(actors[a].queue.count) * max(0, now - from)
        actors[a].counters.lastChange = now
    }

    /// A case's step gets its actor: its work is drawn and scheduled. The wait for the actor runs from the
    /// request until work really begins (the next opening, when the actor is closed), so the event log's
    /// enabled → start gap is the actor's queue figure; closed hours during the work are `wait`.
    mutating func start(_ w: Waiting, actor a: Int) {
        let s = Int(w.slot)
        guard case .step(let stepIndex) = nodeKinds[Int(w.node)] else { return }
        let c = actors[a].calendar, alwaysOpen = actors[a].alwaysOpen
        var minutes = 0.0, finish = now
        if let work = steps[stepIndex].work {
            let x = max(0, rng.sample(work, tables: model.tables))
            if steps[stepIndex].workInDays && !alwaysOpen {
                // Working days count whole days of this actor's own calendar, however long each is.
                finish = calendars[c].advance(now, workingDays: x)
                minutes = calendars[c].openMinutes(from: now, to: finish)
            } else {
                minutes = x * steps[stepIndex].workScale
                finish = alwaysOpen ? now + minutes : calendars[c].advance(now, by: minutes)
            }
        }
        let opens = alwaysOpen ? now : calendars[c].nextOpen(now)
        let begins = opens.isFinite ? min(opens, finish) : now
        let waited = begins - w.since
        let counted = Self.charge(&cases[s], step: steps[stepIndex], waited: waited, minutes: minutes,
                                  wait: max(0, finish - begins - minutes), warmup: warmup)
        // Per-actor figures leave out the warm-up: its cases' waits and the work done before it ends.
        Self.count(&actors[a].counters, waited: waited, minutes: minutes, counted: counted, busy: now >= warmup)
        let scheduled = sequence
        schedule(.serviceDone, at: finish, slot: w.slot, node: w.node, started: begins)
        if logging && sequence != scheduled { enabledAt[sequence] = w.since }
    }

    /// A step's times added to its case; whether the case counts (it arrived after the warm-up).
    @inline(__always)
    static func charge(_ c: inout CaseState, step: borrowing CompiledModel.Step, waited: Double, minutes: Double, wait: Double,
                       warmup: Double) -> Bool {
        c.queue += waited
        switch step.category {
        case .work: c.work += minutes
        case .transfer: c.transfer += minutes
        case .wait: c.wait += minutes
        }
        c.wait += wait
        if step.isApplicant { c.applicantMinutes += minutes }
        if step.isTravel { c.visits += 1 }
        return c.arrival >= warmup
    }

    @inline(__always)
    static func count(_ k: inout ActorCounters, waited: Double, minutes: Double, counted: Bool, busy: Bool) {
        if counted {
            k.waitTotal += waited
            k.waitMax = max(k.waitMax, waited)
            k.served += 1
        }
        if busy { k.busyMinutes += minutes }
    }

    @inline(__always)
    mutating func serviceDone(_ event: Event) {
        guard case .step(let stepIndex) = nodeKinds[Int(event.node)] else { return }
        let a = steps[stepIndex].actor
        if logging {
            let enabled = enabledAt.removeValue(forKey: event.sequence) ?? event.started
            log?.record(caseID: cases[Int(event.slot)].id, step: stepIndex, kind: .work, enabled: enabled,
                        start: event.started, end: now)
        }
        if actors[a].servers >= 0 {
            if !actors[a].down && !actors[a].queue.isEmpty {
                noteQueueChange(actor: a)
                let next = actors[a].queue.removeFirst()
                start(next, actor: a)
            } else {
                actors[a].busy -= 1
            }
        }
        let s = Int(event.slot)
        let clock = steps[stepIndex].clock
        switch clock {
        case .start:
            // The complete dossier is received: the clock starts, or restarts from zero. Once the result
            // exists, a later reception (the desk receiving the result back) no longer moves the clock.
            if cases[s].resultAt < 0 {
                cases[s].receipt = now
                cases[s].excluded = 0
            }
            cases[s].withApplicant = false
        case .excluded, .counted:
            if steps[stepIndex].isApplicantSide { cases[s].withApplicant = true }
        }
        var end = now
        let reference = steps[stepIndex].reference
        if let delay = steps[stepIndex].delay {
            let x = max(0, rng.sample(delay, tables: model.tables))
            let scale = steps[stepIndex].delayScale
            end = !steps[stepIndex].delayOnReference ? now + x * scale
                : (calendars[reference].alwaysOpen ? now + x * scale : calendars[reference].advance(now, workingDays: x))
            if steps[stepIndex].delayCategory == .transfer { cases[s].transfer += end - now } else { cases[s].wait += end - now }
            if logging { log?.record(caseID: cases[s].id, step: stepIndex, kind: .delay, enabled: now, start: now, end: end) }
        }
        // The result is ready when the step that produces it ends, its delay (the processing it stands
        // for, e.g. the days an office takes to issue a card) included.
        // Excluded time counts up to the result, the producing step's own time included.
        if clock == .excluded && cases[s].receipt >= 0 && cases[s].resultAt < 0 {
            cases[s].excluded += calendars[reference].openMinutes(from: event.started, to: end)
        }
        if steps[stepIndex].producesResult && cases[s].resultAt < 0 { cases[s].resultAt = end }
        let part = steps[stepIndex].part
        if part >= 0 {
            let k = s * model.partAgencies.count + part
            partEnd[k] = max(partEnd[k], end)
        }
        if steps[stepIndex].delay != nil {
            schedule(.delayDone, at: end, slot: event.slot, node: event.node)
        } else {
            proceed(slot: event.slot, from: event.node)
        }
    }

    /// An online system goes down (no service starts) or comes back (its queue drains).
    mutating func outage(actor a: Int, starts: Bool) {
        actors[a].down = starts
        if starts {
            schedule(.outageEnd, at: now + rng.exponential(mean: model.actors[a].meanMinutesDown), slot: Int32(a))
        } else {
            schedule(.outageStart, at: now + rng.exponential(mean: model.actors[a].meanMinutesUp), slot: Int32(a))
            while !actors[a].queue.isEmpty, actors[a].servers < 0 || actors[a].busy < actors[a].servers {
                noteQueueChange(actor: a)
                let next = actors[a].queue.removeFirst()
                if actors[a].servers >= 0 { actors[a].busy += 1 }
                start(next, actor: a)
            }
        }
    }

    // MARK: Signing cadence and batches

    mutating func scheduleTick(actor a: Int) {
        let actor = model.actors[a]
        let calendar = calendars[actor.calendar]
        var day = Int((now / 1440).rounded(.down))
        for _ in 0..<3650 {
            let weekday = ((day + calendar.firstWeekday) % 7 + 7) % 7
            if calendar.isWorkingDay(day) && (actor.cadenceDays.isEmpty || actor.cadenceDays.contains(weekday)) {
                for minute in actor.cadence where Double(day) * 1440 + minute >= now {
                    actors[a].tickScheduled = true
                    schedule(.cadenceTick, at: Double(day) * 1440 + minute, slot: Int32(a))
                    return
                }
            }
            day += 1
        }
    }

    mutating func cadenceTick(actor a: Int) {
        actors[a].tickScheduled = false
        releaseGate(actor: a)
    }

    mutating func releaseGate(actor a: Int) {
        let waiting = gates[a]
        gates[a].removeAll(keepingCapacity: true)
        for w in waiting { admit(w, actor: a) }
    }
}
