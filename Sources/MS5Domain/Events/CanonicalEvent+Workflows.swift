import Foundation

extension CanonicalEvent {
    /// The event of a step of a human task (`workflow.task.claimed.v1`, …), keyed by the task and
    /// placed at its site and line; it happened when the task last changed.
    public static func humanTask(_ event: HumanTaskEvent) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: EventType(task: event.kind), time: event.task.updatedAt, subjectKind: "task", aggregateId: event.task.id,
            placement: EventPlacement(siteId: event.task.siteId, lineId: event.task.lineId), data: event)
    }

    /// The event of a signal delivered to a workflow instance, keyed by the instance and placed
    /// at the wait's site, line and equipment; it happened when it was delivered.
    public static func signalDelivered(_ wait: SignalWait) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: .workflowSignalDelivered, time: wait.deliveredAt ?? wait.waitingSince, subjectKind: "workflow-instance",
            aggregateId: wait.instanceId, placement: EventPlacement(siteId: wait.siteId, lineId: wait.lineId, equipmentId: wait.matcher.equipmentId),
            data: wait)
    }
}
