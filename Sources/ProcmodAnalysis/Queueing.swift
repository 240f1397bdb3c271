#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closed-form M/M/c results (Erlang C). Assumptions: Poisson arrivals, exponential service, c
/// identical servers, FIFO, an infinite queue, steady state. Used as an analytic first estimate; the
/// simulator drops every one of these assumptions.
public enum ErlangC {
    /// Probability that an arriving case waits, for offered load `a = λ/μ` (in servers) and `c` servers;
    /// 1 when the queue is unstable (a ≥ c).
    public static func waitProbability(offeredLoad a: Double, servers c: Int) -> Double {
        guard c > 0 else { return 1 }
        guard a < Double(c) else { return 1 }
        guard a > 0 else { return 0 }
        // Erlang B by the stable recurrence, then C = B / (1 − ρ(1 − B)).
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        let rho = a / Double(c)
        return b / (1 - rho * (1 - b))
    }

    /// Mean wait in queue, in the unit of `meanService`; infinity when unstable.
    public static func meanWait(arrivalRate lambda: Double, meanService: Double, servers c: Int) -> Double {
        guard lambda > 0, meanService > 0 else { return 0 }
        let a = lambda * meanService
        guard a < Double(c) else { return .infinity }
        return waitProbability(offeredLoad: a, servers: c) * meanService / (Double(c) - a)
    }
}
