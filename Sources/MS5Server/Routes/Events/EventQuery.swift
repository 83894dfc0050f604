import Foundation
import Hummingbird
import MS5Domain

/// The query of `GET /v1/events`, checked: types, a time range, a line or equipment, the
/// position to continue after and the page size, within the account's sites.
struct EventQuery: Sendable {
    let filter: EventFilter
    let after: Int64
    let limit: Int

    static let parameters: [APIOperation.Parameter] = [
        .init(name: "type", location: .query, schema: .plainString,
              description: "Only events of these types, comma-separated (production.stop.unplanned.v1,andon.triggered.v1)."),
        .init(name: "from", location: .query, schema: .dateTime, description: "Only events that happened at or after this time."),
        .init(name: "to", location: .query, schema: .dateTime, description: "Only events that happened before this time."),
        .init(name: "lineId", location: .query, schema: .uuid, description: "Only events of this line."),
        .init(name: "equipmentId", location: .query, schema: .uuid, description: "Only events of this equipment."),
        .init(name: "after", location: .query, schema: .integer(0...Int.max),
              description: "Continue after this position (the last one seen, or a page's nextCursor); 0, the default, starts at the oldest kept."),
        .init(name: "limit", location: .query, schema: .integer(1...PageRequest.maximumLimit), description: "Most events to answer (default 50)."),
    ]

    /// Reads the query of `request`, refusing each bad value by name; only sites `scope` allows are read.
    init(_ request: Request, scope: SiteScope) throws {
        let query = request.uri.queryParameters
        var v = Validator()
        var types: Set<EventType> = []
        for name in (query["type"].map(String.init) ?? "").split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if let type = EventType(rawValue: trimmed) { types.insert(type) } else {
                v.check(false, "type", "\(trimmed) is not an event type; GET /v1/events/schemas lists them")
            }
        }
        let from = query["from"].map { ISO8601Coding.parse(String($0)) }
        let to = query["to"].map { ISO8601Coding.parse(String($0)) }
        v.check(from.map { $0 != nil } ?? true, "from", "must be an ISO 8601 time such as 2026-11-22T06:00:00Z")
        v.check(to.map { $0 != nil } ?? true, "to", "must be an ISO 8601 time such as 2026-11-22T06:00:00Z")
        if let from = from ?? nil, let to = to ?? nil { v.check(from < to, "from", "must be before to") }
        let after = query["after"].map { Int64($0) } ?? 0
        v.check(after.map { $0 >= 0 } ?? false, "after", "must be a position: a whole number from 0")
        let limit = query["limit"].map { Int($0) } ?? PageRequest.defaultLimit
        v.check(limit.map { (1...PageRequest.maximumLimit).contains($0) } ?? false, "limit", "must be a whole number from 1 to \(PageRequest.maximumLimit)")
        try v.finish()
        let siteIds: Set<UUID>? = switch scope {
        case .everySite: nil
        case .sites(let ids): ids
        }
        filter = EventFilter(
            types: types, from: from ?? nil, to: to ?? nil, siteIds: siteIds, lineId: try request.uuidQuery("lineId"),
            equipmentId: try request.uuidQuery("equipmentId"))
        self.after = after ?? 0
        self.limit = limit ?? PageRequest.defaultLimit
    }
}
