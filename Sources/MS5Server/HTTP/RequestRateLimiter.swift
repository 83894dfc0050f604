import Foundation
import Synchronization

/// At most `requestsPerSecond` requests a second per client address on average, with bursts of up
/// to `burst`: a token bucket per address. Memory stays bounded: once `maximumClients` addresses
/// are tracked, buckets that have refilled (idle clients) are forgotten, and if that is not enough,
/// those counted longest ago.
final class RequestRateLimiter: Sendable {
    private let rate: Double
    private let capacity: Double
    private let maximumClients: Int
    private let clock: @Sendable () -> Date
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Allows `requestsPerSecond` (more than 0) with bursts of `burst` per address, tracking at most
    /// `maximumClients` addresses; `clock` tells the time (tests pass their own).
    init(requestsPerSecond: Int, burst: Int, maximumClients: Int = 10_000, clock: @escaping @Sendable () -> Date = { Date() }) {
        rate = Double(requestsPerSecond)
        capacity = Double(max(1, burst))
        self.maximumClients = max(1, maximumClients)
        self.clock = clock
    }

    /// Counts a request from `client`: nil when it may go on, otherwise the whole seconds after
    /// which it may try again (for `Retry-After`).
    func admit(_ client: String) -> Int? {
        let now = clock()
        let wait: TimeInterval? = buckets.withLock { buckets in
            if buckets[client] == nil, buckets.count >= maximumClients { evict(&buckets, at: now) }
            var bucket = buckets[client] ?? TokenBucket(capacity: capacity, at: now)
            let wait = bucket.take(at: now, rate: rate, capacity: capacity)
            buckets[client] = bucket
            return wait
        }
        return wait.map { max(1, Int($0.rounded(.up))) }
    }

    /// How many addresses are tracked.
    var trackedClients: Int {
        buckets.withLock { $0.count }
    }

    /// Forgets every refilled bucket; while that leaves the table full, the quarter counted longest ago.
    private func evict(_ buckets: inout [String: TokenBucket], at now: Date) {
        buckets = buckets.filter { !$0.value.isFull(at: now, rate: rate, capacity: capacity) }
        guard buckets.count >= maximumClients else { return }
        let oldest = buckets.sorted { $0.value.updatedAt < $1.value.updatedAt }.prefix(max(1, maximumClients / 4))
        for (client, _) in oldest { buckets[client] = nil }
    }
}
