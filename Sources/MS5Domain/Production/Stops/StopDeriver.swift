import Foundation

/// Derives stops from a state timeline and the planned busy time.
public enum StopDeriver {
    /// The stops of one equipment: each maximal run of contiguous non-running
    /// intervals (outside maintenance mode) that overlaps `plannedBusy` becomes one
    /// stop covering that overlap.
    ///
    /// The reason is proposed from the first-out fault (kind fault, `firstOut`)
    /// active when the run began — before any clipping to planned time — using
    /// `reasonForFault` (fault code → reason code); with several, the latest raised
    /// wins. Stops are returned in time order.
    public static func stops(
        equipmentId: String,
        timeline: StateTimeline,
        plannedBusy: TimeSpanSet,
        faults: [FaultRecord] = [],
        reasonForFault: [String: String] = [:]
    ) -> [Stop] {
        timeline.notRunning.spans.compactMap { run in
            let planned = plannedBusy.intersection(run)
            guard let hull = planned.hull else { return nil }
            let fault = firstOutFault(at: run.start, in: faults)
            return Stop(
                id: Stop.identifier(equipmentId: equipmentId, start: hull.start),
                equipmentId: equipmentId,
                plannedSpans: planned,
                initialState: timeline.state(at: run.start) ?? .stopped,
                firstOutFaultCode: fault?.code,
                proposedReasonCode: fault.flatMap { reasonForFault[$0.code] })
        }
    }

    private static func firstOutFault(at date: Date, in faults: [FaultRecord]) -> FaultRecord? {
        faults
            .filter { $0.firstOut && $0.kind == .fault && $0.start <= date && ($0.end.map { $0 > date } ?? true) }
            .max { $0.start < $1.start }
    }
}
