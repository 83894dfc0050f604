import Foundation
import Logging
import SQLiteNIO

extension DiskQueue {
    /// The batch to send next.
    ///
    /// If a batch was formed and not yet acknowledged or dead-lettered — in this process or before a
    /// restart or crash — returns that same batch (same sequence, same samples, same order). Otherwise
    /// forms a new one from the oldest unbatched samples, assigns it the next sequence number and
    /// persists both in one transaction before returning it.
    /// - Parameter maxSamples: The most samples a new batch takes, clamped to 1...10,000. A batch
    ///   formed earlier is returned whole even if larger.
    /// - Returns: The batch, or `nil` when nothing is waiting.
    public func nextBatch(maxSamples: Int = DiskQueue.maximumBatchSamples) async throws -> QueuedBatch? {
        let limit = min(max(1, maxSamples), Self.maximumBatchSamples)
        return try await exclusively {
            if let formed = try await self.store.formedBatch() {
                return QueuedBatch(sequence: formed.sequence,
                                   samples: try await self.store.samples(in: formed.firstID...formed.lastID))
            }
            guard self.queuedSamples > 0 else { return nil }
            let formed = try await self.transaction { () -> QueueStore.FormedBatch? in
                let watermark = try await self.store.meta("batched_through")
                let range = try await self.store.connection.query("""
                    SELECT MIN(id) AS first_id, MAX(id) AS last_id, COUNT(*) AS n \
                    FROM (SELECT id FROM samples WHERE id > ? ORDER BY id LIMIT ?)
                    """, [.integer(Int(watermark)), .integer(limit)]).first
                guard let first = range?.column("first_id")?.integer, let last = range?.column("last_id")?.integer,
                      let count = range?.column("n")?.integer, count > 0
                else { return nil }
                let sequence = try await self.store.meta("next_sequence")
                try await self.store.execute("""
                    INSERT INTO batches (sequence, first_id, last_id, sample_count, formed_at_ms) VALUES (?, ?, ?, ?, ?)
                    """, [.integer(Int(sequence)), .integer(first), .integer(last), .integer(count),
                          .integer(Int(ISO8601Milliseconds.milliseconds(of: Date())))])
                try await self.store.setMeta("next_sequence", sequence + 1)
                try await self.store.setMeta("batched_through", Int64(last))
                return QueueStore.FormedBatch(sequence: sequence, firstID: Int64(first), lastID: Int64(last), sampleCount: count)
            }
            guard let formed else { return nil }
            self.inFlightSamples = formed.sampleCount
            return QueuedBatch(sequence: formed.sequence,
                               samples: try await self.store.samples(in: formed.firstID...formed.lastID))
        }
    }

    /// Deletes the samples of the formed batch `sequence`: the server has stored them.
    ///
    /// Acknowledging a sequence that was already acknowledged or dead-lettered does nothing.
    /// - Returns: How many samples were removed.
    /// - Throws: ``DiskQueueError/unknownBatch(sequence:)`` for a sequence that was never formed.
    @discardableResult
    public func acknowledge(sequence: Int64) async throws -> Int {
        try await exclusively {
            guard let formed = try await self.store.formedBatch(), formed.sequence == sequence else {
                guard sequence < (try await self.store.meta("next_sequence")) else {
                    throw DiskQueueError.unknownBatch(sequence: sequence)
                }
                return 0
            }
            try await self.transaction {
                try await self.store.execute("DELETE FROM samples WHERE id BETWEEN ? AND ?",
                                             [.integer(Int(formed.firstID)), .integer(Int(formed.lastID))])
                try await self.store.execute("DELETE FROM batches WHERE sequence = ?", [.integer(Int(sequence))])
            }
            let removed = self.inFlightSamples
            self.queuedSamples -= removed
            self.inFlightSamples = 0
            if self.queuedSamples == 0 { try await self.reclaimSpaceIfWorthIt() }
            return removed
        }
    }

