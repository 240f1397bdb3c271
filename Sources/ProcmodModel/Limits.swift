/// The hard bounds procmod puts on the values a DSL file may hold.
///
/// Each bound is far beyond any real administrative procedure, and close enough that every figure
/// computed from values within it stays finite and every algorithm ends in bounded time: the
/// simulator's clock, the working-day arithmetic, the queueing formulas and the integer fields of the
/// model. A value outside its bound is a located `[limit]` error, never a silent default or a trap.
/// docs/dsl.md ("Limits") lists them with the reason for each.
public enum Limits {
    /// The longest duration any distribution parameter may describe: 10 years.
    public static let maximumDurationDays = 3_650.0

    /// The longest duration, in each unit a duration may be written in.
    public static func maximumDuration(in unit: TimeUnit) -> Double {
        switch unit {
        case .minutes: maximumDurationDays * 1_440
        case .hours: maximumDurationDays * 24
        case .workingDays, .calendarDays: maximumDurationDays
        }
    }

    /// How long after the latest arrival an event may fall before the replication is stopped as a
    /// runaway (cases queueing faster than they are served): 200 years, in minutes.
    public static let maximumSimulatedMinutes = 200.0 * 365.25 * 1_440

    /// The simulated clock past which no replication runs, whatever the arrivals: a million years, in
    /// minutes (the day arithmetic stays exact far beyond it).
    public static let absoluteClockMinutes = 1_000_000.0 * 365.25 * 1_440

    /// Steps one case may take before the simulator stops it as a runaway loop.
    public static let maximumStepsPerCase = 10_000

    /// The largest horizon or warm-up a simulation may be asked for, in calendar days (100 years).
    public static let maximumHorizonDays = 36_525.0

    /// The years a date may lie in (holidays, arrivals, validity): the working calendars are
    /// expanded day by day within them.
    public static let years = 1900...2200

    /// The longest holiday range, in days (a range is a holiday period, not a calendar).
    public static let maximumHolidayRangeDays = 366

    /// The most holidays one calendar may list.
    public static let maximumHolidaysPerCalendar = 2_000

    /// Bounds on numeric attributes, keyed by `element@attribute` (the element's local name).
    public static let attributes: [String: ClosedRange<Double>] = [
        "deadline@working-days": 0...1_000,
        "part@working-days": 0...1_000,
        "part@days": 0...3_650,
        "deadline@days": 0...3_650,
        "branch@deadline-days": 0...3_650,
        "volume@per-year": 0...1_000_000_000,
        "volume@sites": 1...1_000_000,
        "fee@amount": 0...1e15,
        "payment@amount": 0...1e15,
        "actor@tariff": 0...1e9,
        "actor@batch-size": 1...10_000,
        "actor@capacity": 1...100_000,
        "availability@mtbf-hours": 0.01...876_000,
        "availability@mttr-hours": 0...87_600,
        "branch@max": 1...100,
        "branch@deadline-working-days": 0...1_000,
        "requires@copies": 0...1_000,
        "requires@sets": 0...1_000,
        "produces@copies": 0...1_000,
        "document@pages": 0...100_000,
        "erlang@k": 1...1_000,
        "gamma@shape": 0.001...1_000_000,
        "month@weight": 0...1_000_000,
        "weekday@weight": 0...1_000_000,
        "hour@weight": 0...1_000_000,
        "point@weight": 0...1e12,
        // Scenario levers.
        "online-submission@minutes": 0...5_256_000,
        "electronic-transfer@minutes": 0...5_256_000,
        "postal-delivery@days": 0...3_650,
        "postal-delivery@fee": 0...1e15,
        "capacity@servers": 1...100_000,
        // Catalogues: one site's cases a year, sites, shared resources.
        "procedure@per-year": 0...10_000_000,
        "catalogue@sites": 1...1_000_000,
        "resource@capacity": 1...100_000,
        "resource@batch-size": 1...10_000,
        // Invariants.
        "max-visits@value": 0...1_000_000,
        "max-handoffs@value": 0...1_000_000,
        "max-cost-per-case@vnd": 0...1e15,
        "lead-time@max-working-days": 0...1_000_000,
    ]

    /// The bound on `attribute` of `element`, if it has one.
    public static func bound(element: String, attribute: String) -> ClosedRange<Double>? {
        bound(attribute: attribute, element: { element })
    }

    /// The same, with the element's name worked out only when the attribute has a bound somewhere. The
    /// loader asks once per number it reads, mostly for attributes without a bound: those are told apart
    /// by their length and bytes, without hashing.
    public static func bound(attribute: String, element: () -> String) -> ClosedRange<Double>? {
        var name = attribute
        let entry: Int? = name.withUTF8 { wanted in
            let key = packedKey(wanted)
            return boundedKeys.withUnsafeBufferPointer { keys in
                for i in keys.indices where keys[i] == key {
                    if wanted.count <= 7 || boundedAttributes[i].name.elementsEqual(wanted) { return i }
                }
                return nil
            }
        }
        guard let entry else { return nil }
        return boundedAttributes[entry].byElement[element()]
    }

    /// ``attributes`` by attribute, then element: a lookup builds no key string.
    private static let boundedAttributes: [(name: [UInt8], byElement: [String: ClosedRange<Double>])] = {
        var table: [String: [String: ClosedRange<Double>]] = [:]
        for (key, range) in attributes {
            let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
            table[parts[1], default: [:]][parts[0]] = range
        }
        return table.keys.sorted().map { (Array($0.utf8), table[$0] ?? [:]) }
    }()

    /// Each bounded attribute's length and first seven bytes in one word, in the order of
    /// `boundedAttributes`: a name of up to seven bytes is found by one comparison per entry.
    private static let boundedKeys: [UInt64] = boundedAttributes.map { entry in
        entry.name.withUnsafeBufferPointer { packedKey($0) }
    }

    private static func packedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(min(bytes.count, 255)) << 56
        for i in 0..<min(bytes.count, 7) { key |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        return key
    }
}
