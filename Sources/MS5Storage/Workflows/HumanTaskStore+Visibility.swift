import Foundation
import MS5Domain
import SQLKit

/// Which tasks are open or overdue, by person, line and type: the lists boards and tablets show.
extension HumanTaskStore {
    /// Stands in for "no due date" in the order of a list, after every real one: 9999-12-31T23:59:59Z.
    static let noDueDate = Date(timeIntervalSince1970: 253_402_300_799)

    /// One page of the tasks `filter` selects at the clock's time, the soonest due first (the
    /// longest overdue at the top, tasks without a due date last), ties by id: an order that
    /// stays put while pages are read.
    public func list(_ filter: HumanTaskFilter, _ page: PageRequest) async throws -> Page<HumanTask> {
        if let siteIds = filter.siteIds, siteIds.isEmpty { return Page(items: [], nextCursor: nil) }
        let now = clock()
        return try await database.read { db in
            let due = SQLFunction("COALESCE", args: SQLColumn("due_at"), SQLBind(Self.noDueDate))
            var query = db.select().column("*").from("human_tasks")
            let active = [HumanTaskStatus.open.rawValue, HumanTaskStatus.claimed.rawValue]
            switch filter.status {
            case .open: query = query.where("status", .in, active)
            case .overdue: query = query.where("status", .in, active).where("due_at", .lessThanOrEqual, SQLBind(now))
            case .all: break
            }
            if let siteIds = filter.siteIds { query = query.where("site_id", .in, SQLBind.group(siteIds.sorted { $0.uuidString < $1.uuidString })) }
            if let lineId = filter.lineId { query = query.where("line_id", .equal, SQLBind(lineId)) }
            if let type = filter.type { query = query.where("type", .equal, SQLBind(type)) }
            if let actor = filter.assignee { query = query.where(Self.isFor(actor)) }
            if let after = page.after {
                let key = Date(timeIntervalSince1970: Double(after.key) ?? 0)
                query = query.where {
                    $0.where(due, .greaterThan, SQLBind(key)).orWhere { $0.where(due, .equal, SQLBind(key)).where("id", .greaterThan, SQLBind(after.id)) }
                }
            }
            let rows = try await query.orderBy(due, SQLDirection.ascending).orderBy("id").limit(page.limit + 1).all().map(HumanTaskRows.task)
            let items = Array(rows.prefix(page.limit))
            let next = rows.count > page.limit ? items.last.map { Self.cursor(after: $0).encoded } : nil
            return Page(items: items, nextCursor: next)
        }
    }

    /// The cursor after `task` in a list's order.
    static func cursor(after task: HumanTask) -> PageCursor {
        PageCursor(key: String((task.dueAt ?? noDueDate).timeIntervalSince1970), id: task.id)
    }

    /// The condition "the task is for `actor`": assigned to them, their role or one of their teams
    /// and not held by someone else; held by them; or escalated to any of these.
    static func isFor(_ actor: TaskActor) -> SQLQueryString {
        let recipients = HumanTaskAssignees.recipients(of: actor)
        let username = actor.username.lowercased()
        let claimed = HumanTaskStatus.claimed.rawValue
        return """
            ((assignee IN (\(binds: recipients)) AND (status <> \(bind: claimed) OR claimed_by = \(bind: username)))
            OR (status = \(bind: claimed) AND claimed_by = \(bind: username))
            OR EXISTS (SELECT 1 FROM human_task_escalations e WHERE e.task_id = human_tasks.id AND e.recipient IN (\(binds: recipients))))
            """
    }
}
