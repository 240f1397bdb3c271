import ProcmodAnalysis
import ProcmodLocalization
import ProcmodModel

extension LeverState {
    mutating func channelShare(_ id: String, _ share: Double, _ level: OnlineLevel?, at location: SourceLocation) {
        guard procedure.channels[id] != nil else {
            error(location, "channel-share: the procedure has no channel '\(id)'; its channels: "
                  + procedure.channels.keys.joined(separator: ", "))
            return
        }
        let others = procedure.channels.values.filter { $0.id != id }.reduce(0) { $0 + $1.share }
        guard others > 0 || share == 1 else {
            error(location, "channel-share: the other channels have no share to give up")
            return
        }
        for key in procedure.channels.keys {
            if key == id {
                procedure.channels[key]?.share = share
                if let level { procedure.channels[key]?.onlineLevel = level }
            } else {
                procedure.channels[key]?.share *= (1 - share) / others
            }
        }
        note(id, Message(level == nil ? "change.channelShare" : "change.channelShareLevel",
                          ["channel": id, "share": decimalText(share, decimals: 4), "level": level?.rawValue ?? ""]))
    }

    mutating func shareData(_ registers: Set<String>) {
        for i in procedure.stepIndices {
            let step = procedure.flow.nodes[i].step!
            // The share of cases the shared registers hold, per document.
            let documents = procedure.documents
            let coverage = { (r: DocumentRequirement) -> Double in
                (documents[r.document]?.registers ?? []).filter { registers.contains($0.register) }.map(\.coverage).max() ?? 0
            }
            let dropped = step.requires.filter { coverage($0) >= 1 }
            let partly = step.requires.filter { coverage($0) > 0 && coverage($0) < 1 && !$0.unlessRegistered }
            guard !dropped.isEmpty || !partly.isEmpty else { continue }
            procedure.updateStep(at: i) { s in
                s.requires.removeAll { dropped.contains($0) }
                for k in s.requires.indices where partly.contains(s.requires[k]) { s.requires[k].unlessRegistered = true }
            }
            for r in dropped {
                note(step.id, Message("change.registerDropped", ["document": r.document,
                                                             "register": procedure.documents[r.document]?.register ?? ""]),
                     resolves: .onceOnly)
            }
            for r in partly {
                note(step.id, Message("change.registerPartly", ["document": r.document, "share": decimalText(1 - coverage(r), decimals: 4)]),
                     resolves: .onceOnly)
            }
        }
        removeObsoleteHelpers(because: "reason.registersHold")
    }

    mutating func electronicCopies() {
        for i in procedure.stepIndices {
            let step = procedure.flow.nodes[i].step!
            guard step.requires.contains(where: { $0.form == .certifiedCopy }) else { continue }
            procedure.updateStep(at: i) { s in
                for k in s.requires.indices where s.requires[k].form == .certifiedCopy { s.requires[k].form = .electronic }
            }
            for r in step.requires where r.form == .certifiedCopy {
                note(step.id, Message("change.electronicCopy", ["document": r.document]), resolves: .certifiedCopy)
            }
        }
        removeCertifySteps(because: "reason.copiesElectronic")
    }

    mutating func electronicResult() {
        let id = procedure.result
        procedure.documents[id]?.medium = .electronic
        for i in procedure.stepIndices where procedure.flow.nodes[i].step?.produces.contains(where: { $0.document == id }) == true {
            procedure.updateStep(at: i) { s in
                for k in s.produces.indices where s.produces[k].document == id { s.produces[k].medium = .electronic }
            }
            note(procedure.flow.nodes[i].id, Message("change.electronicResult", ["document": id]))
        }
        removeVisits(collect: true) { state, segment in
            for k in segment where state.procedure.flow.nodes[k].step?.kind == .collect {
                state.procedure.updateStep(at: k) { s in
                    s.work = TimedQuantity(unit: .minutes, distribution: .fixed(value: 5), provenance: Provenance(assumed: true))
                }
                state.note(state.procedure.flow.nodes[k].id, Message("change.download"))
            }
        }
    }

