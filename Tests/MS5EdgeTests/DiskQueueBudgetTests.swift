import MS5Edge
import Foundation
import Testing

@Suite("DiskQueue: byte budget and dead letters")
struct DiskQueueBudgetTests {
    static let tenSamples = 10 * DiskQueue.estimatedBytesPerSample

    @Test("refuseNew refuses the whole append, keeps everything queued and raises an alarm")
    func refuseNew() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let alarms = AlarmRecorder()
        let queue = try await Fixture.openQueue(
            directory.path("queue.sqlite"), .init(maximumBytes: Self.tenSamples, overflowPolicy: .refuseNew, firstSequence: 1),
            alarms: alarms)
        try await queue.append(Fixture.samples(0..<8))
        let queued = 8 * DiskQueue.estimatedBytesPerSample
        await #expect(throws: DiskQueueError.queueFull(queuedBytes: queued, maximumBytes: Self.tenSamples, refusedSamples: 3)) {
            try await queue.append(Fixture.samples(8..<11))
        }
        #expect(alarms.alarms == [.queueFull(queuedBytes: queued, maximumBytes: Self.tenSamples, refusedSamples: 3)])
        #expect(await queue.backlog.samples == 8)
        try await queue.append(Fixture.samples(8..<10))  // exactly fills the budget
        #expect(try await Fixture.drain(queue).flatMap(\.samples) == Fixture.samples(0..<10))
        #expect(await queue.droppedSampleCount == 0)
        try await queue.append(Fixture.samples(10..<20))  // room again once delivered
        try await queue.close()
    }

    @Test("dropOldest drops the oldest unbatched samples, never the formed batch, and counts them")
    func dropOldest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        let alarms = AlarmRecorder()
        let configuration = DiskQueue.Configuration(maximumBytes: Self.tenSamples, overflowPolicy: .dropOldest, firstSequence: 1)
        var queue = try await Fixture.openQueue(path, configuration, alarms: alarms)
        try await queue.append(Fixture.samples(0..<6))
        let inFlight = try #require(try await queue.nextBatch(maxSamples: 3))  // 0, 1, 2
        #expect(try await queue.append(Fixture.samples(6..<12)) == 2)  // drops 3 and 4
        #expect(await queue.backlog.samples == 10)
        // More new samples than the room left beside the formed batch: only the newest 7 stay.
        #expect(try await queue.append(Fixture.samples(12..<24)) == 12)
        #expect(alarms.alarms == [.samplesDropped(count: 2, totalDropped: 2), .samplesDropped(count: 12, totalDropped: 14)])
        try await queue.close()

        queue = try await Fixture.openQueue(path, configuration)
        #expect(await queue.droppedSampleCount == 14, "the drop count is persisted")
        let batches = try await Fixture.drain(queue)
        #expect(batches.first == inFlight)
        #expect(batches.flatMap(\.samples) == Fixture.samples(0..<3) + Fixture.samples(17..<24))
        try await queue.close()
    }

    @Test("a dead-lettered batch leaves the queue with the server's answer and is counted")
    func deadLettering() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        var queue = try await Fixture.openQueue(path)
        try await queue.append(Fixture.samples(0..<12))
        let poisoned = try #require(try await queue.nextBatch(maxSamples: 5))
        await #expect(throws: DiskQueueError.unknownBatch(sequence: poisoned.sequence + 1)) {
            try await queue.deadLetter(sequence: poisoned.sequence + 1, reason: "not formed")
        }
        let reason = #"HTTP 422: {"errors": [{"pointer": "/samples/3/metricId"}]}"#
        #expect(try await queue.deadLetter(sequence: poisoned.sequence, reason: reason) == 5)
        #expect(await queue.backlog.samples == 7)
        let next = try #require(try await queue.nextBatch())
        #expect(next.sequence == poisoned.sequence + 1)
        #expect(next.samples == Fixture.samples(5..<12))
        try await queue.close()

        queue = try await Fixture.openQueue(path)
        #expect(await queue.deadLetteredBatchCount == 1)
        let letters = try await queue.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.sequence == poisoned.sequence)
        #expect(letters.first?.reason == reason)
        #expect(letters.first?.samples == poisoned.samples)
        #expect(try await queue.removeDeadLetter(sequence: poisoned.sequence))
        #expect(try await queue.deadLetters().isEmpty)
        #expect(await queue.deadLetteredBatchCount == 1, "the count is a lifetime total")
        try await queue.close()
    }
}
