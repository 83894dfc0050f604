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
    /// How long to wait before handing over events again after the handler failed.
    public var retryDelay: Duration
    let logger: Logger

    /// Creates a follower of `log` for the consumer `lease` names.
    public init(
        log: EventLog, lease: ConsumerLease, batchSize: Int = 500, idleWait: Duration = .milliseconds(20),
        retryDelay: Duration = .seconds(1), logger: Logger
    ) {
        self.log = log
        self.lease = lease
        self.batchSize = batchSize
        self.idleWait = idleWait
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Runs until the task is cancelled. A new consumer starts after position `start`.
    /// `handle` answers the position up to which it finished (the batch's last on success; less
    /// when part of it must be tried again); it is never called with an empty batch.
    public func run(startingAfter start: @Sendable () async throws -> Int64, handle: @Sendable ([RecordedEvent]) async throws -> Int64) async {
        let renewEvery = lease.length / 3
        while !Task.isCancelled {
            do {
                guard var position = try await lease.acquire(startingAt: try await start()) else {
                    try await Task.sleep(for: renewEvery)
                    continue
                }
                let renewAt = ContinuousClock.now + renewEvery
                while !Task.isCancelled, ContinuousClock.now < renewAt {
                    let batch = try await log.events(after: position, limit: batchSize)
                    guard let last = batch.last?.position else {
                        try await Task.sleep(for: idleWait)
                        continue
                    }
                    let done = try await handle(batch)
                    if done > position {
                        guard try await lease.advance(to: min(done, last)) else { break }
                        position = min(done, last)
                    }
                    if done < last { try await Task.sleep(for: retryDelay) }
                }
            } catch {
                // A query cut short by cancellation is shutdown, not a failure.
                if Task.isCancelled || error is CancellationError { break }
                logger.warning("Following the outbox failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
                try? await Task.sleep(for: retryDelay)
            }
        }
        try? await lease.release()
    }
}
