public import ProcmodModel

/// Whole-procedure figures: counts, the lead-time ladder, and the Standard Cost Model.
public struct ProcedureMetrics: Sendable, Codable, Hashable {
    /// Expected executions per case of each step kind.
    public var stepsByKind: [String: Double]
    public var steps: Int
    /// Expected applicant visits per case (travel steps of the applicant).
    public var applicantVisits: Double
    /// Expected hand-offs per case between different agencies, and how many of them are on paper.
    public var agencyHandoffs: Double
    public var paperHandoffs: Double
    /// Distinct documents required, and requirements in total (internal working papers left out).
    public var documentsRequired: Int
    public var requirements: Int
    /// Paper copies handed in per case (copies × sets of `copy` and `certified-copy` requirements).
    public var copies: Double
    public var certifiedCopies: Double
    /// Paper pages handed in per case (a translation's pages included).
    public var pages: Double
    /// Foreign documents per case that must be legalised (consular legalisation or apostille), and
    /// documents per case that must come with a translation.
    public var legalisations: Double = 0
    public var translations: Double = 0
    /// Share of requirements met on paper.
    public var paperShare: Double
    public var leadTime: LeadTime
    public var cost: Cost
    public var actors: [ActorLoad]
    /// The most likely ways through the procedure, loops left out (at most 5).
    public var paths: [ProcedurePath]

    /// Expected working days per case, split by what the time is spent on.
    public struct LeadTime: Sendable, Codable, Hashable {
        /// Expected lead time (parallel branches counted once, as their slowest).
        public var expectedDays: Double
        /// Fastest and slowest path, each step once.
        public var shortestPathDays: Double
        public var longestPathDays: Double
        /// Work on the case, travel and transfers, queues (M/M/c and signing cadences), other waits.
        public var workDays: Double
        public var transferDays: Double
        public var queueDays: Double
        public var waitDays: Double
        /// Work ÷ (work + transfer + queue + wait).
        public var processCycleEfficiency: Double
        /// The statutory deadline, when the model has one: working days, or calendar days when
        /// `deadlineInCalendarDays`.
        public var deadlineDays: Double?
        public var deadlineInCalendarDays: Bool? = nil
    }

    /// Compliance cost as Circular 02/2017/TT-VPCP Art. 27 counts it: what the applicant bears, time ×
    /// income per hour plus out-of-pocket costs (fees and charges, copies, certification, travel, post,
    /// hired services), per case and per year (× annual volume). The agencies' own processing cost is
    /// not compliance cost: it is reported beside it (`agencyVND`, `agencyPerYearVND`). No opportunity
    /// cost.
    public struct Cost: Sendable, Codable, Hashable {
        public var applicantHours: Double
        public var applicantTimeVND: Double
        public var applicantOutOfPocketVND: Double
        public var agencyHours: Double
        public var agencyVND: Double
        /// Compliance cost per case: the applicant's time and out-of-pocket costs.
        public var perCaseVND: Double { applicantTimeVND + applicantOutOfPocketVND }
        /// Compliance cost per year.
        public var perYearVND: Double
        /// The agencies' processing cost per year (not compliance cost).
        public var agencyPerYearVND: Double { agencyVND * volume }
        public var volume: Double
    }
}

