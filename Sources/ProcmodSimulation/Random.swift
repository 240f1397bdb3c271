#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import ProcmodModel

/// SplitMix64: seeds the main generator and derives independent streams from one master seed.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman and Vigna): fast, 256-bit state, a value type with no allocation.
public struct Xoshiro256: Sendable, BitwiseCopyable {
    private var s0, s1, s2, s3: UInt64

    /// The generator for stream `stream` of a master seed: replication r uses stream r.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mix = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mix.next(); s1 = mix.next(); s2 = mix.next(); s3 = mix.next()
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform on (0, 1): never exactly 0, so logarithms are safe.
    @inline(__always)
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    @inline(__always)
    public mutating func exponential(mean: Double) -> Double { -mean * log(uniform()) }

    public mutating func standardNormal() -> Double {
        // Box–Muller; one of the pair is discarded to keep the generator state a plain value.
        sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform())
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang.
    public mutating func gamma(shape: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / sqrt(9 * d)
        while true {
            var x = 0.0, v = 0.0
            repeat { x = standardNormal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A draw from a DSL distribution.
    public mutating func sample(_ d: Distribution) -> Double {
        if case .empirical(_, let weights) = d, case .empirical(let values, _) = d {
            var total = 0.0
            return sample(Sampler(d, table: 0), tables: [(values, weights.map { total += $0; return total })])
        }
        return sample(Sampler(d, table: -1), tables: [])
    }
}

/// A distribution as plain numbers, so a step can be copied in the event loop without reference
/// counting. Empirical tables live in the compiled model, indexed by `table`.
struct Sampler: Sendable {
    enum Kind: UInt8, Sendable { case fixed, uniform, triangular, normal, lognormal, exponential, gamma, erlang, empirical }
    var kind: Kind
    var a = 0.0, b = 0.0, c = 0.0, d = 0.0
    var table = -1

    init(_ distribution: Distribution, table: Int) {
        switch distribution {
        case .fixed(let v): kind = .fixed; a = v
        case .uniform(let lo, let hi): kind = .uniform; a = lo; b = hi
        case .triangular(let lo, let mode, let hi): kind = .triangular; a = lo; b = mode; c = hi
        case .normal(let mu, let sd, let lo, let hi): kind = .normal; a = mu; b = sd; c = lo; d = hi ?? .infinity
        case .lognormal(let m, let sd):
            kind = .lognormal
            let sigma2 = log(1 + sd * sd / (m * m))
            a = log(m) - sigma2 / 2; b = sqrt(sigma2)
        case .exponential(let m): kind = .exponential; a = m
        case .gamma(let k, let theta): kind = .gamma; a = k; b = theta
        case .erlang(let k, let m): kind = .erlang; a = Double(k); b = m / Double(k)
        case .empirical: kind = .empirical; self.table = table
        }
    }
}

extension Xoshiro256 {
    /// A draw from a compiled sampler.
    @inline(__always)
    mutating func sample(_ s: Sampler, tables: [(values: [Double], cumulative: [Double])]) -> Double {
        switch s.kind {
        case .fixed: return s.a
        case .exponential: return exponential(mean: s.a)
        case .uniform: return s.a + (s.b - s.a) * uniform()
        case .triangular:
            let lo = s.a, mode = s.b, hi = s.c
            guard hi > lo else { return lo }
            let u = uniform(), f = (mode - lo) / (hi - lo)
            return u < f ? lo + sqrt(u * (hi - lo) * (mode - lo)) : hi - sqrt((1 - u) * (hi - lo) * (hi - mode))
        case .normal:
            for _ in 0..<1000 {
                let x = s.a + s.b * standardNormal()
                if x >= s.c && x <= s.d { return x }
            }
            return Swift.max(s.c, Swift.min(s.a, s.d))
        case .lognormal: return exp(s.a + s.b * standardNormal())
        case .gamma, .erlang: return gamma(shape: s.a) * s.b
        case .empirical:
            let t = tables[s.table]
            let u = uniform() * (t.cumulative.last ?? 0)
            var i = 0
            while i < t.cumulative.count - 1 && u >= t.cumulative[i] { i += 1 }
            return t.values.isEmpty ? 0 : t.values[i]
        }
    }
}
