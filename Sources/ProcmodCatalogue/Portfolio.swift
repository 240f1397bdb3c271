public import ProcmodModel
public import ProcmodSimulation

/// A figure before and after (after equals before when no scenario is applied).
public struct PortfolioPair: Sendable, Codable, Hashable {
    public var before: Double
    public var after: Double
    public var saving: Double { before - after }
    /// The cut as a share of before (0.3 for −30%); nil when before is 0.
    public var cut: Double? { before != 0 ? 1 - after / before : nil }

    public init(_ before: Double, _ after: Double) {
        self.before = before
        self.after = after
    }
}

/// A simulated figure before and after, with the paired difference (after − before) per replication.
public struct PortfolioEstimate: Sendable, Codable, Hashable {
    public var before: Estimate
    public var after: Estimate
    public var difference: Estimate
    /// True when the difference's 95% interval excludes 0.
    public var significant: Bool {
        difference.halfWidth > 0 ? (difference.low > 0 || difference.high < 0) : difference.mean != 0
    }

    init(_ before: [Double], _ after: [Double]) {
        self.before = Estimate(before)
        self.after = Estimate(after)
        difference = Estimate(zip(before, after).map { $1 - $0 })
    }
}

/// One procedure of the portfolio.
public struct PortfolioRow: Sendable, Codable, Hashable {
    public var code: String
    public var name: LocalizedName
    public var file: String
    /// Cases a year at one site, and over all the catalogue's sites.
    public var perSitePerYear: Double
    public var casesPerYear: Double
    /// Compliance cost (Circular 02/2017 Art. 27: applicant time + fees + other costs), đồng.
    public var costPerCase: PortfolioPair
    public var costPerYear: PortfolioPair
    public var applicantHoursPerCase: PortfolioPair
    public var applicantHoursPerYear: PortfolioPair
    public var visitsPerCase: PortfolioPair
    public var visitsPerYear: PortfolioPair
    public var pagesPerCase: PortfolioPair
    public var pagesPerYear: PortfolioPair
    /// The analyzer's expected lead time, working days (the procedure alone).
    public var leadTimeDays: PortfolioPair
    /// The statutory deadline, working days (nil: none).
    public var deadlineDays: PortfolioPair?
    /// Simulated on the shared site: lead time in working days, and the share of cases on time by the
    /// statutory clock (nil without simulation, or without a deadline).
    public var simulatedLeadTime: PortfolioEstimate?
    public var onTimeShare: PortfolioEstimate?
    public var levers: AppliedLevers
}

/// A shared resource of the site, simulated.
public struct PortfolioResource: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedName
    public var servers: PortfolioPair?
    /// Busy share of open time (joint simulation).
    public var utilisation: PortfolioEstimate
    /// Mean minutes a case waits for it, and the mean queue length.
    public var meanWaitMinutes: PortfolioEstimate
    public var meanQueueLength: PortfolioEstimate
    /// Procedures that use it, by code.
    public var procedures: [String]
}

/// A cut measured against its target.
public struct PortfolioTarget: Sendable, Codable, Hashable {
    /// `cost` or `time`.
    public var kind: String
    /// The target cut (0.3 for 30%).
    public var target: Double
    /// The cut the scenario gives.
    public var achieved: Double
    public var met: Bool { achieved >= target - 1e-12 }
    /// How many of the ranked procedures, taken in order, reach the target by themselves (nil: all of
    /// them do not).
    public var proceduresNeeded: Int?
}

/// The catalogue's totals.
public struct PortfolioTotals: Sendable, Codable, Hashable {
    public var casesPerYear: Double
    public var costPerYear: PortfolioPair
    public var applicantHoursPerYear: PortfolioPair
    public var visitsPerYear: PortfolioPair
    public var pagesPerYear: PortfolioPair
    /// Volume-weighted mean of the analyzer's lead times, working days.
    public var leadTimeDays: PortfolioPair
    /// Over all simulated cases of the site: mean lead time (working days) and on-time share.
    public var simulatedLeadTime: PortfolioEstimate?
    public var onTimeShare: PortfolioEstimate?
}

/// The portfolio report of a catalogue: every procedure and the totals before and after, targets,
/// the procedures that carry the cut, and the shared resources (see docs/catalogue.md).
public struct Portfolio: Sendable, Codable, Hashable {
    public var catalogue: String
    public var name: LocalizedName
    public var level: AdministrativeLevel?
    public var sites: Double
    /// The catalogue-wide scenario's name, when one was applied.
    public var scenario: LocalizedName?
    public var replications: Int
    public var seed: UInt64
    public var horizonDays: Double?
    public var rows: [PortfolioRow]
    public var totals: PortfolioTotals
    public var targets: [PortfolioTarget]
    /// Codes of the procedures by yearly cost saving, largest first (the ranked list).
    public var ranking: [String]
    /// The first procedures of the ranking that carry 80% of the cost saving.
    public var carriers: [String]
    public var resources: [PortfolioResource]
    public var warnings: [String]
}
