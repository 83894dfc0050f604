import Foundation
import Hummingbird
import MS5Domain

/// The `from`, `to` and limit query parameters of a time range, checked.
struct TimeRange: Sendable {
    let from: Date
    let to: Date
    let limit: Int

    /// The longest range one request may ask for.
    static let maximumSpan: TimeInterval = 366 * 86_400

    /// Reads `from` and `to` (ISO 8601; default the last 24 hours) and `limitName` (1…`maximumLimit`).
    init(_ request: Request, limitName: String = "limit", defaultLimit: Int = 1000, maximumLimit: Int = 10_000) throws {
        let query = request.uri.queryParameters
        var v = Validator()
        let to = query["to"].map { ISO8601Coding.parse(String($0)) } ?? Date()
        let from = query["from"].map { ISO8601Coding.parse(String($0)) } ?? to?.addingTimeInterval(-86_400)
        v.check(to != nil, "to", "must be an ISO 8601 time such as 2026-11-22T06:00:00Z")
        v.check(from != nil, "from", "must be an ISO 8601 time such as 2026-11-22T06:00:00Z")
        if let from, let to {
            v.check(from < to, "from", "must be before to")
            v.check(to.timeIntervalSince(from) <= Self.maximumSpan, "to", "must be at most 366 days after from")
        }
        let limit = query[Substring(limitName)].map { Int($0) } ?? defaultLimit
        v.check(limit.map { (1...maximumLimit).contains($0) } ?? false, limitName, "must be a whole number from 1 to \(maximumLimit)")
        try v.finish()
        self.from = from ?? Date()
        self.to = to ?? Date()
        self.limit = limit ?? defaultLimit
    }

    /// The documented query parameters of a range.
    static func parameters(limitName: String = "limit", maximumLimit: Int = 10_000) -> [APIOperation.Parameter] {
        [
            .init(name: "from", location: .query, schema: .dateTime, description: "Start of the range (default: 24 h before to)."),
            .init(name: "to", location: .query, schema: .dateTime, description: "End of the range, exclusive (default: now)."),
            .init(name: limitName, location: .query, schema: .integer(1...maximumLimit), description: "Most items or points to answer."),
        ]
    }
}
