/// One client's outbound queue: FIFO order, coalescing by key, a per-key rate limit and a size limit.
///
/// A value type with no clock of its own: the caller passes `now`, so the behaviour is fully
/// deterministic. Rules:
/// - An element with a key replaces the undelivered element with the same key in place
///   (the newest value goes out at the oldest one's position), so replacing never grows the queue.
/// - An element whose key went out less than `keyInterval` ago is held back until the interval
///   has passed; newer elements with that key replace the held one. Other elements overtake it.
/// - When an element needs a new slot and the queue already holds `limit` elements,
///   ``enqueue(_:key:)`` reports ``EnqueueResult/overflow`` and stores nothing.
struct ClientQueue<Element> {
    typealias Instant = ContinuousClock.Instant

    /// What ``enqueue(_:key:)`` did.
    enum EnqueueResult: Equatable {
        /// Stored in a new slot.
        case enqueued
        /// Replaced an undelivered element with the same key.
        case coalesced
        /// Not stored: the queue is full.
        case overflow
    }

    /// What ``next(now:)`` found.
    enum Next {
        /// The next element to send.
        case element(Element)
        /// Only rate-limited elements remain; the first becomes due at this instant.
        case wait(until: Instant)
        /// Nothing to send.
        case empty
    }

    private struct Slot {
        var element: Element
        let key: String?
    }

    private struct Held {
        var element: Element
        let due: Instant
    }

    let limit: Int
    let keyInterval: Duration
    private var slots: [Slot?] = []
    private var head = 0
    private var positionOfKey: [String: Int] = [:]
    private var held: [String: Held] = [:]
    private var lastSent: [String: Instant] = [:]

    /// - Parameters:
    ///   - limit: Most elements the queue holds (queued and held back together).
    ///   - keyInterval: Least time between two elements with the same key; `.zero` disables the rate limit.
    init(limit: Int, keyInterval: Duration) {
        precondition(limit > 0, "a client queue needs room for at least one element")
        self.limit = limit
        self.keyInterval = keyInterval
    }

    /// Elements waiting, including held-back ones.
    var count: Int { slots.count - head + held.count }

    /// Stores an element, coalescing it with an undelivered one of the same key.
    mutating func enqueue(_ element: Element, key: String?) -> EnqueueResult {
        if let key {
            if let position = positionOfKey[key] {
                slots[position]?.element = element
                return .coalesced
            }
            if held[key] != nil {
                held[key]?.element = element
                return .coalesced
            }
        }
        guard count < limit else { return .overflow }
        if let key { positionOfKey[key] = slots.count }
        slots.append(Slot(element: element, key: key))
        return .enqueued
    }

    /// Takes the next element that may be sent at `now`.
    mutating func next(now: Instant) -> Next {
        if let (key, due) = earliestHeld(), due <= now, let entry = held.removeValue(forKey: key) {
            lastSent[key] = now
            return .element(entry.element)
        }
        while head < slots.count {
            guard let slot = slots[head] else { preconditionFailure("queue slot consumed twice") }
            slots[head] = nil
            head += 1
            compactIfNeeded()
            guard let key = slot.key else { return .element(slot.element) }
            positionOfKey[key] = nil
            if let sent = lastSent[key], keyInterval > .zero, sent + keyInterval > now {
                held[key] = Held(element: slot.element, due: sent + keyInterval)
                continue
            }
            lastSent[key] = now
            return .element(slot.element)
        }
        if let (_, due) = earliestHeld() { return .wait(until: due) }
        pruneSendTimes(now: now)
        return .empty
    }

    private func earliestHeld() -> (String, Instant)? {
        held.min { $0.value.due < $1.value.due }.map { ($0.key, $0.value.due) }
    }

    private mutating func compactIfNeeded() {
        if head == slots.count {
            slots.removeAll(keepingCapacity: true)
            head = 0
            return
        }
        guard head >= 64, head * 2 >= slots.count else { return }
        slots.removeFirst(head)
        for (key, position) in positionOfKey {
            positionOfKey[key] = position - head
        }
        head = 0
    }

    /// Forgets send times too old to hold anything back, so idle keys cost no memory.
    private mutating func pruneSendTimes(now: Instant) {
        guard lastSent.count > 64 else { return }
        lastSent = lastSent.filter { $0.value + keyInterval > now }
    }
}
