import Synchronization

/// A ``RealtimeRelay`` joining hubs in one process, for tests and demos.
///
/// Every relay made by the same ``InMemoryRelay/Network`` receives every envelope published
/// through any of them, its own included, as PostgreSQL NOTIFY does.
public final class InMemoryRelay: RealtimeRelay {
    /// The shared medium several in-memory relays publish to.
    public final class Network: Sendable {
        private let members = Mutex<[AsyncThrowingStream<RealtimeRelayEnvelope, any Error>.Continuation]>([])

        /// Creates an empty network.
        public init() {}

        /// Creates a relay attached to this network.
        public func makeRelay() -> InMemoryRelay {
            let (stream, continuation) = AsyncThrowingStream.makeStream(of: RealtimeRelayEnvelope.self)
            members.withLock { $0.append(continuation) }
            return InMemoryRelay(network: self, stream: stream)
        }

        fileprivate func broadcast(_ envelope: RealtimeRelayEnvelope) {
            for member in members.withLock({ $0 }) {
                member.yield(envelope)
            }
        }
    }

    private let network: Network
    private let stream: AsyncThrowingStream<RealtimeRelayEnvelope, any Error>

    private init(network: Network, stream: AsyncThrowingStream<RealtimeRelayEnvelope, any Error>) {
        self.network = network
        self.stream = stream
    }

    /// Delivers the envelope to every relay of the network.
    public func publish(_ envelope: RealtimeRelayEnvelope) async throws {
        network.broadcast(envelope)
    }

    /// Envelopes published on the network.
    public func incoming() -> any AsyncSequence<RealtimeRelayEnvelope, any Error> {
        stream
    }
}
