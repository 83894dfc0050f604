import Foundation
import HTTPTypes
import MS5Domain
import MS5Storage

/// The attribute rules a request must pass after its role allowed it: checked per request
/// against the records it touches.
struct AttributeRules: Sendable {
    let shiftDuty: ShiftDutyStore
    let siteAccess: SiteAccessStore
    let now: @Sendable () -> Date

    /// Creates the rules over `database`, timed by `now`.
    init(database: Database, now: @escaping @Sendable () -> Date) {
        self.shiftDuty = ShiftDutyStore(database: database)
        self.siteAccess = SiteAccessStore(database: database)
        self.now = now
    }

    /// Refuses an operator who is not on duty on the line of `equipmentId` (``ShiftDuty``);
    /// other roles pass.
    func requireOnDuty(_ user: User, equipmentId: UUID) async throws {
        guard user.role == .operator else { return }
        if let refusal = try await shiftDuty.refusal(userId: user.id, equipmentId: equipmentId, at: now()) {
            throw Problem(.forbidden, code: "not-on-duty", detail: refusal)
        }
    }

    /// Refuses an operator who is not on duty on the line of the job assignment `assignmentId`;
    /// other roles pass.
    func requireOnDuty(_ user: User, assignmentId: UUID) async throws {
        guard user.role == .operator else { return }
        if let refusal = try await shiftDuty.refusal(userId: user.id, assignmentId: assignmentId, at: now()) {
            throw Problem(.forbidden, code: "not-on-duty", detail: refusal)
        }
    }

    /// Whether the record `id` of kind `record` is in `scope`; a record that does not exist is
    /// left to the handler, which answers 404.
    func allows(_ scope: SiteScope, _ record: ScopedRecord, id: UUID) async throws -> Bool {
        guard case .sites = scope else { return true }
        guard let siteId = try await siteAccess.site(of: record, id: id) else { return true }
        return scope.allows(siteId)
    }

    /// Refuses the record a path names outside `scope` exactly as if it did not exist (404), so
    /// that other sites' records are not even known to exist.
    func requirePathRecord(_ record: ScopedRecord, id: UUID, in scope: SiteScope) async throws {
        guard try await allows(scope, record, id: id) else { throw DomainError.notFound(record.noun, id: id) }
    }

    /// Refuses a parent named in a request body outside `scope` as the field's own check
    /// refuses one that does not exist (422).
    func requireBodyRecord(_ record: ScopedRecord, id: UUID, in scope: SiteScope, field: String) async throws {
        guard try await allows(scope, record, id: id) else {
            throw DomainError.invalid([FieldViolation(field: "/\(field)", reason: "no \(record.noun) with this id exists")])
        }
    }

    /// Refuses a body whose parent (``ScopedInput``) is outside `scope`; other bodies pass.
    func requireParent(of input: some Sendable, in scope: SiteScope) async throws {
        guard let parent = (input as? any ScopedInput)?.scopedParent else { return }
        try await requireBodyRecord(parent.record, id: parent.id, in: scope, field: parent.field)
    }

    /// Refuses samples of metrics outside `scope` as samples of unknown metrics are refused
    /// (422, at most ten named), so that an edge of one site cannot write another's data.
    func requireMetrics(of samples: [TelemetrySample], in scope: SiteScope) async throws {
        guard case .sites = scope else { return }
        let sites = try await siteAccess.sites(of: .metric, ids: Set(samples.map(\.metricId)))
        var outside: [FieldViolation] = []
        for (index, sample) in samples.enumerated() where outside.count < 10 {
            if let site = sites[sample.metricId], !scope.allows(site) {
                outside.append(FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists"))
            }
        }
        if !outside.isEmpty { throw DomainError.invalid(outside) }
    }

    /// The items of `items` whose records are in `scope`.
    func filter<Item: Sendable>(_ items: [Item], in scope: SiteScope, _ record: ScopedRecord, id: (Item) -> UUID) async throws -> [Item] {
        guard case .sites = scope else { return items }
        let sites = try await siteAccess.sites(of: record, ids: Set(items.map(id)))
        return items.filter { item in sites[id(item)].map(scope.allows) ?? true }
    }
}