    mutating func digitalSignature(_ signers: Set<String>, keepCadence: Bool) {
        // By default every official who signs; applicants and third parties sign their own papers.
        let officials = procedure.flow.steps.compactMap(\.signature?.signer).filter {
            ![.applicant, .thirdParty].contains(procedure.actors[$0]?.kind)
        }
        let chosen = signers.isEmpty ? Set(officials) : signers
        for i in procedure.stepIndices {
            guard let signature = procedure.flow.nodes[i].step?.signature, chosen.contains(signature.signer),
                  signature.kind == .wet else { continue }
            procedure.updateStep(at: i) { s in s.signature?.kind = .digital }
            note(procedure.flow.nodes[i].id, Message("change.signsDigitally", ["actor": signature.signer]), resolves: .wetSignature)
        }
        for i in procedure.stepIndices {
            for (k, h) in (procedure.flow.nodes[i].step?.handoffs ?? []).enumerated() where chosen.contains(h.to) && h.medium == .paper {
                procedure.updateStep(at: i) { s in s.handoffs[k].medium = .electronic }
                note(procedure.flow.nodes[i].id, Message("change.sendsElectronically", ["actor": h.to]), resolves: .physicalHandoff)
            }
        }
        guard !keepCadence else { return }
        for id in chosen where procedure.actors[id]?.cadence != nil {
            procedure.actors[id]?.cadence = nil
            note(id, Message("change.signsOnArrival"), resolves: .signingCadence)
        }
    }

    mutating func electronicTransfer(minutes: Double) {
        for i in procedure.stepIndices {
            let step = procedure.flow.nodes[i].step!
            guard let from = procedure.actors[step.actor] else { continue }
            let paper = step.handoffs.indices.filter { k in
                step.handoffs[k].medium == .paper && procedure.actors[step.handoffs[k].to].map { $0.agency != from.agency } == true
            }
            guard !paper.isEmpty else { continue }
            // Only a transfer's own delay is transit; a delay on other steps is the work of the agency.
            let transit = step.delay != nil && (step.kind == .transfer || step.kind == .deliver)
            procedure.updateStep(at: i) { s in
                for k in paper { s.handoffs[k].medium = .electronic }
                if transit {
                    s.delay = TimedQuantity(unit: .minutes, distribution: .fixed(value: minutes), provenance: Provenance(assumed: true))
                }
            }
            note(step.id, Message(transit ? "change.axisTransit" : "change.axis",
                                 ["actors": paper.map { step.handoffs[$0].to }.joined(separator: ","), "minutes": decimalText(minutes)]),
                 resolves: .physicalHandoff)
        }
    }

    mutating func onlinePayment() {
        for i in procedure.stepIndices where procedure.flow.nodes[i].step!.payment != nil {
            guard procedure.flow.nodes[i].step!.payment!.method != .online else { continue }
            procedure.updateStep(at: i) { s in s.payment?.method = .online }
        }
        note(procedure.code, Message("change.paidOnline"))
        removeVisits(collect: false) { _, _ in }
    }

    mutating func postalDelivery(days: Double, fee: Double) {
        if !procedure.actors.values.contains(where: { $0.kind == .postalService }) {
            procedure.actors["post-delivery"] = Actor(id: "post-delivery", name: LocalizedName(vi: "Bưu chính công ích",
                                                      en: "Public postal service"), kind: .postalService,
                                                      capacity: .unlimited, calendar: alwaysOpenCalendarID)
            note("post-delivery", Message("change.postService"))
        }
        let post = procedure.actors.values.first { $0.kind == .postalService }!.id
        removeVisits(collect: true) { state, segment in
            for k in segment where state.procedure.flow.nodes[k].step?.kind == .collect {
                state.procedure.updateStep(at: k) { s in
                    s.kind = .deliver
                    s.actor = post
                    s.work = nil
                    s.delay = TimedQuantity(unit: .calendarDays, distribution: .fixed(value: days), provenance: Provenance(assumed: true))
                    if fee > 0 { s.payment = Payment(amount: fee, method: .online, purpose: "Postage") }
                }
                state.note(state.procedure.flow.nodes[k].id, Message("change.byPost", ["days": decimalText(days)]))
            }
        }
    }

    mutating func setCapacity(_ id: String, _ capacity: Capacity, at location: SourceLocation) {
        guard procedure.actors[id] != nil else { return error(location, "capacity: the procedure has no actor '\(id)'") }
        procedure.actors[id]?.capacity = capacity
        note(id, capacity.servers.map { Message("change.capacity", ["servers": String($0)]) } ?? Message("change.capacityUnlimited"))
    }

    /// Sets the statutory deadline of the procedure (or of one channel), keeping the calendar it counts on
    /// and, unless a new one is given, its cut-off. Provisions named in `legal` must exist in the procedure.
    mutating func setDeadline(channel: String?, limit: Double, calendarDays: Bool, cutOff: TimeOfDay?, legal: [String],
                              at location: SourceLocation) {
        for id in legal where procedure.legal[id] == nil {
            error(location, "deadline: the procedure has no provision '\(id)' (add it to <legal-basis>)")
        }
        if let channel, procedure.channels[channel] == nil {
            return error(location, "deadline: the procedure has no channel '\(channel)'")
        }
        let old = channel.flatMap { procedure.deadline(for: $0) } ?? procedure.deadline
        var deadline = Deadline(workingDays: limit, cutOff: cutOff ?? old?.cutOff, calendar: old?.calendar, legal: legal)
        deadline.calendarDays = calendarDays
        if let channel { procedure.channels[channel]?.deadline = deadline } else { procedure.deadline = deadline }
        note(channel ?? procedure.code, Message(limit == 0 ? "change.deadlineSameDay" : (calendarDays ? "change.deadlineCalendar" : "change.deadline"),
                                                ["days": decimalText(limit)]))
        guard channel == nil else { return }
        // Said in the change list: what the new limit does not carry over.
        if let parts = old?.parts, !parts.isEmpty {
            note(procedure.code, Message("change.deadlineParts", ["agencies": parts.map(\.agency).joined(separator: ",")]))
        }
        for (id, c) in procedure.channels {
            if let own = c.deadline { note(id, Message("change.channelDeadline", ["channel": id, "days": decimalText(own.workingDays)])) }
        }
    }

