@testable import MS5Realtime
import Testing

@Suite("Durable replay by outbox position")
struct DurableReplayTests {
    @Test("Holds the events after its start; once full, what it covers moves past the oldest it let go")
    func coverage() {
        var replay = DurableReplay<String>(capacity: 3)
        #expect(replay.elements(after: 0) == nil, "nothing is covered before the hub says where the outbox starts")
        replay.start(after: 10)
        #expect(replay.elements(after: 10) == [])
        replay.append("a", position: 11)
        replay.append("b", position: 12)
        replay.append("c", position: 13)
        #expect(replay.elements(after: 10) == ["a", "b", "c"])
        #expect(replay.elements(after: 12) == ["c"])
        #expect(replay.elements(after: 9) == nil, "position 10 itself was never held")
        // Position 14 made no live event; 15 pushes 11 out, so only clients past 11 are served.
        replay.append("d", position: 15)
        #expect(replay.elements(after: 10) == nil)
        #expect(replay.elements(after: 11) == ["b", "c", "d"])
        #expect(replay.elements(after: 14) == ["d"])
        for position in Int64(16)...40 { replay.append("e\(position)", position: position) }
        #expect(replay.elements(after: 37) == ["e38", "e39", "e40"])
        #expect(replay.elements(after: 36) == nil)
    }
}
