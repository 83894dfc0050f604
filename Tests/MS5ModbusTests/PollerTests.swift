import Logging
import MS5Modbus
import MS5Retry
import Testing

/// The poller against the pymodbus simulator: isolation of bad addresses and reconnecting.
@Suite(.timeLimit(.minutes(2))) struct PollerTests {
    private func configuration(port: Int, addresses: [String]) -> ModbusPoller.Configuration {
        ModbusPoller.Configuration(
            host: "127.0.0.1",
            port: port,
            unitId: 1,
            groups: [ModbusPollGroup(name: "fast", period: .milliseconds(100), addresses: addresses)],
            backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)),
            requestTimeout: .seconds(5),
            planner: ModbusRequestPlanner(maxRegisterGap: 250, maxBitGap: 100)
        )
    }

    @Test func oneBadAddressDoesNotFailTheGroup() async throws {
        let port = try await PeerProcess.freePort()
        let peer = try PeerProcess.pymodbus(port: port)
        defer { peer.stop() }
        try await peer.waitUntilAccepting(port: port)

        let addresses = ["40031:float32", "hr:205", "hr:12:int32:cdab", "co:0", "co:70", "hr:x"]
        let poller = ModbusPoller(configuration: configuration(port: port, addresses: addresses), logger: Logger(label: "test"))
        let log = SampleLog()
        let drain = log.collect(poller.samples)
        await poller.start()
        do {
            // A loaded machine may time out the first reads, which marks every address bad once:
            // wait for a round in which the device itself answered.
            try await waitUntil("a round the device answered", timeout: .seconds(60)) {
                for address in addresses where await log.latest(address) == nil { return false }
                guard await log.latest("40031:float32")?.quality == .good, await log.latest("co:0")?.quality == .good,
                      await log.latest("hr:12:int32:cdab")?.quality == .good
                else { return false }
                return await log.latest("hr:205")?.error?.contains("illegal data address") == true
            }
            #expect(await log.latest("40031:float32")?.value == .float32(123.456))
            #expect(await log.latest("hr:12:int32:cdab")?.value == .int32(-123_456_789))
            #expect(await log.latest("co:0")?.value == .bool(true))
            #expect(await log.latest("co:0")?.quality == .good)
            let badRegister = await log.latest("hr:205")
            #expect(badRegister?.quality == .bad && badRegister?.value == nil)
            #expect(badRegister?.error?.contains("illegal data address") == true)
            #expect(await log.latest("co:70")?.quality == .bad)
            #expect(await log.latest("hr:x")?.error?.contains("not a number") == true)
            let health = await poller.snapshot()
            #expect(health.connected)
            #expect(health.lastRoundTrip != nil)
        } catch {
            await poller.stop()
            throw error
        }
        await poller.stop()
        await drain.value
    }

    @Test func reconnectsAfterThePeerRestarts() async throws {
        let port = try await PeerProcess.freePort()
        var peer = try PeerProcess.pymodbus(port: port)
        defer { peer.stop() }
        try await peer.waitUntilAccepting(port: port)

        let poller = ModbusPoller(configuration: configuration(port: port, addresses: ["40001", "co:0"]), logger: Logger(label: "test"))
        let log = SampleLog()
        let drain = log.collect(poller.samples)
        await poller.start()
        do {
            try await waitUntil("a good sample arrives") { await log.latest("40001")?.quality == .good }
            #expect(await poller.snapshot().connected)

            peer.stop()
            try await waitUntil("the poller reports the disconnect") { await !poller.snapshot().connected }
            try await waitUntil("a bad sample arrives") { await log.latest("40001")?.quality == .bad }
            #expect(await poller.snapshot().lastError != nil)

            let mark = await log.count
            peer = try PeerProcess.pymodbus(port: port)
            try await waitUntil("samples flow again") { await log.latest("40001", after: mark)?.quality == .good }
            #expect(await log.latest("40001")?.value == .uint16(0x1234))
            let health = await poller.snapshot()
            #expect(health.connected)
            #expect(health.reconnectAttempts >= 1)
            try await waitUntil("reads are counted") { await poller.snapshot().readsPerSecond > 0 }
        } catch {
            await poller.stop()
            throw error
        }
        await poller.stop()
        await drain.value
    }
}
