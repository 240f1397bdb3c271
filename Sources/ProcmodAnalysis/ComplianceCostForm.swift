public import ProcmodModel

/// Compliance cost laid out as Circular 02/2017/TT-VPCP Art. 27 computes it (docs/analysis.md,
/// "The cost form"): one row per activity of the applicant, each with its time, the cost of that time
/// at the applicant's income per hour, the fees and charges (phí, lệ phí) and the other prescribed costs
/// (copies, certification, travel, post, hired services); the cost per case is their sum, and the cost
/// per year is × the frequency per subject × the subjects per year.
public struct ComplianceCostForm: Sendable, Encodable, Hashable {
    /// One activity: a step the applicant does or takes part in, or pays for, or a channel's fees.
    public struct Activity: Sendable, Encodable, Hashable {
        /// The step id, or `fees:<channel>` for a channel's fees no step pays.
        public var id: String
        public var name: LocalizedName
        /// Expected times per case (loops and branches included).
        public var timesPerCase: Double
        /// The applicant's hours per case.
        public var hours: Double
        /// hours × income per hour (VND).
        public var timeCostVND: Double
        /// Fees and charges (phí, lệ phí) per case (VND).
        public var feesVND: Double
        /// Other prescribed costs per case: copies, certification charges paid to others, post, services (VND).
        public var otherVND: Double
        /// The activity's cost per case (VND).
        public var perCaseVND: Double { timeCostVND + feesVND + otherVND }

        enum Keys: String, CodingKey { case id, name, timesPerCase, hours, timeCostVND, feesVND, otherVND, perCaseVND }

        /// The stored figures and the cost per case.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(timesPerCase, forKey: .timesPerCase)
            try c.encode(hours, forKey: .hours); try c.encode(timeCostVND, forKey: .timeCostVND); try c.encode(feesVND, forKey: .feesVND)
            try c.encode(otherVND, forKey: .otherVND); try c.encode(perCaseVND, forKey: .perCaseVND)
        }
    }

    public var code: String
    public var name: LocalizedName
    /// The applicant's income per hour (VND) and where the model says it comes from.
    public var incomePerHourVND: Double
    public var incomeSources: [String]
    public var activities: [Activity]
    /// Times a subject does the procedure in a year (f); the model's volume counts cases, so 1.
    public var frequencyPerYear: Double
    /// Subjects a year (N): the model's volume.
    public var subjectsPerYear: Double

    public var hours: Double { activities.reduce(0) { $0 + $1.hours } }
    public var timeCostVND: Double { activities.reduce(0) { $0 + $1.timeCostVND } }
    public var feesVND: Double { activities.reduce(0) { $0 + $1.feesVND } }
    public var otherVND: Double { activities.reduce(0) { $0 + $1.otherVND } }
    /// C_case = Σ activities (time cost) + fees and charges + other prescribed costs.
    public var perCaseVND: Double { activities.reduce(0) { $0 + $1.perCaseVND } }
    /// C_year = C_case × f × N.
    public var perYearVND: Double { perCaseVND * frequencyPerYear * subjectsPerYear }
    /// One activity's cost per year.
    public func perYearVND(of activity: Activity) -> Double { activity.perCaseVND * frequencyPerYear * subjectsPerYear }

    enum Keys: String, CodingKey {
        case code, name, incomePerHourVND, incomeSources, activities, frequencyPerYear, subjectsPerYear
        case hours, timeCostVND, feesVND, otherVND, perCaseVND, perYearVND
    }

    /// The stored figures and the totals (hours, the three cost columns, per case and per year).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code); try c.encode(name, forKey: .name)
        try c.encode(incomePerHourVND, forKey: .incomePerHourVND); try c.encode(incomeSources, forKey: .incomeSources)
        try c.encode(activities, forKey: .activities); try c.encode(frequencyPerYear, forKey: .frequencyPerYear)
        try c.encode(subjectsPerYear, forKey: .subjectsPerYear); try c.encode(hours, forKey: .hours)
        try c.encode(timeCostVND, forKey: .timeCostVND); try c.encode(feesVND, forKey: .feesVND)
        try c.encode(otherVND, forKey: .otherVND); try c.encode(perCaseVND, forKey: .perCaseVND)
        try c.encode(perYearVND, forKey: .perYearVND)
    }
}

/// A simplification plan's benefit for one procedure, as the Government's plans report it (phương án
/// đơn giản hóa: cost before and after per year, the saving and the cut; time likewise).
public struct SimplificationBenefit: Sendable, Encodable, Hashable {
    public var costBeforePerYearVND: Double
    public var costAfterPerYearVND: Double
    public var savingPerYearVND: Double { costBeforePerYearVND - costAfterPerYearVND }
    /// saving ÷ cost before (0.3 = a 30% cut); nil when the cost before is 0.
    public var costCut: Double? { costBeforePerYearVND > 0 ? savingPerYearVND / costBeforePerYearVND : nil }
    /// Expected lead time before and after, working days (analytic).
    public var daysBefore: Double
    public var daysAfter: Double
    public var timeCut: Double? { daysBefore > 0 ? (daysBefore - daysAfter) / daysBefore : nil }

    public init(before: ComplianceCostForm, after: ComplianceCostForm, daysBefore: Double, daysAfter: Double) {
        costBeforePerYearVND = before.perYearVND
        costAfterPerYearVND = after.perYearVND
        self.daysBefore = daysBefore
        self.daysAfter = daysAfter
    }

