import Foundation
import Hummingbird
import HummingbirdWSClient
import Logging
import MS5JSON
import MS5Realtime
import NIOCore
import Synchronization

/// A WebSocket client for tests: send JSON text, read parsed messages, pause reading, close.
final class TestSocket: Sendable {
    private enum Command: Sendable {
        case send(String)
        case close
    }

    /// Every text message received, parsed; finishes when the connection ends.
    let messages: AsyncStream<JSONValue>
    /// Ends with the server's close frame, or throws if the upgrade failed.
    let result: Task<WebSocketCloseFrame?, any Error>
    private let commands: AsyncStream<Command>.Continuation
    private let gate = ReadGate()

    /// Connects to `/realtime` on `port`.
    init(port: Int, query: String = "access_token=good", headers: HTTPFields = [:]) {
        let (messages, received) = AsyncStream.makeStream(of: JSONValue.self)
        let (commandStream, commands) = AsyncStream.makeStream(of: Command.self)
        self.messages = messages
        self.commands = commands
        let gate = self.gate
        result = Task {
            defer { received.finish() }
            return try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/realtime?\(query)",
                configuration: .init(maxFrameSize: 1 << 22, additionalHeaders: headers),
                logger: TestServer.quietLogger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 22) {
                            await gate.passThrough()
                            guard case .text(let text) = message else { continue }
                            // A frame holds one message or an array of the messages that were ready together.
                            let frame = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                            if case .array(let messages) = frame {
                                for message in messages { received.yield(message) }
                            } else {
                                received.yield(frame)
                            }
                        }
                    }
                    group.addTask {
                        for await command in commandStream {
                            switch command {
                            case .send(let text): try await outbound.write(.text(text))
                            case .close: return
                            }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    /// Sends a JSON message.
    func send(_ text: String) {
        commands.yield(.send(text))
    }

    /// Sends `subscribe` for `topics`.
    func subscribe(_ topics: [String], resumeFrom: UInt64? = nil, stream: String? = nil) {
        var fields = ["\"type\":\"subscribe\"", "\"topics\":[\(topics.map { "\"\($0)\"" }.joined(separator: ","))]"]
        if let resumeFrom { fields.append("\"resumeFrom\":\(resumeFrom)") }
        if let stream { fields.append("\"stream\":\"\(stream)\"") }
        send("{\(fields.joined(separator: ","))}")
    }

    /// Closes the connection from the client side.
    func close() async {
        commands.yield(.close)
        _ = try? await result.value
    }

    /// Stops taking messages off the socket, so the server's writes back up.
    func pauseReading() async { await gate.pause() }

    /// Takes messages off the socket again.
    func resumeReading() async { await gate.resume() }
}

/// Blocks the reader while paused.
actor ReadGate {
    private var paused = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func pause() { paused = true }

    func resume() {
        paused = false
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    func passThrough() async {
        guard paused else { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
