import Foundation
import SQLKit

/// A kind of record that belongs to one site, and how to find that site from its id.
public enum ScopedRecord: String, Sendable, CaseIterable {
    case site, area, line, equipment, metric, productionOrder, andonCall, jobAssignment, plannedDowntime, checklistCompletion
    case escalationPolicy, andonRule, humanTask

    /// How the record is named in messages, as its routes name it.
    public var noun: String {
        switch self {
        case .productionOrder: "production order"
        case .andonCall: "Andon call"
        case .jobAssignment: "job assignment"
        case .plannedDowntime: "planned downtime"
        case .checklistCompletion: "checklist completion"
        case .escalationPolicy: "escalation policy"
        case .andonRule: "Andon rule"
        case .humanTask: "task"
        default: rawValue
        }
    }

    /// A query answering `record_id` and `site_id` for each of the records `ids` that exists.
    func sitesQuery(_ ids: [UUID]) -> SQLQueryString {
        let (tables, id, site) = path
        return "SELECT \(unsafeRaw: id) AS record_id, \(unsafeRaw: site) AS site_id FROM \(unsafeRaw: tables) WHERE \(unsafeRaw: id) IN (\(binds: ids))"
    }

    /// The tables joined from the record to its site, the record's id column and the site's.
    private var path: (tables: String, id: String, site: String) {
        switch self {
        case .site: ("sites", "id", "id")
        case .area: ("areas", "id", "site_id")
        case .line: ("lines", "id", "site_id")
        case .equipment: ("equipment", "id", "site_id")
        case .metric: ("metrics", "id", "site_id")
        case .productionOrder: ("production_orders r JOIN equipment e ON e.id = r.equipment_id", "r.id", "e.site_id")
        case .andonCall: ("andon_calls r JOIN lines l ON l.id = r.line_id", "r.id", "l.site_id")
        case .jobAssignment:
            ("job_assignments r JOIN production_orders o ON o.id = r.order_id JOIN equipment e ON e.id = o.equipment_id", "r.id", "e.site_id")
        case .plannedDowntime: ("planned_downtimes r JOIN lines l ON l.id = r.line_id", "r.id", "l.site_id")
        case .checklistCompletion: ("checklist_completions r JOIN equipment e ON e.id = r.equipment_id", "r.id", "e.site_id")
        case .escalationPolicy: ("escalation_policies r JOIN lines l ON l.id = r.line_id", "r.id", "l.site_id")
        case .andonRule: ("andon_rules r JOIN equipment e ON e.id = r.equipment_id", "r.id", "e.site_id")
        case .humanTask: ("human_tasks", "id", "site_id")
        }
    }
}
