import Foundation
import MS5Domain
import Testing

@Suite("Workflow task inputs and events")
struct WorkflowTaskEventTests {
    @Test("an input names a line or a site, not both nor neither; its chain's faults are named under /escalation")
    func inputPlacement() throws {
        var input = HumanTaskInput(type: "dds.action", title: "Fix it", assignee: .role(.maintenance), priority: .direct)
        #expect { try input.validate() } throws: { WorkflowFixtures.fields($0) == ["/lineId"] }
        input.lineId = WorkflowFixtures.lineId
        try input.validate()
        input.siteId = WorkflowFixtures.siteId
        #expect { try input.validate() } throws: { WorkflowFixtures.fields($0) == ["/lineId"] }
        input.lineId = nil
        input.escalation = TaskEscalationChain(levels: [
            TaskEscalationLevel(overdueSeconds: 60, notify: [.role(.supervisor)]), TaskEscalationLevel(overdueSeconds: 30, notify: []),
        ])
        #expect { try input.validate() } throws: {
            WorkflowFixtures.fields($0) == ["/escalation/levels/1/overdueSeconds", "/escalation/levels/1/notify"]
        }
    }

    @Test("each step is its workflow.task type, keyed by the task, placed at its site and line, timed by its last change")
    func canonicalEvent() throws {
        let task = try WorkflowFixtures.task()
        let claimed = try task.claimed(by: WorkflowFixtures.anna, at: Fixtures.at("2026-03-02T09:30:00+01:00"), claimLifetime: 3600)
        let event = try CanonicalEvent.humanTask(HumanTaskEvent(kind: .claimed, task: claimed, actor: "anna"))
        #expect(event.type == .workflowTaskClaimed && event.type.rawValue == "workflow.task.claimed.v1" && event.type.family == "workflow.task")
        #expect(event.aggregateId == task.id && event.subject == "task/00000000-0000-0000-0000-0000000000a1")
        #expect(event.placement == EventPlacement(siteId: WorkflowFixtures.siteId, lineId: WorkflowFixtures.lineId))
        #expect(event.time == Fixtures.at("2026-03-02T09:30:00+01:00"))
        #expect(try EventData.decode(HumanTaskEvent.self, from: event.data) == HumanTaskEvent(kind: .claimed, task: claimed, actor: "anna"))
        let types = HumanTaskEvent.Kind.allCases.map { EventType(task: $0).rawValue }
        #expect(types == [
            "workflow.task.opened.v1", "workflow.task.claimed.v1", "workflow.task.released.v1", "workflow.task.completed.v1",
            "workflow.task.cancelled.v1", "workflow.task.reassigned.v1", "workflow.task.escalated.v1",
        ])
    }
}
