/// The event loop's mutable state lives in plain buffers of plain values: a write through one is a store,
/// with no copy-on-write uniqueness check and no bounds check in release builds. Indices are checked in
/// debug builds (which the tests run) and in builds with `-D PROCMOD_CHECKED_BUFFERS` (which the fuzzer
/// uses: it runs in release mode, where a bad index would otherwise pass unnoticed). The ``Engine`` owns
/// every buffer and frees them in its `deinit`; nothing else holds one.

/// Stops on a broken index invariant where checks are on (see above); nothing in a plain release build.
@inline(__always)
func checkBufferIndex(_ valid: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    #if PROCMOD_CHECKED_BUFFERS
    precondition(valid(), message())
    #else
    assert(valid(), message())
    #endif
}

/// A growable buffer of plain values.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    init(_ values: [Element]) {
        self.init(capacity: values.count)
        for v in values { append(v) }
    }

    subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress {
            checkBufferIndex(i >= 0 && i < count, "RawBuffer index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            checkBufferIndex(i >= 0 && i < count, "RawBuffer index out of range")
            return base + i
        }
    }

    var indices: Range<Int> { 0..<count }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: 2 * capacity) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func append(repeating value: Element, count n: Int) {
        if count + n > capacity { grow(to: max(2 * capacity, count + n)) }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// Frees the storage: called once, by the owner, when it is done.
    func deallocate() { base.deallocate() }

    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// A first-in, first-out queue of waiting tokens in one ring buffer.
struct WaitQueue {
    private var base: UnsafeMutablePointer<Waiting>?
    private var head = 0
    private(set) var count = 0
    private var capacity = 0

    var isEmpty: Bool { count == 0 }

    /// The token at the head (the queue must not be empty).
    var first: Waiting {
        checkBufferIndex(count > 0, "WaitQueue is empty")
        return base.unsafelyUnwrapped[head]
    }

    @inline(__always)
    mutating func append(_ w: Waiting) {
        if count == capacity { grow() }
        var i = head + count
        if i >= capacity { i -= capacity }
        base.unsafelyUnwrapped[i] = w
        count += 1
    }

    @inline(__always)
    mutating func removeFirst() -> Waiting {
        checkBufferIndex(count > 0, "WaitQueue is empty")
        let w = base.unsafelyUnwrapped[head]
        head += 1
        if head == capacity { head = 0 }
        count -= 1
        return w
    }

    private mutating func grow() {
        let newCapacity = max(16, 2 * capacity)
        let bigger = UnsafeMutablePointer<Waiting>.allocate(capacity: newCapacity)
        if let base {
            for i in 0..<count {
                var j = head + i
                if j >= capacity { j -= capacity }
                (bigger + i).initialize(to: base[j])
            }
            base.deallocate()
        }
        base = bigger
        head = 0
        capacity = newCapacity
    }

    func deallocate() { base?.deallocate() }
}

/// One actor's state in the event loop: its servers, whether it is down, its queue and counters.
struct ActorState {
    /// Servers (-1: unlimited).
    var servers: Int
    var calendar: Int
    /// Its calendar is always open (no calendar arithmetic).
    var alwaysOpen: Bool
    /// A cadence signer or a batch: requests wait at its gate.
    var gated: Bool
    var down = false
    var tickScheduled = false
    var busy = 0
    var queue = WaitQueue()
    var counters = ActorCounters()
}
