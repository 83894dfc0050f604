import MS5Edge
import Foundation
import Testing

@Suite("DiskQueue: batching, acknowledgement, restarts")
struct DiskQueueTests {
    @Test("append, batch, acknowledge round trip")
    func roundTrip() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
        try await queue.append(Fixture.samples(0..<25))
        #expect(await queue.backlog == QueueBacklog(samples: 25, samplesInFlight: 0, bytes: 25 * DiskQueue.estimatedBytesPerSample))

        let first = try #require(try await queue.nextBatch(maxSamples: 10))
        #expect(first.sequence == 1)
        #expect(first.samples == Fixture.samples(0..<10))
        #expect(await queue.backlog.samplesInFlight == 10)
        #expect(try await queue.nextBatch(maxSamples: 3) == first, "an unacknowledged batch is returned again, whole")
        #expect(try await queue.acknowledge(sequence: first.sequence) == 10)
        #expect(try await queue.acknowledge(sequence: first.sequence) == 0, "acknowledging twice is harmless")

        let second = try #require(try await queue.nextBatch(maxSamples: 10))
        #expect(second.sequence == 2)
        #expect(second.samples == Fixture.samples(10..<20))
        try await queue.acknowledge(sequence: 2)
        let third = try #require(try await queue.nextBatch(maxSamples: 10))
        #expect(third.samples == Fixture.samples(20..<25))
        try await queue.acknowledge(sequence: 3)
        #expect(try await queue.nextBatch() == nil)
        #expect(await queue.backlog == .empty)
        await #expect(throws: DiskQueueError.unknownBatch(sequence: 9)) { try await queue.acknowledge(sequence: 9) }
        try await queue.close()
    }

    @Test("a formed batch comes back identical after the queue is closed and reopened")
    func formedBatchSurvivesRestart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        var queue = try await Fixture.openQueue(path)
        try await queue.append(Fixture.samples(0..<7))
        try await queue.append(Fixture.samples(7..<15))
        let formed = try #require(try await queue.nextBatch(maxSamples: 10))
        try await queue.append(Fixture.samples(15..<20))
        try await queue.close()

        queue = try await Fixture.openQueue(path)
        #expect(await queue.backlog == QueueBacklog(samples: 20, samplesInFlight: 10, bytes: 20 * DiskQueue.estimatedBytesPerSample))
        let again = try #require(try await queue.nextBatch(maxSamples: 4))
        #expect(again == formed)
        #expect(again.samples == Fixture.samples(0..<10))
        try await queue.acknowledge(sequence: again.sequence)
        let rest = try await Fixture.drain(queue)
        #expect(rest.flatMap(\.samples) == Fixture.samples(10..<20))
        #expect(rest.map(\.sequence) == [formed.sequence + 1])
        try await queue.close()
    }

    @Test("sequence numbers increase and never repeat across reopening")
    func sequencesNeverRepeat() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        var sequences: [Int64] = []
        var leftover: QueuedBatch?
        for round in 0..<5 {
            // firstSequence only applies to a new file; later rounds must continue, not restart at 1.
            let queue = try await Fixture.openQueue(path, .init(firstSequence: 1))
            try await queue.append(Fixture.samples(round * 10..<round * 10 + 10))
            var batches = try await Fixture.drain(queue, maxSamples: 4)
            if let formed = leftover {
                #expect(batches.first == formed, "the batch left unacknowledged comes first, unchanged")
                batches.removeFirst()
                leftover = nil
            }
            sequences += batches.map(\.sequence)
            if round == 2 {
                try await queue.append(Fixture.samples(1000..<1001))
                let formed = try #require(try await queue.nextBatch())  // left unacknowledged
                sequences.append(formed.sequence)
                leftover = formed
            }
            try await queue.close()
        }
        #expect(sequences.first == 1)
        #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 }, "\(sequences)")
        #expect(Set(sequences).count == sequences.count)
    }

    @Test("a new file's first sequence comes from the clock unless configured")
    func clockBasedFirstSequence() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let before = ISO8601Milliseconds.milliseconds(of: Date())
        let queue = try await DiskQueue.open(path: directory.path("queue.sqlite"), logger: Fixture.quietLogger)
        try await queue.append(Fixture.samples(0..<1))
        let batch = try #require(try await queue.nextBatch())
        #expect(batch.sequence >= before)
        try await queue.close()
    }

    @Test("samples are batched in insertion order, per metric and overall")
    func orderPreserved() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
        var appended: [EdgeSample] = []
        for chunk in stride(from: 0, to: 3000, by: 137) {
            // Out-of-order timestamps must not reorder anything: the queue keeps append order.
            let samples = Fixture.samples(chunk..<min(chunk + 137, 3000)).reversed().map { $0 }
            try await queue.append(samples)
            appended += samples
        }
        let delivered = try await Fixture.drain(queue, maxSamples: 500).flatMap(\.samples)
        #expect(delivered == appended)
        for metric in Fixture.metrics {
            #expect(delivered.filter { $0.metricId == metric } == appended.filter { $0.metricId == metric })
        }
        try await queue.close()
    }

    @Test("the head timestamp and rejected values")
    func oldestTimestampAndValidation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
        #expect(try await queue.oldestTimestamp == nil)
        try await queue.append(Fixture.samples(5..<9))
        #expect(try await queue.oldestTimestamp == Fixture.samples(5..<6)[0].timestamp)
        var bad = Fixture.samples(9..<12)
        bad[1].value = .nan
        await #expect(throws: DiskQueueError.invalidSample(index: 1, reason: "value nan is not finite")) {
            try await queue.append(bad)
        }
        bad[1].value = 1
        bad[2].quality = 256
        await #expect(throws: DiskQueueError.invalidSample(index: 2, reason: "quality 256 is not 0...255")) {
            try await queue.append(bad)
        }
        #expect(await queue.backlog.samples == 4, "a refused append writes nothing")
        try await queue.close()
        try await queue.close()  // harmless
        await #expect(throws: DiskQueueError.closed) { try await queue.append(Fixture.samples(0..<1)) }
    }

    @Test("the file is in WAL mode with incremental auto-vacuum")
    func fileFormat() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("queue.sqlite")
        let queue = try await Fixture.openQueue(path)
        try await queue.append(Fixture.samples(0..<3))
        try await queue.close()
        let header = try #require(FileManager.default.contents(atPath: path)?.prefix(100))
        #expect(Array(header.prefix(16)) == Array("SQLite format 3\0".utf8))
        #expect(header[18] == 2 && header[19] == 2, "file format 2 (read and write) is WAL")
        #expect(header[67] == 1, "incremental-vacuum flag")
    }
}
