import Foundation
import Logging
import NIOCore
import Synchronization

/// Fans events out to subscribed WebSocket clients, keeps a replay buffer for clients that
/// resume, and exchanges events with other instances through an optional ``RealtimeRelay``.
///
/// ``publish(_:)`` is synchronous and never waits for a client: it assigns the next id, encodes
/// the message once, stores it for replay and puts it in the queue of each subscribed client.
/// Run ``run()`` (e.g. as a service) when a relay is configured.
public final class RealtimeHub: Sendable {
    private struct ReplayEntry {
        let topics: [RealtimeTopic]
        let message: OutboundMessage
    }

    private struct State {
        var lastID: UInt64 = 0
        var nextConnectionID: UInt64 = 1
        var replay: ReplayBuffer<ReplayEntry>
        var durable: DurableReplay<ReplayEntry>
        /// The outbox position of the newest event published with one.
        var lastPosition: Int64?
        var subscribers: [RealtimeTopic: [UInt64: RealtimeConnection]] = [:]
        var connections: [UInt64: RealtimeConnection] = [:]
        var statistics = RealtimeHubStatistics()
    }

    /// The limits and timings in use.
    public let configuration: RealtimeHubConfiguration
    /// Identifies this hub's id sequence; sent to clients as `stream` and to the relay as the origin.
    public let instanceID: String
    private let relay: (any RealtimeRelay)?
    private let outgoing: AsyncStream<RealtimeRelayEnvelope>
    private let outgoingContinuation: AsyncStream<RealtimeRelayEnvelope>.Continuation
    private let logger: Logger
    private let state: Mutex<State>

    /// Creates a hub.
    /// - Parameters:
    ///   - configuration: Limits and timings.
    ///   - relay: Connects this hub to the hubs of other instances; `nil` for a single instance.
    ///   - logger: Where the hub logs relay failures and slow clients.
    public init(
        configuration: RealtimeHubConfiguration = .init(),
        relay: (any RealtimeRelay)? = nil,
        logger: Logger = Logger(label: "ms5.realtime")
    ) {
        self.configuration = configuration
        self.instanceID = UUID().uuidString.lowercased()
        self.relay = relay
        self.logger = logger
        (outgoing, outgoingContinuation) = AsyncStream.makeStream(
            bufferingPolicy: .bufferingOldest(configuration.relayBufferLimit)
        )
        state = Mutex(State(
            replay: ReplayBuffer(capacity: configuration.replayCapacity), durable: DurableReplay(capacity: configuration.replayCapacity)))
    }

    /// Publishes a locally produced event to subscribed clients and, when configured, to the relay.
    /// An event of the outbox (with a `position`) is not relayed: every instance reads the outbox
    /// itself, so each publishes it once.
    /// - Returns: The id the event got.
    @discardableResult
    public func publish(_ event: RealtimeEvent) -> UInt64 {
        let id = deliver(event)
        if relay != nil, event.position == nil {
            let result = outgoingContinuation.yield(RealtimeRelayEnvelope(origin: instanceID, event: event))
            if case .dropped = result {
                state.withLock { $0.statistics.relayDropped += 1 }
            }
        }
        return id
    }

