/// The last events of the outbox the hub published, by their outbox position, for clients that
/// resume by position: after a reconnect to this instance, to another one, or to a restarted one
/// (which loads the last of the outbox before it serves anyone).
///
/// Positions increase but need not be consecutive (an outbox event may make no live event).
/// ``coveredAfter`` is the position after which every published outbox event is held.
struct DurableReplay<Element> {
    let capacity: Int
    private var entries: [(position: Int64, element: Element)] = []
    private var start = 0
    /// Every outbox event after this position is held; nil until the hub is told where it starts.
    private(set) var coveredAfter: Int64?

    init(capacity: Int) {
        precondition(capacity > 0, "a replay needs room for at least one element")
        self.capacity = capacity
    }

    /// Declares that the events after `position` will all be appended from now on.
    mutating func start(after position: Int64) {
        entries.removeAll()
        start = 0
        coveredAfter = position
    }

    /// Appends the element of the event at `position`; the oldest leaves when the ring is full,
    /// and what it covers starts after it.
    mutating func append(_ element: Element, position: Int64) {
        entries.append((position, element))
        if entries.count - start > capacity {
            coveredAfter = entries[start].position
            start += 1
            if start > capacity {
                entries.removeFirst(start)
                start = 0
            }
        }
    }

    /// The elements of the events after `position`, oldest first; nil when some of them are no
    /// longer (or were never) held here.
    func elements(after position: Int64) -> [Element]? {
        guard let coveredAfter, position >= coveredAfter else { return nil }
        return entries[start...].filter { $0.position > position }.map(\.element)
    }
}
