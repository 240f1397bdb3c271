import ProcmodModel

extension CompiledModel {
    /// One procedure's compiled model and where its actors go on the joint site.
    struct Member {
        var model: CompiledModel
        /// Per actor of `model`: the index of the shared resource it is, or -1 when it stays the
        /// procedure's own.
        var resourceOf: [Int]
        /// Put before the ids of the procedure's own actors, steps and deadline parts (`code/`).
        var prefix: String
    }

    /// Several procedures on one site, side by side in one model: their flows, tables, loop counters,
    /// parallel blocks, channels and deadline parts are concatenated with their indices shifted, and
    /// the actors mapped onto a shared resource become that resource (its capacity, calendar, cadence
    /// and batch). Each procedure keeps its own arrivals as a ``Source``. A joint model of one
    /// procedure whose resources copy its actors behaves exactly like the procedure's own model.
    ///
    /// `resources` index `calendars`, which come first in the joint model's calendar list.
    init(joint members: [Member], resources: [Actor], calendars resourceCalendars: [CalendarTimeline]) {
        self = members[0].model
        nodeKinds = []; edgeStart = []; edgeTarget = []; edgeProbability = []; edgeChannel = []; edgeCounter = []
        edgeMax = []; steps = []; stepNames = []; stepLabels = []; stepActorNames = []; tables = []
        actors = resources; calendars = resourceCalendars; counters = 0; joins = 0
        channelDeadline = []; channelClock = []; channelHasClockStart = []; channelDeadlineInCalendarDays = []
        partAgencies = []; partDeadlines = []; partDeadlineInCalendarDays = []
        edgeDeadline = []; edgeDeadlineInCalendarDays = []; sources = []; channelShares = []
        sourceProfiles = []; fixedArrivalTimes = []; sourceChannelShares = []
        perSiteVolume = 0
        for member in members {
            let m = member.model
            let nodeBase = nodeKinds.count, edgeBase = edgeTarget.count, stepBase = steps.count
            let tableBase = tables.count, counterBase = counters, joinBase = joins, partBase = partAgencies.count
            let channelBase = channelDeadline.count, calendarBase = calendars.count
            calendars += m.calendars
            var actorIndex: [Int] = []
            for (a, actor) in m.actors.enumerated() {
                let shared = a < member.resourceOf.count ? member.resourceOf[a] : -1
                if shared >= 0 {
                    actorIndex.append(shared)
                } else {
                    var own = actor
                    own.calendar += calendarBase
                    own.id = member.prefix + actor.id
                    actors.append(own)
                    actorIndex.append(actors.count - 1)
                }
            }
            for kind in m.nodeKinds {
                switch kind {
                case .step(let s): nodeKinds.append(.step(s + stepBase))
                case .parallel(let index): nodeKinds.append(.parallel(index: index + joinBase))
                case .join(let index, let needed): nodeKinds.append(.join(index: index + joinBase, needed: needed))
                default: nodeKinds.append(kind)
                }
            }
            edgeStart += m.edgeStart.dropLast().map { $0 + edgeBase }
            edgeTarget += m.edgeTarget.map { $0 + nodeBase }
            edgeProbability += m.edgeProbability
            edgeChannel += m.edgeChannel.map { $0 >= 0 ? $0 + channelBase : -1 }
            edgeCounter += m.edgeCounter.map { $0 >= 0 ? $0 + counterBase : -1 }
            edgeMax += m.edgeMax
            edgeDeadline += m.edgeDeadline
            edgeDeadlineInCalendarDays += m.edgeDeadlineInCalendarDays
            func shifted(_ sampler: Sampler?) -> Sampler? {
                guard var s = sampler else { return nil }
                if s.table >= 0 { s.table += tableBase }
                return s
            }
            for var step in m.steps {
                step.actor = actorIndex[step.actor]
                step.work = shifted(step.work)
                step.delay = shifted(step.delay)
                if step.part >= 0 { step.part += partBase }
                step.reference += calendarBase
                steps.append(step)
            }
            stepNames += m.stepNames.map { member.prefix + $0 }
            stepLabels += m.stepLabels
            stepActorNames += m.steps.map { actors[actorIndex[$0.actor]].id }
            tables += m.tables
            counters += m.counters
            joins += m.joins
            channelDeadline += m.channelDeadline
            channelClock += m.channelClock
            channelHasClockStart += m.channelHasClockStart
            channelDeadlineInCalendarDays += m.channelDeadlineInCalendarDays
            partAgencies += m.partAgencies
            partDeadlines += m.partDeadlines
            partDeadlineInCalendarDays += m.partDeadlineInCalendarDays
            perSiteVolume += m.perSiteVolume
            let fixedBase = fixedArrivalTimes.count
            sourceProfiles += m.sourceProfiles
            fixedArrivalTimes += m.fixedArrivalTimes
            sourceChannelShares += m.sourceChannelShares
            for var source in m.sources {
                source.entry += nodeBase
                source.fixedBase += fixedBase
                source.reference += calendarBase
                source.channelBase += channelBase
                source.counterBase += counterBase
                source.joinBase += joinBase
                source.partBase += partBase
                sources.append(source)
            }
        }
        edgeStart.append(edgeTarget.count)
        reference = sources.first?.reference ?? 0
    }

    /// The source whose flow holds `node` (for naming the procedure of a runaway).
    func source(ofNode node: Int) -> Int {
        var found = 0
        for (k, source) in sources.enumerated() where source.entry <= node { found = k }
        return found
    }
}
