import Foundation
import MS5Domain
import Testing

/// Claims on the fixture task (for role maintenance, raised Monday 2026-03-02 09:00 CET = 08:00Z)
/// with a claim lifetime of 4 h.
@Suite("Workflow task claims")
struct WorkflowTaskClaimTests {
    let anna = WorkflowFixtures.anna
    let ben = WorkflowFixtures.ben
    let lifetime: TimeInterval = 4 * 3600

    @Test("anyone eligible claims an open task; the task names them and moves one revision on")
    func claimOpen() throws {
        let task = try WorkflowFixtures.task()
        let claimed = try task.claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: lifetime)
        #expect(claimed.status == .claimed && claimed.claimedBy == "anna")
        #expect(claimed.claimedAt == Fixtures.at("2026-03-02T09:10:00+01:00"))
        // Opened at revision 1, claimed: 2.
        #expect(claimed.revision == 2 && claimed.updatedAt == Fixtures.at("2026-03-02T09:10:00+01:00"))
    }

    @Test("a live claim of someone else is refused, naming who holds it, since when and when it can be taken over")
    func claimHeldByOther() throws {
        let claimed = try WorkflowFixtures.task().claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: lifetime)
        // Claimed 09:10 CET = 08:10Z; 4 h later, 13:10 CET = 12:10Z, it lapses. At 13:09:59 it still holds.
        #expect {
            try claimed.claimed(by: ben, at: Fixtures.at("2026-03-02T13:09:59+01:00"), claimLifetime: lifetime)
        } throws: { error in
            WorkflowFixtures.code(error) == .conflict
                && WorkflowFixtures.message(error)
                    == "The task is claimed by anna since 2026-03-02T08:10:00Z; it can be taken over from 2026-03-02T12:10:00Z."
        }
        // At 13:10 CET the claim is 4 h old: ben takes it over.
        let takenOver = try claimed.claimed(by: ben, at: Fixtures.at("2026-03-02T13:10:00+01:00"), claimLifetime: lifetime)
        #expect(takenOver.claimedBy == "ben" && takenOver.claimedAt == Fixtures.at("2026-03-02T13:10:00+01:00"))
        #expect(takenOver.revision == 3)
    }

    @Test("the holder claims again to renew the claim; usernames match whatever their case")
    func reclaim() throws {
        let claimed = try WorkflowFixtures.task().claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: lifetime)
        let upperCaseAnna = TaskActor(username: "ANNA", roles: [.maintenance])
        let renewed = try claimed.claimed(by: upperCaseAnna, at: Fixtures.at("2026-03-02T12:00:00+01:00"), claimLifetime: lifetime)
        #expect(renewed.claimedAt == Fixtures.at("2026-03-02T12:00:00+01:00") && renewed.revision == 3)
        // Renewed at 12:00 CET: ben still may not take it at 15:59 CET (3 h 59 min later).
        #expect {
            try renewed.claimed(by: ben, at: Fixtures.at("2026-03-02T15:59:00+01:00"), claimLifetime: lifetime)
        } throws: { WorkflowFixtures.code($0) == .conflict }
    }

    @Test("eligibility: the user named, anyone with the role, any member of the team")
    func eligibility() throws {
        let olga = WorkflowFixtures.olga
        #expect(try WorkflowFixtures.task(for: .user("anna")).isEligible(anna))
        #expect(try !WorkflowFixtures.task(for: .user("anna")).isEligible(ben))
        #expect(try WorkflowFixtures.task(for: .role(.maintenance)).isEligible(ben))
        #expect(try !WorkflowFixtures.task(for: .role(.maintenance)).isEligible(olga))
        #expect(try WorkflowFixtures.task(for: .team("MAINT-A")).isEligible(anna))
        #expect(try !WorkflowFixtures.task(for: .team("MAINT-A")).isEligible(ben))
        #expect {
            try WorkflowFixtures.task().claimed(by: olga, at: WorkflowFixtures.raisedAt, claimLifetime: lifetime)
        } throws: { error in
            WorkflowFixtures.code(error) == .forbidden
                && WorkflowFixtures.message(error) == "The task is for role:maintenance, which does not include olga."
        }
    }

    @Test("only the holder releases a claim; the task is open again")
    func release() throws {
        let task = try WorkflowFixtures.task()
        let claimed = try task.claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: lifetime)
        #expect { try claimed.released(by: ben, at: Fixtures.at("2026-03-02T09:20:00+01:00")) } throws: { error in
            WorkflowFixtures.message(error) == "The task is claimed by anna since 2026-03-02T08:10:00Z; only they can release it."
        }
        let released = try claimed.released(by: anna, at: Fixtures.at("2026-03-02T09:20:00+01:00"))
        #expect(released.status == .open && released.claimedBy == nil && released.claimedAt == nil)
        #expect(released.revision == 3)
        #expect { try task.released(by: anna, at: Fixtures.at("2026-03-02T09:20:00+01:00")) } throws: {
            WorkflowFixtures.code($0) == .conflict
        }
    }

    @Test("reassigning releases the claim; the same assignee or a blank name is refused")
    func reassign() throws {
        let claimed = try WorkflowFixtures.task().claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: lifetime)
        let reassigned = try claimed.reassigned(to: .team("MAINT-B"), at: Fixtures.at("2026-03-02T10:00:00+01:00"))
        #expect(reassigned.assignee == .team("MAINT-B") && reassigned.status == .open && reassigned.claimedBy == nil)
        #expect(reassigned.dueAt == claimed.dueAt && reassigned.revision == 3)
        #expect(reassigned.isEligible(ben) && !reassigned.isEligible(anna))
        #expect { try reassigned.reassigned(to: .team("MAINT-B"), at: Fixtures.at("2026-03-02T10:05:00+01:00")) } throws: {
            WorkflowFixtures.fields($0) == ["/assignee"]
        }
        #expect { try reassigned.reassigned(to: .user(" "), at: Fixtures.at("2026-03-02T10:05:00+01:00")) } throws: {
            WorkflowFixtures.fields($0) == ["/assignee"]
        }
    }

    @Test("a completed or cancelled task cannot be claimed, released or reassigned")
    func closedTask() throws {
        let completed = try WorkflowFixtures.task().completed(by: anna, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 1)
        #expect { try completed.claimed(by: ben, at: Fixtures.at("2026-03-02T10:05:00+01:00"), claimLifetime: lifetime) } throws: {
            WorkflowFixtures.message($0) == "The task was already completed by anna at 2026-03-02T09:00:00Z."
        }
        let cancelled = try WorkflowFixtures.task()
            .cancelled(by: "sam", reason: "Rail replaced during the changeover", at: Fixtures.at("2026-03-02T10:00:00+01:00"))
        #expect { try cancelled.reassigned(to: .user("ben"), at: Fixtures.at("2026-03-02T10:05:00+01:00")) } throws: {
            WorkflowFixtures.message($0) == "The task was cancelled by sam at 2026-03-02T09:00:00Z."
        }
        #expect { try cancelled.released(by: anna, at: Fixtures.at("2026-03-02T10:05:00+01:00")) } throws: {
            WorkflowFixtures.code($0) == .conflict
        }
    }
}
