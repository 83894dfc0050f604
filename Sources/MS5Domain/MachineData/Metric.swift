import Foundation

/// A value an equipment reports, and where it is read from: a metric definition with its tag
/// binding (connector, address, scaling, deadband, poll group).
public struct Metric: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var siteId: UUID
    public var equipmentId: UUID
    /// Short key, unique per equipment (`speed`, `fault_word_0`, `MC_Avg_Speed`).
    public var key: String
    public var name: String
    public var role: MetricRole
    public var unit: String?
    public var connector: ConnectorType
    /// The address on the connector; empty for pushed values.
    public var address: String
    /// How the raw value is read (`BOOL`, `DINT`, `REAL`, `float32` …), free text for the connector.
    public var dataType: String
    /// Engineering value = raw × scale + offset.
    public var scale: Double
    public var offset: Double
    /// A new value closer than this to the last stored one is not stored (0 stores every change).
    public var deadband: Double
    /// How often the value is polled, 100 ms to 60 s.
    public var pollMilliseconds: Int
    /// For fault words: which 32-bit word of the fault catalog this is (0 for bits 0–31).
    public var faultWordIndex: Int?
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a metric record.
    public init(id: UUID, siteId: UUID, equipmentId: UUID, input: MetricInput, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.siteId = siteId
        self.equipmentId = equipmentId
        self.key = input.key
        self.name = input.name
        self.role = input.role
        self.unit = input.unit
        self.connector = input.connector
        self.address = input.address
        self.dataType = input.dataType
        self.scale = input.scale
        self.offset = input.offset
        self.deadband = input.deadband
        self.pollMilliseconds = input.pollMilliseconds
        self.faultWordIndex = input.faultWordIndex
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The engineering value of a raw reading.
    public func scaled(_ raw: Double) -> Double {
        raw * scale + offset
    }
}
