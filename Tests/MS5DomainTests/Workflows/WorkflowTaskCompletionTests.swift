import Foundation
import MS5Domain
import Testing

/// Completing and cancelling the fixture task (for role maintenance, raised Monday 2026-03-02
/// 09:00 CET = 08:00Z, revision 1).
@Suite("Workflow task completion")
struct WorkflowTaskCompletionTests {
    let anna = WorkflowFixtures.anna
    let ben = WorkflowFixtures.ben

    @Test("two tablets offline with the same open task: the second to sync learns who completed it and when")
    func offlineDuplicate() throws {
        let task = try WorkflowFixtures.task()
        // Both opened revision 1. Anna's tablet syncs first, completed at 10:00 CET = 09:00Z.
        let completed = try task.completed(by: anna, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 1)
        #expect(completed.status == .completed && completed.completedBy == "anna" && completed.revision == 2)
        #expect(completed.completedAt == Fixtures.at("2026-03-02T10:00:00+01:00"))
        #expect { try completed.completed(by: ben, at: Fixtures.at("2026-03-02T10:05:00+01:00"), seenRevision: 1) } throws: { error in
            WorkflowFixtures.code(error) == .conflict
                && WorkflowFixtures.message(error) == "The task was already completed by anna at 2026-03-02T09:00:00Z."
        }
    }

    @Test("a stale revision is refused: the task changed since it was opened")
    func staleRevision() throws {
        // Ben opened revision 1; anna claimed (2) and released (3) it since.
        let task = try WorkflowFixtures.task()
            .claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: 4 * 3600)
            .released(by: anna, at: Fixtures.at("2026-03-02T09:20:00+01:00"))
        #expect { try task.completed(by: ben, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 1) } throws: { error in
            WorkflowFixtures.message(error)
                == "The task changed since you opened it (you saw revision 1, it is now at 3); reload it and try again."
        }
        #expect(try task.completed(by: ben, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 3).revision == 4)
    }

    @Test("a claimed task is completed only by the holder; an open one by anyone eligible")
    func whoCompletes() throws {
        let claimed = try WorkflowFixtures.task().claimed(by: anna, at: Fixtures.at("2026-03-02T09:10:00+01:00"), claimLifetime: 4 * 3600)
        #expect { try claimed.completed(by: ben, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 2) } throws: { error in
            WorkflowFixtures.message(error) == "The task is claimed by anna since 2026-03-02T08:10:00Z; only they can complete it."
        }
        let completed = try claimed.completed(by: anna, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 2)
        #expect(completed.claimedBy == "anna" && completed.completedBy == "anna")
        #expect {
            try WorkflowFixtures.task().completed(by: WorkflowFixtures.olga, at: Fixtures.at("2026-03-02T10:00:00+01:00"), seenRevision: 1)
        } throws: { WorkflowFixtures.code($0) == .forbidden }
    }

    @Test("a task that needs an e-signature is completed only with the completer's signature of it")
    func signature() throws {
        let task = try WorkflowFixtures.task(requiresSignature: true)
        let at = Fixtures.at("2026-03-02T10:00:00+01:00")
        #expect { try task.completed(by: anna, at: at, seenRevision: 1) } throws: { WorkflowFixtures.fields($0) == ["/signature"] }
        let otherRecord = signature(of: UUID(), by: "anna")
        #expect { try task.completed(by: anna, at: at, seenRevision: 1, signature: otherRecord) } throws: {
            WorkflowFixtures.fields($0) == ["/signature"]
        }
        #expect { try task.completed(by: anna, at: at, seenRevision: 1, signature: signature(of: task.id, by: "ben")) } throws: {
            WorkflowFixtures.fields($0) == ["/signature"]
        }
        let annas = signature(of: task.id, by: "anna")
        let completed = try task.completed(by: anna, at: at, seenRevision: 1, signature: annas)
        #expect(completed.completionSignatureId == annas.id)
    }

    @Test("cancelling needs a reason; a cancelled task cannot be completed, nor cancelled twice")
    func cancel() throws {
        let task = try WorkflowFixtures.task()
        let at = Fixtures.at("2026-03-02T11:00:00+01:00")
        #expect { try task.cancelled(by: "sam", reason: "  ", at: at) } throws: { WorkflowFixtures.fields($0) == ["/reason"] }
        let cancelled = try task.cancelled(by: "sam", reason: " Duplicate of the tier-1 action \n", at: at)
        #expect(cancelled.status == .cancelled && cancelled.cancelledBy == "sam" && cancelled.cancelledAt == at)
        #expect(cancelled.cancellationReason == "Duplicate of the tier-1 action" && cancelled.revision == 2)
        #expect { try cancelled.completed(by: anna, at: at, seenRevision: 2) } throws: {
            WorkflowFixtures.message($0) == "The task was cancelled by sam at 2026-03-02T10:00:00Z."
        }
        #expect { try cancelled.cancelled(by: "sam", reason: "again", at: at) } throws: { WorkflowFixtures.code($0) == .conflict }
    }

    @Test("JSON: the assignee as one string and the priority as its number; anything else is refused")
    func json() throws {
        let task = try WorkflowFixtures.task(for: .team("MAINT-A"))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let object = try #require(JSONSerialization.jsonObject(with: encoder.encode(task)) as? [String: Any])
        #expect(object["assignee"] as? String == "team:MAINT-A" && object["priority"] as? Int == 2)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(HumanTask.self, from: encoder.encode(task)) == task)
        let assignees = try decoder.decode([TaskAssignee].self, from: Data(#"["user:anna","role:quality"]"#.utf8))
        #expect(assignees == [.user("anna"), .role(.quality)])
        #expect(throws: DecodingError.self) { try decoder.decode(TaskAssignee.self, from: Data(#""role:cook""#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(TaskAssignee.self, from: Data(#""anna""#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(TaskPriority.self, from: Data("7".utf8)) }
    }

    private func signature(of recordId: UUID, by username: String) -> ElectronicSignature {
        ElectronicSignature(
            id: UUID(), recordType: "human task", recordId: recordId, recordHash: String(repeating: "0", count: 64), userId: UUID(),
            username: username, displayName: username.capitalized, meaning: .authored, signedAt: Fixtures.at("2026-03-02T10:00:00+01:00"))
    }
}
