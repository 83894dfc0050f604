import MS5Domain
import Foundation
import Logging
import MS5Retry
import ServiceLifecycle
import Synchronization

/// Moves batches from a ``DiskQueue`` to the central server: `nextBatch` → POST → `acknowledge`,
/// as a swift-service-lifecycle `Service`.
///
/// - 2xx: the batch is acknowledged (also when the server reports it as a duplicate).
/// - 5xx, other statuses, refused connections, timeouts: the same batch is retried with
///   ``ForwarderConfiguration/backoff``.
/// - 401/403: data is kept, ``EdgeAlarm/authenticationRejected(statusCode:)`` is raised once per run of
///   failures, and attempts slow to ``ForwarderConfiguration/authenticationRetryInterval``.
/// - 422: the batch is dead-lettered with the server's answer, counted, logged and alarmed; the
///   queue moves on.
///
/// On graceful shutdown the request in flight completes and is acknowledged, waits are cut short, and
/// ``run()`` returns. Cancellation stops at once; the unacknowledged batch is resent on the next start
/// with the same sequence, which the server recognises. Run each `Forwarder` once.
public final class Forwarder: Service, Sendable {
    /// The configuration in force.
    public let configuration: ForwarderConfiguration
    private let queue: DiskQueue
    private let transport: any BatchTransport
    private let logger: Logger
    private let alarmHandler: EdgeAlarmHandler?
    private let state: Mutex<ForwarderState>

    /// Creates a forwarder.
    /// - Parameters:
    ///   - queue: The queue to drain.
    ///   - transport: How batches reach the server, normally ``URLSessionBatchTransport``.
    ///   - configuration: Source name, batch size and pacing.
    ///   - logger: Where the forwarder logs.
    ///   - alarmHandler: Receives authentication and dead-letter alarms.
    public init(
        queue: DiskQueue,
        transport: any BatchTransport,
        configuration: ForwarderConfiguration,
        logger: Logger = Logger(label: "ms5.edge.forwarder"),
        alarmHandler: EdgeAlarmHandler? = nil
    ) {
        self.queue = queue
        self.transport = transport
        self.configuration = configuration
        self.logger = logger
        self.alarmHandler = alarmHandler
        self.state = Mutex(ForwarderState(rateWindow: configuration.rateWindow))
    }

    /// The current status.
    public var status: ForwarderStatus {
        state.withLock { $0.snapshot(at: .now) }
    }

    /// Samples delivered per second over the configured window (default the last minute).
    public var rate: Double {
        state.withLock { $0.rate.rate(at: .now) }
    }

