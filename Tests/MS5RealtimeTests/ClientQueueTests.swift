import Testing

@testable import MS5Realtime

@Suite struct ClientQueueTests {
    typealias Queue = ClientQueue<Int>
    let start = ContinuousClock.Instant.now

    private func drain(_ queue: inout Queue, at now: ContinuousClock.Instant) -> [Int] {
        var result: [Int] = []
        while case .element(let value) = queue.next(now: now) { result.append(value) }
        return result
    }

    @Test func deliversInOrder() {
        var queue = Queue(limit: 10, keyInterval: .zero)
        for value in 1...5 { #expect(queue.enqueue(value, key: nil) == .enqueued) }
        #expect(drain(&queue, at: start) == [1, 2, 3, 4, 5])
        #expect(queue.count == 0)
        guard case .empty = queue.next(now: start) else {
            Issue.record("expected an empty queue")
            return
        }
    }

    @Test func newerValueReplacesUndeliveredOneInPlace() {
        var queue = Queue(limit: 10, keyInterval: .zero)
        #expect(queue.enqueue(1, key: "a") == .enqueued)
        #expect(queue.enqueue(2, key: nil) == .enqueued)
        #expect(queue.enqueue(3, key: "a") == .coalesced)
        #expect(queue.enqueue(4, key: "b") == .enqueued)
        #expect(queue.count == 3)
        #expect(drain(&queue, at: start) == [3, 2, 4])
    }

    @Test func deliveredValueIsNotReplaced() {
        var queue = Queue(limit: 10, keyInterval: .zero)
        _ = queue.enqueue(1, key: "a")
        #expect(drain(&queue, at: start) == [1])
        #expect(queue.enqueue(2, key: "a") == .enqueued)
        #expect(drain(&queue, at: start) == [2])
    }

    @Test func rateLimitHoldsBackAndCoalesces() {
        var queue = Queue(limit: 10, keyInterval: .milliseconds(250))
        _ = queue.enqueue(1, key: "a")
        #expect(drain(&queue, at: start) == [1])
        _ = queue.enqueue(2, key: "a")
        _ = queue.enqueue(10, key: nil)
        // 2 is held back; the unkeyed 10 overtakes it
        #expect(drain(&queue, at: start + .milliseconds(100)) == [10])
        #expect(queue.enqueue(3, key: "a") == .coalesced)
        guard case .wait(let due) = queue.next(now: start + .milliseconds(100)) else {
            Issue.record("expected a wait")
            return
        }
        #expect(due == start + .milliseconds(250))
        #expect(drain(&queue, at: due) == [3])
        #expect(queue.count == 0)
    }

    @Test func hundredUpdatesOfOneKeyBecomeFewMessagesEndingWithTheLast() {
        var queue = Queue(limit: 10, keyInterval: .milliseconds(250))
        var delivered: [Int] = []
        for value in 1...100 {
            let now = start + .milliseconds(value * 10)
            _ = queue.enqueue(value, key: "k")
            delivered += drain(&queue, at: now)
        }
        delivered += drain(&queue, at: start + .seconds(5))
        #expect(delivered.count <= 6)
        #expect(delivered.last == 100)
        #expect(delivered == delivered.sorted())
    }

    @Test func overflowWhenFullButCoalescingStillAccepted() {
        var queue = Queue(limit: 3, keyInterval: .zero)
        #expect(queue.enqueue(1, key: nil) == .enqueued)
        #expect(queue.enqueue(2, key: "a") == .enqueued)
        #expect(queue.enqueue(3, key: nil) == .enqueued)
        #expect(queue.enqueue(4, key: "a") == .coalesced)
        #expect(queue.enqueue(5, key: nil) == .overflow)
        #expect(queue.enqueue(6, key: "b") == .overflow)
        #expect(drain(&queue, at: start) == [1, 4, 3])
    }

    @Test func heldValuesCountTowardsTheLimit() {
        var queue = Queue(limit: 2, keyInterval: .seconds(1))
        _ = queue.enqueue(1, key: "a")
        #expect(drain(&queue, at: start) == [1])
        _ = queue.enqueue(2, key: "a")
        #expect(drain(&queue, at: start).isEmpty)
        #expect(queue.count == 1)
        #expect(queue.enqueue(3, key: nil) == .enqueued)
        #expect(queue.enqueue(4, key: nil) == .overflow)
    }

    @Test func longRunKeepsOrderAcrossCompaction() {
        var queue = Queue(limit: 1000, keyInterval: .zero)
        var delivered: [Int] = []
        for value in 0..<5000 {
            _ = queue.enqueue(value, key: value % 3 == 0 ? "k\(value % 7)" : nil)
            if value % 5 == 0 { delivered += drain(&queue, at: start) }
        }
        delivered += drain(&queue, at: start)
        #expect(delivered == delivered.sorted())
        #expect(delivered.last == 4999)
        #expect(Set(delivered).count == delivered.count)
    }
}
