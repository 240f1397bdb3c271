/// An event: ordered by (time, priority, sequence), so ties never depend on the queue's internals. The
/// priority is the kind's raw value, kept in the top three bits of `key` above the sequence number, so one
/// integer comparison breaks a tie in time; 40 bytes.
struct Event {
    var time: Double
    /// Kind (priority) << 61 | sequence.
    var key: UInt64
    var slot: Int32
    var node: Int32
    /// For service and delay events: when the step began.
    var started: Double
    /// For service events: when the case asked for the actor (the step was enabled).
    var enabled: Double

    enum Kind: UInt8 { case serviceDone, delayDone, outageEnd, outageStart, cadenceTick, arrival }

    init(time: Double, kind: Kind, sequence: UInt64, slot: Int32, node: Int32, started: Double, enabled: Double) {
        self.time = time
        key = UInt64(kind.rawValue) << 61 | sequence
        self.slot = slot
        self.node = node
        self.started = started
        self.enabled = enabled
    }

    var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: key >> 61)) ?? .arrival }

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool { a.time < b.time || (a.time == b.time && a.key < b.key) }
}

/// The future event list: a binary min-heap in one plain buffer, sifted by moving a hole rather than
/// swapping (one store per level). (time, key) is a total order, so the events come out in one order
/// whatever the heap's shape. Its owner (the engine) frees it with ``deallocate()``.
struct EventQueue {
    private var items = RawBuffer<Event>(capacity: 1024)

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    @inline(__always)
    mutating func insert(_ event: Event) {
        items.append(event)
        let h = items.base
        var hole = items.count - 1
        while hole > 0 {
            let parent = (hole - 1) >> 1
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
            var child = 2 * hole + 1
            guard child < n else { break }
            if child + 1 < n && Event.precedes(h[child + 1], h[child]) { child += 1 }
            guard Event.precedes(h[child], last) else { break }
            h[hole] = h[child]
            hole = child
        }
        h[hole] = last
        return first
    }

    func deallocate() { items.deallocate() }
}
