import Foundation

extension CanonicalEvent {
    /// The event of a step of an Andon call (`andon.triggered.v1`, …), keyed by the call.
    public static func andon(_ event: AndonEvent, siteId: UUID) throws -> CanonicalEvent {
        let time = switch event.kind {
        case .triggered: event.call.raisedAt
        case .acknowledged: event.call.acknowledgedAt ?? event.call.levelReachedAt
        case .escalated: event.call.levelReachedAt
        case .resolved: event.call.resolvedAt ?? event.call.levelReachedAt
        case .cancelled: event.call.cancelledAt ?? event.call.levelReachedAt
        }
        return try CanonicalEvent(
            type: EventType(andon: event.kind), time: time, subjectKind: "andon-call", aggregateId: event.call.id,
            placement: EventPlacement(siteId: siteId, lineId: event.call.lineId, equipmentId: event.call.equipmentId),
            data: event)
    }

    /// The event of a move of an equipment's state timeline, keyed by the equipment.
    public static func stateChanged(_ change: StateChange, equipmentId: UUID, placement: EventPlacement) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: .machineStateChanged, time: change.opened.start, subjectKind: "equipment", aggregateId: equipmentId,
            placement: placement, data: change)
    }

    /// The event of a fault bit raised or cleared, keyed by the equipment.
    public static func fault(_ fault: FaultEvent, equipmentId: UUID, placement: EventPlacement) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: .machineFault, time: fault.at, subjectKind: "equipment", aggregateId: equipmentId, placement: placement,
            data: fault)
    }

    /// The event of a stop during planned production that ended, keyed by the equipment.
    public static func productionStop(_ stop: ProductionStopEvent, placement: EventPlacement) throws -> CanonicalEvent {
        try CanonicalEvent(
            type: EventType(stop: stop.planning), time: stop.stop.end, subjectKind: "equipment",
            aggregateId: stop.equipmentId, placement: placement, data: stop)
    }
}
