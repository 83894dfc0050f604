import MS5Edge
import Foundation
import Synchronization
import Testing

/// A transport answering from a script, for status bookkeeping without a network.
final class ScriptedTransport: BatchTransport {
    private let script: Mutex<[Result<TransportResponse, URLError>]>
    let sent = Mutex<[EdgeBatch]>([])

    init(_ script: [Result<TransportResponse, URLError>]) {
        self.script = Mutex(script)
    }

    func send(_ batch: EdgeBatch) async throws -> TransportResponse {
        sent.withLock { $0.append(batch) }
        let next = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else {
            return TransportResponse(statusCode: 200, body: Data(#"{"stored": 1, "duplicate": false}"#.utf8))
        }
        return try next.get()
    }
}

@Suite("Forwarder status")
struct ForwarderStatusTests {
    @Test("status updates stream the retries, backoff and counts of a delivery")
    func statusStream() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try await Fixture.openQueue(directory.path("queue.sqlite"))
        try await queue.append(Fixture.samples(0..<15))
        let transport = ScriptedTransport([
            .failure(URLError(.cannotConnectToHost)),
            .success(TransportResponse(statusCode: 500)),
        ])
        let forwarder = Forwarder(queue: queue, transport: transport,
                                  configuration: try ForwarderHarness.configuration(maxBatchSamples: 10),
                                  logger: Fixture.quietLogger)
        let updates = forwarder.statusUpdates()
        let reader = Task {
            var seen: [ForwarderStatus] = []
            for await status in updates { seen.append(status) }  // ends when run() returns
            return seen
        }
        try await ForwarderHarness.withRunning(forwarder) {
            try await eventually("everything delivered") {
                let status = forwarder.status
                return status.samplesSent == 15 && status.backlog == .empty
            }
        }
        let seen = await reader.value
        #expect(seen.first == ForwarderStatus(), "the stream starts with the status at subscription")
        #expect(seen.last?.running == false)
        #expect(seen.contains { $0.currentBackoff != nil && !$0.connected })
        #expect(seen.contains { $0.lastError?.contains("HTTP 500") == true })
        let final = forwarder.status
        #expect(final.retries == 2 && final.batchesSent == 2 && final.samplesSent == 15)
        #expect(final.currentBackoff == nil && final.connected && !final.running)
        let sequences = transport.sent.withLock { $0.map(\.sequence) }
        #expect(sequences == [1, 1, 1, 2], "the same sequence until acknowledged")
        try await queue.close()
    }
}
