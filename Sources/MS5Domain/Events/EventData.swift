import Foundation

/// How an event's data is written as JSON: keys sorted, times in UTC with milliseconds
/// (`2026-11-22T03:08:57.123Z`, as the API writes them), so the same event always has the
/// same bytes.
public enum EventData {
    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The JSON text of `value`.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timeStyle.format(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Reads a value of `type` from event JSON.
    public static func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = try? timeStyle.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an ISO 8601 time with milliseconds")
            }
            return date
        }
        return try decoder.decode(type, from: Data(json.utf8))
    }

    /// A time as event JSON writes it.
    public static func time(_ date: Date) -> String {
        timeStyle.format(date)
    }
}
