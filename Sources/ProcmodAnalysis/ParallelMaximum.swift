#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel

/// The expected time of a parallel block: the expected **maximum** of its branches, not the maximum of
/// their expectations (which is only a lower bound: three branches of 2, 3 and 4 exponential days take
/// 5.68 days on average, not 4). Each branch's total is approximated by a gamma distribution with the
/// branch's mean and variance (exact for one exponential step, and for sums of equal-rate ones), and
/// E[max] = ∫₀^∞ (1 − Π F_b(x)) dx is integrated numerically (docs/analysis.md, "Parallel blocks").
enum ParallelMaximum {
    /// A branch's total time: mean and variance (working days, days²).
    struct Branch {
        var mean: Double
        var variance: Double
    }

    /// E[max] of independent branches. Branches without variance are taken at their mean.
    static func expectedMaximum(_ branches: [Branch]) -> Double {
        let random = branches.filter { $0.variance > 1e-12 && $0.mean > 0 }
        let fixed = branches.filter { !($0.variance > 1e-12 && $0.mean > 0) }.map { max(0, $0.mean) }.max() ?? 0
        guard !random.isEmpty else { return fixed }
        if random.count == 1 && fixed == 0 { return random[0].mean }
        let shapes = random.map { $0.mean * $0.mean / $0.variance }
        let scales = random.map { $0.variance / $0.mean }
        // Far enough out that every branch is done with probability ~1.
        let upper = max(fixed, random.map { $0.mean + 14 * $0.variance.squareRoot() }.max() ?? 0) * 1.05 + 1e-9
        func survival(_ x: Double) -> Double {
            if x < fixed { return 1 }
            var all = 1.0
            for (k, theta) in zip(shapes, scales) { all *= regularizedGammaP(k, x / theta) }
            return 1 - all
        }
        // Composite Simpson's rule on 2,000 intervals (the integrand is smooth but for the step at `fixed`,
        // which is integrated exactly below it).
        let from = fixed, n = 2000
        let h = (upper - from) / Double(n)
        var sum = survival(from) + survival(upper)
        for i in 1..<n { sum += survival(from + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return from + sum * h / 3
    }

    /// The regularized lower incomplete gamma function P(a, x) (series below a + 1, continued fraction
    /// above; Numerical Recipes §6.2).
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        guard a > 0 else { return 1 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<1000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return min(1, sum * exp(logPrefix))
        }
        var b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1...1000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c
            if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, 1 - exp(logPrefix) * h)
    }
}

extension TimeModel {
    /// Variance of a step's elapsed working days (work and delay, independent), in days²: each
    /// distribution's variance scaled like its mean.
    public func daysVariance(_ step: Step) -> Double {
        var v = 0.0
        if let work = step.work, work.distribution.mean > 0 {
            let factor = workDays(step) / work.distribution.mean
            v += work.distribution.variance * factor * factor
        }
        if let delay = step.delay, delay.distribution.mean > 0 {
            let factor = delayDays(step) / delay.distribution.mean
            v += delay.distribution.variance * factor * factor
        }
        return v.isFinite ? v : 0
    }
}
