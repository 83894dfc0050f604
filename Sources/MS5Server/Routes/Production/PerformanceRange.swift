import Foundation
import Hummingbird
import MS5Domain

/// The `from` and `to` of a performance query: at most 366 days, default the last 24 hours.
struct PerformanceRange: Sendable {
    let span: TimeSpan

    /// Reads and checks the range.
    init(_ request: Request) throws {
        let range = try TimeRange(request)
        span = TimeSpan(start: range.from, end: range.to)
    }

    /// The documented query parameters.
    static let parameters: [APIOperation.Parameter] = [
        .init(name: "from", location: .query, schema: .dateTime, description: "Start of the range (default: 24 h before to)."),
        .init(name: "to", location: .query, schema: .dateTime, description: "End of the range, exclusive (default: now); cut at now."),
    ]

    /// The `stops` query parameter of the performance answers.
    static let stopsParameter = APIOperation.Parameter(
        name: "stops", location: .query, schema: .boolean,
        description: "false: leave out the lists of stops and counter events (answered empty); the KPIs and the Pareto are the same. For long ranges, whose lists run to thousands of entries.")
}