    mutating func setDuration(_ id: String, _ work: TimedQuantity?, _ delay: TimedQuantity?, at location: SourceLocation) {
        guard let i = procedure.node(id), procedure.flow.nodes[i].step != nil else {
            return error(location, "duration: the procedure has no step '\(id)'")
        }
        procedure.updateStep(at: i) { s in
            if let work { s.work = work }
            if let delay { s.delay = delay }
        }
        note(id, Message(work != nil && delay != nil ? "change.newWorkAndDelay" : (work != nil ? "change.newWork" : "change.newDelay")))
    }

    mutating func remove(_ id: String, at location: SourceLocation) {
        guard let i = procedure.node(id), procedure.removeStep(at: i) else {
            return error(location, "remove: '\(id)' is not a step of the procedure with a single next element")
        }
        note(id, Message("change.removed", ["step": id]))
    }

    // MARK: Shared helpers

    /// Removes travel steps (and waits) of visits whose only purpose is collecting (`collect`) or paying;
    /// `rest` adjusts the segment's other steps.
    mutating func removeVisits(collect: Bool, rest: (inout LeverState, [Int]) -> Void) {
        while true {
            let a = ProcedureAnalysis(procedure)
            guard let (t, segment) = visits(onlyFor: collect ? .collect : .pay, in: a).first else { return }
            let travelID = procedure.flow.nodes[t].id
            let waits = segment.filter { a.step($0).kind == .wait }.map { procedure.flow.nodes[$0].id }
            let keep = segment.filter { a.step($0).kind != .wait }.map { procedure.flow.nodes[$0].id }
            for id in [travelID] + waits { if let i = procedure.node(id) { procedure.removeStep(at: i) } }
            note(travelID, Message(collect ? "change.visitToCollectGone" : "change.visitToPayGone"),
                 resolves: collect ? .visitToCollect : .visitToPay)
            rest(&self, keep.compactMap { procedure.node($0) })
        }
    }

    /// Removes photocopy steps once no paper copy is asked for anywhere, and certify steps once none of
    /// their documents is asked for as a certified copy.
    mutating func removeObsoleteHelpers(because reason: String) {
        // Steps that only fetched a document no step asks for any more (the trip for a certificate).
        let asked = Set(procedure.flow.steps.flatMap { $0.requires.map(\.document) })
        let analysis = ProcedureAnalysis(procedure)
        let fetched = askedAtFirst.subtracting(asked).sorted().flatMap { analysis.fetchingSteps(for: $0) }
        for id in Set(fetched.map { procedure.flow.nodes[$0].id }).sorted() {
            guard let i = procedure.node(id), procedure.removeStep(at: i) else { continue }
            note(id, Message("change.fetchGone", ["step": id]))
        }
        let copiesNeeded = procedure.flow.steps.contains { $0.requires.contains { $0.form == .copy || $0.form == .certifiedCopy } }
        while !copiesNeeded, let i = procedure.stepIndices.first(where: { procedure.flow.nodes[$0].step?.kind == .copy }) {
            let id = procedure.flow.nodes[i].id
            guard procedure.removeStep(at: i) else { break }
            note(id, Message("change.copyGone", ["step": id]))
        }
        removeCertifySteps(because: reason)
    }

    /// Removes certify steps whose documents are no longer asked for as certified copies.
    mutating func removeCertifySteps(because reason: String) {
        let certified = Set(procedure.flow.steps.flatMap { $0.requires.filter { $0.form == .certifiedCopy }.map(\.document) })
        while let i = procedure.stepIndices.first(where: {
            let s = procedure.flow.nodes[$0].step!
            return s.kind == .certify && !s.requires.contains { certified.contains($0.document) }
        }) {
            let id = procedure.flow.nodes[i].id
            guard procedure.removeStep(at: i) else { return }
            note(id, Message("change.removedBecause", ["step": id, "reason": reason]), resolves: .certifiedCopy)
        }
    }
}
