import Foundation
import MS5Domain

/// The health of one controller connection, as the status endpoint and /metrics show it.
public struct PLCStatus: Codable, Sendable, Equatable {
    public var equipmentId: UUID
    public var equipmentCode: String
    public var host: String
    public var port: Int
    public var `protocol`: PLCProtocol
    public var connected: Bool
    /// The last error met, in words; kept after a reconnect until the next error.
    public var lastError: String?
    /// Round trip of the last read, in milliseconds.
    public var roundTripMilliseconds: Double?
    public var readsPerSecond: Double
    public var reconnectAttempts: Int
    /// Tags polled.
    public var tags: Int
    /// Samples handed to the ingest pipeline since the connector started.
    public var samplesStored: Int

    /// Creates a status.
    public init(
        equipmentId: UUID, equipmentCode: String, host: String, port: Int, protocol: PLCProtocol, connected: Bool, lastError: String?,
        roundTripMilliseconds: Double?, readsPerSecond: Double, reconnectAttempts: Int, tags: Int, samplesStored: Int
    ) {
        self.equipmentId = equipmentId
        self.equipmentCode = equipmentCode
        self.host = host
        self.port = port
        self.protocol = `protocol`
        self.connected = connected
        self.lastError = lastError
        self.roundTripMilliseconds = roundTripMilliseconds
        self.readsPerSecond = readsPerSecond
        self.reconnectAttempts = reconnectAttempts
        self.tags = tags
        self.samplesStored = samplesStored
    }
}
