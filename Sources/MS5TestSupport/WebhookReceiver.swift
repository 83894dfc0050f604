import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 that keeps every request it receives and answers each with
/// the next status of a script (then 200), or with one status for as long as the test wants.
public final class WebhookReceiver: Sendable {
    /// One request as received: its headers (names in lower case) and body.
    public struct Received: Sendable {
        public let headers: [String: String]
        public let body: Data
    }

    private let state: Mutex<(received: [Received], statuses: [Int], refusing: Int?)>
    private let channel: Mutex<(any Channel)?> = Mutex(nil)

    /// Creates a receiver answering the requests with `statuses` in turn, then with 200.
    public init(statuses: [Int] = []) {
        state = Mutex((received: [], statuses: statuses, refusing: nil))
    }

    /// Answers every request with `status` from now on, until ``accept()``.
    public func refuse(with status: Int) {
        state.withLock { $0.refusing = status }
    }

    /// Goes back to answering by the script, then with 200.
    public func accept() {
        state.withLock { $0.refusing = nil }
    }

    /// Every request so far, in the order received.
    public var received: [Received] { state.withLock { $0.received } }

    /// Starts listening; returns the URL to POST to.
    public func start() async throws -> String {
        let bound = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap { channel.pipeline.addHandler(Handler(receiver: self)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        channel.withLock { $0 = bound }
        return "http://127.0.0.1:\(bound.localAddress!.port!)/ms5-hook"
    }

    /// Stops listening.
    public func stop() async throws {
        try await channel.withLock { $0 }?.close().get()
    }

    fileprivate func record(_ received: Received) -> Int {
        state.withLock { state in
            state.received.append(received)
            if let refusing = state.refusing { return refusing }
            return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
        }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let receiver: WebhookReceiver
        var head: HTTPRequestHead?
        var body = Data()

        init(receiver: WebhookReceiver) {
            self.receiver = receiver
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = Data()
            case .body(var buffer):
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .end:
                var headers: [String: String] = [:]
                for (name, value) in head?.headers ?? [:] { headers[name.lowercased()] = value }
                let status = receiver.record(Received(headers: headers, body: body))
                let response = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: ["content-length": "0"])
                context.write(wrapOutboundOut(.head(response)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
