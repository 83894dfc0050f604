import Foundation

/// How the API writes and reads times: ISO 8601 in UTC with milliseconds
/// (`2026-11-22T03:08:57.123Z`); times without fractional seconds are read too.
enum ISO8601Coding {
    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    static let withoutFraction = Date.ISO8601FormatStyle()

    /// Reads a time with or without fractional seconds; nil when it is neither.
    static func parse(_ text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? withoutFraction.parse(text))
    }

    /// Encodes a date with milliseconds.
    static let encoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(withFraction.format(date))
    }

    /// Decodes a date with or without fractional seconds, naming the expected form when it is neither.
    static let decoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let date = parse(text) { return date }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "must be an ISO 8601 time such as 2026-11-22T03:08:57.123Z")
    }
}
