import Foundation
import Hummingbird
import MS5Domain

/// The query of `GET /v1/tasks`, checked: which states, whose, which line and type, which page,
/// within the account's sites.
struct TaskListQuery: Sendable {
    let status: HumanTaskFilter.Status
    /// Whether only the caller's own tasks are asked for (`assignee=me`).
    let mine: Bool
    let lineId: UUID?
    let type: String?
    let page: PageRequest

    static let parameters: [APIOperation.Parameter] = [
        .init(name: "status", location: .query, schema: .enumeration(HumanTaskFilter.Status.allCases.map(\.rawValue)),
              description: "open (the default: open or claimed), overdue (open or claimed past the due date) or all."),
        .init(name: "assignee", location: .query, schema: .enumeration(["me"]),
              description: "me: only the tasks for you, your role or your teams, held by you, or escalated to you."),
        .filter("lineId", "Only the tasks of this line."),
        .init(name: "type", location: .query, schema: .code, description: "Only the tasks of this type, e.g. dds.action."),
    ] + APIOperation.Parameter.paging

    /// Reads the query of `request`, refusing each bad value by name.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        var v = Validator()
        let status = query["status"].map { HumanTaskFilter.Status(rawValue: String($0)) } ?? .open
        v.check(status != nil, "status", "must be open, overdue or all")
        let assignee = query["assignee"].map(String.init)
        v.check(assignee == nil || assignee == "me", "assignee", "must be me")
        let type = query["type"].map(String.init)
        if let type { v.code(type, "type") }
        try v.finish()
        self.status = status ?? .open
        self.mine = assignee == "me"
        self.lineId = try request.uuidQuery("lineId")
        self.type = type
        self.page = try request.pageRequest()
    }

    /// The filter for `actor` (when only their tasks are asked for) within `scope`.
    func filter(actor: TaskActor?, scope: SiteScope) -> HumanTaskFilter {
        let siteIds: Set<UUID>? = switch scope {
        case .everySite: nil
        case .sites(let ids): ids
        }
        return HumanTaskFilter(status: status, assignee: mine ? actor : nil, lineId: lineId, type: type, siteIds: siteIds)
    }
}
