import Foundation
import HTTPTypes
import MS5Domain
import MS5Storage

/// The attribute rules a request must pass after its role allowed it: checked per request
/// against the records it touches.
struct AttributeRules: Sendable {
    let shiftDuty: ShiftDutyStore
    let now: @Sendable () -> Date

    /// Creates the rules over `database`, timed by `now`.
    init(database: Database, now: @escaping @Sendable () -> Date) {
        self.shiftDuty = ShiftDutyStore(database: database)
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
}
