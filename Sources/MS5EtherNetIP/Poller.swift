import Foundation
import Logging
import MS5Retry
import NIOCore
import NIOPosix

/// Polls one controller: poll groups at their own drift-free rates, batched reads, reconnect with
/// exponential backoff and jitter, and a health snapshot. Values arrive on ``samples``.
public actor Poller {
    /// Where and how to poll.
    public struct Configuration: Sendable {
        /// Controller host.
        public var host: String
        /// Controller port.
        public var port: Int
        /// Backplane slot (nil for direct targets).
        public var slot: UInt8?
        /// Whether the tags are SLC data-table addresses read with PCCC.
        public var slc: Bool
        /// The groups to poll.
        public var groups: [PollGroup]
        /// Reconnect delays: 250 ms doubling up to 30 s, ±20 %, by default.
        public var backoff: Backoff
        /// Client settings (request timeout, connection sizes).
        public var client: EtherNetIPClient.Options

        /// Creates a configuration.
        public init(host: String, port: Int = 44818, slot: UInt8? = 0, slc: Bool = false, groups: [PollGroup], backoff: Backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(30), jitter: 0.2), client: EtherNetIPClient.Options = EtherNetIPClient.Options(requestTimeout: .seconds(2))) {
            self.host = host
            self.port = port
            self.slot = slot
            self.slc = slc
            self.groups = groups
            self.backoff = backoff
            self.client = client
        }
    }

    /// The configuration in force.
    public let configuration: Configuration
    /// Every polled value, including communication-failure samples while disconnected.
    public nonisolated let samples: AsyncStream<TagSample>
    private let continuation: AsyncStream<TagSample>.Continuation
    private let logger: Logger
    private var health = PollerHealth()
    private var readLog: [(ContinuousClock.Instant, Int)] = []
    private var runner: Task<Void, Never>?
    private let clock = ContinuousClock()

    /// Creates a stopped poller.
    public init(configuration: Configuration, logger: Logger = Logger(label: "ms5.enip.poller")) {
        self.configuration = configuration
        self.logger = logger
        (samples, continuation) = AsyncStream.makeStream(of: TagSample.self, bufferingPolicy: .bufferingNewest(100_000))
    }

    /// The current health.
    public func snapshot() -> PollerHealth {
        var current = health
        let horizon = clock.now - .seconds(5)
        let recent = readLog.filter { $0.0 >= horizon }
        if let first = recent.first {
            let span = max((clock.now - first.0) / .seconds(1), 1)
            current.readsPerSecond = Double(recent.reduce(0) { $0 + $1.1 }) / span
        } else {
            current.readsPerSecond = 0
        }
        return current
    }

    /// Starts polling (no effect when already running).
    public func start() {
        guard runner == nil else { return }
        // Polling runs on the connection's own event loop: a request and its reply cost no thread hop.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        runner = Task(executorPreference: EventLoopTaskExecutor(loop)) { await self.supervise(on: loop) }
    }

    /// Stops polling, closes the connection and finishes ``samples``.
    public func stop() async {
        runner?.cancel()
        await runner?.value
        runner = nil
        continuation.finish()
    }

    private func supervise(on loop: any EventLoop) async {
        var attempt = 0
        while !Task.isCancelled {
            let client = EtherNetIPClient(options: configuration.client, group: loop, logger: logger)
            do {
                try await client.connect(host: configuration.host, port: configuration.port, slot: configuration.slot)
                attempt = 0
                health.connected = true
                health.reconnectAttempts = 0
                health.connections += 1
                logger.info("connected", metadata: ["host": "\(configuration.host):\(configuration.port)"])
                try await pollGroups(client)
            } catch is CancellationError {
                await client.close()
                return
            } catch {
                let failure = error as? EtherNetIPError ?? .connectionClosed("\(error)")
                if Task.isCancelled {
                    await client.close()
                    return
                }
                recordDisconnect(failure)
            }
            await client.close()
            let delay = configuration.backoff.delay(afterFailures: attempt + 1)
            attempt += 1
            health.reconnectAttempts = attempt
            do { try await clock.sleep(for: delay) } catch { return }
        }
    }

    private func recordDisconnect(_ error: EtherNetIPError) {
        logger.warning("disconnected", metadata: ["error": "\(error)"])
        let wasConnected = health.connected
        health.connected = false
        health.lastError = error
        guard wasConnected || health.connections == 0 else { return }
        let now = Date()
        for group in configuration.groups {
            for tag in group.tags {
                continuation.yield(TagSample(tag: tag, value: nil, timestamp: now, quality: .communicationFailure, error: error))
            }
        }
    }

    private func pollGroups(_ client: EtherNetIPClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for group in configuration.groups where !group.tags.isEmpty {
                tasks.addTask { try await self.poll(group, with: client) }
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    private func poll(_ group: PollGroup, with client: EtherNetIPClient) async throws {
        var deadline = clock.now
        while !Task.isCancelled {
            let started = clock.now
            let readings = configuration.slc ? try await client.readSLC(group.tags) : try await client.read(group.tags)
            record(readings, roundTrip: clock.now - started)
            deadline = PollGroup.nextDeadline(after: deadline, period: group.period, now: clock.now)
            try await clock.sleep(until: deadline)
        }
        throw CancellationError()
    }

    private func record(_ readings: [TagReading], roundTrip: Duration) {
        let now = Date()
        health.lastRoundTrip = roundTrip
        readLog.append((clock.now, readings.count))
        if readLog.count > 1000 { readLog.removeFirst(readLog.count - 1000) }
        for reading in readings {
            switch reading.result {
            case .success(let value): continuation.yield(TagSample(tag: reading.tag, value: value, timestamp: now, quality: .good))
            case .failure(let error): continuation.yield(TagSample(tag: reading.tag, value: nil, timestamp: now, quality: .bad, error: error))
            }
        }
    }
}
