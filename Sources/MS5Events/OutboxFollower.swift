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
    ///
    /// While it holds the lease, a second task renews it every third of its length, however long
    /// a batch takes; if a renewal finds the lease taken (this instance was cut off from the
    /// database for too long), reading stops and this instance becomes a standby again.
    public func run(startingAfter start: @escaping @Sendable () async throws -> Int64, handle: @escaping @Sendable ([RecordedEvent]) async throws -> Int64) async {
        let renewEvery = lease.length / 3
        while !Task.isCancelled {
            do {
                guard let position = try await lease.acquire(startingAt: try await start()) else {
                    try await Task.sleep(for: renewEvery)
                    continue
                }
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await self.renew(every: renewEvery, start: start) }
                    group.addTask { await self.follow(from: position, handle: handle) }
                    await group.next()
                    group.cancelAll()
                }
            } catch {
                if Task.isCancelled || error is CancellationError { break }
                logger.warning("Following the outbox failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
                try? await Task.sleep(for: retryDelay)
            }
        }
        try? await lease.release()
    }

    /// Renews the lease until it is lost or the task is cancelled.
    private func renew(every interval: Duration, start: @Sendable () async throws -> Int64) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                guard try await lease.acquire(startingAt: try await start()) != nil else {
                    logger.warning("Another instance took over the outbox consumer", metadata: ["consumer": "\(lease.consumer)"])
                    return
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("Renewing the outbox consumer's lease failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
            }
        }
    }

    /// Hands batches to `handle` from after `start` until the lease is lost or the task is cancelled.
    private func follow(from start: Int64, handle: @Sendable ([RecordedEvent]) async throws -> Int64) async {
        var position = start
        while !Task.isCancelled {
            do {
                let batch = try await log.events(after: position, limit: batchSize)
                guard let last = batch.last?.position else {
                    try await Task.sleep(for: idleWait)
                    continue
                }
                let done = try await handle(batch)
                if done > position {
                    guard try await lease.advance(to: min(done, last)) else { return }
                    position = min(done, last)
                }
                if done < last { try await Task.sleep(for: retryDelay) }
            } catch {
                if Task.isCancelled || error is CancellationError { return }
                logger.warning("Following the outbox failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
                try? await Task.sleep(for: retryDelay)
            }
        }
    }
}
