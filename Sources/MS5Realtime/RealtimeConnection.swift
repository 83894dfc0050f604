import Synchronization

/// One connected client as the hub sees it: its queue, topics and close state.
///
/// The hub enqueues while holding its own lock; the session's writer drains. Enqueueing never
/// waits for the socket: it only touches the queue and signals the writer.
final class RealtimeConnection: Sendable {
    typealias Instant = ContinuousClock.Instant

    private struct State {
        var queue: ClientQueue<OutboundMessage>
        var topics: Set<RealtimeTopic> = []
        var closeReason: CloseReason?
        var lastHeard: Instant
        var timerDue: Instant?
    }

    /// The hub-unique number of the connection.
    let id: UInt64
    /// Who is connected.
    let principal: RealtimePrincipal
    /// Signals that the queue may have something to send; finishes when the connection closes.
    let wakeups: AsyncStream<Void>
    /// Finishes when the connection closes.
    let closed: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    private let closedContinuation: AsyncStream<Void>.Continuation
    private let state: Mutex<State>

    init(id: UInt64, principal: RealtimePrincipal, queueLimit: Int, keyInterval: Duration) {
        self.id = id
        self.principal = principal
        (wakeups, wakeContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        (closed, closedContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        state = Mutex(State(queue: ClientQueue(limit: queueLimit, keyInterval: keyInterval), lastHeard: .now))
    }

    /// Why the connection closed, once it has.
    var closeReason: CloseReason? { state.withLock { $0.closeReason } }

    /// The topics the connection is subscribed to (maintained by the hub).
    var topics: Set<RealtimeTopic> { state.withLock { $0.topics } }

    /// Room left in the queue.
    var freeQueueSpace: Int { state.withLock { $0.queue.limit - $0.queue.count } }

    func updateTopics(_ update: (inout Set<RealtimeTopic>) -> Void) {
        state.withLock { update(&$0.topics) }
    }

    /// Queues a message; on overflow the connection closes as too slow.
    /// - Returns: What the queue did, or `nil` when the connection was already closed.
    @discardableResult
    func enqueue(_ message: OutboundMessage) -> ClientQueue<OutboundMessage>.EnqueueResult? {
        let result: ClientQueue<OutboundMessage>.EnqueueResult? = state.withLock { state in
            guard state.closeReason == nil else { return nil }
            let result = state.queue.enqueue(message, key: message.key)
            if result == .overflow { state.closeReason = .tooSlow }
            return result
        }
        switch result {
        case .overflow: finishStreams()
        case .enqueued, .coalesced: wakeContinuation.yield()
        case nil: break
        }
        return result
    }

    /// Takes the next message the writer may send now; schedules a wake-up for held-back ones.
    func next() -> OutboundMessage? {
        let now = Instant.now
        let (next, startTimer): (ClientQueue<OutboundMessage>.Next, Bool) = state.withLock { state in
            guard state.closeReason == nil else { return (.empty, false) }
            let next = state.queue.next(now: now)
            guard case .wait(let due) = next else { return (next, false) }
            if let pending = state.timerDue, pending <= due { return (next, false) }
            state.timerDue = due
            return (next, true)
        }
        switch next {
        case .element(let message):
            return message
        case .wait(let due):
            if startTimer { wake(at: due) }
            return nil
        case .empty:
            return nil
        }
    }

    private func wake(at due: Instant) {
        Task { [self] in
            try? await Task.sleep(until: due, clock: .continuous)
            state.withLock { if $0.timerDue == due { $0.timerDue = nil } }
            wakeContinuation.yield()
        }
    }

    /// Records that the client sent something.
    func heard() {
        state.withLock { $0.lastHeard = .now }
    }

    /// How long the client has been silent.
    var silence: Duration { state.withLock { .now - $0.lastHeard } }

    /// Closes the connection for `reason` unless it is already closed.
    func close(_ reason: CloseReason) {
        let changed = state.withLock { state in
            guard state.closeReason == nil else { return false }
            state.closeReason = reason
            return true
        }
        if changed { finishStreams() }
    }

    private func finishStreams() {
        wakeContinuation.finish()
        closedContinuation.finish()
    }
}
