import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import MS5JSON
import MS5Realtime
import NIOWebSocket
import Testing

@Suite struct WebSocketEndpointTests {
    let lineA = UUID()
    let lineB = UUID()

    private func event(_ n: Int, on topics: [RealtimeTopic], type: RealtimeEventType = .state, key: String? = nil) -> RealtimeEvent {
        RealtimeEvent(type: type, topics: topics, payload: .json(.object(["n": .number(Double(n))])), coalescingKey: key)
    }

    @Test func receivesOnlySubscribedTopics() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        let (lineA, lineB) = (self.lineA, self.lineB)
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port)
            var messages = socket.messages.makeAsyncIterator()
            socket.subscribe(["line:\(lineA)"])
            let subscribed = await messages.next(type: "subscribed")
            #expect(subscribed?["topics"]?.strings == ["line:\(lineA.uuidString.lowercased())"])

            var expected: [UInt64] = []
            for n in 1...30 {
                let topics: [RealtimeTopic] = switch n % 3 {
                case 0: [.line(lineA), .plant]
                case 1: [.line(lineB), .plant]
                default: [.andon]
                }
                let id = hub.publish(event(n, on: topics))
                if n % 3 == 0 { expected.append(id) }
            }
            var received: [UInt64] = []
            while received.count < expected.count, let message = await messages.next(type: "event") {
                #expect(message["topics"]?.strings?.contains("line:\(lineA.uuidString.lowercased())") == true)
                received.append(message.id ?? 0)
            }
            #expect(received == expected)
            await socket.close()
        }
    }

    @Test("A principal of one site gets only its lines' events, even through the plant topic, and cannot subscribe to other lines")
    func siteLimitedPrincipal() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        let (north, south) = (TestServer.northLine, self.lineB)
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port, query: "access_token=north")
            var messages = socket.messages.makeAsyncIterator()
            socket.subscribe(["plant", "line:\(south)"])
            let refused = await messages.next(type: "error")
            #expect(refused?["topic"]?.string == "line:\(south)")
            #expect(await messages.next(type: "subscribed")?["topics"]?.strings == ["plant"])
            hub.publish(event(1, on: [.line(south), .plant]))
            hub.publish(event(2, on: [.plant]))
            let visible = hub.publish(event(3, on: [.line(north), .plant]))
            // Events 1 and 2 are not this principal's: the first event to arrive is 3.
            #expect(await messages.next(type: "event")?.id == visible)
            await socket.close()
        }
    }

    @Test func unsubscribeStopsDeliveryOfThatTopicOnly() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        let lineA = self.lineA
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port)
            var messages = socket.messages.makeAsyncIterator()
            socket.subscribe(["plant", "line:\(lineA)"])
            _ = await messages.next(type: "subscribed")
            socket.send(#"{"type":"unsubscribe","topics":["line:\#(lineA)"]}"#)
            #expect(await messages.next(type: "unsubscribed")?["topics"]?.strings == ["line:\(lineA.uuidString.lowercased())"])
            hub.publish(event(1, on: [.line(lineA)]))
            let plantID = hub.publish(event(2, on: [.plant]))
            #expect(await messages.next(type: "event")?.id == plantID)
            await socket.close()
        }
    }

    @Test func upgradeWithoutValidTokenIsRefused() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        try await TestServer.withServer(hub: hub) { port in
            for query in ["", "access_token=wrong"] {
                let socket = TestSocket(port: port, query: query)
                await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) { try await socket.result.value }
            }
            let headerSocket = TestSocket(port: port, query: "", headers: [.authorization: "Bearer good"])
            var messages = headerSocket.messages.makeAsyncIterator()
            headerSocket.subscribe(["plant"])
            #expect(await messages.next(type: "subscribed") != nil)
            await headerSocket.close()
            #expect(await eventually { hub.statistics.connections == 0 })
        }
    }

    @Test func refusedUpgradeAnswers401AndPlainRequestAnswers426() async throws {
        let app = Application(router: TestServer.makeRouter(hub: RealtimeHub(logger: TestServer.quietLogger)))
        try await app.test(.router) { client in
            let upgradeHeaders: HTTPFields = [.upgrade: "websocket", .connection: "upgrade"]
            try await client.execute(uri: "/realtime", method: .get, headers: upgradeHeaders) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/realtime?access_token=wrong", method: .get, headers: upgradeHeaders) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/realtime?access_token=good", method: .get) { response in
                #expect(response.status == .upgradeRequired)
            }
        }
    }

    @Test func refusedAndMalformedTopicsGetErrorsAndTheConnectionStays() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port, query: "access_token=viewer")
            var messages = socket.messages.makeAsyncIterator()
            socket.subscribe(["andon", "shift:1", "line:42", "plant"])
            var errors: [String] = []
            while let message = await messages.next(), message.type != "subscribed" {
                if message.type == "error", let topic = message["topic"]?.string { errors.append(topic) }
            }
            #expect(errors == ["andon", "shift:1", "line:42"])
            socket.send(#"{"type":"dance"}"#)
            #expect(await messages.next(type: "error")?["message"]?.string == "unknown message type 'dance'")
            let id = hub.publish(event(1, on: [.plant]))
            #expect(await messages.next(type: "event")?.id == id)
            await socket.close()
        }
    }

    @Test func resumeReplaysEveryMissedEventInOrder() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        let (lineA, lineB) = (self.lineA, self.lineB)
        try await TestServer.withServer(hub: hub) { port in
            let first = TestSocket(port: port)
            var firstMessages = first.messages.makeAsyncIterator()
            first.subscribe(["line:\(lineA)"])
            let stream = await firstMessages.next(type: "subscribed")?["stream"]?.string
            var lastSeen: UInt64 = 0
            for n in 1...5 {
                let id = hub.publish(event(n, on: [.line(lineA)]))
                lastSeen = await firstMessages.next(type: "event")?.id ?? 0
                #expect(lastSeen == id)
            }
            await first.close()

            var missed: [UInt64] = []
            for n in 6...25 {
                let id = hub.publish(event(n, on: [n.isMultiple(of: 2) ? .line(lineA) : .line(lineB)]))
                if n.isMultiple(of: 2) { missed.append(id) }
            }
            for (useQuery, resumeFrom) in [(false, lastSeen), (true, missed[4])] {
                let expected = missed.filter { $0 > resumeFrom }
                let second = TestSocket(port: port, query: useQuery ? "access_token=good&resumeFrom=\(resumeFrom)" : "access_token=good")
                var messages = second.messages.makeAsyncIterator()
                second.subscribe(["line:\(lineA)"], resumeFrom: useQuery ? nil : resumeFrom, stream: stream)
                let subscribed = await messages.next(type: "subscribed")
                #expect(subscribed?["replayed"]?.number == Double(expected.count))
                var received: [UInt64] = []
                while received.count < expected.count, let message = await messages.next(type: "event") {
                    received.append(message.id ?? 0)
                }
                #expect(received == expected)
                let live = hub.publish(event(99, on: [.line(lineA)]))
                missed.append(live)
                #expect(await messages.next(type: "event")?.id == live)
                await second.close()
            }
        }
    }

    @Test func resumeOlderThanTheBufferGetsResync() async throws {
        let hub = RealtimeHub(configuration: .init(replayCapacity: 8), logger: TestServer.quietLogger)
        let lineA = self.lineA
        try await TestServer.withServer(hub: hub) { port in
            for n in 1...20 { hub.publish(event(n, on: [.line(lineA)])) }
            for (resumeFrom, stream) in [(UInt64(2), String?.none), (15, "another-instance"), (500, nil)] {
                let socket = TestSocket(port: port)
                var messages = socket.messages.makeAsyncIterator()
                socket.subscribe(["line:\(lineA)"], resumeFrom: resumeFrom, stream: stream)
                let next = await messages.next { $0.type == "resync" || $0.type == "event" }
                #expect(next?.type == "resync")
                #expect(next?["lastId"]?.number == Double(hub.statistics.lastEventID))
                let live = hub.publish(event(0, on: [.line(lineA)]))
                #expect(await messages.next(type: "event")?.id == live)
                await socket.close()
            }
        }
    }

    @Test func burstOfOneKeyIsCoalescedAndTheLastValueArrives() async throws {
        let hub = RealtimeHub(logger: TestServer.quietLogger)
        let lineA = self.lineA
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port)
            var messages = socket.messages.makeAsyncIterator()
            socket.subscribe(["line:\(lineA)"])
            _ = await messages.next(type: "subscribed")
            for n in 1...100 {
                hub.publish(event(n, on: [.line(lineA)], type: .values, key: "values:line:\(lineA):metric:speed"))
            }
            var values: [Double] = []
            while let message = await messages.next(type: "event") {
                let value = message["data"]?["n"]?.number ?? 0
                values.append(value)
                if value == 100 { break }
            }
            #expect(values.last == 100)
            #expect(values.count < 20)
            #expect(values == values.sorted())
            #expect(hub.statistics.coalesced >= 80)
            await socket.close()
        }
    }

    @Test func silentClientIsDroppedAfterHeartbeatTimeout() async throws {
        // Generous against a loaded machine: a heartbeat goes out long before the silent client is dropped.
        let configuration = RealtimeHubConfiguration(heartbeatInterval: .milliseconds(100), heartbeatTimeout: .seconds(2))
        let hub = RealtimeHub(configuration: configuration, logger: TestServer.quietLogger)
        try await TestServer.withServer(hub: hub) { port in
            let socket = TestSocket(port: port)
            var messages = socket.messages.makeAsyncIterator()
            #expect(await messages.next(type: "heartbeat") != nil)
            let close = try await socket.result.value
            #expect(close?.closeCode == .unknown(4001))
            #expect(await eventually { hub.statistics.connections == 0 })
        }
    }

    @Test func eventOnOneHubReachesClientOfAnotherThroughTheRelay() async throws {
        let network = InMemoryRelay.Network()
        let hubA = RealtimeHub(relay: network.makeRelay(), logger: TestServer.quietLogger)
        let hubB = RealtimeHub(relay: network.makeRelay(), logger: TestServer.quietLogger)
        let lineA = self.lineA
        try await TestServer.withServer(hub: hubA) { portA in
            try await TestServer.withServer(hub: hubB) { portB in
                let onA = TestSocket(port: portA)
                let onB = TestSocket(port: portB)
                var messagesA = onA.messages.makeAsyncIterator()
                var messagesB = onB.messages.makeAsyncIterator()
                onA.subscribe(["plant"])
                onB.subscribe(["plant"])
                _ = await messagesA.next(type: "subscribed")
                _ = await messagesB.next(type: "subscribed")

                hubA.publish(event(1, on: [.line(lineA), .plant]))
                hubB.publish(event(2, on: [.plant]))
                hubA.publish(event(3, on: [.plant]))
                var onBValues: [Double] = []
                var onAValues: [Double] = []
                for _ in 0..<3 {
                    onBValues.append(await messagesB.next(type: "event")?["data"]?["n"]?.number ?? 0)
                    onAValues.append(await messagesA.next(type: "event")?["data"]?["n"]?.number ?? 0)
                }
                #expect(onAValues.sorted() == [1, 2, 3])
                #expect(onBValues.sorted() == [1, 2, 3])
                #expect(hubA.statistics.published == 3)
                #expect(hubB.statistics.published == 3)
                await onA.close()
                await onB.close()
            }
        }
    }
}