extension ProcedureAnalysis {
    /// Computes the metrics.
    public var metrics: ProcedureMetrics {
        let p = procedure
        var byKind: [String: Double] = [:]
        var visits = 0.0, handoffs = 0.0, paperHandoffs = 0.0
        var copies = 0.0, certified = 0.0, pages = 0.0, paperRequirements = 0, requirements = 0
        var legalisations = 0.0, translations = 0.0
        var documents = Set<String>()
        var work = 0.0, transfer = 0.0, queue = 0.0, wait = 0.0
        var applicantHours = 0.0, applicantVND = 0.0, pocket = 0.0, agencyHours = 0.0, agencyVND = 0.0
        let loads = Dictionary(uniqueKeysWithValues: self.loads.map { ($0.actor, $0) })
        for (i, node) in p.flow.nodes.enumerated() {
            guard let step = node.step else { continue }
            let v = flow.visits[i]
            byKind[step.kind.rawValue, default: 0] += v
            let actor = p.actors[step.actor]
            let isApplicant = actor?.kind == .applicant
            if step.kind == .travel && isApplicant { visits += v }
            for h in step.handoffs {
                guard let to = p.actors[h.to], to.agency != actor?.agency else { continue }
                handoffs += v
                if h.medium == .paper { paperHandoffs += v }
            }
            // The dossier is what applicants hand in: working papers passed between agencies are not.
            for r in step.requires where p.documents[r.document]?.kind != .internal {
                requirements += 1
                documents.insert(r.document)
                // Conditional and alternative requirements count for the share of cases that hand them in.
                let n = Double(r.copies * r.sets) * p.caseShare(of: r)
                if r.isPaper && r.form != .present {
                    paperRequirements += 1
                    pages += handedInPages(of: r, at: i)
                } else if r.form == .present {
                    paperRequirements += 1
                }
                if r.legalisation != nil { legalisations += v * p.caseShare(of: r) }
                if r.translation != nil { translations += v * p.caseShare(of: r) }
                if r.form == .copy { copies += v * n }
                if r.form == .certifiedCopy { certified += v * n; copies += v * n }
            }
            let w = time.workDays(step), d = time.delayDays(step)
            let q = (loads[step.actor]?.meanWaitDays).map { $0.isFinite ? $0 : 0 } ?? 0
            let c = loads[step.actor]?.cadenceWaitDays ?? 0
            queue += v * (q + c)
            // The model's one definition of what each part of a step's time counts as.
            let categories = p.timeCategories(of: step)
            for (category, days) in [(categories.work, v * w), (categories.delay, v * d)] {
                switch category {
                case .work: work += days
                case .transfer: transfer += days
                case .wait: wait += days
                }
            }
            let cost = p.timeCost(of: step, hours: v * time.workHours(step))
            applicantHours += cost.applicantHours
            applicantVND += cost.applicantVND
            agencyHours += cost.agencyHours
            agencyVND += cost.agencyVND
        }
        pocket = outOfPocketPerCase
        let ladder = work + transfer + queue + wait
        let paths = pathDays
        let cost = ProcedureMetrics.Cost(applicantHours: applicantHours, applicantTimeVND: applicantVND,
                                         applicantOutOfPocketVND: pocket, agencyHours: agencyHours, agencyVND: agencyVND,
                                         perYearVND: (applicantVND + pocket) * p.volume.perYear,
                                         volume: p.volume.perYear)
        var metrics = ProcedureMetrics(
            stepsByKind: byKind, steps: p.flow.steps.count, applicantVisits: visits, agencyHandoffs: handoffs,
            paperHandoffs: paperHandoffs, documentsRequired: documents.count, requirements: requirements,
            copies: copies, certifiedCopies: certified, pages: pages,
            paperShare: requirements > 0 ? Double(paperRequirements) / Double(requirements) : 0,
            leadTime: .init(expectedDays: expectedLeadTimeDays, shortestPathDays: paths.shortest,
                            longestPathDays: paths.longest, workDays: work, transferDays: transfer, queueDays: queue,
                            waitDays: wait, processCycleEfficiency: ladder > 0 ? work / ladder : 0,
                            deadlineDays: p.deadline?.workingDays),
            cost: cost, actors: self.loads, paths: likelyPaths(limit: 5))
        metrics.legalisations = legalisations
        if p.deadline?.calendarDays == true { metrics.leadTime.deadlineInCalendarDays = true }
        metrics.translations = translations
        return metrics
    }
}

extension ProcedureAnalysis {
    /// Out-of-pocket cost per case, channel by channel (weighted by the channels' shares): the payments of
    /// the steps a case of that channel goes through, plus the channel's `<fee>`s unless a payment on its
    /// path already pays them. A payment pays the channel's fees when it cites one of their provisions
    /// (`legal`) or its amount is their total. Without channels, the step payments.
    public var outOfPocketPerCase: Double {
        let runs = channelRuns
        let weights = paymentWeights(runs)
        let payments = procedure.flow.nodes.indices.reduce(0) { $0 + weights[$1] * (procedure.flow.nodes[$1].step?.payment?.amount ?? 0) }
        return payments + unpaidChannelFees(runs).reduce(0) { $0 + $1.channel.share * $1.due }
    }
}

extension Procedure {
    /// Who bears `hours` of a step's work: the step's actor and every second actor (`with`) each spend
    /// them; the applicant's are compliance cost, the state's actors' are the agencies' cost, and third
    /// parties, the post and online systems are paid through fees instead.
    package func timeCost(of step: Step, hours: Double) -> Saving {
        var s = Saving()
        for id in [step.actor] + step.coActors {
            let actor = actors[id]
            if actor?.kind == .applicant {
                s.applicantHours += hours
                s.applicantVND += hours * (actor?.tariff ?? 0)
            } else if actor?.kind != .thirdParty && actor?.kind != .postalService && actor?.kind != .onlineSystem {
                s.agencyHours += hours
                s.agencyVND += hours * (actor?.tariff ?? 0)
            }
        }
        return s
    }
}
