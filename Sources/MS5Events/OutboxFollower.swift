import Foundation
import Logging
import MS5Domain
import MS5Retry
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
    /// How long to wait at most before looking again when there was nothing new: a commit that
    /// writes events wakes the follower at once (see ``EventLog/waitForEvents(after:upTo:)``),
    /// so this bounds only how late it sees events the wake-up missed.
    public var idleWait: Duration
    /// How long to wait before handing over events again after the handler failed, by failures
    /// in a row; its first wait is also how often a standby asks for the lease.
    public var retry: Backoff
    /// Which events the consumer follows; the others are passed over.
    public var filter: EventFilter
    let logger: Logger

    /// Creates a follower of `log` for the consumer `lease` names.
    public init(
        log: EventLog, lease: ConsumerLease, filter: EventFilter = EventFilter(), batchSize: Int = 500, idleWait: Duration = .milliseconds(250),
        retry: Backoff = Backoff(initial: .seconds(1), maximum: .seconds(1)), logger: Logger
    ) {
        self.log = log
        self.lease = lease
        self.filter = filter
        self.batchSize = batchSize
        self.idleWait = idleWait
        self.retry = retry
        self.logger = logger
    }

    /// Runs until the task is cancelled. A new consumer starts after position `start`.
    /// `handle` answers the position up to which it finished (the batch's last on success; less
    /// when part of it must be tried again); it is never called with an empty batch.
    ///
    /// While it holds the lease, a second task renews it every third of its length, however long
    /// a batch or a wait after a failure takes; if a renewal finds the lease taken (this instance
    /// was cut off from the database for too long), reading stops and this instance becomes a
    /// standby again.
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
                try? await Task.sleep(for: retry.initial)
            }
        }
        let lease = lease
        try? await Self.shielded { try await lease.release() }
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

    /// Hands batches to `handle` from after `start` until the lease is lost or the task is
    /// cancelled, waiting longer after each failure in a row.
    private func follow(from start: Int64, handle: @Sendable ([RecordedEvent]) async throws -> Int64) async {
        var position = start
        var failures = 0
        let lease = lease
        // The batch after the one being handled, read meanwhile when that one was full.
        var next: Task<[RecordedEvent], any Error>?
        defer { next?.cancel() }
        while !Task.isCancelled {
            do {
                // Taken before reading: a commit after it ends the wait below at once.
                let mark = log.commitMark
                let pending = next
                next = nil
                let ahead = try await pending?.value ?? []
                // Read before the events: every event up to it is committed and seen below.
                let head = !ahead.isEmpty || filter == EventFilter() ? nil : try await log.head()
                let batch = ahead.isEmpty ? try await log.events(after: position, matching: filter, limit: batchSize) : ahead
                guard let last = batch.last?.position else {
                    // None up to the head is the consumer's: it passes over them, so that its
                    // position and backlog tell how far it is, and the next look starts there.
                    if let head, head > position {
                        guard try await Self.shielded({ try await lease.advance(to: head) }) else { return }
                        position = head
                    }
                    await log.waitForEvents(after: mark, upTo: idleWait)
                    continue
                }
                if batch.count == batchSize {
                    // A full batch: more are likely waiting, so read them while this one is handled.
                    let (log, filter, limit) = (log, filter, batchSize)
                    next = Task { try await log.events(after: last, matching: filter, limit: limit) }
                }
                let done = try await handle(batch)
                if done < last {
                    next?.cancel()
                    next = nil
                }
                if done > position {
                    guard try await Self.shielded({ try await lease.advance(to: min(done, last)) }) else { return }
                    position = min(done, last)
                }
                if done < last {
                    failures += 1
                    try await Task.sleep(for: retry.delay(afterFailures: failures))
                } else {
                    failures = 0
                }
            } catch {
                // What was read ahead follows a batch that was not handled.
                next?.cancel()
                next = nil
                if Task.isCancelled || error is CancellationError { return }
                logger.warning("Following the outbox failed; trying again", metadata: ["consumer": "\(lease.consumer)", "error": "\(error)"])
                try? await Task.sleep(for: retry.initial)
            }
        }
    }

    /// Runs `operation` to its end even when this task is cancelled: the database refuses a
    /// cancelled task's statements, and what was handled must still be recorded, and the lease
    /// given up at shutdown so that another instance takes over at once.
    private static func shielded<R: Sendable>(_ operation: @escaping @Sendable () async throws -> R) async throws -> R {
        try await Task { try await operation() }.value
    }
}
