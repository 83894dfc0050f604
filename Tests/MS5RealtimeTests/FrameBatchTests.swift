import NIOCore
import Testing

@testable import MS5Realtime

@Suite("Joining waiting messages into one frame")
struct FrameBatchTests {
    private func message(_ text: String) -> OutboundMessage {
        OutboundMessage(text: ByteBuffer(string: text), key: nil)
    }

    /// Drains `texts` through a batch with `limit` and returns each frame as text.
    private func frames(_ texts: [String], limit: Int) -> [String] {
        var waiting = texts.map(message)[...]
        var batch = FrameBatch(byteLimit: limit)
        var result: [String] = []
        while let frame = batch.nextFrame({ waiting.popFirst() }) {
            result.append(String(buffer: frame))
        }
        return result
    }

    @Test("A message alone goes out as itself, not wrapped in an array")
    func single() {
        #expect(frames([#"{"n":1}"#], limit: 100) == [#"{"n":1}"#])
        #expect(frames([], limit: 100).isEmpty)
    }

    @Test("Waiting messages go out as one JSON array, in queue order")
    func joined() {
        #expect(frames([#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#], limit: 100) == [#"[{"n":1},{"n":2},{"n":3}]"#])
    }

    @Test("The limit counts the brackets and commas; the message that would pass it opens the next frame")
    func limit() {
        // Each message is 7 bytes: two make 2 + 7 + 1 + 7 = 17 bytes, three would make 25.
        let texts = (1...5).map { #"{"n":\#($0)}"# }
        #expect(frames(texts, limit: 17) == [#"[{"n":1},{"n":2}]"#, #"[{"n":3},{"n":4}]"#, #"{"n":5}"#])
        #expect(frames(texts, limit: 16) == texts)
    }

    @Test("A message larger than the limit still goes out, alone")
    func oversized() {
        let big = #"{"blob":""# + String(repeating: "x", count: 50) + #""}"#
        #expect(frames([#"{"n":1}"#, big, #"{"n":2}"#], limit: 20) == [#"{"n":1}"#, big, #"{"n":2}"#])
    }
}
