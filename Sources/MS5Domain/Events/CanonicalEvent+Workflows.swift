import Foundation

extension CanonicalEvent {
    /// The event of a step of a human task (`workflow.task.claimed.v1`, …), keyed by the task and
    /// placed at its site and line; it happened when the task last changed.
    public static func humanTask(_ event: HumanTaskEvent) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: EventType(task: event.kind), time: event.task.updatedAt, subjectKind: "task", aggregateId: event.task.id,
            placement: EventPlacement(siteId: event.task.siteId, lineId: event.task.lineId), data: event)
    }
}
