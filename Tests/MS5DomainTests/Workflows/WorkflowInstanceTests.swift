import Foundation
import MS5Domain
import Testing

@Suite("Workflow definitions, instances and durable timers")
struct WorkflowInstanceTests {
    let started = Fixtures.at("2026-03-02T09:00:00+01:00")
    let deviation = WorkflowSubject(recordType: "centerline.deviation", recordId: "3f1c9f0e-5d1a-4c55-9a3b-0a7f2d9e6b10")

    func instance(of definition: WorkflowDefinition) throws -> WorkflowInstance {
        try WorkflowInstance.started(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000f1")!, definition: definition, firstStep: "await-action",
            subject: deviation, at: started)
    }

    @Test("new instances start on the latest version; a running one keeps the version it started with")
    func versioning() throws {
        let v1 = WorkflowDefinition(name: "centerline.deviation", version: 1)
        let v2 = WorkflowDefinition(name: "centerline.deviation", version: 2)
        var catalog = try WorkflowCatalog().registering(v1)
        let running = try instance(of: try #require(catalog.latest(named: "centerline.deviation")))
        catalog = try catalog.registering(v2)
        #expect(catalog.latest(named: "centerline.deviation") == v2)
        #expect(try catalog.definition(for: running) == v1)
        #expect(running.definition == v1)
    }

    @Test("versions only grow; registering a deployed version again changes nothing")
    func registration() throws {
        let catalog = try WorkflowCatalog()
            .registering(WorkflowDefinition(name: "dds.action", version: 1))
            .registering(WorkflowDefinition(name: "dds.action", version: 3))
        #expect(try catalog.registering(WorkflowDefinition(name: "dds.action", version: 1)) == catalog)
        #expect { try catalog.registering(WorkflowDefinition(name: "dds.action", version: 2)) } throws: { error in
            WorkflowFixtures.code(error) == .conflict
                && WorkflowFixtures.message(error) == "dds.action version 3 is deployed; a new version must be higher than 3."
        }
        #expect { try catalog.registering(WorkflowDefinition(name: "dds action", version: 0)) } throws: {
            WorkflowFixtures.fields($0) == ["/name", "/version"]
        }
        #expect(catalog.definitions.map(\.version) == [1, 3])
    }

    @Test("a version stays deployed while an instance runs on it")
    func removal() throws {
        let v1 = WorkflowDefinition(name: "centerline.deviation", version: 1)
        let catalog = try WorkflowCatalog().registering(v1).registering(WorkflowDefinition(name: "centerline.deviation", version: 2))
        let running = try instance(of: v1)
        #expect { try catalog.removing(v1, running: [running]) } throws: { error in
            WorkflowFixtures.message(error)
                == "1 running instance(s) still use centerline.deviation version 1; it stays deployed until they end."
        }
        let ended = try running.finished(as: .completed, at: Fixtures.at("2026-03-02T12:00:00+01:00"))
        let trimmed = try catalog.removing(v1, running: [ended])
        #expect(trimmed.definitions == [WorkflowDefinition(name: "centerline.deviation", version: 2)])
        #expect { try trimmed.definition(for: running) } throws: { WorkflowFixtures.code($0) == .notFound }
        #expect { try trimmed.removing(v1, running: []) } throws: { WorkflowFixtures.code($0) == .notFound }
    }

    @Test("an instance moves from step to step until it ends; an ended one does not move")
    func lifecycle() throws {
        let running = try instance(of: WorkflowDefinition(name: "dds.action", version: 1))
        #expect(running.status == .running && running.currentStep == "await-action" && running.updatedAt == started)
        let later = Fixtures.at("2026-03-02T10:00:00+01:00")
        let advanced = try running.advanced(to: "remeasure-loss", at: later)
        #expect(advanced.currentStep == "remeasure-loss" && advanced.updatedAt == later && advanced.startedAt == started)
        #expect { try advanced.advanced(to: "", at: later) } throws: { WorkflowFixtures.fields($0) == ["/currentStep"] }
        #expect { try advanced.finished(as: .running, at: later) } throws: { WorkflowFixtures.fields($0) == ["/status"] }
        let failed = try advanced.finished(as: .failed, at: later)
        #expect(failed.status == .failed && failed.currentStep == "remeasure-loss")
        #expect { try failed.advanced(to: "retry", at: later) } throws: { WorkflowFixtures.code($0) == .conflict }
        #expect { try failed.finished(as: .cancelled, at: later) } throws: { error in
            WorkflowFixtures.message(error)
                == "The workflow instance 00000000-0000-0000-0000-0000000000F1 has already ended (failed at step remeasure-loss)."
        }
    }

    @Test("starting an instance names every invalid field")
    func startValidation() {
        #expect {
            try WorkflowInstance.started(
                id: UUID(), definition: WorkflowDefinition(name: "", version: 0), firstStep: "first step",
                subject: WorkflowSubject(recordType: "", recordId: " "), at: started)
        } throws: { error in
            WorkflowFixtures.fields(error) == [
                "/definition/name", "/definition/version", "/currentStep", "/subject/recordType", "/subject/recordId",
            ]
        }
    }

    @Test("a durable timer needs a purpose, is due from its time on and fires once")
    func durableTimer() throws {
        let instanceId = UUID()
        #expect { try DurableTimer.scheduled(id: UUID(), instanceId: instanceId, purpose: "", fireAt: started) } throws: {
            WorkflowFixtures.fields($0) == ["/purpose"]
        }
        // Escalate the fixture task at its due date, 14:00 CET = 13:00Z.
        let timer = try DurableTimer.scheduled(
            id: UUID(), instanceId: instanceId, purpose: "task.escalate", fireAt: Fixtures.at("2026-03-02T14:00:00+01:00"))
        #expect(!timer.isDue(at: Fixtures.at("2026-03-02T13:59:59+01:00")))
        #expect(timer.isDue(at: Fixtures.at("2026-03-02T14:00:00+01:00")))
        #expect { try timer.fired(at: Fixtures.at("2026-03-02T13:59:00+01:00")) } throws: { WorkflowFixtures.fields($0) == ["/firedAt"] }
        let fired = try timer.fired(at: Fixtures.at("2026-03-02T14:00:02+01:00"))
        #expect(fired.firedAt == Fixtures.at("2026-03-02T14:00:02+01:00") && !fired.isDue(at: Fixtures.at("2026-03-02T15:00:00+01:00")))
        #expect { try fired.fired(at: Fixtures.at("2026-03-02T14:00:03+01:00")) } throws: { error in
            WorkflowFixtures.message(error) == "The timer \(timer.id) already fired at 2026-03-02T13:00:02Z."
        }
    }
}
