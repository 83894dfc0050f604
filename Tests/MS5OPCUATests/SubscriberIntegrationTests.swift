import Foundation
import MS5OPCUA
import MS5Retry
import Testing

/// Subscriptions, the publish loop and recovery against the asyncua peer server.
@Suite("Subscriber against asyncua", .serialized, .timeLimit(.minutes(3)))
struct SubscriberIntegrationTests {
    private func configuration(
        _ url: String, items: [String], deadband: Double? = nil, credentials: OPCUACredentials = .anonymous
    ) -> OPCUASubscriber.Configuration {
        OPCUASubscriber.Configuration(
            endpointURL: url, credentials: credentials,
            items: items.map { .init(nodeID: $0, samplingInterval: .milliseconds(50), absoluteDeadband: deadband, queueSize: 100) },
            publishingInterval: .milliseconds(100),
            maxKeepAliveCount: 3,
            backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)),
            requestTimeout: .seconds(2)
        )
    }

    @Test func counterSubscriptionDeliversConsecutiveValues() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        let subscriber = OPCUASubscriber(configuration: configuration(server.endpointURL, items: ["ns=2;s=Line1.Counter"]), logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        let enough = await collector.wait { notifiedCounterValues($0[...]).count >= 30 }
        await subscriber.stop()
        await collector.cancel()
        #expect(enough)
        let samples = await collector.samples
        #expect(samples.allSatisfy { $0.nodeID == "ns=2;s=Line1.Counter" && $0.quality == .good })
        let values = notifiedCounterValues(samples[...])
        for (previous, next) in zip(values, values.dropFirst()) {
            #expect(next == previous + 1, "gap between \(previous) and \(next)")
        }
        let health = await subscriber.snapshot()
        #expect(health.reconnectAttempts == 0)
        #expect(health.subscriptionsCreated == 1)
        #expect(health.notificationsReceived >= 30)
        #expect(health.lastRoundTrip != nil)
        #expect(health.connected == false)
    }

    @Test func absoluteDeadbandSuppressesSmallChanges() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        // Counter steps by 1 and Ramp by 10 per write; asyncua applies the deadband to the change between writes.
        let items = ["ns=2;s=Line1.Counter", "ns=2;s=Line1.Ramp"]
        let subscriber = OPCUASubscriber(configuration: configuration(server.endpointURL, items: items, deadband: 4.5), logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        let enough = await collector.wait { $0.filter { $0.nodeID == "ns=2;s=Line1.Ramp" }.count >= 12 }
        await subscriber.stop()
        await collector.cancel()
        #expect(enough)
        let samples = await collector.samples
        // Counter: the Read after connecting plus at most the initial notification.
        #expect(samples.filter { $0.nodeID == "ns=2;s=Line1.Counter" }.count <= 2)
    }

    @Test func invalidAndUnknownItemsAreReportedWithoutStoppingOthers() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        let items = ["ns=2;s=Line1.Counter", "ns=2;s=Line1.Missing", "ns=x;i=1"]
        let subscriber = OPCUASubscriber(configuration: configuration(server.endpointURL, items: items), logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        let enough = await collector.wait { samples in
            samples.contains { $0.nodeID == "ns=2;s=Line1.Missing" && $0.status == .badNodeIdUnknown }
                && samples.filter { $0.nodeID == "ns=2;s=Line1.Counter" }.count >= 3
        }
        let health = await subscriber.snapshot()
        await subscriber.stop()
        await collector.cancel()
        #expect(enough)
        #expect(health.lastError?.contains("ns=x;i=1") == true)
        #expect(await collector.samples.allSatisfy { $0.nodeID != "ns=x;i=1" })
    }

    @Test func recoversAfterServerRestart() async throws {
        var server = try await PeerServer()
        defer { server.stop() }
        let port = server.port
        let subscriber = OPCUASubscriber(configuration: configuration(server.endpointURL, items: ["ns=2;s=Line1.Counter"]), logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        #expect(await collector.wait { notifiedCounterValues($0[...]).count >= 3 })
        #expect(await subscriber.snapshot().connected)

        server.stop()
        #expect(await eventually { await !subscriber.snapshot().connected })
        let beforeRestart = await collector.samples.count
        server = try await PeerServer(port: port)
        let restartedAt = Date()

        let recovered = await collector.wait { samples in
            samples.count > beforeRestart
                && samples[beforeRestart...].filter { ($0.serverTimestamp ?? .distantPast) > restartedAt }.count >= 5
        }
        let health = await subscriber.snapshot()
        await subscriber.stop()
        await collector.cancel()
        #expect(recovered)
        #expect(health.connected)
        #expect(health.reconnectAttempts >= 1)
        #expect(health.subscriptionsCreated >= 2)
        #expect(health.lastError != nil)
        // After the restart the values come from the new server's counter and are consecutive again.
        let values = notifiedCounterValues(await collector.samples[beforeRestart...])
        #expect(values.count >= 4)
        for (previous, next) in zip(values, values.dropFirst()) {
            #expect(next == previous + 1, "gap between \(previous) and \(next)")
        }
    }

    @Test func keepAlivesKeepAQuietSubscriptionConnected() async throws {
        let server = try await PeerServer()
        defer { server.stop() }
        let items = OPCUASubscriber.Configuration.Item.group(period: .milliseconds(10), nodeIDs: ["ns=2;s=Line1.Int16"])
        #expect(items.first?.samplingInterval == .milliseconds(100))
        var settings = configuration(server.endpointURL, items: [], credentials: .userName("operator", password: "secret"))
        settings.items = items
        let subscriber = OPCUASubscriber(configuration: settings, logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        // Keep-alives every 3 × 100 ms; the Publish timeout (2 s + 300 ms) is passed several times over.
        let quiet = await eventually { await subscriber.snapshot().keepAlivesReceived >= 12 }
        let health = await subscriber.snapshot()
        await subscriber.stop()
        await collector.cancel()
        #expect(quiet)
        #expect(health.reconnectAttempts == 0)
        #expect(health.subscriptionsCreated == 1)
        let samples = await collector.samples
        #expect(samples.first?.value == .int16(-1234))
        #expect(samples.count <= 2)
    }

    @Test func unresponsiveServerIsDetectedByPublishTimeout() async throws {
        let server = try await PeerServer()
        defer {
            server.resume()
            server.stop()
        }
        let subscriber = OPCUASubscriber(configuration: configuration(server.endpointURL, items: ["ns=2;s=Line1.Counter"]), logger: testLogger)
        let collector = await SampleCollector(subscriber.samples)
        await subscriber.start()
        #expect(await collector.wait { notifiedCounterValues($0[...]).count >= 3 })

        server.pause()
        #expect(await eventually { await !subscriber.snapshot().connected })
        let timedOut = await subscriber.snapshot()
        #expect(timedOut.lastError?.contains("timed out") == true)
        let beforeResume = await collector.samples.count
        server.resume()

        #expect(await collector.wait { notifiedCounterValues($0[beforeResume...]).count >= 3 })
        let health = await subscriber.snapshot()
        await subscriber.stop()
        await collector.cancel()
        #expect(health.connected)
        #expect(health.subscriptionsCreated >= 2)
    }
}