    enum Keys: String, CodingKey {
        case costBeforePerYearVND, costAfterPerYearVND, savingPerYearVND, costCut, daysBefore, daysAfter, timeCut
    }

    /// The figures and the saving and cuts derived from them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(costBeforePerYearVND, forKey: .costBeforePerYearVND); try c.encode(costAfterPerYearVND, forKey: .costAfterPerYearVND)
        try c.encode(savingPerYearVND, forKey: .savingPerYearVND); try c.encodeIfPresent(costCut, forKey: .costCut)
        try c.encode(daysBefore, forKey: .daysBefore); try c.encode(daysAfter, forKey: .daysAfter)
        try c.encodeIfPresent(timeCut, forKey: .timeCut)
    }

    /// The Government's targets (Resolution 66/NQ-CP of 2025): −30% of time and cost in 2025 and −50% in
    /// 2026, against 2024.
    public static let targets: [(year: Int, cut: Double)] = [(2025, 0.3), (2026, 0.5)]
}

extension ProcedureAnalysis {
    /// The compliance cost form of this procedure. Its cost per case equals ``ProcedureMetrics/Cost/perCaseVND``.
    public var costForm: ComplianceCostForm {
        let p = procedure
        let runs = channelRuns
        let weights = paymentWeights(runs)
        let applicant = p.actors.values.first { $0.kind == .applicant }
        var rows: [ComplianceCostForm.Activity] = []
        for i in stepNodes {
            let step = step(i)
            let cost = p.timeCost(of: step, hours: flow.visits[i] * time.workHours(step))
            let paid = (step.payment?.amount ?? 0) * weights[i]
            guard cost.applicantHours > 0 || paid > 0 else { continue }
            let isFee = step.payment.map { Self.isFeeOrCharge($0, of: step) } ?? false
            rows.append(.init(id: step.id, name: step.name, timesPerCase: flow.visits[i], hours: cost.applicantHours,
                              timeCostVND: cost.applicantVND, feesVND: isFee ? paid : 0, otherVND: isFee ? 0 : paid))
        }
        for (channel, due) in unpaidChannelFees(runs) where due > 0 {
            rows.append(.init(id: "fees:\(channel.id)", name: LocalizedName(vi: "Phí, lệ phí (\(channel.id))", en: "Fees and charges (\(channel.id))"),
                              timesPerCase: channel.share, hours: 0, timeCostVND: 0, feesVND: channel.share * due, otherVND: 0))
        }
        let sources = applicant?.provenance.sources.map { id in p.sources[id].map { "\($0.id): \($0.title)" } ?? id } ?? []
        return ComplianceCostForm(code: p.code, name: p.name, incomePerHourVND: applicant?.tariff ?? 0,
                                  incomeSources: sources + ((applicant?.provenance.assumed ?? false) ? ["assumed"] : []),
                                  activities: rows, frequencyPerYear: 1, subjectsPerYear: p.volume.perYear)
    }

    /// A payment is a fee or charge (phí, lệ phí) when it cites a provision, its purpose names a fee
    /// ("phí", "fee", "charge"), or it pays for a certification; otherwise it is another prescribed cost.
    static func isFeeOrCharge(_ payment: Payment, of step: Step) -> Bool {
        let purpose = (payment.purpose ?? "").lowercased()
        return !payment.legal.isEmpty || step.kind == .certify
            || ["phí", "fee", "charge"].contains { purpose.contains($0) }
    }

    /// Each channel cases take, with the runs per node of a case of that channel alone: solved once per
    /// channel and shared by the payment weights and the channel fees.
    var channelRuns: [(channel: Channel, visits: [Double])] {
        procedure.channels.values.filter { $0.share > 0 }.map { ($0, channelVisits($0.id)) }
    }

    /// How often a case pays each step's payment: its executions weighted channel by channel (the same
    /// weighting as ``outOfPocketPerCase``).
    func paymentWeights(_ runs: [(channel: Channel, visits: [Double])]) -> [Double] {
        guard !procedure.channels.isEmpty else { return flow.visits }
        var weights = Array(repeating: 0.0, count: procedure.flow.nodes.count)
        for (channel, visits) in runs {
            for (i, v) in visits.enumerated() { weights[i] += channel.share * v }
        }
        return weights
    }

    /// Executions per node for a case of one channel alone.
    func channelVisits(_ id: String) -> [Double] {
        var only = procedure
        for other in only.channels.keys { only.channels[other]?.share = other == id ? 1 : 0 }
        return FlowAnalysis(only).visits
    }

    /// Each channel with a share, with the total of its `<fee>`s that no payment on its path pays (a payment
    /// pays them when it cites one of their provisions or equals their total).
    func unpaidChannelFees(_ runs: [(channel: Channel, visits: [Double])]) -> [(channel: Channel, due: Double)] {
        let p = procedure
        return runs.map { channel, visits in
            let fees = channel.fees.reduce(0) { $0 + $1.amount }
            let provisions = Set(channel.fees.flatMap(\.legal))
            let paid = p.flow.nodes.indices.contains { i in
                guard visits[i] > 0, let payment = p.flow.nodes[i].step?.payment else { return false }
                return !provisions.isDisjoint(with: payment.legal) || (fees > 0 && abs(payment.amount - fees) < 0.5)
            }
            return (channel, paid ? 0 : fees)
        }
    }
}