    /// Moves the formed batch `sequence` to the dead-letter table with `reason` (the server's answer),
    /// so that it no longer blocks the queue; counts it.
    /// - Returns: How many samples were moved.
    /// - Throws: ``DiskQueueError/unknownBatch(sequence:)`` unless `sequence` is the formed batch.
    @discardableResult
    public func deadLetter(sequence: Int64, reason: String) async throws -> Int {
        try await exclusively {
            guard let formed = try await self.store.formedBatch(), formed.sequence == sequence else {
                throw DiskQueueError.unknownBatch(sequence: sequence)
            }
            let samples = try await self.store.samples(in: formed.firstID...formed.lastID)
            let json = String(decoding: try JSONEncoder().encode(samples), as: UTF8.self)
            let total = self.deadLetteredTotal + 1
            try await self.transaction {
                try await self.store.execute("""
                    INSERT INTO dead_letters (sequence, reason, dead_lettered_at_ms, sample_count, samples_json) \
                    VALUES (?, ?, ?, ?, ?)
                    """, [.integer(Int(sequence)), .text(reason), .integer(Int(ISO8601Milliseconds.milliseconds(of: Date()))),
                          .integer(samples.count), .text(json)])
                try await self.store.execute("DELETE FROM samples WHERE id BETWEEN ? AND ?",
                                             [.integer(Int(formed.firstID)), .integer(Int(formed.lastID))])
                try await self.store.execute("DELETE FROM batches WHERE sequence = ?", [.integer(Int(sequence))])
                try await self.store.setMeta("dead_lettered_total", total)
            }
            self.queuedSamples -= self.inFlightSamples
            self.inFlightSamples = 0
            self.deadLetteredTotal = total
            self.logger.error("Dead-lettered an edge batch", metadata: [
                "sequence": "\(sequence)", "samples": "\(samples.count)", "reason": "\(reason)",
            ])
            return samples.count
        }
    }

    /// The dead-lettered batches, oldest first, with their samples and the server's answers.
    public func deadLetters() async throws -> [DeadLetter] {
        try await exclusively {
            let rows = try await self.store.connection.query(
                "SELECT sequence, reason, dead_lettered_at_ms, samples_json FROM dead_letters ORDER BY sequence")
            return try rows.map { row in
                DeadLetter(
                    sequence: Int64(row.column("sequence")?.integer ?? 0),
                    reason: row.column("reason")?.string ?? "",
                    deadLetteredAt: ISO8601Milliseconds.date(
                        fromMilliseconds: Int64(row.column("dead_lettered_at_ms")?.integer ?? 0)),
                    samples: try JSONDecoder().decode(
                        [EdgeSample].self, from: Data((row.column("samples_json")?.string ?? "[]").utf8)))
            }
        }
    }

    /// Deletes the dead-letter record of `sequence` once an operator has dealt with it.
    /// - Returns: Whether such a record existed.
    @discardableResult
    public func removeDeadLetter(sequence: Int64) async throws -> Bool {
        try await exclusively {
            let existed = try await self.store.integer(
                "SELECT COUNT(*) FROM dead_letters WHERE sequence = ?", [.integer(Int(sequence))]) ?? 0
            try await self.store.execute("DELETE FROM dead_letters WHERE sequence = ?", [.integer(Int(sequence))])
            return existed > 0
        }
    }

    /// Returns free pages to the file system once the queue has drained a large backlog
    /// (more than 4 MiB free), so that an outage does not leave the file at its peak size.
    private func reclaimSpaceIfWorthIt() async throws {
        let freePages = try await store.integer("PRAGMA freelist_count") ?? 0
        guard freePages > 1024 else { return }
        try await store.execute("PRAGMA incremental_vacuum")
        logger.debug("Reclaimed free pages of the edge queue", metadata: ["pages": "\(freePages)"])
    }
}