    /// Forwards local events to the relay and publishes the relay's events from other instances
    /// locally (never back to the relay). Returns when cancelled or when the relay's sequence ends.
    public func run() async throws {
        guard let relay else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await envelope in self.outgoing {
                    do {
                        try await relay.publish(envelope)
                    } catch {
                        self.logger.error("realtime relay publish failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            group.addTask {
                for try await envelope in relay.incoming() where envelope.origin != self.instanceID {
                    self.deliver(envelope.event)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Says that every outbox event after `position` will be published from now on, in order, so
    /// that clients resuming after a later position are served from memory.
    public func startOutbox(after position: Int64) {
        state.withLock { state in
            state.durable.start(after: position)
            state.lastPosition = position
        }
    }

    /// Keeps an outbox event published before this hub started (it has a `position`) for clients
    /// that resume after an earlier position, without sending it to anyone now. It carries id 0:
    /// it was not published on this hub's stream.
    public func remember(_ event: RealtimeEvent) {
        guard let position = event.position else { return }
        let message = ServerMessages.event(id: 0, tail: ServerMessages.eventTail(event), key: event.coalescingKey)
        state.withLock { state in
            state.durable.append(ReplayEntry(topics: Array(Set(event.topics)), message: message), position: position)
            state.lastPosition = max(state.lastPosition ?? position, position)
        }
    }

    /// Counters and gauges of the hub.
    public var statistics: RealtimeHubStatistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.connections = state.connections.count
            statistics.lastEventID = state.lastID
            return statistics
        }
    }

    @discardableResult
    private func deliver(_ event: RealtimeEvent) -> UInt64 {
        let tail = ServerMessages.eventTail(event)
        let topics = Array(Set(event.topics))
        return state.withLock { state in
            state.lastID += 1
            let id = state.lastID
            let message = ServerMessages.event(id: id, tail: tail, key: event.coalescingKey)
            state.replay.append(ReplayEntry(topics: topics, message: message), id: id)
            if let position = event.position {
                state.durable.append(ReplayEntry(topics: topics, message: message), position: position)
                state.lastPosition = max(state.lastPosition ?? position, position)
            }
            state.statistics.published += 1
            var overflowed: [RealtimeConnection] = []
            var seen = Set<UInt64>()
            for topic in topics {
                guard let subscribers = state.subscribers[topic] else { continue }
                for (connectionID, connection) in subscribers {
                    if topics.count > 1, !seen.insert(connectionID).inserted { continue }
                    guard connection.principal.mayReceive(topics) else { continue }
                    switch connection.enqueue(message) {
                    case .enqueued: state.statistics.enqueued += 1
                    case .coalesced: state.statistics.coalesced += 1
                    case .overflow: overflowed.append(connection)
                    case nil: break
                    }
                }
            }
            for connection in overflowed {
                state.statistics.slowDisconnects += 1
                Self.remove(connection, from: &state)
            }
            return id
        }
    }

    // MARK: Sessions

    func connect(principal: RealtimePrincipal) -> RealtimeConnection {
        state.withLock { state in
            let connection = RealtimeConnection(
                id: state.nextConnectionID,
                principal: principal,
                queueLimit: configuration.clientQueueLimit,
                keyInterval: configuration.keyInterval
            )
            state.nextConnectionID += 1
            state.connections[connection.id] = connection
            return connection
        }
    }

    func disconnect(_ connection: RealtimeConnection) {
        state.withLock { Self.remove(connection, from: &$0) }
    }

    /// Subscribes to `topics`, replaying missed events: those after outbox position
    /// `afterPosition` when given, else those after hub id `resumeFrom` of `stream`.
    ///
    /// Runs under the hub's lock, so no event published meanwhile is missed or sent twice.
    func subscribe(
        _ connection: RealtimeConnection, to topics: [RealtimeTopic], resumeFrom: UInt64?, stream: String?, afterPosition: Int64? = nil
    ) {
        state.withLock { state in
            guard state.connections[connection.id] != nil else { return }
            let previous = connection.topics
            let added = topics.filter { !previous.contains($0) }
            for topic in added {
                state.subscribers[topic, default: [:]][connection.id] = connection
            }
            connection.updateTopics { $0.formUnion(added) }
            guard resumeFrom != nil || afterPosition != nil else {
                connection.enqueue(ServerMessages.subscribed(
                    topics: topics, stream: instanceID, lastID: state.lastID, replayed: 0, position: state.lastPosition))
                return
            }
            let held: [ReplayEntry]?
            if let afterPosition {
                held = state.durable.elements(after: afterPosition)
            } else if let resumeFrom, stream == nil || stream == instanceID, case .available(let entries) = state.replay.elements(after: resumeFrom) {
                held = entries
            } else {
                held = nil
            }
            let addedSet = Set(added)
            let missed = held?.filter { entry in
                entry.topics.contains(where: addedSet.contains) && !entry.topics.contains(where: previous.contains)
                    && connection.principal.mayReceive(entry.topics)
            }.map(\.message)
            if let missed, missed.count < connection.freeQueueSpace {
                connection.enqueue(ServerMessages.subscribed(
                    topics: topics, stream: instanceID, lastID: state.lastID, replayed: missed.count, position: state.lastPosition))
                for message in missed { connection.enqueue(message) }
                state.statistics.replayed += missed.count
            } else {
                state.statistics.resyncs += 1
                connection.enqueue(ServerMessages.subscribed(
                    topics: topics, stream: instanceID, lastID: state.lastID, replayed: 0, position: state.lastPosition))
                let after = afterPosition.map { "position \($0)" } ?? "\(resumeFrom ?? 0)"
                connection.enqueue(
                    ServerMessages.resync(
                        reason: "events after \(after) are no longer available; reload state",
                        stream: instanceID,
                        lastID: state.lastID,
                        topics: topics
                    )
                )
            }
        }
    }

    func unsubscribe(_ connection: RealtimeConnection, from topics: [RealtimeTopic]) {
        state.withLock { state in
            for topic in topics {
                state.subscribers[topic]?[connection.id] = nil
                if state.subscribers[topic]?.isEmpty == true { state.subscribers[topic] = nil }
            }
            connection.updateTopics { $0.subtract(topics) }
            connection.enqueue(ServerMessages.unsubscribed(topics: topics))
        }
    }

    private static func remove(_ connection: RealtimeConnection, from state: inout State) {
        guard state.connections.removeValue(forKey: connection.id) != nil else { return }
        for topic in connection.topics {
            state.subscribers[topic]?[connection.id] = nil
            if state.subscribers[topic]?.isEmpty == true { state.subscribers[topic] = nil }
        }
    }
}
