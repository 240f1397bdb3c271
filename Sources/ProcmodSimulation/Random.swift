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
public struct Xoshiro256: Sendable {
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
        switch d {
        case .fixed(let v): return v
        case .uniform(let a, let b): return a + (b - a) * uniform()
        case .triangular(let a, let c, let b):
            guard b > a else { return a }
            let u = uniform(), f = (c - a) / (b - a)
            return u < f ? a + sqrt(u * (b - a) * (c - a)) : b - sqrt((1 - u) * (b - a) * (b - c))
        case .normal(let mu, let sd, let lo, let hi):
            for _ in 0..<1000 {
                let x = mu + sd * standardNormal()
                if x >= lo && x <= (hi ?? .infinity) { return x }
            }
            return Swift.max(lo, Swift.min(mu, hi ?? mu))
        case .lognormal(let m, let sd):
            let sigma2 = log(1 + sd * sd / (m * m)), mu = log(m) - sigma2 / 2
            return exp(mu + sqrt(sigma2) * standardNormal())
        case .exponential(let m): return exponential(mean: m)
        case .gamma(let k, let theta): return gamma(shape: k) * theta
        case .erlang(let k, let m): return gamma(shape: Double(k)) * m / Double(k)
        case .empirical(let values, let weights):
            let total = weights.reduce(0, +)
            var u = uniform() * total
            for (v, w) in zip(values, weights) {
                if u < w { return v }
                u -= w
            }
            return values.last ?? 0
        }
    }
}
