import Foundation
import MS5Domain

/// Shared data of the workflow tests: a line working 3×8 from 06:00 Monday to Friday in Berlin,
/// two maintenance technicians on different teams, an operator, and a task raised on Monday
/// 2026-03-02 at 09:00 CET.
enum WorkflowFixtures {
    /// 3×8 Mon–Fri from 06:00, Europe/Berlin: Early 06–14, Late 14–22, Night 22–06.
    static let dueDates = DueDateRule(shiftPattern: .threeShifts(), timeZone: Fixtures.berlin)

    /// Maintenance, team MAINT-A.
    static let anna = TaskActor(username: "anna", roles: [.maintenance], teams: ["MAINT-A"])
    /// Maintenance, team MAINT-B.
    static let ben = TaskActor(username: "ben", roles: [.maintenance], teams: ["MAINT-B"])
    /// An operator on no team.
    static let olga = TaskActor(username: "olga", roles: [.operator])

    /// The site and line the fixture task is at.
    static let siteId = UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!
    static let lineId = UUID(uuidString: "00000000-0000-0000-0000-0000000000c2")!

    /// Monday 2026-03-02 09:00 CET = 08:00Z, in the Early shift (06:00–14:00 CET).
    static let raisedAt = Fixtures.at("2026-03-02T09:00:00+01:00")

    /// An open priority-2 task raised at ``raisedAt``, so due at the end of the Early shift,
    /// 14:00 CET = 13:00Z; revision 1.
    static func task(
        for assignee: TaskAssignee = .role(.maintenance), requiresSignature: Bool = false
    ) throws -> HumanTask {
        try HumanTask.opened(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!,
            workflowInstanceId: UUID(uuidString: "00000000-0000-0000-0000-0000000000f1")!, siteId: siteId, lineId: lineId,
            type: "dds.action", title: "Replace the worn guide rail on the bagger", assignee: assignee,
            priority: .endOfShift, requiresSignature: requiresSignature, at: raisedAt, dueDates: dueDates)
    }

    /// The fields a domain error names, or none for any other error.
    static func fields(_ error: any Error) -> [String] {
        (error as? DomainError)?.violations.map(\.field) ?? []
    }

    /// The error's code, when it is a domain error.
    static func code(_ error: any Error) -> DomainError.Code? {
        (error as? DomainError)?.code
    }

    /// The error's message, or "" for any other error.
    static func message(_ error: any Error) -> String {
        (error as? DomainError)?.message ?? ""
    }
}
