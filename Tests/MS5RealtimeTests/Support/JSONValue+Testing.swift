import MS5JSON
import MS5Realtime

extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    var number: Double? {
        guard case .number(let value) = self else { return nil }
        return value
    }

    var strings: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap(\.string)
    }

    /// The `type` of a server message.
    var type: String? { self["type"]?.string }

    /// The `id` of an event message.
    var id: UInt64? { self["id"]?.number.map { UInt64($0) } }
}

extension AsyncStream<JSONValue>.Iterator {
    /// The next message satisfying `predicate`, skipping heartbeats and others; `nil` when the stream ends.
    mutating func next(where predicate: (JSONValue) -> Bool) async -> JSONValue? {
        while let message = await next() {
            if predicate(message) { return message }
        }
        return nil
    }

    /// The next message of `type`.
    mutating func next(type: String) async -> JSONValue? {
        await next { $0.type == type }
    }
}
