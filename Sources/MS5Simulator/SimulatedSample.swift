import MS5Domain
import Foundation

/// One raw tag value as a PLC poller would deliver it.
public struct SimulatedSample: Sendable, Hashable, Codable {
    /// Equipment code (`SLC1`, `BAG1`, `BSK1`).
    public var equipment: String
    /// Metric key: the tag name or address (see ``SimulatedTags``).
    public var metric: String
    /// When the value was read; always a whole number of ticks after the simulation start.
    public var timestamp: Date
    /// The raw value: counters and codes as whole numbers, bits as 0/1, fault words as the
    /// unsigned 32-bit pattern.
    public var value: Double

    /// Creates a sample.
    public init(equipment: String, metric: String, timestamp: Date, value: Double) {
        self.equipment = equipment
        self.metric = metric
        self.timestamp = timestamp
        self.value = value
    }
}
