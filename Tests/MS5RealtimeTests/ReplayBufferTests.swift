import Testing

@testable import MS5Realtime

@Suite struct ReplayBufferTests {
    private func ids(_ lookup: ReplayBuffer<UInt64>.Lookup) -> [UInt64]? {
        if case .available(let values) = lookup { return values }
        return nil
    }

    @Test func emptyBufferIsUpToDateAtZeroOnly() {
        let buffer = ReplayBuffer<UInt64>(capacity: 4)
        #expect(ids(buffer.elements(after: 0)) == [])
        #expect(ids(buffer.elements(after: 3)) == nil)
        #expect(buffer.oldestID == nil)
    }

    @Test func returnsEverythingAfterTheGivenID() {
        var buffer = ReplayBuffer<UInt64>(capacity: 4)
        for id in UInt64(1)...3 { buffer.append(id, id: id) }
        #expect(ids(buffer.elements(after: 0)) == [1, 2, 3])
        #expect(ids(buffer.elements(after: 2)) == [3])
        #expect(ids(buffer.elements(after: 3)) == [])
    }

    @Test func ringKeepsOnlyTheNewest() {
        var buffer = ReplayBuffer<UInt64>(capacity: 4)
        for id in UInt64(1)...10 { buffer.append(id, id: id) }
        #expect(buffer.count == 4)
        #expect(buffer.oldestID == 7)
        #expect(ids(buffer.elements(after: 6)) == [7, 8, 9, 10])
        #expect(ids(buffer.elements(after: 8)) == [9, 10])
        #expect(ids(buffer.elements(after: 5)) == nil)
    }

    @Test func idFromTheFutureIsExpired() {
        var buffer = ReplayBuffer<UInt64>(capacity: 4)
        buffer.append(1, id: 1)
        #expect(ids(buffer.elements(after: 99)) == nil)
    }
}
