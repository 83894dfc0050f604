import Foundation
import MS5Domain
import MS5Identity
@testable import MS5Storage
import MS5TestSupport
import Testing

/// Every step of a task in the audit ledger and the outbox, and completion with an e-signature.
@Suite("Workflow task history and signatures")
struct HumanTaskHistoryTests {
    @Test("Open, claim, release, claim, complete: each step an audit entry and a workflow.task event in its transaction", arguments: TestDatabases.kinds)
    func everyStepRecorded(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, _, tasks, task) = try await HumanTaskClaimTests.setUp(database)
            let anna = try await plant.actor("anna", database)
            let log = EventLog(database: database)
            let before = try await log.head()
            try await AuditContext.$current.withValue(AuditContext(actor: "anna")) {
                _ = try await tasks.claim(task.id, by: anna, seenRevision: 1)
                _ = try await tasks.release(task.id, by: anna, seenRevision: 2)
                _ = try await tasks.claim(task.id, by: anna, seenRevision: 3)
                _ = try await tasks.complete(task.id, by: anna, seenRevision: 4)
            }
            // A refused step leaves neither.
            _ = try? await tasks.claim(task.id, by: anna, seenRevision: 5)

            let history = try await AuditLedger.history(database, recordType: "workflow task", recordId: task.id.uuidString.lowercased())
            #expect(history.map(\.action) == ["complete", "claim", "release", "claim", "open"])
            #expect(history.dropLast().allSatisfy { $0.actor == "anna" } && history.last?.actor == "system")
            #expect(history.first?.before != nil && history.last?.before == nil)

            let events = try await log.events(after: 0, limit: 100).filter { $0.event.aggregateId == task.id }
            #expect(events.map(\.event.type) == [
                .workflowTaskOpened, .workflowTaskClaimed, .workflowTaskReleased, .workflowTaskClaimed, .workflowTaskCompleted,
            ])
            #expect(try await log.head() == before + 4)
            let completed = try EventData.decode(HumanTaskEvent.self, from: try #require(events.last).event.data)
            let stored = try await tasks.get(task.id)
            #expect(completed.kind == .completed && completed.actor == "anna" && completed.task == stored)
            #expect(events.allSatisfy { $0.event.placement == EventPlacement(siteId: plant.site.id, lineId: plant.bread.id) })
            #expect(events.allSatisfy { $0.event.subject == "task/\(task.id.uuidString.lowercased())" })
            #expect(try await AuditVerification.run(database).problem == nil)
        }
    }

    @Test("A task that needs a signature is completed only signed; the signature binds the task as completed", arguments: TestDatabases.kinds)
    func signedCompletion(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let clock = SettableClock(WorkflowFixture.monday)
            var input = HumanTaskClaimTests.input
            input.lineId = plant.bread.id
            input.requiresSignature = true
            let task = try await plant.open(input, WorkflowStore(database: database, clock: clock.function))
            let tasks = HumanTaskStore(database: database, clock: clock.function)
            let anna = try await plant.actor("anna", database)

            let unsigned = await HumanTaskClaimTests.refusal { try await tasks.complete(task.id, by: anna, seenRevision: 1) }
            #expect(unsigned.0 == .invalid)
            #expect(try await tasks.get(task.id).status == .open)

            let signer = try #require(plant.users["anna"])
            let completed = try await AuditContext.$current.withValue(AuditContext(actor: "anna")) {
                try await tasks.complete(task.id, by: anna, seenRevision: 1, signer: signer)
            }
            let signatureId = try #require(completed.completionSignatureId)
            let signatures = try await SignatureStore(database: database).signatures(of: HumanTask.self, id: task.id)
            #expect(signatures.map(\.id) == [signatureId])
            #expect(signatures.first?.meaning == .authored && signatures.first?.username == "anna" && signatures.first?.recordType == "workflow task")
            // The hash is of the task as completed, the same JSON as the completion's ledger entry.
            let entry = try #require(try await AuditLedger.history(database, recordType: "workflow task", recordId: task.id.uuidString.lowercased()).first)
            #expect(entry.action == "complete")
            #expect(signatures.first?.recordHash == (try CanonicalJSON.sha256(try #require(entry.after))))
        }
    }
}
