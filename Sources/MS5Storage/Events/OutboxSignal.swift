import Synchronization

/// Tells the outbox's followers in this process that events were committed, so that they read
/// at once instead of at their next look.
///
/// It counts commits that wrote events; a follower notes the count before it reads and waits
/// for it to change, which it does at once when a commit came between the read and the wait.
final class OutboxSignal: Sendable {
    private struct State {
        var commits: UInt64 = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// How many commits wrote events so far.
    var commits: UInt64 { state.withLock { $0.commits } }

    /// Counts a commit that wrote events and wakes every waiter.
    func committed() {
        let waiters = state.withLock { state in
            state.commits &+= 1
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until the count differs from `seen`, at most `limit`, or until the task is cancelled.
    func wait(after seen: UInt64, upTo limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: limit) }
            group.addTask { await self.change(after: seen) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns once the count differs from `seen` or the task is cancelled.
    private func change(after seen: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waiting = state.withLock { state in
                    guard state.commits == seen, !Task.isCancelled else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
