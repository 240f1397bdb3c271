/// The unit a duration is written in.
///
/// Working time (`minutes`, `hours`, `working-days`) advances only while the relevant calendar is open;
/// `calendar-days` advance around the clock (mail, field surveys, public posting).
public enum TimeUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case minutes
    case hours
    case workingDays = "working-days"
    case calendarDays = "calendar-days"
}

/// A probability distribution of a duration, in the unit of the enclosing ``TimedQuantity``.
public enum Distribution: Sendable, Hashable, Codable {
    /// Always `value`.
    case fixed(value: Double)
    /// Uniform on `[min, max]`.
    case uniform(min: Double, max: Double)
    /// Triangular with the given minimum, mode and maximum.
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal with `mean` and standard deviation `sd`, truncated to `[min, max]` (min defaults to 0).
    case normal(mean: Double, sd: Double, min: Double, max: Double?)
    /// Lognormal whose own mean and standard deviation (not those of its logarithm) are given.
    case lognormal(mean: Double, sd: Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Gamma with shape k and scale θ (mean kθ).
    case gamma(shape: Double, scale: Double)
    /// Erlang: the sum of `k` exponential phases, with overall mean `mean`.
    case erlang(k: Int, mean: Double)
    /// Draws one of the listed values with probability proportional to its weight.
    case empirical(values: [Double], weights: [Double])

    /// The distribution's name as written in the DSL.
    public var name: String {
        switch self {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .exponential: "exponential"
        case .gamma: "gamma"
        case .erlang: "erlang"
        case .empirical: "empirical"
        }
    }

    /// The expected value (for a truncated normal, the mean of the truncated distribution).
    public var mean: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .normal(let mu, let sd, let lo, let hi): return Self.truncatedNormalMean(mu, sd, lo, hi)
        case .lognormal(let m, _): return m
        case .exponential(let m): return m
        case .gamma(let k, let theta): return k * theta
        case .erlang(_, let m): return m
        case .empirical(let values, let weights):
            let total = weights.reduce(0, +)
            guard total > 0 else { return 0 }
            return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        }
    }

    /// The variance (for a truncated normal, that of the untruncated one: an upper bound).
    public var variance: Double {
        switch self {
        case .fixed: return 0
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .triangular(let a, let c, let b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .normal(_, let sd, _, _), .lognormal(_, let sd): return sd * sd
        case .exponential(let m): return m * m
        case .gamma(let k, let theta): return k * theta * theta
        case .erlang(let k, let m): return m * m / Double(k)
        case .empirical(let values, let weights):
            let total = weights.reduce(0, +)
            guard total > 0 else { return 0 }
            let m = mean
            return zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) } / total
        }
    }

    /// Every parameter written in the duration's unit (values, bounds, means, standard deviations, scales).
    public var parameters: [Double] {
        switch self {
        case .fixed(let v): [v]
        case .uniform(let a, let b): [a, b]
        case .triangular(let a, let c, let b): [a, c, b]
        case .normal(let mu, let sd, let lo, let hi): [mu, sd, lo] + (hi.map { [$0] } ?? [])
        case .lognormal(let m, let sd): [m, sd]
        case .exponential(let m): [m]
        case .gamma(let k, let theta): [k * theta, theta]
        case .erlang(_, let m): [m]
        case .empirical(let values, _): values
        }
    }

    /// The smallest value the distribution can take.
    public var minimum: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let a, _), .triangular(let a, _, _): return a
        case .normal(_, _, let lo, _): return lo
        case .lognormal, .exponential, .gamma, .erlang: return 0
        case .empirical(let values, _): return values.min() ?? 0
        }
    }

    private static func truncatedNormalMean(_ mu: Double, _ sd: Double, _ lo: Double, _ hi: Double?) -> Double {
        guard sd > 0 else { return mu }
        func phi(_ x: Double) -> Double { (1 / (2 * Double.pi).squareRoot()) * exp(-x * x / 2) }
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        let a = (lo - mu) / sd
        let b = hi.map { ($0 - mu) / sd }
        let z = (b.map(cdf) ?? 1) - cdf(a)
        guard z > 1e-12 else { return max(lo, min(mu, hi ?? mu)) }
        return mu + sd * (phi(a) - (b.map(phi) ?? 0)) / z
    }
}

/// A duration: a distribution and the unit it is written in.
public struct TimedQuantity: Sendable, Hashable, Codable {
    public var unit: TimeUnit
    public var distribution: Distribution
    public var provenance: Provenance
    public var location: SourceLocation

    public init(unit: TimeUnit, distribution: Distribution, provenance: Provenance = .init(),
                location: SourceLocation = .unknown) {
        self.unit = unit
        self.distribution = distribution
        self.provenance = provenance
        self.location = location
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
