/// An event: ordered by (time, priority, sequence), so ties never depend on the queue's internals. The time
/// is kept as an order-preserving integer (its IEEE bits with the sign folded, so integer order is the
/// numbers' order), and the priority is the kind's raw value in the top three bits of `key` above the
/// sequence number: the whole order is one 128-bit integer comparison, which compiles without branches
/// (the heap's comparisons of random times are the loop's worst-predicted branches). 32 bytes: when the
/// step was enabled, which only the event log needs, is kept beside the heap (``Engine/enabledAt``).
struct Event {
    /// The time's order-preserving bits (see ``orderBits(_:)``).
    var timeBits: UInt64
    /// Kind (priority) << 61 | sequence.
    var key: UInt64
    var slot: Int32
    var node: Int32
    /// For service events: when the step's work began.
    var started: Double

    enum Kind: UInt8 { case serviceDone, delayDone, outageEnd, outageStart, cadenceTick, arrival }

    init(time: Double, kind: Kind, sequence: UInt64, slot: Int32, node: Int32, started: Double) {
        timeBits = Self.orderBits(time)
        key = UInt64(kind.rawValue) << 61 | sequence
        self.slot = slot
        self.node = node
        self.started = started
    }

    var time: Double {
        // The inverse of `orderBits`: a set top bit marks a non-negative time.
        Double(bitPattern: timeBits ^ (((timeBits >> 63) &- 1) | 1 << 63))
    }

    var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: key >> 61)) ?? .arrival }

    /// The order in which it was scheduled.
    var sequence: UInt64 { key & (1 << 61 - 1) }

    /// `t`'s bits mapped so that unsigned order is numeric order: a non-negative number gets its top bit
    /// set, a negative one has all its bits flipped. -0 is taken as +0 first, so equal times get equal
    /// bits (times are never NaN: the clock guard refuses them).
    @inline(__always)
    static func orderBits(_ t: Double) -> UInt64 {
        let bits = (t + 0.0).bitPattern
        return bits ^ (UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 1 << 63)
    }

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        (UInt128(a.timeBits) << 64 | UInt128(a.key)) < (UInt128(b.timeBits) << 64 | UInt128(b.key))
    }
}

/// The future event list: a 4-ary min-heap in one plain buffer (half the levels of a binary heap, and the
/// smallest of four children found without branches), sifted by moving a hole rather than swapping (one
/// store per level). (time, key) is a total order, so the events come out in one order whatever the heap's
/// shape. Its owner (the engine) frees it with ``deallocate()``.
struct EventQueue {
    private var items = RawBuffer<Event>(capacity: 1024)

    @inline(__always)
    mutating func insert(_ event: Event) {
        items.append(event)
        let h = items.base
        var hole = items.count - 1
        while hole > 0 {
            let parent = (hole - 1) >> 2
            guard Event.precedes(event, h[parent]) else { break }
            h[hole] = h[parent]
            hole = parent
        }
        h[hole] = event
    }

    @inline(__always)
    mutating func popMin() -> Event? {
        guard let last = items.popLast() else { return nil }
        let n = items.count
        guard n > 0 else { return last }
        let h = items.base
        let first = h[0]
        var hole = 0
        while true {
            let child = 4 * hole + 1
            guard child < n else { break }
            var smallest = child
            if child + 3 < n {
                // All four children: pairwise, then the winners (selects, not branches).
                let a = Event.precedes(h[child + 1], h[child]) ? child + 1 : child
                let b = Event.precedes(h[child + 3], h[child + 2]) ? child + 3 : child + 2
                smallest = Event.precedes(h[b], h[a]) ? b : a
            } else {
                var c = child + 1
                while c < n {
                    if Event.precedes(h[c], h[smallest]) { smallest = c }
                    c += 1
                }
            }
            guard Event.precedes(h[smallest], last) else { break }
            h[hole] = h[smallest]
            hole = smallest
        }
        h[hole] = last
        return first
    }

    func deallocate() { items.deallocate() }
}
