/// What a live-feed frame holds, as the benchmark's clients need to know it, read from the frame's
/// UTF-8 bytes: Foundation's string search cost the client process more than the rest of its work
/// together, and that time showed up as delivery latency.
///
/// A frame is one message or a JSON array of messages (docs/LIVE-PROTOCOL.md). Every message
/// starts with its `type`; an event's fields come in a fixed order, `published` followed by `key`
/// on a coalesced latest value.
struct BenchWsFrame {
    /// One event: its `published` time in ms since 1970, and whether it is a latest value.
    struct Event: Equatable {
        let publishedMilliseconds: Int64
        let coalesced: Bool
    }

    private(set) var events: [Event] = []
    /// Whether the frame answers a `subscribe`.
    private(set) var subscribed = false
    /// Whether the frame holds a heartbeat, to be answered with a pong.
    private(set) var heartbeat = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { read($0) }
    }

    private static let typeField = Array("\"type\":\"".utf8)
    private static let publishedField = Array("\"published\":\"".utf8)
    private static let keyField = Array(",\"key\":".utf8)
    private static let eventType = Array("event\"".utf8)
    private static let subscribedType = Array("subscribed\"".utf8)
    private static let heartbeatType = Array("heartbeat\"".utf8)

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while let value = Self.end(of: Self.typeField, in: bytes, from: index) {
            index = value
            if Self.matches(Self.eventType, in: bytes, at: value),
               let published = Self.end(of: Self.publishedField, in: bytes, from: value), published + 24 <= bytes.count {
                events.append(Event(
                    publishedMilliseconds: Self.milliseconds(UnsafeBufferPointer(rebasing: bytes[published..<(published + 23)])),
                    coalesced: Self.matches(Self.keyField, in: bytes, at: published + 25)))
                index = published + 24
            } else if Self.matches(Self.subscribedType, in: bytes, at: value) {
                subscribed = true
            } else if Self.matches(Self.heartbeatType, in: bytes, at: value) {
                heartbeat = true
            }
        }
    }

    /// The index just past the first occurrence of `pattern` at or after `start`.
    private static func end(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, in: bytes, at: index) { return index + pattern.count }
            index += 1
        }
        return nil
    }

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// Milliseconds since 1970 of `2026-11-22T07:35:01.180` (UTC, the form the feed writes).
    static func milliseconds(_ digits: UnsafeBufferPointer<UInt8>) -> Int64 {
        func number(_ from: Int, _ length: Int) -> Int64 {
            digits[from..<(from + length)].reduce(0) { $0 * 10 + Int64($1 &- UInt8(ascii: "0")) }
        }
        let days = daysSince1970(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        let seconds = ((days * 24 + number(11, 2)) * 60 + number(14, 2)) * 60 + number(17, 2)
        return seconds * 1000 + number(20, 3)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
