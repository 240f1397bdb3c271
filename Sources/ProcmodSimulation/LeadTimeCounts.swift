import Histogram

/// Lead times counted in the event loop: HdrHistogram's buckets at three significant digits (2,048
/// sub-buckets, unit 1), with the exact smallest non-zero and largest values, in one preallocated buffer.
/// Recording one is an index computation and an increment. ``histogram`` hands the counts to an
/// HdrHistogram, which gives the same percentiles as if every value had been recorded in it.
///
/// Copies share their counts (the engine keeps one per figure and source).
struct LeadTimeCounts {
    /// log2 of half the sub-bucket count (1,024), as HdrHistogram's `subBucketHalfCountMagnitude`.
    private static let halfMagnitude = 10
    private static let halfCount = 1 << halfMagnitude
    /// `64 - unitMagnitude - subBucketCountMagnitude`, as HdrHistogram's `leadingZeroCountBase`.
    private static let leadingZeroBase = 64 - 11
    private static let mask: UInt64 = 2047

    private var storage: Storage
    private var counts: UnsafeMutablePointer<UInt64>
    private var length: Int
    private(set) var total: UInt64 = 0
    private var maxValue: UInt64 = 0
    private var minNonZero: UInt64 = .max

    /// Counts sized for values up to `highest`; larger ones still fit, by growing.
    init(highest: UInt64) {
        length = Self.index(of: highest) + 1
        storage = Storage(length: length)
        counts = storage.pointer
    }

    @inline(__always)
    static func index(of value: UInt64) -> Int {
        let bucket = leadingZeroBase - (value | mask).leadingZeroBitCount
        let subBucket = Int(value >> UInt64(bucket))
        return ((bucket + 1) << halfMagnitude) + subBucket - halfCount
    }

    /// The lowest value of the bucket at `index` (HdrHistogram's `valueFromIndex`).
    static func value(at index: Int) -> UInt64 {
        var bucket = (index >> halfMagnitude) - 1
        var subBucket = (index & (halfCount - 1)) + halfCount
        if bucket < 0 { subBucket -= halfCount; bucket = 0 }
        return UInt64(subBucket) << UInt64(bucket)
    }

    @inline(__always)
    mutating func record(_ value: UInt64) {
        let i = Self.index(of: value)
        if i >= length { grow(to: i + 1) }
        counts[i] &+= 1
        total &+= 1
        if value > maxValue { maxValue = value }
        if value < minNonZero && value != 0 { minNonZero = value }
    }

    private mutating func grow(to newLength: Int) {
        let bigger = Storage(length: newLength)
        bigger.pointer.update(from: counts, count: length)
        storage = bigger
        counts = bigger.pointer
        length = newLength
    }

    /// An HdrHistogram holding the same counts, smallest and largest values as if each value had been
    /// recorded in it one by one: each bucket's count at its lowest value, except one count at the exact
    /// largest value and the rest of the smallest non-zero value's bucket at that value (a value in the
    /// same bucket counts in the same place).
    func histogram(highestTrackableValue: UInt64) -> Histogram<UInt64> {
        var h = Histogram<UInt64>(highestTrackableValue: highestTrackableValue, numberOfSignificantValueDigits: .three)
        h.autoResize = true
        guard total > 0 else { return h }
        let maxIndex = Self.index(of: maxValue)
        let minIndex = minNonZero == .max ? -1 : Self.index(of: minNonZero)
        for i in 0..<length where counts[i] > 0 {
            var n = counts[i]
            if i == maxIndex { h.record(maxValue); n -= 1 }
            if n > 0 { h.record(i == minIndex ? minNonZero : Self.value(at: i), count: n) }
        }
        return h
    }

    /// The counts' memory, freed when the last copy is gone.
    private final class Storage {
        let pointer: UnsafeMutablePointer<UInt64>

        init(length: Int) {
            pointer = .allocate(capacity: length)
            pointer.initialize(repeating: 0, count: length)
        }

        deinit { pointer.deallocate() }
    }
}
