import Foundation
import MS5Domain
import Synchronization

/// Hands every plant event to every subscriber. A subscriber that falls behind loses its oldest
/// undelivered events (its buffer is bounded) and never slows the publisher or anyone else.
public final class EventBus: Sendable {
    private struct State {
        var sequence: UInt64 = 0
        var subscribers: [UUID: AsyncStream<PlantEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())
    /// Events kept for a subscriber that has not read them yet.
    public let bufferSize: Int

    /// Creates a bus whose subscribers each buffer at most `bufferSize` events.
    public init(bufferSize: Int = 10_000) {
        self.bufferSize = bufferSize
    }

    /// Publishes an event of an equipment to every current subscriber.
    public func publish(_ kind: PlantEvent.Kind, equipmentId: UUID) {
        state.withLock { state in
            state.sequence += 1
            let event = PlantEvent(sequence: state.sequence, publishedAt: Date(), equipmentId: equipmentId, kind: kind)
            for continuation in state.subscribers.values {
                continuation.yield(event)
            }
        }
    }

    /// A stream of every event published from now on, ending when the consumer stops iterating.
    public func subscribe() -> AsyncStream<PlantEvent> {
        let (stream, continuation) = AsyncStream<PlantEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        state.withLock { $0.subscribers[id] = continuation }
        return stream
    }

    /// How many subscribers are listening.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
