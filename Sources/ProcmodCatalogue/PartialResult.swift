#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import ProcmodSimulation

/// What one shard of a catalogue run writes (`--shard I/N`): the replications it simulated, raw, and
/// what `procmod merge` needs to check that the shards belong together and to finish the run.
/// Figures are written with every digit (no rounding), so merged shards give exactly the bytes of a
/// single run.
public struct PartialResult: Sendable, Codable, Hashable {
    public var format = "procmod.partial/1"
    /// `simulate` or `report`.
    public var command: String
    /// The catalogue file and the catalogue-wide scenario file as given on the command line.
    public var catalogue: String
    public var scenario: String?
    /// A hash of the bytes of the catalogue, its procedures and scenarios, and the run's options: shards
    /// of different inputs are refused.
    public var fingerprint: String
    /// 1-based shard number and the number of shards.
    public var shard: Int
    public var shards: Int
    public var replications: Int
    public var seed: UInt64
    public var horizonDays: Double?
    public var warmupDays: Double
    public var startDate: String
    public var targetCost: Double?
    public var targetTime: Double?
    public var noSimulation: Bool
    public var runs: PortfolioRuns

    public init(command: String, catalogue: String, scenario: String?, fingerprint: String, shard: Int, shards: Int,
                options: SimulationOptions, targetCost: Double?, targetTime: Double?, noSimulation: Bool, runs: PortfolioRuns) {
        self.command = command
        self.catalogue = catalogue
        self.scenario = scenario
        self.fingerprint = fingerprint
        self.shard = shard
        self.shards = shards
        replications = options.replications
        seed = options.seed
        horizonDays = options.horizonDays
        warmupDays = options.warmupDays
        startDate = options.startDate.description
        self.targetCost = targetCost
        self.targetTime = targetTime
        self.noSimulation = noSimulation
        self.runs = runs
    }

    /// The replications shard `shard` of `shards` runs: every `shards`-th, starting at `shard - 1`.
    public static func indices(shard: Int, of shards: Int, replications: Int) -> [Int] {
        Array(stride(from: shard - 1, to: replications, by: shards))
    }

    /// The exact text of a partial result (every digit kept).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Combines the shards of one run into the complete runs, checking that they are the shards of the
    /// same inputs, each once, and that together they hold every replication.
    public static func merge(_ parts: [(path: String, partial: PartialResult)]) throws(MergeError) -> (PartialResult, PortfolioRuns) {
        guard let first = parts.first?.partial else { throw MergeError("no partial results to merge") }
        var seen: [Int: String] = [:]
        for (path, p) in parts {
            guard p.format == first.format else { throw MergeError("\(path): format \(p.format), expected \(first.format)") }
            guard p.fingerprint == first.fingerprint, p.command == first.command, p.shards == first.shards,
                  p.replications == first.replications, p.seed == first.seed else {
                throw MergeError("\(path) is a shard of another run (\(p.command) of \(p.catalogue), \(p.shards) shards, seed \(p.seed), "
                                 + "inputs \(p.fingerprint)) than \(parts[0].path) (\(first.command) of \(first.catalogue), \(first.shards) "
                                 + "shards, seed \(first.seed), inputs \(first.fingerprint))")
            }
            if let other = seen[p.shard] { throw MergeError("\(path) and \(other) are both shard \(p.shard)/\(p.shards)") }
            seen[p.shard] = path
        }
        let missing = (1...first.shards).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw MergeError("shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) "
                             + "missing: merge needs every shard of the run")
        }
        let before = parts.flatMap(\.partial.runs.before).sorted { $0.index < $1.index }
        let afterParts = parts.compactMap(\.partial.runs.after)
        let after = afterParts.isEmpty ? nil : afterParts.flatMap { $0 }.sorted { $0.index < $1.index }
        guard first.noSimulation || before.map(\.index) == Array(0..<first.replications) else {
            throw MergeError("the shards hold replications \(before.map(\.index)), not 0 to \(first.replications - 1) once each")
        }
        return (first, PortfolioRuns(before: before, after: after))
    }
}

/// Shards that cannot be merged, and why.
public struct MergeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// FNV-1a over byte strings, as hex: the fingerprint of a run's inputs.
public func fingerprint(_ parts: [[UInt8]]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
        for byte in part + [0] {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
