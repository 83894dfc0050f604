import Foundation
import Logging
import MS5Retry

/// Polls groups of addresses on one Modbus TCP server and streams the samples.
///
/// Each group runs on its own drift-free schedule; its addresses are merged into as few
/// requests as possible. A failing address gives a bad sample without failing the others.
/// When the connection drops, every address gets a bad sample and the poller reconnects
/// with exponential backoff and jitter.
public actor ModbusPoller {
    /// The samples of every group, in the order they are read. Finishes after `stop()`.
    public nonisolated let samples: AsyncStream<ModbusSample>

    private let configuration: Configuration
    private let logger: Logger
    private let continuation: AsyncStream<ModbusSample>.Continuation
    private var runTask: Task<Void, Never>?
    private var stopped = false
    private var connected = false
    private var lastError: String?
    private var lastRoundTrip: Duration?
    private var reconnectAttempts = 0
    private var answered: [(at: ContinuousClock.Instant, count: Int)] = []
    private static let rateWindow: Duration = .seconds(5)

    /// Creates a poller; nothing happens until `start()`.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        (samples, continuation) = AsyncStream.makeStream(of: ModbusSample.self, bufferingPolicy: .bufferingNewest(10_000))
    }

    /// Connects and starts polling. Calling it again while running, or after `stop()`, does nothing.
    public func start() {
        guard runTask == nil, !stopped else { return }
        runTask = Task { await self.run() }
    }

    /// Stops polling, closes the connection and finishes `samples`.
    public func stop() async {
        stopped = true
        runTask?.cancel()
        await runTask?.value
        connected = false
        continuation.finish()
    }

    /// The current connection state and throughput.
    public func snapshot() -> ModbusPollerHealth {
        let now = ContinuousClock.now
        let recent = answered.filter { $0.at.duration(to: now) <= Self.rateWindow }
        return ModbusPollerHealth(
            connected: connected,
            lastError: lastError,
            lastRoundTrip: lastRoundTrip,
            readsPerSecond: Double(recent.reduce(0) { $0 + $1.count }) / Self.rateWindow.seconds,
            reconnectAttempts: reconnectAttempts
        )
    }

    private func run() async {
        var failures = 0
        var reportedDown = false
        var firstAttempt = true
        while !Task.isCancelled {
            if !firstAttempt { reconnectAttempts += 1 }
            firstAttempt = false
            do {
                let client = try await ModbusClient.connect(
                    host: configuration.host,
                    port: configuration.port,
                    connectTimeout: configuration.connectTimeout,
                    requestTimeout: configuration.requestTimeout,
                    maxRequestsInFlight: configuration.maxRequestsInFlight
                )
                logger.info("Modbus connected", metadata: ["host": "\(configuration.host)", "port": "\(configuration.port)"])
                connected = true
                failures = 0
                reportedDown = false
                await poll(using: client)
                await client.close()
                connected = false
                guard !Task.isCancelled else { return }
                note(error: ModbusError.connectionClosed)
            } catch {
                note(error: error)
                failures += 1
            }
            if !reportedDown {
                reportedDown = true
                emitAllBad(reason: lastError ?? "disconnected")
            }
            let delay = configuration.backoff.delay(afterFailures: failures)
            logger.warning("Modbus reconnecting", metadata: ["delay": "\(delay)", "error": "\(lastError ?? "")"])
            try? await Task.sleep(for: delay)
        }
    }

    private func poll(using client: ModbusClient) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await client.waitUntilClosed() }
            for pollGroup in configuration.groups {
                group.addTask(executorPreference: client.taskExecutor) {
                    await self.pollLoop(pollGroup, client: client)
                }
            }
            await group.next()
            group.cancelAll()
            await client.close()
        }
    }

    private nonisolated func pollLoop(_ group: ModbusPollGroup, client: ModbusClient) async {
        let parsed = group.addresses.map { text in
            Result { () throws(ModbusAddressError) in
                try ModbusAddress(parsing: text, defaultOrder: configuration.defaultOrder)
            }
        }
        let valid = parsed.compactMap { try? $0.get() }
        let clock = ContinuousClock()
        var deadline = clock.now
        while !Task.isCancelled {
            let started = clock.now
            let result = await client.read(valid, unitId: configuration.unitId, planner: configuration.planner)
            let finished = clock.now
            let timestamp = Date()
            let samples = zip(group.addresses, parsed).map { text, address in
                Self.sample(text, address.mapError { $0 as any Error }.flatMap { address in
                    result.values[address]?.mapError { $0 as any Error } ?? .failure(ModbusError.malformedResponse("not read"))
                }, at: timestamp)
            }
            await record(result, roundTrip: started.duration(to: finished), at: finished, samples: samples)
            deadline = ModbusPollSchedule.nextDeadline(after: deadline, period: group.period, now: clock.now)
            do {
                try await Task.sleep(until: deadline, clock: clock)
            } catch {
                return
            }
        }
    }

    private func record(_ result: ModbusReadResult, roundTrip: Duration, at instant: ContinuousClock.Instant, samples: [ModbusSample]) {
        lastRoundTrip = roundTrip
        answered.append((instant, result.answeredCount))
        answered.removeAll { $0.at.duration(to: instant) > Self.rateWindow }
        for sample in samples {
            if let error = sample.error { lastError = error }
            continuation.yield(sample)
        }
    }

    private func note(error: any Error) {
        lastError = "\(error)"
    }

    private func emitAllBad(reason: String) {
        let timestamp = Date()
        for group in configuration.groups {
            for address in group.addresses {
                continuation.yield(ModbusSample(address: address, value: nil, timestamp: timestamp, quality: .bad, error: reason))
            }
        }
    }

    private static func sample(_ address: String, _ outcome: Result<ModbusValue, any Error>, at timestamp: Date) -> ModbusSample {
        switch outcome {
        case .success(let value):
            ModbusSample(address: address, value: value, timestamp: timestamp, quality: .good, error: nil)
        case .failure(let error):
            ModbusSample(address: address, value: nil, timestamp: timestamp, quality: .bad, error: "\(error)")
        }
    }
}
