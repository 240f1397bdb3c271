#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mean across replications with its 95% confidence interval (Student t, n − 1 degrees of freedom).
public struct Estimate: Sendable, Codable, Hashable {
    public var mean: Double
    /// Half-width of the 95% confidence interval; 0 with one replication.
    public var halfWidth: Double
    public var replications: Int

    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    /// True when `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { value >= low && value <= high }

    public init(_ values: [Double]) {
        replications = values.count
        let m = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        mean = m
        guard values.count > 1 else { halfWidth = 0; return }
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
        halfWidth = studentT975(degreesOfFreedom: values.count - 1) * sqrt(variance / Double(values.count))
    }
}

/// The 0.975 quantile of Student's t: exact for 1–2 degrees of freedom, a Cornish–Fisher expansion
/// around the normal quantile beyond (error below 1e-4 from 3 degrees of freedom).
public func studentT975(degreesOfFreedom v: Int) -> Double {
    switch v {
    case ..<1: return .infinity
    case 1: return 12.706_204_736
    case 2: return 4.302_652_730
    default:
        let z = 1.959_963_985, n = Double(v)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92_160 * n * n * n * n)
    }
}
