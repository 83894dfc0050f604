import Foundation
import MS5Domain
import MS5Storage
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    /// The clock as the stores take it.
    var function: @Sendable () -> Date { { self.now } }
}

/// One line with one equipment, and a three-level maintenance policy for high-priority calls:
/// level 1 for 60 s (maintenance role and an e-mail), level 2 for 120 s (a supervisor and a
/// webhook), level 3 the plant manager.
struct AndonFixture {
    let lineId: UUID
    let equipmentId: UUID
    let webhookId: UUID
    let policy: EscalationPolicy

    static let start = ISO8601DateFormatter().date(from: "2027-03-01T08:00:00Z")!

    static func make(_ database: Database, webhookURL: String = "http://127.0.0.1:9/hook", until: EscalationPolicy.Until = .acknowledged) async throws -> AndonFixture {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line 1"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
        let webhook = try await WebhookEndpointStore(database: database).create(
            WebhookEndpointInput(name: "Maintenance pager", url: webhookURL, secret: "a-secret-of-twenty-chars"))
        let policy = try await EscalationPolicyStore(database: database).create(EscalationPolicyInput(
            lineId: line.id, category: .maintenance, priority: .high, until: until, levels: [
                EscalationLevel(delaySeconds: 60, roles: [.maintenance], emails: ["shift-fitter@bakery.example"]),
                EscalationLevel(delaySeconds: 120, users: ["sam.supervisor"], webhookIds: [webhook.id]),
                EscalationLevel(delaySeconds: 300, roles: [.manager]),
            ]))
        return AndonFixture(lineId: line.id, equipmentId: equipment.id, webhookId: webhook.id, policy: policy)
    }

    var callInput: AndonCallInput {
        AndonCallInput(lineId: lineId, equipmentId: equipmentId, category: .maintenance, priority: .high, text: "Film jam at the sealer")
    }
}
