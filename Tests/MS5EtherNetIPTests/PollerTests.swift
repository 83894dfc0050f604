import MS5EtherNetIP
import MS5EtherNetIPSimulator
import MS5Retry
import Testing

/// The poller across a controller outage: reports the disconnect, reconnects with backoff, resumes.
@Suite struct PollerTests {
    @Test func deadlinesDoNotDrift() {
        let clock = ContinuousClock()
        let start = clock.now
        let period = Duration.milliseconds(100)
        #expect(PollGroup.nextDeadline(after: start, period: period, now: start + .milliseconds(30)) == start + period)
        // A stall of 350 ms skips to the next slot on the original grid.
        #expect(PollGroup.nextDeadline(after: start, period: period, now: start + .milliseconds(350)) == start + .milliseconds(400))
        #expect(PollGroup(name: "fast", period: .milliseconds(10), tags: []).period == .milliseconds(100))
    }

    @Test func reconnectsAfterOutage() async throws {
        let table = SimulatedTagTable([TagDefinition(name: "Counter", dataType: "DINT"), TagDefinition(name: "Speed", dataType: "REAL")].compactMap { $0 })
        var server = EtherNetIPServer(tags: table)
        let port = try await server.start(host: "127.0.0.1", port: 0)
        try table.setValue("Counter", .dint(1))
        let poller = Poller(configuration: .init(
            host: "127.0.0.1", port: port, slot: 0,
            groups: [PollGroup(name: "fast", period: .milliseconds(100), tags: ["Counter", "Speed", "Missing"])],
            backoff: Backoff(initial: .milliseconds(100), maximum: .milliseconds(400)),
            client: .init(requestTimeout: .seconds(1), connectTimeout: .seconds(1))))
        await poller.start()
        var iterator = poller.samples.makeAsyncIterator()

        func next(where predicate: (TagSample) -> Bool) async -> TagSample? {
            while let sample = await iterator.next() { if predicate(sample) { return sample } }
            return nil
        }

        let first = await next { $0.tag == "Counter" && $0.quality == .good }
        #expect(first?.value == .dint(1))
        let missing = await next { $0.tag == "Missing" }
        #expect(missing?.quality == .bad)
        #expect(await poller.snapshot().connected)

        await server.stop()
        let failure = await next { $0.quality == .communicationFailure }
        #expect(failure != nil)
        let down = await poller.snapshot()
        #expect(!down.connected)
        #expect(down.lastError != nil)

        try await Task.sleep(for: .milliseconds(500))
        try table.setValue("Counter", .dint(2))
        server = EtherNetIPServer(tags: table)
        try await server.start(host: "127.0.0.1", port: port)
        let resumed = await next { $0.tag == "Counter" && $0.value == .dint(2) }
        #expect(resumed?.quality == .good)
        let health = await poller.snapshot()
        // At least the first connection and the one after the outage; a request timing out on a
        // loaded machine may add more, which is the poller doing its job.
        #expect(health.connected && health.connections >= 2)
        #expect(health.lastRoundTrip != nil && health.readsPerSecond > 0)
        await poller.stop()
        await server.stop()
    }
}
