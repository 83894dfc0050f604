import Foundation
import HummingbirdWSClient
import HummingbirdWebSocket
import MS5JSON
import MS5Realtime
import NIOWebSocket
import Testing

@Suite struct SlowConsumerTests {
    @Test func slowClientIsCoalescedThenDisconnectedWhileFastClientGetsEveryEvent() async throws {
        // The paused client stays silent for as long as a loaded test run takes: only its queue may
        // end it here, never the heartbeat timeout nor a WebSocket ping it cannot answer. Nor may
        // the server give up waiting for its answer to the close frame: the connection dropped,
        // its answer would meet a reset and the client would lose what it had not read yet.
        let configuration = RealtimeHubConfiguration(clientQueueLimit: 32, heartbeatTimeout: .seconds(3600), closeTimeout: .seconds(3600))
        let hub = RealtimeHub(configuration: configuration, logger: TestServer.quietLogger)
        let line = UUID()
        let webSocket = WebSocketServerConfiguration(maxFrameSize: 1 << 20, autoPing: .disabled, closeTimeout: .seconds(3600))
        try await TestServer.withServer(hub: hub, webSocket: webSocket) { port in
            let slow = TestSocket(port: port)
            let fast = TestSocket(port: port)
            var slowMessages = slow.messages.makeAsyncIterator()
            var fastMessages = fast.messages.makeAsyncIterator()
            slow.subscribe(["line:\(line)"])
            fast.subscribe(["line:\(line)"])
            _ = await slowMessages.next(type: "subscribed")
            _ = await fastMessages.next(type: "subscribed")
            await slow.pauseReading()

            // Phase 1: latest values on four keys are coalesced for both clients; nobody is dropped.
            for n in 1...200 {
                hub.publish(RealtimeEvent(type: .values, topics: [.line(line)], payload: .json(.object(["n": .number(Double(n))])), coalescingKey: "k\(n % 4)"))
            }
            var lastValues: Set<Double> = []
            while lastValues.count < 4, let message = await fastMessages.next(type: "event") {
                if let n = message["data"]?["n"]?.number, n > 196 { lastValues.insert(n) }
            }
            #expect(lastValues == [197, 198, 199, 200])
            #expect(hub.statistics.coalesced > 0)
            #expect(hub.statistics.slowDisconnects == 0)

            // Phase 2: large events nobody may skip. The slow client's socket fills, then its queue
            // overflows; the fast client, paced by what it has received, gets every one in order.
            let blob = JSONValue.string(String(repeating: "x", count: 64 * 1024))
            var published: [UInt64] = []
            var fastReceived: [UInt64] = []
            while hub.statistics.slowDisconnects == 0, published.count < 5000 {
                let id = hub.publish(RealtimeEvent(type: .count, topics: [.line(line)], payload: .json(.object(["blob": blob]))))
                published.append(id)
                if let received = await fastMessages.next(type: "event")?.id { fastReceived.append(received) }
            }
            #expect(hub.statistics.slowDisconnects == 1)
            #expect(hub.statistics.connections == 1)
            for _ in 0..<3 {
                let id = hub.publish(RealtimeEvent(type: .count, topics: [.line(line)], payload: .json(.object(["blob": blob]))))
                published.append(id)
                if let received = await fastMessages.next(type: "event")?.id { fastReceived.append(received) }
            }
            #expect(fastReceived == published)

            // The slow client, reading again, finds a gap-free prefix and then the 4008 close.
            await slow.resumeReading()
            var slowReceived: [UInt64] = []
            while let message = await slowMessages.next(type: "event") {
                if message["key"] == nil, let id = message.id { slowReceived.append(id) }
            }
            let close = try await slow.result.value
            #expect(close?.closeCode == .unknown(4008))
            #expect(close?.reason == "too slow")
            #expect(!slowReceived.isEmpty)
            #expect(slowReceived.count < published.count)
            #expect(slowReceived == Array(published.prefix(slowReceived.count)))
            await fast.close()
        }
    }
}