    /// A stream that yields the current status at once and then after every change, keeping the newest
    /// 100 when the reader falls behind. It finishes when ``run()`` returns.
    public func statusUpdates() -> AsyncStream<ForwarderStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ForwarderStatus.self, bufferingPolicy: .bufferingNewest(100))
        let id = state.withLock { state in
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            continuation.yield(state.snapshot(at: .now))
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Forwards until graceful shutdown or cancellation.
    public func run() async throws {
        var generator = SplitMix64(seed: configuration.jitterSeed ?? UInt64.random(in: .min ... .max))
        var failures = 0
        func backOff() async {
            failures += 1
            await wait(configuration.backoff.delay(afterFailures: failures, using: &generator))
        }
        update { $0.running = true }
        logger.info("Edge forwarder started", metadata: ["source": "\(configuration.source)", "queue": "\(queue.path)"])
        defer { finish() }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let batch: QueuedBatch?
            do {
                batch = try await queue.nextBatch(maxSamples: configuration.maxBatchSamples)
                let backlog = await queue.backlog
                update { $0.backlog = backlog }
            } catch {
                recordFailure("Edge queue failed: \(error)", connected: nil)
                await backOff()
                continue
            }
            guard let batch else {
                await wait(configuration.idlePollInterval, isBackoff: false)
                continue
            }
            switch await deliver(batch) {
            case .stored(let receipt):
                if await settle(batch, receipt: receipt) { failures = 0 } else { await backOff() }
            case .rejected(let reason):
                if await reject(batch, reason: reason) { failures = 0 } else { await backOff() }
            case .unauthorized(let statusCode, let reason):
                let firstInRun = update { status -> Bool in
                    defer { status.authenticationFailed = true }
                    return !status.authenticationFailed
                }
                recordFailure(reason, connected: false, retry: true, quiet: !firstInRun)
                if firstInRun { alarmHandler?(.authenticationRejected(statusCode: statusCode)) }
                await wait(configuration.authenticationRetryInterval)
            case .retryable(let reason):
                recordFailure(reason, connected: false, retry: true, quiet: failures > 0)
                await backOff()
            }
        }
        logger.info("Edge forwarder stopped", metadata: ["source": "\(configuration.source)"])
    }

    /// Sends `batch` once; any failure to get an answer becomes ``DeliveryOutcome/retryable(reason:)``.
    private func deliver(_ batch: QueuedBatch) async -> DeliveryOutcome {
        let body = EdgeBatch(source: configuration.source, sequence: batch.sequence, samples: batch.samples)
        do {
            return DeliveryOutcome(try await transport.send(body))
        } catch {
            return .retryable(reason: "No answer from the server: \(error)")
        }
    }

    /// Acknowledges a stored batch; returns `false` if the queue failed (the batch is then resent).
    private func settle(_ batch: QueuedBatch, receipt: BatchReceipt?) async -> Bool {
        do {
            try await queue.acknowledge(sequence: batch.sequence)
        } catch {
            recordFailure("Edge queue failed to acknowledge batch \(batch.sequence): \(error)", connected: true)
            return false
        }
        if receipt == nil {
            logger.warning("Server stored a batch without a readable receipt", metadata: ["sequence": "\(batch.sequence)"])
        }
        let backlog = await queue.backlog
        state.withLock { $0.rate.record(samples: batch.samples.count, at: .now) }
        update { status in
            status.connected = true
            status.authenticationFailed = false
            status.lastSuccess = Date()
            status.batchesSent += 1
            status.samplesSent += batch.samples.count
            status.duplicateBatches += receipt?.duplicate == true ? 1 : 0
            status.backlog = backlog
        }
        return true
    }

    /// Dead-letters a batch the server judged invalid; returns `false` if the queue failed.
    private func reject(_ batch: QueuedBatch, reason: String) async -> Bool {
        do {
            try await queue.deadLetter(sequence: batch.sequence, reason: reason)
        } catch {
            recordFailure("Edge queue failed to dead-letter batch \(batch.sequence): \(error)", connected: true)
            return false
        }
        let backlog = await queue.backlog
        update { status in
            status.connected = true
            status.authenticationFailed = false
            status.deadLettered += 1
            status.lastError = reason
            status.backlog = backlog
        }
        alarmHandler?(.batchDeadLettered(sequence: batch.sequence, sampleCount: batch.samples.count, reason: reason))
        return true
    }

    private func recordFailure(_ reason: String, connected: Bool?, retry: Bool = false, quiet: Bool = false) {
        logger.log(level: quiet ? .debug : .warning, "Edge forwarding failed", metadata: ["reason": "\(reason)"])
        update { status in
            status.lastError = reason
            if let connected { status.connected = connected }
            if retry { status.retries += 1 }
        }
    }

    /// Sleeps for `duration` unless graceful shutdown (or cancellation) comes first.
    private func wait(_ duration: Duration, isBackoff: Bool = true) async {
        if isBackoff { update { $0.currentBackoff = duration } }
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        if isBackoff { update { $0.currentBackoff = nil } }
    }

    /// Changes the status under the lock and publishes it to ``statusUpdates()`` readers.
    @discardableResult
    private func update<T>(_ change: (inout ForwarderStatus) -> T) -> T {
        let (result, snapshot, subscribers) = state.withLock { state in
            let result = change(&state.status)
            return (result, state.snapshot(at: .now), Array(state.subscribers.values))
        }
        for subscriber in subscribers { subscriber.yield(snapshot) }
        return result
    }

    private func finish() {
        update { $0.running = false }
        let subscribers = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
