import Foundation
import SQLKit

/// A kind of record that belongs to one site, and how to find that site from its id.
public enum ScopedRecord: String, Sendable, CaseIterable {
    case site, area, line, equipment, metric, productionOrder, andonCall, jobAssignment, plannedDowntime, checklistCompletion
    case escalationPolicy, andonRule

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
        default: rawValue
        }
    }

    /// A query answering the site id, as `site_id`, of the record `id`.
    func siteQuery(_ id: UUID) -> SQLQueryString {
        "\(unsafeRaw: siteSelect) \(bind: id)"
    }

    /// The query of ``siteQuery(_:)`` up to the record's id.
    private var siteSelect: String {
        switch self {
        case .site: "SELECT id AS site_id FROM sites WHERE id ="
        case .area: "SELECT site_id FROM areas WHERE id ="
        case .line: "SELECT site_id FROM lines WHERE id ="
        case .equipment: "SELECT site_id FROM equipment WHERE id ="
        case .metric: "SELECT site_id FROM metrics WHERE id ="
        case .productionOrder: "SELECT e.site_id FROM production_orders o JOIN equipment e ON e.id = o.equipment_id WHERE o.id ="
        case .andonCall: "SELECT l.site_id FROM andon_calls c JOIN lines l ON l.id = c.line_id WHERE c.id ="
        case .jobAssignment:
            "SELECT e.site_id FROM job_assignments a JOIN production_orders o ON o.id = a.order_id JOIN equipment e ON e.id = o.equipment_id WHERE a.id ="
        case .plannedDowntime: "SELECT l.site_id FROM planned_downtimes d JOIN lines l ON l.id = d.line_id WHERE d.id ="
        case .checklistCompletion: "SELECT e.site_id FROM checklist_completions c JOIN equipment e ON e.id = c.equipment_id WHERE c.id ="
        case .escalationPolicy: "SELECT l.site_id FROM escalation_policies p JOIN lines l ON l.id = p.line_id WHERE p.id ="
        case .andonRule: "SELECT e.site_id FROM andon_rules r JOIN equipment e ON e.id = r.equipment_id WHERE r.id ="
        }
    }
}
