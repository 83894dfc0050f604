import Foundation
import MS5Domain

/// Something that happened on the floor, as the live feed and the stop publisher receive it in this process.
public struct PlantEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// New values of metrics of an equipment (the newest per metric of one batch).
        case values([TelemetrySample])
        /// A fault bit was raised or cleared.
        case fault(FaultEvent)
        /// The equipment's state timeline moved on.
        case state(StateChange)
        /// A stop during planned production ended (`production.stop.planned.v1` or
        /// `production.stop.unplanned.v1`).
        case productionStop(ProductionStopEvent)
    }

    /// A number increasing with every event of this process, for resuming after a gap.
    public let sequence: UInt64
    /// When the event was published.
    public let publishedAt: Date
    /// The equipment the event is about.
    public let equipmentId: UUID
    public let kind: Kind
}
