/// A ring of the last `capacity` published elements, addressed by their consecutive ids.
///
/// Ids are appended in strictly increasing steps of one (the hub assigns them), so any id's
/// position follows from the newest id without a search.
struct ReplayBuffer<Element> {
    /// The answer to ``elements(after:)``.
    enum Lookup {
        /// Every element with an id above the given one, oldest first (empty when up to date).
        case available([Element])
        /// Some element after the given id has already left the ring, or the id was never issued.
        case expired
    }

    let capacity: Int
    private var ring: [Element?]
    private var newestID: UInt64 = 0
    private(set) var count = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a replay buffer needs room for at least one element")
        self.capacity = capacity
        self.ring = Array(repeating: nil, count: capacity)
    }

    /// The id of the oldest element still held, or `nil` when empty.
    var oldestID: UInt64? { count == 0 ? nil : newestID - UInt64(count) + 1 }

    /// Appends the element published with `id`, which must be the previous id plus one
    /// (or any id when the buffer is empty).
    mutating func append(_ element: Element, id: UInt64) {
        precondition(count == 0 || id == newestID + 1, "replay ids must be consecutive")
        ring[Int(id % UInt64(capacity))] = element
        newestID = id
        count = min(count + 1, capacity)
    }

    /// The elements published after `lastSeenID`.
    func elements(after lastSeenID: UInt64) -> Lookup {
        guard lastSeenID <= newestID else { return .expired }
        if lastSeenID == newestID { return .available([]) }
        guard let oldestID, lastSeenID + 1 >= oldestID else { return .expired }
        var result: [Element] = []
        result.reserveCapacity(Int(newestID - lastSeenID))
        var id = lastSeenID + 1
        while id <= newestID {
            if let element = ring[Int(id % UInt64(capacity))] { result.append(element) }
            id += 1
        }
        return .available(result)
    }
}
