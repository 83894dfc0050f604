import Foundation

/// A stop of production that has ended, as published on the event bus for Andon, the floor app
/// and integrations: `production.stop.unplanned.v1` or `production.stop.planned.v1`.
public struct ProductionStopEvent: Codable, Sendable, Equatable {
    /// The event's name and version.
    public var name: String
    public var equipmentId: UUID
    /// The stop, with the reason proposed from its first-out fault or coded so far.
    public var stop: Stop
    public var planning: StopPlanning

    /// The event of `stop`: planned when its reason is in a planned category of `tree`,
    /// unplanned otherwise (an uncoded stop is unplanned until someone says otherwise).
    public init(equipmentId: UUID, stop: Stop, tree: StopReasonTree) {
        self.equipmentId = equipmentId
        self.stop = stop
        planning = stop.effectiveReasonCode.flatMap { tree.classify($0)?.category.planning } ?? .unplanned
        name = "production.stop.\(planning.rawValue).v1"
    }
}
