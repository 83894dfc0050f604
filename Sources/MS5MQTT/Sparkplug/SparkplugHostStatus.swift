import Foundation

/// The JSON body of a Sparkplug 3.0 host STATE message: `{"online":true,"timestamp":1700000000000}`.
public struct SparkplugHostStatus: Sendable, Hashable, Codable {
    /// Whether the host application is online.
    public var online: Bool
    /// Epoch milliseconds; the birth repeats the will's value.
    public var timestamp: UInt64

    /// Creates a status.
    public init(online: Bool, timestamp: UInt64) {
        self.online = online
        self.timestamp = timestamp
    }

    /// The JSON encoding with keys in a stable order.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(self))
    }
}
