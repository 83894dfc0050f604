import Foundation
import Logging
import SQLiteNIO

/// A durable first-in-first-out queue of ``EdgeSample``s in one SQLite file, built to lose nothing
/// through network outages, restarts and `kill -9`.
///
/// - Durability: WAL journal with `synchronous = FULL`; every append, batch formation,
///   acknowledgement and dead-lettering is one transaction that is on disk when the call returns.
/// - Exactly-once delivery: ``nextBatch(maxSamples:)`` assigns a persisted, strictly increasing
///   sequence number to the oldest unbatched samples and returns that same batch until it is
///   ``acknowledge(sequence:)``d or ``deadLetter(sequence:reason:)``ed, also after a restart, so the
///   server's (source, sequence) de-duplication makes re-sending safe.
/// - Order: samples are batched in the order they were appended.
/// - Budget: ``Configuration/maximumBytes`` with an explicit ``OverflowPolicy``.
///
/// Open one `DiskQueue` per file and process, and ``close()`` it when done.
public actor DiskQueue {
    /// The bytes one queued sample is counted as against the budget. Its SQLite row (row id, the metric
    /// UUID as two 64-bit integers, timestamp, value, quality) with b-tree overhead measures about
    /// 34 bytes on disk; 40 leaves room for page slack.
    public static let estimatedBytesPerSample: Int64 = 40
    /// The largest batch the server accepts.
    public static let maximumBatchSamples = 10_000

    /// The queue file's path.
    public nonisolated let path: String
    /// The limits and policies in force.
    public nonisolated let configuration: Configuration

    let store: QueueStore
    let logger: Logger
    let alarmHandler: EdgeAlarmHandler?
    var queuedSamples: Int
    var inFlightSamples: Int
    var droppedTotal: Int64
    var deadLetteredTotal: Int64
    var isClosed = false
    var overflowEpisode = false
    private var gateBusy = false
    private var gateWaiters: [CheckedContinuation<Void, Never>] = []

    private init(store: QueueStore, configuration: Configuration, logger: Logger, alarmHandler: EdgeAlarmHandler?,
                 queuedSamples: Int, inFlightSamples: Int, droppedTotal: Int64, deadLetteredTotal: Int64) {
        self.path = store.path
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.alarmHandler = alarmHandler
        self.queuedSamples = queuedSamples
        self.inFlightSamples = inFlightSamples
        self.droppedTotal = droppedTotal
        self.deadLetteredTotal = deadLetteredTotal
    }

    /// Opens the queue file at `path`, creating it if needed, and recovers whatever a crash left.
    /// - Parameters:
    ///   - path: The SQLite file; its directory must exist. `-wal` and `-shm` files live beside it.
    ///   - configuration: Budget and policies.
    ///   - logger: Where the queue logs.
    ///   - alarmHandler: Receives ``EdgeAlarm/queueFull(queuedBytes:maximumBytes:refusedSamples:)`` and
    ///     ``EdgeAlarm/samplesDropped(count:totalDropped:)``.
    public static func open(
        path: String,
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "ms5.edge.queue"),
        alarmHandler: EdgeAlarmHandler? = nil
    ) async throws -> DiskQueue {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let store = QueueStore(connection: connection, path: path)
        do {
            let firstSequence = configuration.firstSequence ?? ISO8601Milliseconds.milliseconds(of: Date())
            try await store.prepare(firstSequence: max(1, firstSequence))
            let queued = try await store.integer("SELECT COUNT(*) FROM samples") ?? 0
            var inFlight: Int64 = 0
            if let formed = try await store.formedBatch() {
                inFlight = try await store.integer("SELECT COUNT(*) FROM samples WHERE id BETWEEN ? AND ?",
                                                   [.integer(Int(formed.firstID)), .integer(Int(formed.lastID))]) ?? 0
            }
            let queue = DiskQueue(
                store: store, configuration: configuration, logger: logger, alarmHandler: alarmHandler,
                queuedSamples: Int(queued), inFlightSamples: Int(inFlight),
                droppedTotal: try await store.meta("dropped_total"),
                deadLetteredTotal: try await store.meta("dead_lettered_total"))
            logger.info("Opened edge queue", metadata: ["path": "\(path)", "samples": "\(queued)"])
            return queue
        } catch {
            try? await connection.close()
            throw error
        }
    }

    deinit {
        if !isClosed { _ = store.connection.close() }
    }

    /// Closes the file. Later calls throw ``DiskQueueError/closed``; closing twice is harmless.
    public func close() async throws {
        do {
            try await exclusively {
                self.isClosed = true
                try await self.store.connection.close()
            }
        } catch DiskQueueError.closed {
            return
        }
    }

    /// Samples and bytes waiting to be delivered.
    public var backlog: QueueBacklog {
        QueueBacklog(samples: queuedSamples, samplesInFlight: inFlightSamples,
                     bytes: Int64(queuedSamples) * Self.estimatedBytesPerSample)
    }

    /// Samples dropped by ``OverflowPolicy/dropOldest`` over the life of the queue file.
    public var droppedSampleCount: Int64 { droppedTotal }

    /// Batches moved to the dead-letter table over the life of the queue file.
    public var deadLetteredBatchCount: Int64 { deadLetteredTotal }

    /// The timestamp of the sample at the head of the queue (the oldest one appended that is still
    /// waiting), or `nil` when the queue is empty. Now minus this is how far delivery lags.
    public var oldestTimestamp: Date? {
        get async throws {
            try await exclusively {
                try await self.store.integer("SELECT ts_ms FROM samples ORDER BY id LIMIT 1")
                    .map(ISO8601Milliseconds.date(fromMilliseconds:))
            }
        }
    }

    /// Appends samples at the tail of the queue in one transaction: all of them are durable when this
    /// returns, or none is. Samples the server would refuse (non-finite value, quality outside 0...255)
    /// are refused here with ``DiskQueueError/invalidSample(index:reason:)``, before anything is written.
    ///
    /// At the byte budget, ``OverflowPolicy/refuseNew`` throws ``DiskQueueError/queueFull(queuedBytes:maximumBytes:refusedSamples:)``
    /// and ``OverflowPolicy/dropOldest`` deletes the oldest unbatched samples first.
    /// - Returns: How many samples were dropped to make room (always 0 under `.refuseNew`).
    @discardableResult
    public func append(_ samples: [EdgeSample]) async throws -> Int {
        if let index = samples.firstIndex(where: { !$0.value.isFinite }) {
            throw DiskQueueError.invalidSample(index: index, reason: "value \(samples[index].value) is not finite")
        }
        if let index = samples.firstIndex(where: { !(0...255).contains($0.quality) }) {
            throw DiskQueueError.invalidSample(index: index, reason: "quality \(samples[index].quality) is not 0...255")
        }
        guard !samples.isEmpty else { return 0 }
        return try await exclusively {
            let capacity = Int(max(0, self.configuration.maximumBytes / Self.estimatedBytesPerSample))
            let excess = self.queuedSamples + samples.count - capacity
            guard excess > 0 else {
                try await self.transaction { try await self.store.insert(samples[...]) }
                self.queuedSamples += samples.count
                self.overflowEpisode = false
                return 0
            }
            switch self.configuration.overflowPolicy {
            case .refuseNew:
                self.reportOverflow(.queueFull(queuedBytes: self.backlog.bytes, maximumBytes: self.configuration.maximumBytes,
                                               refusedSamples: samples.count))
                throw DiskQueueError.queueFull(queuedBytes: self.backlog.bytes, maximumBytes: self.configuration.maximumBytes,
                                               refusedSamples: samples.count)
            case .dropOldest:
                return try await self.appendDroppingOldest(samples, excess: excess)
            }
        }
    }

    private func appendDroppingOldest(_ samples: [EdgeSample], excess: Int) async throws -> Int {
        let dropQueued = min(excess, queuedSamples - inFlightSamples)
        let dropNew = min(excess - dropQueued, samples.count)
        let total = droppedTotal + Int64(dropQueued + dropNew)
        try await transaction {
            if dropQueued > 0 { try await self.store.deleteOldestUnbatched(dropQueued) }
            try await self.store.insert(samples[dropNew...])
            try await self.store.setMeta("dropped_total", total)
        }
        queuedSamples += samples.count - dropNew - dropQueued
        droppedTotal = total
        reportOverflow(.samplesDropped(count: dropQueued + dropNew, totalDropped: total))
        return dropQueued + dropNew
    }

    private func reportOverflow(_ alarm: EdgeAlarm) {
        let level: Logger.Level = overflowEpisode ? .debug : .error
        overflowEpisode = true
        logger.log(level: level, "Edge queue at its byte budget", metadata: [
            "alarm": "\(alarm)", "policy": "\(configuration.overflowPolicy)", "path": "\(path)",
        ])
        alarmHandler?(alarm)
    }

    /// Runs `body` with no other queue operation interleaved (actor methods re-enter at every `await`,
    /// and all of them share one SQLite connection and its transaction).
    func exclusively<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if gateBusy {
            await withCheckedContinuation { gateWaiters.append($0) }
        } else {
            gateBusy = true
        }
        defer {
            if gateWaiters.isEmpty { gateBusy = false } else { gateWaiters.removeFirst().resume() }
        }
        guard !isClosed else { throw DiskQueueError.closed }
        return try await body()
    }

    /// Runs `body` in an immediate transaction; callers already hold ``exclusively(_:)``.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await store.execute("BEGIN IMMEDIATE")
        do {
            let result = try await body()
            try await store.execute("COMMIT")
            return result
        } catch {
            try? await store.execute("ROLLBACK")
            throw error
        }
    }
}
