import Foundation
import Logging
import MS5Domain
import MS5Storage

/// Follows the outbox for one consumer: hands each batch of new events, in order, to the
/// consumer's handler and moves the consumer's stored position past what the handler finished,
/// so that after a restart, a crash or a takeover by another instance it continues exactly there.
///
/// It runs only while it holds the consumer's ``ConsumerLease``; an instance without the lease
/// waits as a standby and takes over when the holder's lease runs out. Delivery is at least
/// once: events handled but not yet recorded when an instance dies are handled again.
public struct OutboxFollower: Sendable {
    let log: EventLog
    let lease: ConsumerLease
    /// Events handed over at most at once.
    public var batchSize: Int
    /// How long to wait before looking again when there was nothing new.
    public var idleWait: Duration
    /// How long to wait before handing over events again after the handler failed; the wait
    /// doubles with each failure in a row up to ``maximumRetryDelay``.
    public var retryDelay: Duration
    /// The longest wait between attempts.
    public var maximumRetryDelay: Duration
    /// Which events the consumer follows; the others are passed over.
    public var filter: EventFilter
    let logger: Logger

    /// Creates a follower of `log` for the consumer `lease` names.
    public init(
        log: EventLog, lease: ConsumerLease, filter: EventFilter = EventFilter(), batchSize: Int = 500, idleWait: Duration = .milliseconds(20),
        retryDelay: Duration = .seconds(1), maximumRetryDelay: Duration? = nil, logger: Logger
    ) {
        self.log = log
        self.lease = lease
        self.filter = filter
        self.batchSize = batchSize
        self.idleWait = idleWait
        self.retryDelay = retryDelay
        self.maximumRetryDelay = max(retryDelay, maximumRetryDelay ?? retryDelay)
        self.logger = logger
    }

    /// The wait after `failures` failed attempts in a row: ``retryDelay`` doubled for each
    /// failure after the first, at most ``maximumRetryDelay``.
    public func delay(afterFailures failures: Int) -> Duration {
        var delay = retryDelay
        for _ in 1..<max(1, failures) where delay < maximumRetryDelay {
            delay *= 2
        }
        return min(delay, maximumRetryDelay)
    }

    /// Runs until the task is cancelled. A new consumer starts after position `start`.
    /// `handle` answers the position up to which it finished (the batch's last on success; less
    /// when part of it must be tried again); it is never called with an empty batch.
    ///
    /// While it waits to try again after a failure, it keeps renewing its lease, so that no other
    /// instance takes the consumer over in the meantime.
    public func run(startingAfter start: @Sendable () async throws -> Int64, handle: @Sendable ([RecordedEvent]) async throws -> Int64) async {
        let renewEvery = lease.length / 3
        var failures = 0
        var retryAt: ContinuousClock.Instant?
        while !Task.isCancelled {
            do {
                guard var position = try await lease.acquire(startingAt: try await start()) else {
                    try await Task.sleep(for: renewEvery)
                    continue
                }
                let renewAt = ContinuousClock.now + renewEvery
                while !Task.isCancelled, ContinuousClock.now < renewAt {
                    if let retryAt, ContinuousClock.now < retryAt {
                        try await Task.sleep(until: min(retryAt, renewAt), clock: .continuous)
                        continue
                    }
                    // Read before the events: every event up to it is committed and seen below.
                    let head = filter == EventFilter() ? nil : try await log.head()
                    let batch = try await log.events(after: position, matching: filter, limit: batchSize)
                    guard let last = batch.last?.position else {
                        // None up to the head is the consumer's: it passes over them, so that its
                        // position and backlog tell how far it is, and the next look starts there.
                        if let head, head > position {
                            let lease = lease
                            guard try await Self.shielded({ try await lease.advance(to: head) }) else { break }
                            position = head
                        }
                        try await Task.sleep(for: idleWait)
                        continue
                    }
                    let done = try await handle(batch)
                    if done > position {
                        let lease = lease
                        guard try await Self.shielded({ try await lease.advance(to: min(done, last)) }) else { break }
                        position = min(done, last)
                    }
                    if done < last {
                        failures += 1
                        retryAt = ContinuousClock.now + delay(afterFailures: failures)
                    } else {
                        failures = 0
                        retryAt = nil
                    }
                }
            } catch {
                // A query cut short by cancellation is shutdown, not a failure.
                if Task.isCancelled || error is CancellationError { break }
                logger.warning("Following the outbox failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
                try? await Task.sleep(for: retryDelay)
            }
        }
        let lease = lease
        try? await Self.shielded { try await lease.release() }
    }

    /// Runs `operation` to its end even when this task is cancelled: the database refuses a
    /// cancelled task's statements, and what was handled must still be recorded, and the lease
    /// given up at shutdown so that another instance takes over at once.
    private static func shielded<R: Sendable>(_ operation: @escaping @Sendable () async throws -> R) async throws -> R {
        try await Task { try await operation() }.value
    }
}
