import MS5Edge
import Foundation
import ServiceLifecycleTestKit
import Testing

/// The forwarder against a real HTTP server (Tests/…/Resources/telemetry_server.py on 127.0.0.1).
@Suite("Forwarder against a real HTTP server")
struct ForwarderTests {
    @Test("delivers everything exactly once and in order through a server outage")
    func outage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer { server in
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            let forwarder = try ForwarderHarness.forwarder(queue, server: server)
            try await queue.append(Fixture.samples(0..<500))
            try await ForwarderHarness.withRunning(forwarder) {
                try await eventually("the first 500 samples stored") { try server.storedSamples().count == 500 }
                await server.kill()
                try await queue.append(Fixture.samples(500..<1000))
                try await eventually("retries while the server is down") {
                    let status = forwarder.status
                    return status.retries >= 3 && !status.connected && status.lastError != nil
                }
                #expect(await queue.backlog.samples >= 500, "nothing is dropped while the server is down")
                try await server.restart()
                try await queue.append(Fixture.samples(1000..<1500))
                try await eventually("the backlog delivered") { await queue.backlog.samples == 0 }
            }
            let stored = try server.stored()
            #expect(stored.flatMap(\.samples) == Fixture.samples(0..<1500), "all, once each, in order")
            #expect(ForwarderHarness.increasing(stored.map(\.sequence)))
            #expect(stored.allSatisfy { $0.source == "edge-line1" && $0.samples.count <= 100 })
            let status = forwarder.status
            #expect(status.samplesSent == 1500)
            #expect(status.batchesSent == stored.count)
            #expect(status.connected)
            #expect(status.lastSuccess != nil)
            #expect(status.backlog == .empty)
            #expect(status.rate > 0)
            #expect(!status.running)
            try await queue.close()
        }
    }

    @Test("retries the same sequence after 503; a lost answer resolves as a duplicate")
    func retriesSameSequence() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer { server in
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            let forwarder = try ForwarderHarness.forwarder(queue, server: server)
            try await server.control(["failCount": 2, "failStatus": 503])
            try await queue.append(Fixture.samples(0..<30))
            try await ForwarderHarness.withRunning(forwarder) {
                try await eventually("the first batch delivered") { await queue.backlog.samples == 0 }
                // The server stores the next batch but its answer is lost: the forwarder must resend it.
                try await server.control(["storeThenFailCount": 1])
                try await queue.append(Fixture.samples(30..<60))
                try await eventually("the second batch delivered") { await queue.backlog.samples == 0 }
            }
            let answered = try server.answered()
            #expect(answered.map(\.status) == [503, 503, 200, 503, 200])
            let sequences = answered.compactMap(\.sequence)
            #expect(Set(sequences[0..<3]).count == 1 && Set(sequences[3..<5]).count == 1 && sequences[2] < sequences[3])
            #expect(answered[0..<3].allSatisfy { $0.samples == Fixture.samples(0..<30) }, "the same samples every time")
            #expect(answered[3..<5].allSatisfy { $0.samples == Fixture.samples(30..<60) })
            #expect(answered[4].duplicate == true)
            #expect(try server.storedSamples() == Fixture.samples(0..<60), "stored exactly once")
            let status = forwarder.status
            #expect(status.retries == 3)
            #expect(status.batchesSent == 2 && status.duplicateBatches == 1 && status.samplesSent == 60)
            #expect(status.lastError?.contains("503") == true)
            try await queue.close()
        }
    }

    @Test("dead-letters a batch answered 422 and goes on with the rest")
    func deadLetters422() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer { server in
            let alarms = AlarmRecorder()
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            let forwarder = try ForwarderHarness.forwarder(queue, server: server, maxBatchSamples: 10, alarms: alarms)
            try await server.control(["unknownMetrics": [Fixture.poisonMetric.uuidString]])
            var poisoned = Fixture.samples(10..<20)
            poisoned[3].metricId = Fixture.poisonMetric
            try await queue.append(Fixture.samples(0..<10))
            try await queue.append(poisoned)
            try await queue.append(Fixture.samples(20..<30))
            try await ForwarderHarness.withRunning(forwarder) {
                try await eventually("the queue drained") { await queue.backlog.samples == 0 }
            }
            let stored = try server.stored()
            #expect(stored.flatMap(\.samples) == Fixture.samples(0..<10) + Fixture.samples(20..<30))
            let letters = try await queue.deadLetters()
            #expect(letters.count == 1)
            let letter = try #require(letters.first)
            #expect(letter.samples == poisoned)
            #expect(letter.sequence == stored[0].sequence + 1 && letter.sequence == stored[1].sequence - 1)
            #expect(letter.reason.hasPrefix("HTTP 422"))
            #expect(letter.reason.contains("/samples/3/metricId"), "the server's problem document is kept")
            #expect(alarms.alarms == [.batchDeadLettered(sequence: letter.sequence, sampleCount: 10, reason: letter.reason)])
            #expect(forwarder.status.deadLettered == 1)
            #expect(await queue.deadLetteredBatchCount == 1)
            try await queue.close()
        }
    }

    @Test("keeps all data through 401, alarms once, and delivers once the token is accepted")
    func keepsDataOn401() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer(token: "rotated-token") { server in
            let alarms = AlarmRecorder()
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            let forwarder = try ForwarderHarness.forwarder(queue, server: server, token: "old-token", alarms: alarms)
            try await queue.append(Fixture.samples(0..<40))
            try await ForwarderHarness.withRunning(forwarder) {
                try await eventually("repeated 401s") {
                    let answered = try server.answered().count
                    return forwarder.status.authenticationFailed && answered >= 3
                }
                #expect(try server.answered().allSatisfy { $0.status == 401 })
                #expect(try server.storedSamples().isEmpty)
                #expect(await queue.backlog.samples == 40, "the data is kept")
                #expect(alarms.alarms == [.authenticationRejected(statusCode: 401)], "one alarm for the run of failures")
                #expect(forwarder.status.connected == false)
                try await server.control(["token": "old-token"])  // the server now accepts the edge's token
                try await eventually("delivery after the fix") { await queue.backlog.samples == 0 }
            }
            #expect(try server.storedSamples() == Fixture.samples(0..<40))
            #expect(!forwarder.status.authenticationFailed)
            try await queue.close()
        }
    }

    @Test("graceful shutdown lets the request in flight finish and be acknowledged, then stops")
    func gracefulShutdownAfterRequestInFlight() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer { server in
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            let forwarder = try ForwarderHarness.forwarder(queue, server: server, maxBatchSamples: 10)
            try await queue.append(Fixture.samples(0..<20))
            try await server.control(["hold": true])
            try await testGracefulShutdown { trigger in
                let running = Task { try await forwarder.run() }
                do {
                    try await eventually("a request in flight") { try server.requests().count == 1 }
                    trigger.triggerGracefulShutdown()
                    try await server.control(["hold": false])
                    try await running.value
                } catch {
                    running.cancel()
                    try await server.control(["hold": false])
                    throw error
                }
            }
            #expect(try server.storedSamples() == Fixture.samples(0..<10), "the request in flight completed")
            #expect(try server.requests().count == 2, "one request, started and answered; no new one")
            #expect(await queue.backlog == QueueBacklog(samples: 10, samplesInFlight: 0, bytes: 10 * DiskQueue.estimatedBytesPerSample),
                    "the delivered batch was acknowledged")
            #expect(!forwarder.status.running)
            try await queue.close()
        }
    }

    @Test("a forwarder cancelled mid-request resends the same sequence on restart; stored once")
    func cancelledMidRequest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await ForwarderHarness.withServer { server in
            let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
            try await queue.append(Fixture.samples(0..<25))
            try await server.control(["hold": true])
            let first = try ForwarderHarness.forwarder(queue, server: server)
            let running = Task { try await first.run() }
            defer { running.cancel() }
            try await eventually("a request in flight") { try server.requests().count == 1 }
            running.cancel()
            _ = try? await running.value
            try await server.control(["hold": false])  // the server now stores what it had received
            try await eventually("the abandoned request answered") { try server.answered().count == 1 }
            #expect(await queue.backlog.samplesInFlight == 25, "not acknowledged: the answer never arrived")

            let second = try ForwarderHarness.forwarder(queue, server: server)
            try await ForwarderHarness.withRunning(second) {
                try await eventually("the batch acknowledged") { await queue.backlog.samples == 0 }
            }
            let answered = try server.answered()
            #expect(answered.count == 2 && answered[0].sequence == answered[1].sequence)
            #expect(answered.map(\.duplicate) == [false, true])
            #expect(try server.storedSamples() == Fixture.samples(0..<25))
            #expect(second.status.duplicateBatches == 1)
            try await queue.close()
        }
    }
}
