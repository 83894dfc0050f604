import Foundation

/// One reading of one address, as the poller reports it.
public struct ModbusSample: Sendable, Hashable {
    /// The address string exactly as configured in the poll group.
    public var address: String
    /// The value read; nil when `quality` is `.bad`.
    public var value: ModbusValue?
    /// When the read completed.
    public var timestamp: Date
    /// Good when `value` was read, bad otherwise.
    public var quality: ModbusQuality
    /// Why the sample is bad; nil for good samples.
    public var error: String?

    /// Creates a sample.
    public init(address: String, value: ModbusValue?, timestamp: Date, quality: ModbusQuality, error: String?) {
        self.address = address
        self.value = value
        self.timestamp = timestamp
        self.quality = quality
        self.error = error
    }
}
