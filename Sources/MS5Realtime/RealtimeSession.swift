import Logging
import NIOCore
import NIOWebSocket
import WSCore

/// Serves one upgraded WebSocket: reads client messages, writes the connection's queue,
/// sends heartbeats and closes the socket when the hub or the heartbeat gives up on the client.
struct RealtimeSession: Sendable {
    /// Most bytes of a frame that joins several messages: half the 16 KiB frame limit WebSocket
    /// client libraries commonly start with, so joining never makes a frame too large for them.
    static let frameByteLimit = 8 * 1024

    let hub: RealtimeHub
    let connection: RealtimeConnection
    let canSubscribe: @Sendable (RealtimePrincipal, RealtimeTopic) -> Bool
    /// Whether the principal is still signed in; nil when the endpoint does not follow sign-ins.
    let stillAuthorized: (@Sendable (RealtimePrincipal) async -> Bool)?
    /// A `resumeFrom` given as query parameter, applied to the first `subscribe`.
    let initialResumeFrom: UInt64?
    let logger: Logger

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await writeQueue(to: outbound) }
            group.addTask { await readMessages(from: inbound) }
            group.addTask { await sendHeartbeats() }
            group.addTask { for await _ in connection.closed {} }
            if let stillAuthorized {
                group.addTask { await watchSignIn(stillAuthorized) }
            }
            await group.next()
            group.cancelAll()
        }
        connection.close(.clientGone)
        hub.disconnect(connection)
        if let reason = connection.closeReason, reason != .clientGone {
            await close(outbound, reason: reason)
        }
    }

    private func writeQueue(to outbound: WebSocketOutboundWriter) async {
        var batch = FrameBatch(byteLimit: Self.frameByteLimit)
        do {
            for await _ in connection.wakeups {
                while let frame = batch.nextFrame(connection.next) {
                    try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: frame)))
                }
            }
        } catch {
            logger.debug("realtime write ended", metadata: ["error": "\(error)"])
        }
    }

    private func readMessages(from inbound: WebSocketInboundStream) async {
        var resumeFrom = initialResumeFrom
        do {
            for try await message in inbound.messages(maxSize: hub.configuration.maxClientMessageSize) {
                connection.heard()
                guard case .text(let text) = message else {
                    connection.enqueue(ServerMessages.error("messages must be JSON text"))
                    continue
                }
                handle(text, resumeFrom: &resumeFrom)
            }
        } catch {
            logger.debug("realtime read ended", metadata: ["error": "\(error)"])
        }
    }

    private func handle(_ text: String, resumeFrom: inout UInt64?) {
        let message: ClientMessage
        do {
            message = try ClientMessage.decode(text)
        } catch {
            connection.enqueue(ServerMessages.error("message is not valid JSON of the expected shape"))
            return
        }
        switch message.type {
        case "subscribe":
            let topics = acceptedTopics(message.topics ?? [], checkPermission: true)
            hub.subscribe(
                connection, to: topics, resumeFrom: message.resumeFrom ?? resumeFrom, stream: message.stream, afterPosition: message.afterPosition)
            resumeFrom = nil
        case "unsubscribe":
            hub.unsubscribe(connection, from: acceptedTopics(message.topics ?? [], checkPermission: false))
        case "pong":
            break
        default:
            connection.enqueue(ServerMessages.error("unknown message type '\(message.type)'"))
        }
    }

    /// Parses topics, sending an error message for each one that is malformed or refused.
    private func acceptedTopics(_ names: [String], checkPermission: Bool) -> [RealtimeTopic] {
        var accepted: [RealtimeTopic] = []
        for name in names {
            do {
                let topic = try RealtimeTopic(parsing: name)
                if checkPermission, !connection.principal.maySubscribe(topic) || !canSubscribe(connection.principal, topic) {
                    connection.enqueue(ServerMessages.error("not allowed to subscribe to '\(name)'", topic: name))
                } else if !accepted.contains(topic) {
                    accepted.append(topic)
                }
            } catch {
                connection.enqueue(ServerMessages.error(error.description, topic: name))
            }
        }
        return accepted
    }

    private func sendHeartbeats() async {
        let configuration = hub.configuration
        // A client is only dropped after it was sent a heartbeat: a server too busy to wake up in
        // time must not close a client that never had the chance to answer.
        var heartbeatSent = false
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.heartbeatInterval)
            } catch {
                return
            }
            if heartbeatSent, connection.silence > configuration.heartbeatTimeout {
                connection.close(.heartbeatTimeout)
                return
            }
            connection.enqueue(ServerMessages.heartbeat)
            heartbeatSent = true
        }
    }

    /// Asks `stillAuthorized` every check interval and closes the connection (4401) once the
    /// principal's sign-in has ended.
    private func watchSignIn(_ stillAuthorized: @Sendable (RealtimePrincipal) async -> Bool) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: hub.configuration.authorizationCheckInterval)
            } catch {
                return
            }
            if await !stillAuthorized(connection.principal) {
                connection.close(.sessionEnded)
                return
            }
        }
    }

    /// Sends the close frame, giving up after the configured timeout if the client does not read.
    private func close(_ outbound: WebSocketOutboundWriter, reason: CloseReason) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await outbound.close(.unknown(reason.code), reason: reason.reason)
            }
            group.addTask {
                try? await Task.sleep(for: hub.configuration.closeTimeout)
            }
            await group.next()
            group.cancelAll()
        }
    }
}
